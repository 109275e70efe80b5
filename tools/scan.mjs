// `npm run scan`: Electronegativity (Electron security linter) on the sources and on the built output. It does
// not read bundles named `.mjs`/`.cjs`, so the built files are copied under `.js` names. Every
// finding above informational must be one of the explained ones below (see README › Security scan) or the scan
// fails. Prints one line per scan and exits non-zero on anything unexplained.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const work = join(root, '.scan');

/** Findings reviewed and accepted, with the reason (kept in step with README › Security scan). */
export const EXPLAINED = {
  // Every preload is reported. Ours is sandboxed, exposes only the contract's channels through contextBridge, and
  // main checks each call's sender frame and arguments.
  PRELOAD_JS_CHECK: 'sandboxed preload exposing only the typed contract',
  // Picture links in an article open in the user's browser: only https URLs, only from the window-open handler.
  OPEN_EXTERNAL_JS_CHECK: 'https-only links handed to the default browser',
  // csp-evaluator's generic note on script-src 'self' (a bypass if the origin hosted attacker scripts). Our origin
  // is the app folder (desktop) or the loopback host, which serve only the bundled program.
  CSP_GLOBAL_CHECK: "script-src 'self' on an origin serving only the bundle",
};

function prepare() {
  rmSync(work, { recursive: true, force: true });
  const src = join(work, 'src');
  cpSync(join(root, 'electron'), join(src, 'electron'), {
    recursive: true,
    filter: (f) => !f.endsWith('.test.ts'),
  });
  cpSync(join(root, 'renderer', 'index.html'), join(src, 'renderer', 'index.html'));
  const built = join(work, 'built');
  const dist = join(root, 'dist');
  if (!existsSync(join(dist, 'electron', 'main.mjs'))) {
    console.error('scan: dist/electron/main.mjs is missing; run `npm run build` first.');
    process.exit(1);
  }
  mkdirSync(join(built, 'electron'), { recursive: true });
  for (const f of readdirSync(join(dist, 'electron')).filter((f) => /\.(mjs|cjs)$/.test(f)))
    cpSync(join(dist, 'electron', f), join(built, 'electron', f.replace(/\.(mjs|cjs)$/, '.js')));
  cpSync(join(dist, 'renderer', 'index.html'), join(built, 'renderer', 'index.html'));
  return { src, built };
}

/** Run Electronegativity's own runner (its CSV writer breaks on multi-line samples, so no file output). */
async function scan(input) {
  const quiet = console.log;
  console.log = () => undefined; // the runner chats about fetching translations and Electron releases
  try {
    const i18n = require('@doyensec/electronegativity/dist/locales/i18n.js');
    await (i18n.default ?? i18n)();
    const runner = require('@doyensec/electronegativity');
    const result = await (runner.default ?? runner)(
      {
        input,
        isSarif: false,
        customScan: [],
        excludeFromScan: [],
        isRelative: true,
        isVerbose: false,
        electronVersionOverride: electronVersion,
        parserPlugins: [],
      },
      false,
    );
    return result.issues.map((i) => ({
      issue: i.id,
      severity: i.severity.name,
      file: i.file,
      location: `${i.location.line}:${i.location.column}`,
    }));
  } finally {
    console.log = quiet;
  }
}

const { src, built } = prepare();
let failed = false;
for (const [name, input] of [
  ['sources', src],
  ['built output', built],
]) {
  const findings = await scan(input);
  const above = findings.filter((f) => f.severity !== 'INFORMATIONAL');
  const unexplained = above.filter((f) => !(f.issue in EXPLAINED));
  const counts = Object.entries(
    above.reduce((acc, f) => ({ ...acc, [f.issue]: (acc[f.issue] ?? 0) + 1 }), {}),
  ).map(([k, v]) => `${k}×${v}`);
  console.log(
    `scan ${name}: ${findings.length} findings, ${above.length} above informational` +
      (counts.length ? ` (${counts.join(', ')})` : '') +
      `, ${unexplained.length} unexplained`,
  );
  for (const f of unexplained) console.error(`  ${f.severity} ${f.issue} ${f.file}:${f.location}`);
  failed ||= unexplained.length > 0;
}
rmSync(work, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
