import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import { build } from 'esbuild';
import type { Project, Segment } from '../../electron/contract';

/** What a SIGKILL loop found. */
export interface CrashReport {
  kills: number;
  acknowledged: number;
  lost: number;
  integrityFailures: number;
}

/** A started host process, its address and the headers of a signed-in client. */
export interface Host {
  child: ChildProcess;
  url: string;
  headers: Record<string, string>;
}

/**
 * What the loop kills and checks: the loopback host on SQLite ({@link runCrashLoop}), or a desk server on
 * PostgreSQL (electron/desk/crash.test.ts).
 */
export interface CrashTarget {
  /** Start the host and sign a client in. */
  start(): Promise<Host>;
  /** After the kill: is the store sound (SQLite's integrity check; PostgreSQL answering)? */
  sound(): Promise<boolean>;
  /** Remove what `start` made. */
  cleanup(): Promise<void>;
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
export async function bundleHost(entry = join(import.meta.dirname, 'crash-host-web.ts')): Promise<string> {
  const root = join(import.meta.dirname, '..', '..');
  // One folder per process and host: the host, and the import worker next to it where off-thread.ts looks.
  const dir = join(root, 'dist', 'crash-host', `${process.pid}-${basename(entry, '.ts')}`);
  const outfile = join(dir, 'host.mjs');
  const bundle = (from: string, to: string) =>
    build({
      entryPoints: [from],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outfile: to,
      logLevel: 'error',
    });
  await bundle(entry, outfile);
  await bundle(join(root, 'electron', 'services', 'import', 'worker.ts'), join(dir, 'import-worker.mjs'));
  return outfile;
}

/** Start a bundled host script with extra environment; resolves once it prints `READY <url>`. */
export async function spawnHost(
  script: string,
  env: Record<string, string>,
  signIn: (url: string) => Promise<Record<string, string>> = authHeaders,
): Promise<Host> {
  // Started through a one-line runner module, not `node host.mjs` (the bundled entry would run its own command line)
  // nor `--input-type=module -e` (the import worker thread inherits that flag and refuses to start).
  const runner = join(dirname(script), 'run.mjs');
  await writeFile(runner, `await import(${JSON.stringify(pathToFileURL(script).href)});\n`);
  const child = spawn(process.execPath, [runner], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
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
  return { child, url, headers: await signIn(url) };
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
  onAck: () => void,
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
    onAck();
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

/** Run the loopback host on SQLite through {@link runCrashLoopOn}. */
export async function runCrashLoop(
  kills: number,
  log: (s: string) => void = () => undefined,
): Promise<CrashReport> {
  const dataDir = await mkdtemp(join(tmpdir(), 'crash-'));
  const rendererDir = join(dataDir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<html><head><title>t</title></head><body></body></html>');
  const script = await bundleHost();
  return runCrashLoopOn(
    {
      start: () => spawnHost(script, { CRASH_DATA_DIR: dataDir, CRASH_RENDERER_DIR: rendererDir }),
      sound: () => Promise.resolve(integrityOk(dataDir)),
      async cleanup() {
        await rm(dirname(script), { recursive: true, force: true });
        await rm(dataDir, { recursive: true, force: true });
      },
    },
    kills,
    log,
  );
}

/** Acknowledged changes before each kill: at least `min`, up to `min + spread - 1` (uniformly at random). */
export const ACKS_PER_ROUND = { min: 2, spread: 9 };

/** Run a host, edit and approve through its HTTP API, SIGKILL it at random moments, and check after each restart. */
export async function runCrashLoopOn(
  target: CrashTarget,
  kills: number,
  log: (s: string) => void = () => undefined,
): Promise<CrashReport> {
  const expect = new Map<string, Expect>();
  const report: CrashReport = { kills: 0, acknowledged: 0, lost: 0, integrityFailures: 0 };
  for (let k = 0; k < kills; k++) {
    const host = await target.start();
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
    // The kill comes after a random number of acknowledgements of this round (not after a time: on a busy machine
    // a fixed delay would end most rounds before anything was saved), while the other workers' changes are in flight.
    const want = report.acknowledged + ACKS_PER_ROUND.min + Math.floor(Math.random() * ACKS_PER_ROUND.spread);
    let reached!: () => void;
    const enough = new Promise<void>((resolve) => (reached = resolve));
    const onAck = () => report.acknowledged >= want && reached();
    const workers = [0, 1, 2, 3].map((w) =>
      work(
        host,
        project,
        keys.filter((_, i) => i % 4 === w),
        expect,
        `k${k}w${w}`,
        report,
        onAck,
      ).catch(() => undefined),
    );
    // (Should every worker stop on an error first, the round ends there: the checks after the restart tell.)
    await Promise.race([enough, Promise.all(workers)]);
    host.child.kill('SIGKILL');
    await Promise.all(workers);
    if (host.child.exitCode === null && host.child.signalCode === null) await once(host.child, 'exit');
    if (!(await target.sound())) report.integrityFailures++;
    report.kills++;
    log(`kill ${k + 1}: acknowledged so far ${report.acknowledged}, lost ${report.lost}`);
  }
  await target.cleanup();
  return report;
}
