// Storage: one acknowledged edit on a 10,000-row project, opening it, and a SIGKILL loop that must lose nothing.
// `node --import tsx bench/storage.ts [kills]` (default 200 kills). Prints `name: value unit (target …) PASS|FAIL`.
import { performance } from 'node:perf_hooks';
import type { Segment } from '../electron/contract';
import type { Core } from '../electron/handlers';
import { runCrashLoop } from '../test/support/crash-driver';
import { testCore } from '../test/support/project';

const ROWS = 10_000;
const KILLS = Number(process.argv[2] ?? 200);
let failed = 0;

function line(
  name: string,
  value: number,
  unit: string,
  target: number,
  ok = value < target,
  extra = '',
): void {
  if (!ok) failed++;
  console.log(
    `${name}: ${value.toFixed(2)} ${unit} (target < ${target} ${unit}${extra}) ${ok ? 'PASS' : 'FAIL'}`,
  );
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

function article(): Segment[] {
  return Array.from({ length: ROWS }, (_, i) => ({
    id: `s${i}`,
    kind: 'paragraph',
    source: `서울시는 ${i}일 베트남 하노이에서 스마트 모빌리티 협력 방안을 논의했다고 밝혔다.`,
    translate: true,
    targets: {
      vi: { text: `Thành phố Seoul cho biết ngày ${i} đã thảo luận hợp tác.`, status: 'machine', mt: 'x' },
      en: { text: `Seoul said on day ${i} it discussed cooperation in Hanoi.`, status: 'machine', mt: 'x' },
    },
  }));
}

async function editAck(core: Core, projectId: string): Promise<void> {
  const times: number[] = [];
  for (let n = 0; n < 300; n++) {
    const segmentId = `s${Math.floor(Math.random() * ROWS)}`;
    const start = performance.now();
    if (n % 5 === 4) await core.handlers.approveCell({ projectId, segmentId, lang: 'vi' });
    else await core.handlers.updateCell({ projectId, segmentId, lang: 'vi', text: `Bản sửa ${n}` });
    times.push(performance.now() - start);
  }
  console.log(`edit ack first: ${times[0]!.toFixed(2)} ms`);
  line('edit ack median (10,000 rows)', pct(times, 0.5), 'ms', 5);
  line('edit ack p95 (10,000 rows)', pct(times, 0.95), 'ms', 20);
}

async function openTimes(dir: string, projectId: string): Promise<void> {
  const times: number[] = [];
  for (let k = 0; k < 5; k++) {
    const { core } = await testCore(dir);
    const start = performance.now();
    const p = await core.handlers.openProject(projectId);
    times.push(performance.now() - start);
    if (p.segments.length !== ROWS) throw new Error('rows missing');
    await core.close();
  }
  console.log(`open first: ${times[0]!.toFixed(1)} ms`);
  line('open 10,000-row project median', pct(times, 0.5), 'ms', 300);
}

const { core, dir } = await testCore();
const project = await core.store.create({
  title: 'bench',
  segments: article(),
  source: { fileName: 'b.txt', format: 'txt', encoding: 'utf-8' },
});
await editAck(core, project.id);
await core.close();
await openTimes(dir, project.id);

const start = performance.now();
const report = await runCrashLoop(KILLS);
console.log(
  `SIGKILL loop: ${report.kills} kills, ${report.acknowledged} acknowledged changes in ${((performance.now() - start) / 1000).toFixed(0)} s`,
);
console.log(`lost: ${report.lost} (target 0) ${report.lost === 0 ? 'PASS' : 'FAIL'}`);
console.log(
  `integrity failures: ${report.integrityFailures} (target 0) ${report.integrityFailures === 0 ? 'PASS' : 'FAIL'}`,
);
if (report.lost || report.integrityFailures || report.kills < KILLS) failed++;
process.exit(failed ? 1 : 0);
