/**
 * The import worker thread's entry: parses one article per message and answers with the result or the error's
 * code. Bundled as `dist/electron/import-worker.mjs`; run from source (tests, the CLI) through tsx.
 */
import { parentPort } from 'node:worker_threads';
import { toApiError } from '../api-errors';
import { parseArticle, type ParseInput } from './index';

parentPort?.on('message', (input: ParseInput) => {
  parseArticle(input).then(
    (article) => parentPort?.postMessage({ ok: true, article }),
    (e: unknown) => parentPort?.postMessage({ ok: false, error: toApiError(e) }),
  );
});
