// The largest units of the code base: every function, arrow function, method and component in `electron/`,
// `renderer/` and `common/` (tests left out) with more lines of logic than the limit, largest first. A line of
// logic is a line of the unit that holds code: blank lines and lines holding only a comment do not count. A
// unit's count includes the functions nested in it (a component's handlers are part of reading it).
//
//   node tools/largest-units.mjs              list units over 80 lines (npm run units)
//   node tools/largest-units.mjs --max 60     another limit
//   node tools/largest-units.mjs DIR          look at the tree under DIR instead of this repository (the tests)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIRS = ['electron', 'renderer', 'common'];
const isTest = (name) => /\.(test|spec)\.tsx?$/.test(name) || name.endsWith('.d.ts');

function walk(dir, out = []) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules' && name !== 'fixtures') walk(path, out);
    } else if (/\.tsx?$/.test(name) && !isTest(name)) out.push(path);
  }
  return out;
}

/** The line numbers (0-based) of a file that hold code, not only white space or a comment. */
function codeLines(source) {
  const lines = new Set();
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.JSX, source.text);
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    const start = source.getLineAndCharacterOfPosition(scanner.getTokenStart()).line;
    const end = source.getLineAndCharacterOfPosition(scanner.getTokenEnd()).line;
    for (let l = start; l <= end; l++) lines.add(l);
  }
  return lines;
}

/** A readable name for a function node: its own, its variable's or property's, or where it is passed. */
function nameOf(node) {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text;
  if (node.name) return node.name.getText();
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))
    return parent.name.getText();
  if (ts.isCallExpression(parent)) return `(passed to ${parent.expression.getText().slice(0, 40)})`;
  return '(anonymous)';
}

const isUnit = (node) =>
  ts.isFunctionDeclaration(node) ||
  ts.isFunctionExpression(node) ||
  ts.isArrowFunction(node) ||
  ts.isMethodDeclaration(node) ||
  ts.isConstructorDeclaration(node) ||
  ts.isGetAccessorDeclaration(node) ||
  ts.isSetAccessorDeclaration(node);

/** Every unit of one file with its lines of logic. */
function unitsOf(path, base) {
  const text = readFileSync(path, 'utf8');
  const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
  const code = [...codeLines(source)];
  const units = [];
  const visit = (node) => {
    if (isUnit(node) && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = code.filter((l) => l >= first && l <= last).length;
      const file = relative(base, path).split(sep).join('/');
      units.push({ file, line: first + 1, name: nameOf(node), lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return units;
}

/** Units under `base` with more than `max` lines of logic, largest first. */
export function largestUnits(base = root, max = 80) {
  const files = SOURCE_DIRS.flatMap((d) => walk(join(base, d)));
  return files
    .flatMap((f) => unitsOf(f, base))
    .filter((u) => u.lines > max)
    .sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file) || a.line - b.line);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--max');
  const max = at === -1 ? 80 : Number(args.splice(at, 2)[1]);
  if (!Number.isInteger(max) || max < 0) {
    console.error('usage: node tools/largest-units.mjs [--max LINES] [DIR]');
    process.exit(2);
  }
  const units = largestUnits(args[0] ?? root, max);
  for (const u of units) console.log(`${String(u.lines).padStart(5)}  ${u.file}:${u.line}  ${u.name}`);
  console.log(`${units.length} unit(s) over ${max} lines of logic`);
}
