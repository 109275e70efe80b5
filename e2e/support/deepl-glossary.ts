/**
 * The v3 multilingual glossary endpoints of the DeepL-compatible test server (`deepl-server.ts`), and the
 * request plumbing both share: parameters, errors with an HTTP status.
 */
import { randomUUID } from 'node:crypto';
import { parseCsv } from '../../electron/services/csv-read';

/** A request DeepL would refuse: the server answers with this status and message. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A request's parameters (query and body), repeated ones in order. */
export type Params = Map<string, string[]>;

/** A parameter's first value. */
export const one = (p: Params, k: string) => p.get(k)?.[0];

/** One language pair of a glossary. */
export interface Dictionary {
  sourceLang: string;
  targetLang: string;
  entries: Map<string, string>;
}

export interface StoredGlossary {
  id: string;
  name: string;
  creationTime: string;
  dictionaries: Dictionary[];
}

/** The answer with the glossary's terms put in (longest term first), so glossary use is visible. */
export function applyGlossary(text: string, dict: Dictionary | undefined): string {
  if (!dict || dict.entries.size === 0) return text;
  const terms = [...dict.entries.keys()].sort((a, b) => b.length - a.length);
  let out = '';
  let i = 0;
  outer: while (i < text.length) {
    for (const term of terms) {
      if (text.startsWith(term, i)) {
        out += dict.entries.get(term)!;
        i += term.length;
        continue outer;
      }
    }
    out += text[i];
    i++;
  }
  return out;
}

/** Glossary entries as DeepL takes them: TSV (`source<TAB>target`) or CSV (`source,target[,langs]`, RFC 4180). */
function parseTsvOrCsv(entries: string, format: string): Map<string, string> {
  const rows = format === 'csv' ? csvEntries(entries) : tsvEntries(entries);
  const map = new Map<string, string>();
  for (const [src, tgt] of rows) {
    if (!src || !tgt) throw new HttpError(400, `Invalid glossary entry '${[src, tgt].join(',')}'`);
    map.set(src, tgt);
  }
  return map;
}

function tsvEntries(entries: string): string[][] {
  return entries
    .split(/\r\n|\n|\r/)
    .filter((line) => line.trim())
    .map((line) => {
      const parts = line.split('\t');
      if (parts.length !== 2) throw new HttpError(400, `Invalid glossary entry '${line}'`);
      return parts;
    });
}

/** CSV entries, read by the app's one CSV reader; fields are trimmed as DeepL does. */
function csvEntries(entries: string): string[][] {
  try {
    return parseCsv(entries).map((row) => row.map((f) => f.trim()));
  } catch {
    throw new HttpError(400, 'Invalid glossary entries: a quoted field is never closed');
  }
}

/** The glossaries of the server's account. */
export class GlossaryStore {
  readonly glossaries = new Map<string, StoredGlossary>();

  private json(g: StoredGlossary) {
    return {
      glossary_id: g.id,
      name: g.name,
      creation_time: g.creationTime,
      dictionaries: g.dictionaries.map((d) => ({
        source_lang: d.sourceLang,
        target_lang: d.targetLang,
        entry_count: d.entries.size,
      })),
    };
  }

  private readDictionaries(params: Params): Dictionary[] {
    const dicts: Dictionary[] = [];
    for (let i = 0; params.has(`dictionaries[${i}].source_lang`); i++) {
      const sourceLang = one(params, `dictionaries[${i}].source_lang`)!.toLowerCase();
      const targetLang = (one(params, `dictionaries[${i}].target_lang`) ?? '').toLowerCase();
      const entries = one(params, `dictionaries[${i}].entries`) ?? '';
      const format = one(params, `dictionaries[${i}].entries_format`) ?? 'tsv';
      if (!targetLang) throw new HttpError(400, 'Missing target_lang in dictionary');
      dicts.push({
        sourceLang,
        targetLang: targetLang.split('-')[0]!,
        entries: parseTsvOrCsv(entries, format),
      });
    }
    return dicts;
  }

  /** A `/v3/glossaries…` request; `parts` is the path from `glossaries` on. */
  handle(method: string, parts: string[], params: Params): { status: number; body?: unknown } {
    const [, id, sub] = parts; // parts: ['glossaries', id?, sub?]
    if (!id) return this.handleList(method, params);
    const g = this.glossaries.get(id);
    if (!g) throw new HttpError(404, 'Glossary not found');
    if (sub === 'entries' && method === 'GET') return this.entries(g, params);
    if (sub === 'dictionaries') return this.handleDictionary(method, g, params);
    if (sub === undefined) {
      if (method === 'GET') return { status: 200, body: this.json(g) };
      if (method === 'DELETE') {
        this.glossaries.delete(id);
        return { status: 204 };
      }
      if (method === 'PATCH') return this.patch(g, params);
    }
    throw new HttpError(405, 'Method not allowed');
  }

  /** `GET /v3/glossaries` lists them, `POST` creates one. */
  private handleList(method: string, params: Params): { status: number; body?: unknown } {
    if (method === 'GET')
      return { status: 200, body: { glossaries: [...this.glossaries.values()].map((g) => this.json(g)) } };
    if (method !== 'POST') throw new HttpError(405, 'Method not allowed');
    const name = one(params, 'name');
    if (!name) throw new HttpError(400, "Parameter 'name' not specified.");
    const dictionaries = this.readDictionaries(params);
    if (dictionaries.length === 0) throw new HttpError(400, "Parameter 'dictionaries' not specified.");
    const g: StoredGlossary = {
      id: randomUUID(),
      name,
      creationTime: new Date().toISOString(),
      dictionaries,
    };
    this.glossaries.set(g.id, g);
    return { status: 201, body: this.json(g) };
  }

  /** `GET …/entries`: the dictionaries the `source_lang`/`target_lang` parameters pick (all when absent), as TSV. */
  private entries(g: StoredGlossary, params: Params): { status: number; body?: unknown } {
    const dicts = g.dictionaries.filter((d) => pairMatches(d, params));
    if (dicts.length === 0) throw new HttpError(404, 'Dictionary not found');
    return {
      status: 200,
      body: {
        dictionaries: dicts.map((d) => ({
          source_lang: d.sourceLang,
          target_lang: d.targetLang,
          entries: [...d.entries].map(([s, t]) => `${s}\t${t}`).join('\n'),
          entries_format: 'tsv',
        })),
      },
    };
  }

  /** `…/dictionaries`: `DELETE` removes the picked pair, `PUT` replaces (or adds) one pair's entries. */
  private handleDictionary(
    method: string,
    g: StoredGlossary,
    params: Params,
  ): { status: number; body?: unknown } {
    if (method === 'DELETE') {
      const before = g.dictionaries.length;
      g.dictionaries = g.dictionaries.filter((d) => !pairMatches(d, params));
      if (g.dictionaries.length === before) throw new HttpError(404, 'Dictionary not found');
      return { status: 204 };
    }
    if (method !== 'PUT') throw new HttpError(405, 'Method not allowed');
    const sourceLang = (one(params, 'source_lang') ?? '').toLowerCase();
    const targetLang = (one(params, 'target_lang') ?? '').toLowerCase().split('-')[0]!;
    const entries = parseTsvOrCsv(one(params, 'entries') ?? '', one(params, 'entries_format') ?? 'tsv');
    const dict: Dictionary = { sourceLang, targetLang, entries };
    g.dictionaries = [
      ...g.dictionaries.filter((d) => !(d.sourceLang === sourceLang && d.targetLang === targetLang)),
      dict,
    ];
    return {
      status: 200,
      body: { source_lang: sourceLang, target_lang: targetLang, entry_count: entries.size },
    };
  }

  /** `PATCH`: a new name, and entries added to (or dictionaries added to) the glossary. */
  private patch(g: StoredGlossary, params: Params): { status: number; body?: unknown } {
    const name = one(params, 'name');
    if (name) g.name = name;
    for (const d of this.readDictionaries(params)) {
      const existing = g.dictionaries.find(
        (x) => x.sourceLang === d.sourceLang && x.targetLang === d.targetLang,
      );
      if (existing) for (const [s, t] of d.entries) existing.entries.set(s, t);
      else g.dictionaries.push(d);
    }
    return { status: 200, body: this.json(g) };
  }
}

/** The dictionary is the pair the `source_lang` and `target_lang` parameters name (either may be absent). */
function pairMatches(d: Dictionary, params: Params): boolean {
  return (
    (!params.has('source_lang') || d.sourceLang === one(params, 'source_lang')!.toLowerCase()) &&
    (!params.has('target_lang') || d.targetLang === one(params, 'target_lang')!.toLowerCase().split('-')[0])
  );
}
