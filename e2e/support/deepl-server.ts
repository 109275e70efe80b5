/**
 * A DeepL-compatible HTTP server for tests, e2e journeys and benchmarks. Never a product default.
 *
 * It accepts exactly what deepl-node 1.28 sends for the calls the app makes (form-encoded bodies, JSON accepted
 * too): `/v2/translate`, `/v2/usage`, `/v2/languages`, and the v3 multilingual glossary endpoints. Answers are
 * deterministic: the sample article's lines come from a fixture of real translations
 * (`sample-translations.json`); any other text comes back as a visibly marked pseudo-translation (`[VI] <source>`,
 * `[EN] <source>`, `[EN-GB] <source>`) with glossary terms applied, so glossary use is observable.
 *
 * Faults can be switched on in-process (`setFault`) or over HTTP from another process:
 * `POST /__control/fault` with `{"status":456}`, `{"status":429,"times":2}`, `{"kind":"hang"}` or `null`;
 * `GET /__control/requests`; `POST /__control/reset`; `POST /__control/usage` `{"count":..,"limit":..}`;
 * `POST /__control/delay` `{"ms":..}`. House style (`deepl-style.ts`): `POST /__control/style-rule`
 * `{"styleId":..,"language":..,"instructions":[..]}`, `POST /__control/translation-memory`
 * `{"id":..,"sourceLang":..,"targetLang":..,"segments":[[ko,text],..]}`, `POST /__control/refuse`
 * `{"feature":"style_id"|"custom_instructions"|"translation_memory_id","status":403|400|null}`.
 *
 * The parts: request reading, limits and records (`deepl-request.ts`), the translate and languages endpoints
 * (`deepl-translate.ts`, tags in `deepl-xml.ts`), glossaries (`deepl-glossary.ts`), house style
 * (`deepl-style.ts`), and what tests steer — faults, usage, delay (`deepl-control.ts`).
 *
 * As a script: `npx tsx e2e/support/deepl-server.ts --port 8787 [--delay 50]` prints its URL.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ServerState, type Fault } from './deepl-control';
import { HttpError, type Params } from './deepl-glossary';
import { readApiRequest, readBody, send, type RecordedRequest, type Reply } from './deepl-request';
import type { StyleState } from './deepl-style';
import { handleLanguages, handleTranslate, loadFixture, type Fixture } from './deepl-translate';

export type { Fault } from './deepl-control';
export { MAX_BODY_BYTES, MAX_TEXTS_PER_REQUEST, type RecordedRequest } from './deepl-request';

/** A running fake server. */
export interface DeeplFake {
  /** Base URL to pass as deepl-node's `serverUrl`, e.g. `http://127.0.0.1:8787`. */
  url: string;
  /** Every API request so far, oldest first (live array: cleared by `reset`). */
  requests: RecordedRequest[];
  setFault(f: Fault | null): void;
  /** Set the account usage `/v2/usage` reports (translations add their billed characters to `count`). */
  setUsage(count: number, limit: number): void;
  /** Delay every API answer by this many milliseconds. */
  setDelay(ms: number): void;
  /** Forget requests, glossaries, faults and usage. */
  reset(): void;
  /** Glossaries currently stored, for assertions. */
  glossaryCount(): number;
  /** Style rule lists, translation memories and refusals (see `deepl-style.ts`); cleared by `reset`. */
  style: StyleState;
  close(): Promise<void>;
}

/** An API request routed to its endpoint; refusals are thrown as {@link HttpError}. */
function route(state: ServerState, fixture: Fixture, method: string, path: string, params: Params): Reply {
  if (path === '/v2/translate' && (method === 'POST' || method === 'GET'))
    return handleTranslate(params, {
      fixture,
      glossaries: state.glossaries,
      style: state.style,
      bill: (n) => void (state.usage.count += n),
      dropTexts: state.is('drop-texts'),
    });
  if (path === '/v2/usage' && (method === 'GET' || method === 'POST')) {
    return { status: 200, body: { character_count: state.usage.count, character_limit: state.usage.limit } };
  }
  if (path === '/v2/languages') return handleLanguages(params);
  const parts = path.split('/').filter(Boolean); // ['v3', 'glossaries', ...]
  if (parts[0] === 'v3' && parts[1] === 'glossaries')
    return state.glossaries.handle(method, parts.slice(1), params);
  throw new HttpError(404, 'Not found');
}

/** A control request: its JSON body (if any) applied to the state; a body that is not JSON gets a 400. */
async function handleControl(state: ServerState, req: IncomingMessage, res: ServerResponse, path: string) {
  try {
    const { body } = await readBody(req);
    const json = body.length ? (JSON.parse(body.toString('utf8')) as unknown) : null;
    const { status, body: out } = state.control(req.method, path, json);
    send(res, status, out);
  } catch (e) {
    send(res, 400, { message: String(e) });
  }
}

/**
 * An API request: recorded, then answered after the delay, in this order — a hang or dropped connection, a
 * missing or `invalid-key` key (403), a status fault, a body over the limit (413), the endpoint.
 */
async function handleApi(
  state: ServerState,
  fixture: Fixture,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
) {
  const { record, params, authKey, tooLarge } = await readApiRequest(req, url);
  state.requests.push(record);
  const answer = ({ status, body }: Reply) => {
    record.status = status;
    const go = () => send(res, status, body);
    if (state.delayMs > 0) setTimeout(go, state.delayMs);
    else go();
  };
  if (state.is('hang')) return; // answered never; closed by close()
  if (state.is('close-socket')) return void req.socket.destroy();
  if (authKey === undefined || authKey === 'invalid-key')
    return answer({ status: 403, body: { message: 'Forbidden' } });
  const faulted = state.takeFaultAnswer(record.path);
  if (faulted) return answer(faulted);
  if (tooLarge) return answer({ status: 413, body: { message: 'Request Entity Too Large' } });
  try {
    answer(route(state, fixture, record.method, record.path, params));
  } catch (e) {
    if (e instanceof HttpError) answer({ status: e.status, body: { message: e.message } });
    else answer({ status: 500, body: { message: 'Internal error' } });
  }
}

/** Start the fake server on 127.0.0.1 (port 0 = any free port). */
export async function startDeeplServer(opts: { port?: number; delayMs?: number } = {}): Promise<DeeplFake> {
  const fixture = loadFixture();
  const state = new ServerState(opts.delayMs ?? 0);
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/__control/')) void handleControl(state, req, res, url.pathname);
    else void handleApi(state, fixture, req, res, url);
  });
  server.keepAliveTimeout = 5_000;
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: state.requests,
    setFault: (f) => state.setFault(f),
    setUsage: (count, limit) => {
      state.usage = { count, limit };
    },
    setDelay: (ms) => {
      state.delayMs = ms;
    },
    reset: () => state.reset(),
    glossaryCount: () => state.glossaries.glossaries.size,
    style: state.style,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const { values } = parseArgs({ options: { port: { type: 'string' }, delay: { type: 'string' } } });
  const port = Number(values.port ?? process.env.DEEPL_FAKE_PORT ?? 8787);
  const delayMs = Number(values.delay ?? 0);
  void startDeeplServer({ port, delayMs }).then((fake) => {
    console.log(fake.url);
    const stop = () => void fake.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
