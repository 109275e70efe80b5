// `npm run setup [-- --test]`: install what the app (and with --test, its test suite) needs on a fresh machine.
// Dependencies come from the lock file; Electron's binary is fetched separately and may fail (no internet to its
// host): the app then runs in the browser mode, so that failure is reported in one line, not fatal.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { test: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
  console.log('usage: npm run setup [-- --test]   (--test: also what the test suite needs, as root)');
  process.exit(0);
}
const withTests = values.test === true;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`setup: '${cmd} ${args.join(' ')}' failed`);
    process.exit(r.status ?? 1);
  }
}

function have(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

// PostgreSQL server binaries (any version Debian ships), for the team desk's tests against a throwaway cluster.
function havePostgres() {
  const base = '/usr/lib/postgresql';
  return existsSync(base) && readdirSync(base).some((v) => existsSync(join(base, v, 'bin', 'initdb')));
}

// 1. System tools for the tests: Chromium for Playwright, xmllint to validate XLIFF/TMX against the schemas, a
//    Hangul font so screenshots show Korean rather than empty boxes, two independent readers of our interchange
//    files: translate-toolkit (edits our XLIFF like a CAT tool, reads our TBX) and OmegaT (opens our package in
//    console mode), python-docx (reads our Word files as Word tools do), and PostgreSQL for the team desk's tests.
if (withTests && process.platform === 'linux') {
  const missing = [
    ['chromium', existsSync('/usr/bin/chromium')],
    ['libxml2-utils', existsSync('/usr/bin/xmllint')],
    ['fonts-noto-cjk', existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')],
    ['translate-toolkit', existsSync('/usr/bin/po2xliff')],
    ['omegat', existsSync('/usr/share/omegat/OmegaT.jar')],
    ['python3-docx', existsSync('/usr/lib/python3/dist-packages/docx/__init__.py')],
    ['postgresql', havePostgres()],
    // setpriv: a test drops root's file-permission override to see a real "permission denied".
    ['util-linux', existsSync('/usr/bin/setpriv')],
  ].filter(([, present]) => !present);
  if (missing.length) {
    const pkgs = missing.map(([p]) => p);
    if (process.getuid?.() === 0 && have('apt-get')) {
      run('apt-get', ['update', '-qq']);
      run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], {
        DEBIAN_FRONTEND: 'noninteractive',
      });
    } else {
      console.error(
        `setup: please install ${pkgs.join(' ')} (e.g. sudo apt-get install ${pkgs.join(' ')}), then run again.`,
      );
      process.exit(1);
    }
  }
}

// 2. npm dependencies, exactly as locked. Skipped when node_modules already matches the lock file.
const lock = join(root, 'package-lock.json');
const installed = join(root, 'node_modules', '.package-lock.json');
if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) {
  console.log('setup: dependencies are up to date');
} else {
  run(npm, ['ci', '--no-audit', '--no-fund'], { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
}

// 3. Electron's binary, best effort.
let electronOk;
try {
  execFileSync(process.execPath, ['-e', "require('fs').accessSync(require('electron'))"], {
    cwd: root,
    stdio: 'ignore',
  });
  electronOk = true;
} catch {
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], {
    cwd: root,
    stdio: 'ignore',
    timeout: 180_000,
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
  });
  electronOk = r.status === 0;
}
console.log(
  electronOk
    ? 'setup: Electron is installed; `npm start` opens the desktop window.'
    : 'setup: Electron binary could not be downloaded here; `npm start` will run the app in the browser mode.',
);
