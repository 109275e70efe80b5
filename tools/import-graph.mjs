// The project's import graph (every static, type-only and dynamic import between our own files), checked by
// `npm run lint`: it fails (exit 1) on an import cycle between files, on a cycle between the domain folders of
// `electron/services/` (`export` imports `interchange` and back), and on an upward import between the layers of
// `electron/` (the layer rules themselves are enforced by eslint.config.js; this is the second, whole-graph check).
//
//   node tools/import-graph.mjs            list what is wrong and exit 1, or say nothing and exit 0
//   node tools/import-graph.mjs --report   the same, plus the counts (for the closing notes)
//   node tools/import-graph.mjs DIR        check the tree under DIR instead of this repository (the tool's tests)
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIRS = ['electron', 'common', 'renderer'];
const EXTENSIONS = ['.ts', '.tsx'];

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules' && name !== 'fixtures') walk(path, out);
    } else if (EXTENSIONS.some((e) => name.endsWith(e)) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const toPosix = (p) => p.split(sep).join('/');

/** Our file a relative specifier names, or null (packages, assets). */
function resolveLocal(from, spec) {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec.replace(/\.(m?js|tsx?)$/, ''));
  for (const candidate of [
    ...EXTENSIONS.map((e) => base + e),
    ...EXTENSIONS.map((e) => join(base, 'index' + e)),
  ])
    if (existsSync(candidate)) return candidate;
  return null;
}

/** file → the files it imports (relative paths from `base`, the repository root by default). */
export function importGraph(base = root) {
  const files = SOURCE_DIRS.filter((d) => existsSync(join(base, d))).flatMap((d) => walk(join(base, d)));
  const graph = new Map();
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const deps = new Set();
    for (const { fileName } of info.importedFiles) {
      const target = resolveLocal(file, fileName);
      if (target) deps.add(toPosix(relative(base, target)));
    }
    graph.set(toPosix(relative(base, file)), [...deps]);
  }
  return graph;
}

/** Strongly connected components with more than one file (or a file importing itself): each is a cycle. */
export function cycles(graph) {
  let index = 0;
  const stack = [];
  const meta = new Map();
  const found = [];
  function strong(v) {
    meta.set(v, { index, low: index, on: true });
    index++;
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!meta.has(w)) {
        strong(w);
        meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).low);
      } else if (meta.get(w).on) meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).index);
    }
    if (meta.get(v).low === meta.get(v).index) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        meta.get(w).on = false;
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  }
  for (const v of graph.keys()) if (!meta.has(v)) strong(v);
  return found;
}

/**
 * The layer of a file inside `electron/` (higher imports lower, never the reverse), or null outside it:
 * 0 contract, 1 shared helpers, 2 db, 3 domains, 4 core, 5 transports. `common/` is below everything.
 */
export function layerOf(file) {
  if (file.startsWith('common/')) return -1;
  if (!file.startsWith('electron/')) return null;
  const p = file.slice('electron/'.length);
  if (p === 'contract.ts' || p.startsWith('contract/')) return 0;
  if (
    p.startsWith('services/shared/') ||
    /^services\/(errors|files|xml-parse|sniff-binary|paths|redact|server-url)\.ts$/.test(p)
  )
    return 1;
  if (p.startsWith('services/db/')) return 2;
  if (p.startsWith('services/')) return 3;
  if (p.startsWith('core/') || /^(handlers|validation|dispatch)\.ts$/.test(p)) return 4;
  return 5;
}

/** Imports from a lower layer to a higher one (test files excluded: they may drive anything). */
export function upwardImports(graph) {
  const found = [];
  for (const [from, deps] of graph) {
    if (/\.test\.tsx?$/.test(from)) continue;
    const a = layerOf(from);
    if (a === null) continue;
    for (const to of deps) {
      const b = layerOf(to);
      if (b !== null && b > a) found.push(`${from} → ${to}`);
    }
  }
  return found;
}

/** The domain folder of a file under `electron/services/`, or null. */
function domainOf(file) {
  const m = /^electron\/services\/([^/]+)\//.exec(file);
  return m && m[1] !== 'db' && m[1] !== 'shared' ? m[1] : null;
}

/** Cycles between domain folders (`services/export` ⇄ `services/interchange`), test files excluded. */
export function domainCycles(graph) {
  const folders = new Map();
  for (const [from, deps] of graph) {
    const a = domainOf(from);
    if (!a || /\.test\.tsx?$/.test(from)) continue;
    if (!folders.has(a)) folders.set(a, []);
    for (const to of deps) {
      const b = domainOf(to);
      if (b && b !== a && !folders.get(a).includes(b)) folders.get(a).push(b);
    }
  }
  return cycles(folders);
}

/** Everything that fails the check, one line each (empty when the graph is clean). */
export function problems(graph) {
  return [
    ...cycles(graph).map((c) => `import cycle (${c.length} files): ${c.join(', ')}`),
    ...domainCycles(graph).map((c) => `domain cycle: services/{${c.join(',')}}`),
    ...upwardImports(graph).map((u) => `upward import: ${u}`),
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  const graph = importGraph(dir ? resolve(dir) : root);
  const found = problems(graph);
  for (const p of found) console.error(p);
  if (args.includes('--report'))
    console.log(
      `${graph.size} files, ${cycles(graph).length} import cycles, ${domainCycles(graph).length} domain cycles, ` +
        `${upwardImports(graph).length} upward imports`,
    );
  if (found.length) {
    console.error(
      'Break them: a lower layer never imports a higher one (see the layers in eslint.config.js).',
    );
    process.exit(1);
  }
}
