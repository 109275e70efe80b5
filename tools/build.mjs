// Builds the renderer (Vite) and the Node-side entries (esbuild): the Electron main process and sandboxed preload,
// and the loopback web host used by the browser mode.
import { build as esbuild } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** esbuild options shared by every Node-side entry. */
const nodeOptions = (quiet) => ({
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: quiet ? 'warning' : 'info',
  absWorkingDir: root,
});

/**
 * What the command line's bundles leave to node_modules: the native SQLite binding and what only loads on request
 * (pg's native driver). Every other dependency is bundled in: a command then starts by reading one file instead of
 * resolving and linking several hundred modules (`--help`: about 1.1 s -> 0.6 s on the shared machine).
 */
const CLI_EXTERNAL = ['better-sqlite3', 'pg-native', 'electron'];

/**
 * A bundle with its dependencies inside: their CommonJS parts still `require` Node's own modules, and
 * write-file-atomic salts its temporary names with `__filename` (the bundle's own path will do).
 */
const withDependencies = {
  format: 'esm',
  external: CLI_EXTERNAL,
  banner: {
    js: [
      "import { createRequire as __cliRequire } from 'node:module';",
      "import { fileURLToPath as __cliPath } from 'node:url';",
      'const require = __cliRequire(import.meta.url);',
      'const __filename = __cliPath(import.meta.url);',
    ].join(' '),
  },
};

/**
 * The command line (`npm run cli`, see tools/cli.mjs) and the import worker it starts: our code and our
 * dependencies bundled into one file each, so a command starts without compiling TypeScript or resolving packages.
 */
export async function buildCli({ quiet = false } = {}) {
  const common = nodeOptions(quiet);
  await Promise.all([
    esbuild({
      ...common,
      ...withDependencies,
      entryPoints: ['electron/cli.ts'],
      outfile: 'dist/electron/cli.mjs',
    }),
    esbuild({
      ...common,
      ...withDependencies,
      entryPoints: ['electron/services/import/worker.ts'],
      outfile: 'dist/electron/import-worker.mjs',
    }),
  ]);
}

export async function buildAll({ quiet = false } = {}) {
  // Loaded only here: the CLI's quick start (tools/cli.mjs) builds with esbuild alone.
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: quiet ? 'warn' : 'info' });
  const common = nodeOptions(quiet);
  await Promise.all([
    buildCli({ quiet }),
    // Main and web host: our code bundled, dependencies loaded from node_modules at run time.
    esbuild({
      ...common,
      entryPoints: ['electron/main.ts'],
      outfile: 'dist/electron/main.mjs',
      format: 'esm',
      packages: 'external',
    }),
    esbuild({
      ...common,
      entryPoints: ['electron/web.ts'],
      outfile: 'dist/electron/web.mjs',
      format: 'esm',
      packages: 'external',
    }),
    // Article imports run in a worker thread (electron/services/import/off-thread.ts looks for this file next to
    // the entry that imports it, i.e. main.mjs, web.mjs or cli.mjs): built with the CLI above.
    // A sandboxed preload can require nothing but electron: everything it needs must be inside the one file.
    esbuild({
      ...common,
      entryPoints: ['electron/preload.ts'],
      outfile: 'dist/electron/preload.cjs',
      format: 'cjs',
      external: ['electron'],
    }),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { quiet: { type: 'boolean' } } });
  buildAll({ quiet: values.quiet === true }).catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
