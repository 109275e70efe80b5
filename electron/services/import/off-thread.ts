/**
 * Article imports off the main thread. Parsing a hostile file (a zip bomb, a page nested 100,000 deep) must not
 * freeze or kill the app: each import runs in its own worker thread with a capped heap and a time limit, and can
 * be cancelled. Electron's main process and the loopback host both import through here.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { ApiError } from '../../contract';
import { AppError } from '../errors';
import type { ParsedArticle, ParseInput } from './index';
import { IMPORT_HEAP_MB, IMPORT_TIME_LIMIT_MS } from './limits';

type Reply = { ok: true; article: ParsedArticle } | { ok: false; error: ApiError };

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

/**
 * Parse an article in a worker thread (see `parseArticle` for what it returns and throws). Besides the parse
 * errors: `import.timedOut` after the time limit, `import.cancelled` when the signal fires, `import.outOfMemory`
 * when the file needs more memory than the worker has. The worker is ended in every case.
 */
export function parseArticleOffThread(
  input: ParseInput,
  opts: OffThreadOptions = {},
): Promise<ParsedArticle> {
  const url = workerScript();
  const timeoutMs = opts.timeoutMs ?? IMPORT_TIME_LIMIT_MS;
  return new Promise<ParsedArticle>((resolve, reject) => {
    if (opts.signal?.aborted) return reject(new AppError('import.cancelled'));
    const worker = new Worker(url, {
      resourceLimits: { maxOldGenerationSizeMb: opts.heapMb ?? IMPORT_HEAP_MB },
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      fn();
    };
    const onAbort = () => finish(() => reject(new AppError('import.cancelled')));
    const timer = setTimeout(
      () => finish(() => reject(new AppError('import.timedOut', { seconds: Math.round(timeoutMs / 1000) }))),
      timeoutMs,
    );
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (reply: Reply) =>
      finish(() =>
        reply.ok ? resolve(reply.article) : reject(new AppError(reply.error.code, reply.error.params)),
      ),
    );
    worker.on('error', (e: Error & { code?: string }) =>
      finish(() =>
        reject(new AppError(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'import.outOfMemory' : 'import.failed')),
      ),
    );
    worker.on('exit', () => finish(() => reject(new AppError('import.failed'))));
    worker.postMessage(input);
  });
}
