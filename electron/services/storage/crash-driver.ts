import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import { build } from 'esbuild';
import type { Project, Segment } from '../../contract';

/** What a SIGKILL loop found. */
export interface CrashReport {
  kills: number;
  acknowledged: number;
  lost: number;
  integrityFailures: number;
}

interface Host {
  child: ChildProcess;
  url: string;
  headers: Record<string, string>;
}

/**
 * How the driver authenticates to the loopback host, as a browser does: open the one-time sign-in link the host
 * printed and keep the session cookie it sets (see electron/services/web/auth.ts).
 */
export async function authHeaders(url: string): Promise<Record<string, string>> {
  const res = await fetch(url, { redirect: 'manual' });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (!cookie) throw new Error(`sign-in failed: ${res.status}`);
  return { 'Content-Type': 'application/json', 'X-Review-Request': '1', Cookie: cookie };
}

/**
 * Bundle the host once (esbuild, dependencies left as imports) so each restart costs a plain Node start, not a
 * TypeScript compile: hundreds of restarts stay affordable on a shared machine.
 */
export async function bundleHost(): Promise<string> {
  const root = join(import.meta.dirname, '..', '..', '..');
  const outfile = join(root, 'dist', 'crash-host', `host-${process.pid}.mjs`);
  await build({
    entryPoints: [join(import.meta.dirname, 'crash-host.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'error',
  });
  // Article imports run in a worker thread that is looked for next to the entry (off-thread.ts): bundle it there.
  await build({
    entryPoints: [join(root, 'electron', 'services', 'import', 'worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: join(dirname(outfile), 'import-worker.mjs'),
    logLevel: 'error',
  });
  return outfile;
}

async function startHost(script: string, dataDir: string, rendererDir: string): Promise<Host> {
  // A small entry file rather than `node --input-type=module -e`: worker threads (article imports) inherit the
  // parent's flags, and `--input-type` makes a worker fail at start.
  const entry = join(dirname(script), `run-${process.pid}.mjs`);
  await writeFile(entry, `await import(${JSON.stringify(pathToFileURL(script).href)});\n`);
  const child = spawn(process.execPath, [entry], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, CRASH_DATA_DIR: dataDir, CRASH_RENDERER_DIR: rendererDir },
  });
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /READY (\S+)/.exec(out);
      if (m) ok(m[1]!);
      if (/FAILED/.test(out)) fail(new Error(out));
    });
    child.once('exit', (code) => fail(new Error(`host exited with ${code}: ${out}`)));
  });
  return { child, url, headers: await authHeaders(url) };
}

async function call<T>(host: Host, channel: string, args: unknown[]): Promise<T> {
  const res = await fetch(new URL(`/api/${channel}`, host.url), {
    method: 'POST',
    headers: host.headers,
    body: JSON.stringify(args),
  });
  const body = (await res.json()) as { value: T; error?: { code: string } };
  if (body.error) throw new Error(body.error.code);
  return body.value;
}

/** Per cell: the state after its last acknowledged change, and the change in flight when the host died. */
interface Expect {
  acked: { text: string; approved: boolean } | null;
  inflight: { text: string; approved: boolean } | null;
}

function matches(cell: Segment['targets']['vi'], e: { text: string; approved: boolean }): boolean {
  return cell.text === e.text && (cell.status === 'approved') === e.approved;
}

async function work(
  host: Host,
  project: Project,
  cells: string[],
  expect: Map<string, Expect>,
  tag: string,
  report: CrashReport,
) {
  for (let n = 0; ; n++) {
    const key = cells[n % cells.length]!;
    const [segmentId, lang] = key.split('|') as [string, 'vi' | 'en'];
    const e = expect.get(key)!;
    const approve = e.acked !== null && !e.acked.approved && n % 3 === 2;
    const next = approve ? { text: e.acked!.text, approved: true } : { text: `${tag}-${n}`, approved: false };
    e.inflight = next;
    const ref = { projectId: project.id, segmentId, lang };
    if (approve) await call(host, 'cell:approve', [ref]);
    else await call(host, 'cell:update', [{ ...ref, text: next.text }]);
    e.acked = next;
    e.inflight = null;
    report.acknowledged++;
  }
}

function integrityOk(dataDir: string): boolean {
  const db = new SqliteDatabase(join(dataDir, 'review.db'));
  try {
    return db.pragma('integrity_check', { simple: true }) === 'ok';
  } finally {
    db.close();
  }
}

/** Run the host, edit and approve through its HTTP API, SIGKILL it at random moments, and check after each restart. */
export async function runCrashLoop(
  kills: number,
  log: (s: string) => void = () => undefined,
): Promise<CrashReport> {
  const dataDir = await mkdtemp(join(tmpdir(), 'crash-'));
  const rendererDir = join(dataDir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<html><head><title>t</title></head><body></body></html>');
  const script = await bundleHost();
  const expect = new Map<string, Expect>();
  const report: CrashReport = { kills: 0, acknowledged: 0, lost: 0, integrityFailures: 0 };
  for (let k = 0; k < kills; k++) {
    const host = await startHost(script, dataDir, rendererDir);
    const project = await call<Project>(host, 'project:openLast', []);
    for (const [key, e] of expect) {
      const [segmentId, lang] = key.split('|') as [string, 'vi' | 'en'];
      const cell = project.segments.find((s) => s.id === segmentId)!.targets[lang];
      const ok =
        e.acked === null || matches(cell, e.acked) || (e.inflight !== null && matches(cell, e.inflight));
      if (!ok) report.lost++;
      if (e.inflight && matches(cell, e.inflight)) e.acked = e.inflight;
      e.inflight = null;
    }
    const reviewable = project.segments.filter((s) => s.translate && s.kind !== 'caption').slice(0, 8);
    const keys = reviewable.flatMap((s) => [`${s.id}|vi`, `${s.id}|en`]);
    for (const key of keys) if (!expect.has(key)) expect.set(key, { acked: null, inflight: null });
    const workers = [0, 1, 2, 3].map((w) =>
      work(
        host,
        project,
        keys.filter((_, i) => i % 4 === w),
        expect,
        `k${k}w${w}`,
        report,
      ).catch(() => undefined),
    );
    await new Promise((r) => setTimeout(r, 50 + Math.random() * 250));
    host.child.kill('SIGKILL');
    await Promise.all(workers);
    if (host.child.exitCode === null && host.child.signalCode === null) await once(host.child, 'exit');
    if (!integrityOk(dataDir)) report.integrityFailures++;
    report.kills++;
    log(`kill ${k + 1}: acknowledged so far ${report.acknowledged}, lost ${report.lost}`);
  }
  await rm(script, { force: true });
  await rm(dataDir, { recursive: true, force: true });
  return report;
}
