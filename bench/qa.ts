// QA speed: a full pass over a 10,000-row project, and one cell re-checked after a keystroke (what the UI does).
// Prints `name: value unit (target …) PASS|FAIL`, median of several runs and the first (cold) run; not a test.
import { performance } from 'node:perf_hooks';
import { checkRow } from '../common/qa';
import fixtures from '../common/qa/fixtures/news-rows.json';
import type { Project, Segment } from '../electron/contract';
import { checkProject } from '../electron/services/qa';

const N = 10_000;
const rows = fixtures.rows as Array<{ id: string; ko: string; vi: string; en: string }>;
const segments: Segment[] = Array.from({ length: N }, (_, i) => {
  const r = rows[i % rows.length]!;
  return {
    id: `p-${i}`,
    kind: 'paragraph',
    source: r.ko,
    translate: true,
    targets: { vi: { text: r.vi, status: 'machine' }, en: { text: r.en, status: 'edited' } },
  };
});
const project: Project = {
  schemaVersion: 1,
  id: 'bench',
  name: 'bench',
  source: { fileName: 'bench.txt', format: 'txt', encoding: 'utf-8', importedAt: new Date().toISOString() },
  englishVariant: 'en-US',
  segments,
  glossary: fixtures.terms.map((t) => ({ ko: t.ko, vi: t.vi, en: t.en })),
  createdAt: new Date().toISOString(),
  updatedAt: new Date().toISOString(),
};

interface Timing {
  first: number;
  median: number;
  /** CPU time of this process (user + system): what the code costs when other processes share the cores. */
  cpuFirst: number;
  cpuMedian: number;
}

function measure(runs: number, fn: () => void): Timing {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { first: wall[0]!, median: med(wall), cpuFirst: cpu[0]!, cpuMedian: med(cpu) };
}

function report(name: string, r: Timing, target: number): boolean {
  const ok = r.median < target;
  console.log(
    `${name}: ${r.median.toFixed(2)} ms median, ${r.first.toFixed(2)} ms first run (target < ${target} ms) ${ok ? 'PASS' : 'FAIL'}`,
  );
  console.log(
    `${name} (CPU time): ${r.cpuMedian.toFixed(2)} ms median, ${r.cpuFirst.toFixed(2)} ms first run (target < ${target} ms) ${r.cpuMedian < target ? 'PASS' : 'FAIL'}`,
  );
  return ok;
}

// The longest row of the fixtures, as a reviewer types into its English cell.
const longest = rows.reduce((a, b) => (b.ko.length > a.ko.length ? b : a));
const terms = fixtures.terms;
let typed = longest.en;
const keystroke = measure(301, () => {
  typed = typed.length > longest.en.length + 20 ? longest.en : `${typed}x`;
  checkRow({ id: 'r', source: longest.ko, targets: { vi: longest.vi, en: typed } }, { terms });
});

let findings = 0;
const full = measure(5, () => {
  findings = checkProject(project).length;
});
console.log(`${N} rows, ${project.glossary.length} terms, ${findings} findings per pass`);
const okFull = report('qa full pass, 10,000 rows', full, 1000);
const okCell = report('qa one cell after a keystroke', keystroke, 5);
process.exit(okFull && okCell ? 0 : 1);
