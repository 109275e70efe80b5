import { homedir } from 'node:os';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Folder name of the app's data (projects, settings, MT cache) under the OS's per-user config folder. */
export const APP_DIR_NAME = 'Bilingual Review';

/**
 * Where projects, settings and the MT cache live. The desktop app and the browser mode share it, so a project
 * started in one opens in the other. `REVIEW_DATA_DIR` overrides it (tests, portable installs).
 */
export function defaultDataDir(
  env: Readonly<Record<string, string | undefined>>,
  platform = process.platform,
): string {
  if (env.REVIEW_DATA_DIR) return env.REVIEW_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_DIR_NAME);
}

/** The sample article shipped in `samples/`, relative to the app's root folder. */
export const SAMPLE_ARTICLE = join('samples', 'newsis-seoul-vietnam-smart-mobility.ko.txt');

/**
 * The app's root folder (where package.json and samples/ are), found by walking up from a module's folder, so it
 * is right whether the code runs from source (tsx) or bundled into dist/.
 */
export function findAppRoot(fromDir: string): string {
  let dir = fromDir;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'samples'))) return dir;
    const up = dirname(dir);
    if (up === dir) return fromDir;
    dir = up;
  }
}
