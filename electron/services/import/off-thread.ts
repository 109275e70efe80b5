/**
 * Imports off the main thread. Parsing a hostile file (a zip bomb, a page nested 100,000 deep, a huge XLIFF) must
 * not freeze or kill the app: each import runs in a worker thread with a capped heap and a time limit, and can be
 * cancelled. Electron's main process and the loopback host both import articles and XLIFF files through here.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { ApiError } from '../../contract';
import { scrubPaths } from '../api-errors';
import { AppError } from '../errors';
import type { XliffFile } from '../interchange/xliff-read';
import type { ParsedArticle, ParseInput } from './index';
import { IMPORT_HEAP_MB, IMPORT_TIME_LIMIT_MS } from './limits';

/** What the worker is asked to do (see worker.ts). */
export type WorkerRequest = { kind: 'article'; input: ParseInput } | { kind: 'xliff'; bytes: Uint8Array };
type Reply = { ok: true; value: unknown } | { ok: false; error: ApiError };

/** The worker's script: the bundled one next to the built entry, else the TypeScript source through tsx. */
function workerScript(): URL {
  const bundled = new URL('./import-worker.mjs', import.meta.url);
  return existsSync(bundled) ? bundled : new URL('./worker-dev.mjs', import.meta.url);
}

/** Options of one import: a time limit (ms) and a signal that cancels it. */
export interface OffThreadOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Heap of the worker, in MB. */
  heapMb?: number;
}

/** What a worker can tell the import waiting on it. */
type Outcome = { reply: Reply } | { failed: AppError };

/** A worker with its listeners attached once; `job` is the import currently waiting on it. */
interface Pooled {
  worker: Worker;
  heapMb: number;
  job: ((outcome: Outcome) => void) | null;
}

function spawn(heapMb: number): Pooled {
  const worker = new Worker(workerScript(), { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
  const pooled: Pooled = { worker, heapMb, job: null };
  worker.on('message', (reply: Reply) => pooled.job?.({ reply }));
  worker.on('error', (e: Error & { code?: string }) => {
    // The person sees a coded message; the log keeps why (without folder names) for whoever looks into it.
    if (e.code !== 'ERR_WORKER_OUT_OF_MEMORY') console.error('import worker failed:', scrubPaths(e.message));
    pooled.job?.({
      failed: new AppError(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'import.outOfMemory' : 'import.failed'),
    });
  });
  worker.on('exit', () => {
    if (idle === pooled) idle = null;
    pooled.job?.({ failed: new AppError('import.failed') });
  });
  return pooled;
}

// One finished worker is kept (unreferenced, so it never keeps a process alive) for the next import: starting a
// thread and loading the parsers costs more than parsing an article. A worker that timed out, was cancelled or
// failed is ended, never reused.
let idle: Pooled | null = null;

function take(heapMb: number): Pooled {
  const reuse = idle?.heapMb === heapMb ? idle : null;
  if (idle && !reuse) void idle.worker.terminate();
  idle = null;
  const pooled = reuse ?? spawn(heapMb);
  pooled.worker.ref();
  return pooled;
}

function release(pooled: Pooled, reusable: boolean): void {
  pooled.job = null;
  if (!reusable || idle) {
    void pooled.worker.terminate();
    return;
  }
  pooled.worker.unref();
  idle = pooled;
}

/**
 * Parse an article in a worker thread (see `parseArticle` for what it returns and throws). Besides the parse
 * errors: `import.timedOut` after the time limit, `import.cancelled` when the signal fires, `import.outOfMemory`
 * when the file needs more memory than the worker has. A worker that did not finish cleanly is ended.
 */
export function parseArticleOffThread(
  input: ParseInput,
  opts: OffThreadOptions = {},
): Promise<ParsedArticle> {
  return offThread<ParsedArticle>({ kind: 'article', input }, opts);
}

/** Read an XLIFF file in a worker thread (see `readXliff`), with the same limits and errors as an article. */
export function readXliffOffThread(bytes: Uint8Array, opts: OffThreadOptions = {}): Promise<XliffFile> {
  return offThread<XliffFile>({ kind: 'xliff', bytes }, opts);
}

function offThread<T>(request: WorkerRequest, opts: OffThreadOptions): Promise<T> {
  const timeoutMs = opts.timeoutMs ?? IMPORT_TIME_LIMIT_MS;
  const heapMb = opts.heapMb ?? IMPORT_HEAP_MB;
  return new Promise<T>((resolve, reject) => {
    if (opts.signal?.aborted) return reject(new AppError('import.cancelled'));
    const pooled = take(heapMb);
    const finish = (outcome: Outcome) => {
      if (pooled.job !== finish) return;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      release(pooled, 'reply' in outcome);
      if ('failed' in outcome) reject(outcome.failed);
      else if (outcome.reply.ok) resolve(outcome.reply.value as T);
      else reject(new AppError(outcome.reply.error.code, outcome.reply.error.params));
    };
    pooled.job = finish;
    const onAbort = () => finish({ failed: new AppError('import.cancelled') });
    const timer = setTimeout(
      () => finish({ failed: new AppError('import.timedOut', { seconds: Math.round(timeoutMs / 1000) }) }),
      timeoutMs,
    );
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    pooled.worker.postMessage(request);
  });
}
