/**
 * Request plumbing of the DeepL-compatible test server (`deepl-server.ts`): DeepL's size limits, reading a body
 * and its parameters (form-encoded as deepl-node sends them, JSON accepted too), recording each API request for
 * assertions, and writing a JSON answer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, type Params } from './deepl-glossary';

/** DeepL's limits for one `/v2/translate` request. */
export const MAX_TEXTS_PER_REQUEST = 50;
/** Maximum request body size in bytes. */
export const MAX_BODY_BYTES = 128 * 1024;

/** An answer: status and JSON body (none for 204 and the like). */
export interface Reply {
  status: number;
  body?: unknown;
}

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

/** The body, kept up to one byte past {@link MAX_BODY_BYTES}; `tooLarge` when it went past the limit. */
export async function readBody(req: IncomingMessage): Promise<{ body: Buffer; tooLarge: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES + 1) chunks.push(chunk);
  }
  return { body: Buffer.concat(chunks), tooLarge: size > MAX_BODY_BYTES };
}

/** A JSON body's fields as parameters: arrays repeated, booleans as `1`/`0`, glossary dictionaries flattened. */
function addJsonParams(body: string, add: (k: string, v: string) => void): void {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new HttpError(400, 'Invalid JSON body');
  }
  if (!json || typeof json !== 'object') return;
  for (const [k, v] of Object.entries(json as Record<string, unknown>)) {
    if (k === 'dictionaries' && Array.isArray(v)) {
      v.forEach((d: Record<string, unknown>, i) => {
        for (const [dk, dv] of Object.entries(d)) add(`dictionaries[${i}].${dk}`, String(dv));
      });
    } else if (Array.isArray(v)) v.forEach((x) => add(k, String(x)));
    else if (v !== null && v !== undefined) add(k, typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  }
}

/** The query's and the body's parameters, repeated ones in order. */
export function readParams(body: string, contentType: string, query: URLSearchParams): Params {
  const params: Params = new Map();
  const add = (k: string, v: string) => params.set(k, [...(params.get(k) ?? []), v]);
  for (const [k, v] of query) add(k, v);
  if (!body) return params;
  if (contentType.includes('application/json')) addJsonParams(body, add);
  else for (const [k, v] of new URLSearchParams(body)) add(k, v);
  return params;
}

/**
 * Read an API request whole: its record (status 0 until answered) and its parameters (none when the body is too
 * large or unreadable: the request is then answered 413, or 400 for the missing parameters).
 */
export async function readApiRequest(
  req: IncomingMessage,
  url: URL,
): Promise<{ record: RecordedRequest; params: Params; authKey: string | undefined; tooLarge: boolean }> {
  const { body, tooLarge } = await readBody(req);
  const m = /^DeepL-Auth-Key (.+)$/.exec(req.headers.authorization ?? '');
  const record: RecordedRequest = {
    method: req.method ?? 'GET',
    path: url.pathname,
    status: 0,
    textCount: 0,
    bodyBytes: tooLarge ? MAX_BODY_BYTES + 1 : body.length,
    params: {},
    texts: [],
    authorized: m !== null,
  };
  let params: Params = new Map();
  try {
    params = tooLarge
      ? new Map()
      : readParams(body.toString('utf8'), req.headers['content-type'] ?? '', url.searchParams);
  } catch {
    // Answered as a 400 by the endpoint, which finds its parameters missing.
  }
  record.texts = params.get('text') ?? [];
  record.textCount = record.texts.length;
  for (const [k, v] of params) if (k !== 'text') record.params[k] = v.join('\n');
  return { record, params, authKey: m?.[1], tooLarge };
}

/** Answer with `body` as JSON (or no body). */
export function send(res: ServerResponse, status: number, body?: unknown): void {
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
