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
 * As a script: `npx tsx e2e/support/deepl-server.ts --port 8787 [--delay 50]` prints its URL.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { GlossaryStore, HttpError, applyGlossary, one, type Dictionary, type Params } from './deepl-glossary';
import { StyleRefusal, StyleState, type StyleApplication } from './deepl-style';

/** One API request the server received (control requests are not recorded). */
export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. `/v2/translate`. */
  path: string;
  /** HTTP status the server answered with (0 when it hung or dropped the connection). */
  status: number;
  /** Number of `text` parameters (translate requests). */
  textCount: number;
  /** Size of the request body in bytes, as received. */
  bodyBytes: number;
  /** Every parameter except `text` (repeated parameters joined with `\n`), query and body merged. */
  params: Record<string, string>;
  /** The `text` parameters, in order. */
  texts: string[];
  /** True when an `Authorization: DeepL-Auth-Key …` header was present. */
  authorized: boolean;
}

/**
 * A fault to inject. `status`: answer API requests with that status (`times` requests, or until cleared);
 * `drop-texts`: translate answers lack the last half of the translations; `hang`: never answer;
 * `close-socket`: destroy the connection without answering. A 456 leaves `/v2/usage` working, like DeepL does.
 */
export type Fault =
  | { status: 403 | 429 | 456 | 500 | 503; times?: number }
  | { kind: 'drop-texts' }
  | { kind: 'hang' }
  | { kind: 'close-socket' };

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

/** DeepL's limits for one `/v2/translate` request. */
export const MAX_TEXTS_PER_REQUEST = 50;
/** Maximum request body size in bytes. */
export const MAX_BODY_BYTES = 128 * 1024;

const TARGET_LANGS = new Set(
  'AR BG CS DA DE EL EN-GB EN-US ES ES-419 ET FI FR HE HU ID IT JA KO LT LV NB NL PL PT-BR PT-PT RO RU SK SL SV TH TR UK VI ZH ZH-HANS ZH-HANT'.split(
    ' ',
  ),
);
const SOURCE_LANGS = new Set(
  'AR BG CS DA DE EL EN ES ET FI FR HE HU ID IT JA KO LT LV NB NL PL PT RO RU SK SL SV TH TR UK VI ZH'.split(
    ' ',
  ),
);
const FORMALITY_LANGS = new Set('DE FR IT ES ES-419 NL PL PT-BR PT-PT JA RU'.split(' '));
const MODEL_TYPES: Record<string, string> = {
  quality_optimized: 'quality_optimized',
  prefer_quality_optimized: 'quality_optimized',
  latency_optimized: 'latency_optimized',
};

interface FixtureEntry {
  ko: string;
  vi: string;
  'en-US': string;
  'en-GB'?: string;
}

const normalize = (s: string) => s.replace(/\s+/g, ' ').trim();

function loadFixture(): Map<string, FixtureEntry> {
  const file = fileURLToPath(new URL('./sample-translations.json', import.meta.url));
  const data = JSON.parse(readFileSync(file, 'utf8')) as { entries: FixtureEntry[] };
  return new Map(data.entries.map((e) => [normalize(e.ko), e]));
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, e: string) => {
    const lower = e.toLowerCase();
    if (lower === 'amp') return '&';
    if (lower === 'lt') return '<';
    if (lower === 'gt') return '>';
    if (lower === 'quot') return '"';
    if (lower === 'apos') return "'";
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : m;
  });
}

/** Split XML-ish text into tags and text runs; text inside ignored tags is flagged so nothing rewrites it. */
function xmlRuns(
  text: string,
  ignoreTags: Set<string>,
): Array<{ tag: boolean; value: string; ignored: boolean }> {
  const runs: Array<{ tag: boolean; value: string; ignored: boolean }> = [];
  const re = /<\/?([A-Za-z_][\w.-]*)[^>]*?\/?>/g;
  const open: string[] = [];
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) runs.push({ tag: false, value: text.slice(last, m.index), ignored: open.length > 0 });
    const whole = m[0];
    const name = m[1]!;
    runs.push({ tag: true, value: whole, ignored: false });
    if (ignoreTags.has(name) && !whole.endsWith('/>')) {
      if (whole.startsWith('</')) open.pop();
      else open.push(name);
    }
    last = m.index + whole.length;
  }
  if (last < text.length) runs.push({ tag: false, value: text.slice(last), ignored: open.length > 0 });
  return runs;
}

function readParams(body: string, contentType: string, query: URLSearchParams): Params {
  const params: Params = new Map();
  const add = (k: string, v: string) => params.set(k, [...(params.get(k) ?? []), v]);
  for (const [k, v] of query) add(k, v);
  if (!body) return params;
  if (contentType.includes('application/json')) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw new HttpError(400, 'Invalid JSON body');
    }
    if (json && typeof json === 'object') {
      for (const [k, v] of Object.entries(json as Record<string, unknown>)) {
        if (k === 'dictionaries' && Array.isArray(v)) {
          v.forEach((d: Record<string, unknown>, i) => {
            for (const [dk, dv] of Object.entries(d)) add(`dictionaries[${i}].${dk}`, String(dv));
          });
        } else if (Array.isArray(v)) v.forEach((x) => add(k, String(x)));
        else if (v !== null && v !== undefined) add(k, typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
      }
    }
    return params;
  }
  for (const [k, v] of new URLSearchParams(body)) add(k, v);
  return params;
}

/** Start the fake server on 127.0.0.1 (port 0 = any free port). */
export async function startDeeplServer(opts: { port?: number; delayMs?: number } = {}): Promise<DeeplFake> {
  const fixture = loadFixture();
  const requests: RecordedRequest[] = [];
  const glossaries = new GlossaryStore();
  const sockets = new Set<Socket>();
  let fault: Fault | null = null;
  let faultLeft = Infinity;
  let delayMs = opts.delayMs ?? 0;
  let usage = { count: 0, limit: 500_000 };
  const style = new StyleState();

  function setFault(f: Fault | null) {
    fault = f;
    faultLeft = f && 'status' in f && f.times !== undefined ? f.times : Infinity;
  }

  function reset() {
    requests.length = 0;
    glossaries.glossaries.clear();
    style.reset();
    setFault(null);
    usage = { count: 0, limit: 500_000 };
  }

  function translateOne(
    text: string,
    target: string,
    xml: boolean,
    ignoreTags: Set<string>,
    dict: Dictionary | undefined,
    styled: StyleApplication,
  ): string {
    return styled.rewrite(translatePlain(text, target, xml, ignoreTags, dict, styled));
  }

  function translatePlain(
    text: string,
    target: string,
    xml: boolean,
    ignoreTags: Set<string>,
    dict: Dictionary | undefined,
    styled: StyleApplication,
  ): string {
    const plain = xml ? unescapeXml(text.replace(/<[^>]*>/g, '')) : text;
    const stored = styled.fromMemory(plain);
    if (stored !== undefined) return xml ? escapeXml(stored) : stored;
    const hit = fixture.get(normalize(plain));
    if (hit) {
      const answer =
        target === 'VI' ? hit.vi : target === 'EN-GB' ? (hit['en-GB'] ?? hit['en-US']) : hit['en-US'];
      if (!xml) return answer;
      // Put the kept (ignored) elements back around the same text in the answer, as DeepL keeps tags in place.
      let out = escapeXml(answer);
      const re = /(<([A-Za-z_][\w.-]*)[^>]*?>)([\s\S]*?)(<\/\2>)|(<[A-Za-z_][\w.-]*[^>]*?\/>)/g;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[5]) {
          out += ` ${m[5]}`;
          continue;
        }
        const inner = m[3]!;
        const at = out.indexOf(escapeXml(unescapeXml(inner)));
        if (at >= 0)
          out = out.slice(0, at) + m[1] + inner + m[4] + out.slice(at + escapeXml(unescapeXml(inner)).length);
        else out += ` ${m[1]}${inner}${m[4]}`;
      }
      return out;
    }
    const marker = `[${target === 'EN-US' ? 'EN' : target}] `;
    if (!xml) return marker + applyGlossary(text, dict);
    const body = xmlRuns(text, ignoreTags)
      .map((r) => (r.tag || r.ignored ? r.value : applyGlossary(r.value, dict)))
      .join('');
    return marker + body;
  }

  function handleTranslate(params: Params): { status: number; body: unknown } {
    const texts = params.get('text') ?? [];
    if (texts.length === 0) throw new HttpError(400, "Parameter 'text' not specified.");
    if (texts.length > MAX_TEXTS_PER_REQUEST) throw new HttpError(413, 'Too many texts in one request.');
    const targetRaw = one(params, 'target_lang');
    if (!targetRaw) throw new HttpError(400, "Parameter 'target_lang' not specified.");
    const target = targetRaw.toUpperCase();
    if (!TARGET_LANGS.has(target)) throw new HttpError(400, "Value for 'target_lang' not supported.");
    const source = one(params, 'source_lang')?.toUpperCase();
    if (source !== undefined && !SOURCE_LANGS.has(source))
      throw new HttpError(400, "Value for 'source_lang' not supported.");
    const formality = one(params, 'formality');
    if (formality !== undefined) {
      const soft = formality === 'default' || formality.startsWith('prefer_');
      if (!['less', 'more', 'default', 'prefer_less', 'prefer_more'].includes(formality)) {
        throw new HttpError(400, "Value for 'formality' not supported.");
      }
      if (!soft && !FORMALITY_LANGS.has(target)) {
        throw new HttpError(400, "'formality' is not supported for given 'target_lang'.");
      }
    }
    const modelType = one(params, 'model_type');
    if (modelType !== undefined && !MODEL_TYPES[modelType])
      throw new HttpError(400, "Value for 'model_type' not supported.");
    const tagHandling = one(params, 'tag_handling');
    if (tagHandling !== undefined && tagHandling !== 'xml' && tagHandling !== 'html') {
      throw new HttpError(400, "Value for 'tag_handling' not supported.");
    }
    let dict: Dictionary | undefined;
    const glossaryId = one(params, 'glossary_id');
    if (glossaryId !== undefined) {
      if (source === undefined)
        throw new HttpError(400, "Use of a glossary requires the 'source_lang' parameter.");
      const g = glossaries.glossaries.get(glossaryId);
      if (!g) throw new HttpError(400, 'Invalid glossary_id.');
      dict = g.dictionaries.find(
        (d) => d.sourceLang === source.toLowerCase() && d.targetLang === target.split('-')[0]!.toLowerCase(),
      );
      if (!dict) throw new HttpError(400, 'The glossary has no dictionary for this language pair.');
    }
    let styled: StyleApplication;
    try {
      styled = style.check(params, target, source);
    } catch (e) {
      throw e instanceof StyleRefusal ? new HttpError(e.status, e.message) : e;
    }
    const ignoreTags = new Set((one(params, 'ignore_tags') ?? '').split(',').filter(Boolean));
    const xml = tagHandling !== undefined;
    const showBilled =
      one(params, 'show_billed_characters') === '1' || one(params, 'show_billed_characters') === 'true';
    let results = texts.map((text) => {
      const translated = translateOne(text, target, xml, ignoreTags, dict, styled);
      const billed = [...(xml ? unescapeXml(text.replace(/<[^>]*>/g, '')) : text)].length;
      usage.count += billed;
      return {
        detected_source_language: source ?? 'KO',
        text: translated,
        ...(showBilled ? { billed_characters: billed } : {}),
        ...(modelType ? { model_type_used: MODEL_TYPES[modelType] } : {}),
      };
    });
    if (fault && 'kind' in fault && fault.kind === 'drop-texts')
      results = results.slice(0, Math.floor(results.length / 2));
    return { status: 200, body: { translations: results } };
  }

  function route(method: string, path: string, params: Params): { status: number; body?: unknown } {
    if (path === '/v2/translate' && (method === 'POST' || method === 'GET')) return handleTranslate(params);
    if (path === '/v2/usage' && (method === 'GET' || method === 'POST')) {
      return { status: 200, body: { character_count: usage.count, character_limit: usage.limit } };
    }
    if (path === '/v2/languages') {
      const type = one(params, 'type') === 'target' ? TARGET_LANGS : SOURCE_LANGS;
      return {
        status: 200,
        body: [...type].map((language) => ({
          language,
          name: language,
          ...(one(params, 'type') === 'target' ? { supports_formality: FORMALITY_LANGS.has(language) } : {}),
        })),
      };
    }
    const parts = path.split('/').filter(Boolean); // ['v3', 'glossaries', ...]
    if (parts[0] === 'v3' && parts[1] === 'glossaries')
      return glossaries.handle(method, parts.slice(1), params);
    throw new HttpError(404, 'Not found');
  }

  function send(res: ServerResponse, status: number, body?: unknown) {
    if (body === undefined) {
      res.writeHead(status).end();
      return;
    }
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
    });
    res.end(text);
  }

  async function readBody(req: IncomingMessage): Promise<{ body: Buffer; tooLarge: boolean }> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES + 1) chunks.push(chunk);
    }
    return { body: Buffer.concat(chunks), tooLarge: size > MAX_BODY_BYTES };
  }

  async function handleControl(req: IncomingMessage, res: ServerResponse, path: string) {
    const { body } = await readBody(req);
    const json = body.length ? (JSON.parse(body.toString('utf8')) as unknown) : null;
    if (path === '/__control/requests' && req.method === 'GET') return send(res, 200, requests);
    if (path === '/__control/reset' && req.method === 'POST') {
      reset();
      return send(res, 200, { ok: true });
    }
    if (path === '/__control/fault' && req.method === 'POST') {
      setFault(json as Fault | null);
      return send(res, 200, { fault });
    }
    if (path === '/__control/usage' && req.method === 'POST') {
      const u = json as { count: number; limit: number };
      usage = { count: u.count, limit: u.limit };
      return send(res, 200, usage);
    }
    const styled = req.method === 'POST' ? style.control(path, json) : undefined;
    if (styled !== undefined) return send(res, 200, styled);
    if (path === '/__control/delay' && req.method === 'POST') {
      delayMs = (json as { ms: number }).ms;
      return send(res, 200, { delayMs });
    }
    return send(res, 404, { message: 'Unknown control endpoint' });
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = url.pathname;
      if (path.startsWith('/__control/')) {
        try {
          await handleControl(req, res, path);
        } catch (e) {
          send(res, 400, { message: String(e) });
        }
        return;
      }
      const method = req.method ?? 'GET';
      const { body, tooLarge } = await readBody(req);
      const auth = req.headers.authorization ?? '';
      const m = /^DeepL-Auth-Key (.+)$/.exec(auth);
      const record: RecordedRequest = {
        method,
        path,
        status: 0,
        textCount: 0,
        bodyBytes: tooLarge ? MAX_BODY_BYTES + 1 : body.length,
        params: {},
        texts: [],
        authorized: m !== null,
      };
      requests.push(record);
      let params: Params = new Map();
      try {
        params = tooLarge
          ? new Map()
          : readParams(body.toString('utf8'), req.headers['content-type'] ?? '', url.searchParams);
      } catch {
        // Reported below as a 400.
      }
      record.texts = params.get('text') ?? [];
      record.textCount = record.texts.length;
      for (const [k, v] of params) if (k !== 'text') record.params[k] = v.join('\n');

      const answer = (status: number, payload?: unknown) => {
        record.status = status;
        const go = () => send(res, status, payload);
        if (delayMs > 0) setTimeout(go, delayMs);
        else go();
      };

      if (fault && 'kind' in fault && fault.kind === 'hang') return; // answered never; closed by close()
      if (fault && 'kind' in fault && fault.kind === 'close-socket') {
        req.socket.destroy();
        return;
      }
      if (!m || m[1] === 'invalid-key') return answer(403, { message: 'Forbidden' });
      if (fault && 'status' in fault && faultLeft > 0 && !(fault.status === 456 && path === '/v2/usage')) {
        faultLeft--;
        const status = fault.status;
        if (faultLeft <= 0) setFault(null);
        const messages: Record<number, string> = {
          403: 'Forbidden',
          429: 'Too many requests',
          456: 'Quota exceeded',
          500: 'Internal server error',
          503: 'Service unavailable',
        };
        return answer(status, { message: messages[status] });
      }
      if (tooLarge) return answer(413, { message: 'Request Entity Too Large' });
      try {
        const { status, body: out } = route(method, path, params);
        answer(status, out);
      } catch (e) {
        if (e instanceof HttpError) answer(e.status, { message: e.message });
        else answer(500, { message: 'Internal error' });
      }
    })();
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
    requests,
    setFault,
    setUsage: (count, limit) => {
      usage = { count, limit };
    },
    setDelay: (ms) => {
      delayMs = ms;
    },
    reset,
    glossaryCount: () => glossaries.glossaries.size,
    style,
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
