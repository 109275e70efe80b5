// `npm start [-- article-file]`: build, then open the desktop window; where no Electron binary is installed (or
// there is no display), say so in one line and run the same app in the browser mode instead.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildAll } from './build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals: files } = parseArgs({
  options: { browser: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  allowPositionals: true,
});
if (values.help) {
  console.log('usage: npm start [-- [--browser] [article-file…]]');
  process.exit(0);
}
const forceBrowser = values.browser === true;

function electronBinary() {
  try {
    // The electron package's index throws when its binary was never downloaded.
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function hasDisplay() {
  return process.platform !== 'linux' || !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/**
 * A page only this user can read (a private folder, mode 0600) that forwards to the one-time link: the browser is
 * started with the page's path, so the secret never appears on a command line other local users see in `ps`.
 * Removed after a minute (the link works once anyway).
 */
function forwardingPage(link) {
  const dir = mkdtempSync(join(tmpdir(), 'bilingual-review-'));
  const file = join(dir, 'open.html');
  const href = JSON.stringify(link).replace(/</g, '\\u003c');
  writeFileSync(
    file,
    `<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer"><title>Bilingual Review</title>` +
      `<script>location.replace(${href})</script>`,
    { mode: 0o600 },
  );
  setTimeout(() => rmSync(dir, { recursive: true, force: true }), 60_000).unref();
  return file;
}

function openInBrowser(url) {
  const [cmd, cmdArgs] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, cmdArgs, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No desktop browser launcher: the URL printed below is enough.
  }
}

await buildAll({ quiet: true });
const electron = forceBrowser ? null : electronBinary();

if (electron && hasDisplay()) {
  const child = spawn(electron, [join(root, 'dist/electron/main.mjs'), ...files.map((f) => resolve(f))], {
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!forceBrowser)
    console.log(
      electron
        ? 'No display for the Electron window here; opening the browser mode instead.'
        : 'Electron is not installed on this machine (its binary was not downloaded); opening the browser mode instead.',
    );
  const { startWebHost, defaultDataDir } = await import(
    pathToFileURL(join(root, 'dist/electron/web.mjs')).href
  );
  const options = {
    dataDir: defaultDataDir(process.env),
    rendererDir: join(root, 'dist/renderer'),
    appRoot: root,
  };
  // A fixed port keeps the address bookmarkable; if it is taken, any free port will do.
  const host = await startWebHost({ ...options, port: Number(process.env.PORT ?? 4780) }).catch(() =>
    startWebHost({ ...options, port: 0 }),
  );
  // A one-time sign-in link: only this terminal sees it, so other local users and web pages get nothing.
  const link = host.url;
  console.log(`Bilingual Review is running. Open ${link} (a one-time sign-in link; Ctrl+C to stop)`);
  if (!process.env.CI) openInBrowser(forwardingPage(link));
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
