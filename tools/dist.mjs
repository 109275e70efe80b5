// `npm run dist [-- --linux|--win|--mac ...]`: build the app and package it with electron-builder (see
// electron-builder.yml). Packaging downloads Electron's binaries for each target (and NSIS/AppImage tools), so
// first check that their host answers: without it, fail with one clear line instead of a stack trace.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll } from './build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const mirror = process.env.ELECTRON_MIRROR ?? 'https://github.com/electron/electron/releases/download/';
const probe = `${mirror.replace(/\/?$/, '/')}v${electronVersion}/SHASUMS256.txt`;

/** Can Electron's binaries be downloaded from here? Resolves to null, or the reason they cannot. */
async function downloadProblem() {
  try {
    const res = await fetch(probe, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(8000) });
    return res.ok ? null : `HTTP ${res.status}`;
  } catch (e) {
    const cause = e?.cause?.code ?? e?.cause?.message ?? e?.name ?? String(e);
    return String(cause);
  }
}

const problem = await downloadProblem();
if (problem) {
  console.error(
    `dist: cannot download Electron ${electronVersion} binaries from ${new URL(probe).host} (${problem}); ` +
      'build the installers on a machine with internet access (or set ELECTRON_MIRROR).',
  );
  process.exit(1);
}

try {
  await buildAll({ quiet: true });
} catch (e) {
  console.error(`dist: the build failed: ${e instanceof Error ? e.message.split('\n')[0] : e}`);
  process.exit(1);
}
const bin = join(
  root,
  'node_modules',
  '.bin',
  process.platform === 'win32' ? 'electron-builder.cmd' : 'electron-builder',
);
const args = ['--config', 'electron-builder.yml', '--publish', 'never', ...process.argv.slice(2)];
const run = spawnSync(bin, args, { cwd: root, stdio: 'inherit' });
if (run.status !== 0) {
  console.error(`dist: electron-builder failed (exit ${run.status ?? run.signal}); see its output above.`);
  process.exit(1);
}
console.log(`dist: installers written to ${join(root, 'release')}`);
