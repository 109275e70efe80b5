/**
 * The import worker thread's entry: parses one article or XLIFF file per message and answers with the result or
 * the error's code. Bundled as `dist/electron/import-worker.mjs`; run from source (tests, the CLI) through tsx.
 */
import { parentPort } from 'node:worker_threads';
import { toApiError } from '../api-errors';
import { readXliff } from '../interchange/xliff-read';
import { parseArticle } from './index';
import type { WorkerRequest } from './off-thread';

parentPort?.on('message', (request: WorkerRequest) => {
  const work = async () =>
    request.kind === 'article' ? parseArticle(request.input) : readXliff(request.bytes);
  work().then(
    (value) => parentPort?.postMessage({ ok: true, value }),
    (e: unknown) => parentPort?.postMessage({ ok: false, error: toApiError(e) }),
  );
});
