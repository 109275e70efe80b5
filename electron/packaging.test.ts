import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The packaging configuration is checked here, where no installer can be built (no network to Electron's
// binaries): electron-builder's own schema, and the files and associations the config relies on.
const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

/** The parts of the configuration these tests read. */
interface BuilderConfig {
  linux: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  mac: { target: string[]; icon: string };
  fileAssociations: Array<{ ext: string }>;
  npmRebuild: boolean;
  asarUnpack: string[];
  extraMetadata: { main: string };
}

describe('electron-builder configuration', () => {
  it("passes electron-builder's own schema validation", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(c: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void>;
    };
    await expect(
      validateConfiguration(config, { isEnabled: false, add: () => undefined }),
    ).resolves.toBeUndefined();
    await expect(
      validateConfiguration(
        { ...config, linux: { ...config.linux, tagret: 'deb' } },
        { isEnabled: false, add: () => undefined },
      ),
    ).rejects.toThrow(/Invalid configuration/);
  });

  it('targets AppImage, deb, NSIS and dmg, and associates the project file', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.fileAssociations[0]).toMatchObject({ ext: 'brproj' });
    expect(config.npmRebuild).toBe(true);
    expect(config.asarUnpack.join()).toContain('better-sqlite3');
  });

  it('points at files that exist: icons, and the main entry the build writes', () => {
    for (const f of [config.win.icon, config.mac.icon, join(config.linux.icon, '256x256.png')])
      expect(existsSync(join(root, f)), f).toBe(true);
    const build = readFileSync(join(root, 'tools', 'build.mjs'), 'utf8');
    expect(build).toContain(`outfile: '${config.extraMetadata.main}'`);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      main: string;
      scripts: Record<string, string>;
    };
    expect(pkg.main).toBe(config.extraMetadata.main);
    expect(pkg.scripts.dist).toBe('node tools/dist.mjs');
  });
});
