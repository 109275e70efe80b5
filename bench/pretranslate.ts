// `npx tsx bench/pretranslate.ts`: pre-translation from a memory, ours against OmegaT 3.6, on the same files in the
// same run. A generated Korean article (10,000 paragraphs) and a 100,000-unit TMX holding all of them; each tool
// is timed as a user runs it, whole commands from start to exit:
//   OmegaT: `omegat <project> --mode=console-translate` (Java start included) on a minimal project (the
//           exporter's omegat.project, paragraph segmentation; the TMX in tm/auto/ so OmegaT fills its
//           translations in);
//   ours:   `npm run cli -- tm import memory.tmx` (reported separately), then
//           `npm run cli -- translate article.txt -o project.json --memory-only --langs vi` (built JavaScript).
// Median of BENCH_RUNS runs (default 3) each; every run must match all paragraphs. Sizes: BENCH_PARAGRAPHS,
// BENCH_UNITS.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { omegatProjectFile } from '../electron/services/export/omegat';
import { decodeProjectFile } from '../electron/services/project/projectfile';
import { benchFiles } from './pretranslate-files';
import { report } from './stats';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PARAGRAPHS = Number(process.env.BENCH_PARAGRAPHS ?? 10_000);
const UNITS = Number(process.env.BENCH_UNITS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Run a command to its end; seconds of wall time. Throws with its stderr when it fails. */
function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return seconds;
}

/** One OmegaT console translation in a fresh project; seconds, and how many paragraphs came out translated. */
async function omegat(work: string, article: string, tmx: string, expected: Set<string>) {
  const project = await mkdtemp(join(work, 'omegat-'));
  for (const d of ['source', 'target', 'tm/auto', 'glossary', 'dictionary', 'omegat'])
    await mkdir(join(project, d), { recursive: true });
  // The exporter's own project file: Korean into Vietnamese, paragraph segmentation.
  await writeFile(join(project, 'omegat.project'), omegatProjectFile('vi-VN', 'vi', 'paragraph'));
  await writeFile(join(project, 'source', 'article.txt'), article);
  await writeFile(join(project, 'tm', 'auto', 'memory.tmx'), tmx);
  // OmegaT keeps its preferences under the home folder: a fresh one per run, as on a new machine.
  const seconds = timed('omegat', [project, '--mode=console-translate'], { ...process.env, HOME: project });
  const [out] = await readdir(join(project, 'target'));
  const paragraphs = (await readFile(join(project, 'target', out!), 'utf8'))
    .split(/\n\s*\n/)
    .map((p) => p.trim());
  return { seconds, matched: paragraphs.filter((p) => expected.has(p)).length };
}

/** Ours: the TMX imported into a fresh data folder, then the article pre-translated from it (memory only). */
async function ours(work: string, articleFile: string, tmxFile: string) {
  const data = await mkdtemp(join(work, 'data-'));
  const env = { ...process.env, REVIEW_DATA_DIR: data };
  const cli = (args: string[]) => timed('npm', ['run', '--silent', 'cli', '--', ...args], env);
  const importSeconds = cli(['tm', 'import', tmxFile]);
  const out = join(data, 'article.project.json');
  const seconds = cli(['translate', articleFile, '-o', out, '--memory-only', '--langs', 'vi']);
  const project = decodeProjectFile(await readFile(out, 'utf8'));
  const matched = project.segments.filter((s) => s.targets.vi.tm !== undefined).length;
  await rm(data, { recursive: true, force: true });
  return { importSeconds, seconds, matched };
}

async function main() {
  const work = await mkdtemp(join(tmpdir(), 'bench-pretranslate-'));
  try {
    const files = benchFiles(PARAGRAPHS, UNITS);
    const articleFile = join(work, 'article.txt');
    const tmxFile = join(work, 'memory.tmx');
    await writeFile(articleFile, files.articleText);
    await writeFile(tmxFile, files.tmx);
    const rows = files.articleRows.length;
    console.log(
      `article: ${rows} rows (headline + ${PARAGRAPHS} paragraphs); memory: ${UNITS} units; ${RUNS} runs`,
    );
    // Build the CLI first, so no run of ours pays for a build (a user's first command would, once).
    timed('npm', ['run', '--silent', 'cli', '--', '--help']);
    const expected = new Set(files.expectedTargets);
    const o: number[] = [];
    const u: number[] = [];
    const imports: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      // Alternated, so both tools see the same load on a shared machine.
      const theirs = await omegat(work, files.articleText, files.tmx, expected);
      const mine = await ours(work, articleFile, tmxFile);
      console.log(
        `run ${run + 1}: OmegaT ${theirs.seconds.toFixed(1)} s (${theirs.matched} matched); ours ${mine.seconds.toFixed(1)} s (${mine.matched} matched), TMX import ${mine.importSeconds.toFixed(1)} s`,
      );
      if (theirs.matched !== rows || mine.matched !== rows)
        throw new Error(`not every row matched: OmegaT ${theirs.matched}, ours ${mine.matched} of ${rows}`);
      o.push(theirs.seconds);
      u.push(mine.seconds);
      imports.push(mine.importSeconds);
    }
    report('OmegaT console pre-translation (median)', median(o), 's');
    report('our pre-translation, CLI --memory-only (median)', median(u), 's', { max: median(o) / 3 });
    report('ours / OmegaT', median(u) / median(o), 'ratio', { max: 1 / 3 });
    const ok = report(`TMX import of ${UNITS} units (median)`, median(imports), 's', { max: 10 });
    process.exitCode = ok ? 0 : 1;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
