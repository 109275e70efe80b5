import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AboutInfo } from '../contract';

/**
 * What Help › About shows: the app's version, the runtime's versions, and every component the app ships with its
 * version and licence, read from the installed packages themselves (so the list is what is really inside).
 */
export async function readAboutInfo(opts: {
  appRoot: string;
  appVersion: string;
  mode: AboutInfo['mode'];
  versions: Readonly<Record<string, string | undefined>>;
}): Promise<AboutInfo> {
  const pkg = JSON.parse(await readFile(join(opts.appRoot, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const components = await Promise.all(
    Object.keys(pkg.dependencies ?? {})
      .sort()
      .map(async (name) => {
        try {
          const dep = JSON.parse(
            await readFile(join(opts.appRoot, 'node_modules', name, 'package.json'), 'utf8'),
          ) as { version?: string; license?: string | { type?: string } };
          const license =
            typeof dep.license === 'string' ? dep.license : (dep.license?.type ?? 'see package');
          return { name, version: dep.version ?? '?', license };
        } catch {
          return { name, version: '?', license: 'see package' };
        }
      }),
  );
  const runtime = (['electron', 'chrome', 'node', 'v8'] as const)
    .filter((k) => opts.versions[k])
    .map((k) => ({
      name: k === 'chrome' ? 'Chromium' : k === 'node' ? 'Node.js' : k === 'v8' ? 'V8' : 'Electron',
      version: opts.versions[k]!,
    }));
  return { name: 'Bilingual Review', version: opts.appVersion, mode: opts.mode, runtime, components };
}
