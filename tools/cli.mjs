// `npm run cli`: runs the command line from built JavaScript (dist/electron/cli.mjs), building it first when any
// source it is made of is newer than the built file, so a command starts in a fraction of a second instead of
// compiling TypeScript on every start.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildCli } from './build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'electron', 'cli.mjs');

/** The newest modification time under a folder (TypeScript sources, JSON and the lock file that pins deps). */
function newest(dir) {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') max = Math.max(max, newest(path));
    } else if (/\.(ts|mts|json)$/.test(entry.name)) max = Math.max(max, statSync(path).mtimeMs);
  }
  return max;
}

function isStale() {
  let builtAt;
  try {
    builtAt = statSync(built).mtimeMs;
  } catch {
    return true;
  }
  const sources = Math.max(
    newest(join(root, 'electron')),
    newest(join(root, 'common')),
    statSync(join(root, 'package-lock.json')).mtimeMs,
    statSync(fileURLToPath(import.meta.url)).mtimeMs,
    statSync(join(root, 'tools', 'build.mjs')).mtimeMs,
  );
  return sources > builtAt;
}

if (isStale()) await buildCli({ quiet: true });
const { runCli } = await import(pathToFileURL(built).href);
process.exit(await runCli(process.argv.slice(2)));
