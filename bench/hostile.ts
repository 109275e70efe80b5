// `npx tsx bench/hostile.ts`: how fast hostile files are refused and how long the loopback host stalls meanwhile
// (the figures the hostile-files test leaves out, so the suite passes on a busy machine). Each file is imported
// 3 times against a live host while a probe asks it for app info every 50 ms; the medians are judged against the
// targets "refused within 5 s" and "no probe waits 500 ms or more".
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebHost } from '../electron/web';
import {
  HOSTILE_ARTICLES,
  importWithProbe,
  placeholderFlood,
  withProbe,
  type Reply,
} from '../test/support/hostile';
import { signIn } from '../test/support/web';
import { report } from './stats';

const RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

const dir = await mkdtemp(join(tmpdir(), 'bench-hostile-'));
await mkdir(join(dir, 'renderer'));
await writeFile(join(dir, 'renderer', 'index.html'), '<html><body></body></html>');
const host = await startWebHost({
  dataDir: join(dir, 'data'),
  port: 0,
  rendererDir: join(dir, 'renderer'),
  env: {},
});
const session = await signIn(host);
let ok = true;

/** Run a case RUNS times; report the median refusal time and slowest probe, and check the refusal code. */
async function measure(name: string, code: string, run: () => ReturnType<typeof withProbe>) {
  const seconds: number[] = [];
  const probes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await run();
    if (r.reply.error?.code !== code)
      throw new Error(`${name}: expected ${code}, got ${JSON.stringify(r.reply)}`);
    seconds.push(r.seconds * 1000);
    probes.push(r.slowestProbeMs);
  }
  ok = report(`${name}: refused in (median of ${RUNS})`, median(seconds), 'ms', { max: 5_000 }) && ok;
  ok = report(`${name}: slowest probe (median of ${RUNS})`, median(probes), 'ms', { max: 500 }) && ok;
}

try {
  for (const [name, file, make, code] of HOSTILE_ARTICLES) {
    const bytes = await make();
    await measure(name, code, () => importWithProbe(session, file, bytes));
  }
  const opened = await importWithProbe(
    session,
    'a.txt',
    new TextEncoder().encode('서울시 기사\n본문이다.\n'),
  );
  const projectId = (opened.reply.value as { project: { id: string } }).project.id;
  const xml = Buffer.from(placeholderFlood()).toString('base64');
  await measure('a 10 MB XLIFF of half a million inline codes', 'export.otherProject', () =>
    withProbe(session, async () => {
      const res = await session.call('interchange:import', [
        { projectId, fileName: 'big.xlf', dataBase64: xml },
      ]);
      return (await res.json()) as Reply;
    }),
  );
} finally {
  await host.close();
  await rm(dir, { recursive: true, force: true });
}
process.exit(ok ? 0 : 1);
