import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GlossaryEntries, GlossaryNotFoundError, type DeepLClient } from 'deepl-node';
import type { GlossaryEntry, TargetLang } from '../../contract';
import { writeFileAtomic } from '../files';

/** The project glossary as DeepL dictionaries: Korean term → required translation, per target language. */
export interface GlossaryDictionaries {
  /** Entries per target language; a language without entries is absent. */
  dicts: Partial<Record<TargetLang, Record<string, string>>>;
  /** Hash per dictionary (part of the MT cache key, so editing Vietnamese terms keeps English cache hits). */
  hashes: Partial<Record<TargetLang, string>>;
  /** Hash of the whole glossary, or null when it is empty. */
  hash: string | null;
}

// DeepL rejects control characters and Unicode line separators in terms.
const clean = (s: string) =>
  s
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .replace(/[\u0000-\u001f\u0080-\u009f\u2028\u2029]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** Normalise the project glossary into DeepL dictionaries (a later duplicate Korean term wins). */
export function glossaryDictionaries(entries: readonly GlossaryEntry[]): GlossaryDictionaries {
  const dicts: GlossaryDictionaries['dicts'] = {};
  const hashes: GlossaryDictionaries['hashes'] = {};
  for (const lang of ['vi', 'en'] as const) {
    const dict: Record<string, string> = {};
    for (const e of entries) {
      const ko = clean(e.ko);
      const target = clean(e[lang]);
      if (ko && target) dict[ko] = target;
    }
    const keys = Object.keys(dict).sort();
    if (keys.length === 0) continue;
    const sorted = Object.fromEntries(keys.map((k) => [k, dict[k]!]));
    dicts[lang] = sorted;
    hashes[lang] = sha(JSON.stringify([lang, sorted]));
  }
  const langs = Object.keys(hashes).sort() as TargetLang[];
  return { dicts, hashes, hash: langs.length ? sha(langs.map((l) => hashes[l]).join(':')) : null };
}

/** File that maps glossary content (per account and server) to the DeepL glossary id made for it. */
export const GLOSSARY_MAP_FILE = 'glossaries.json';

interface MapEntry {
  id: string;
  createdAt: string;
}

/**
 * Keeps one DeepL multilingual (v3) glossary per glossary content. A glossary is created only when no glossary
 * for the same content exists on the same account; the id is remembered in `glossaries.json` under a key that
 * hashes the server, the account key and the content (the key itself is never stored). A remembered id is
 * checked once per process, and recreated if it was deleted on the DeepL side.
 */
export class GlossarySync {
  private readonly file: string;
  private verified = new Set<string>();
  private pending = new Map<string, Promise<string>>();

  constructor(
    private readonly dir: string,
    private readonly now: () => Date,
  ) {
    this.file = join(dir, GLOSSARY_MAP_FILE);
  }

  private async readMap(): Promise<Record<string, MapEntry>> {
    try {
      const data = JSON.parse(await readFile(this.file, 'utf8')) as unknown;
      return data && typeof data === 'object' ? (data as Record<string, MapEntry>) : {};
    } catch {
      return {};
    }
  }

  private async writeMap(map: Record<string, MapEntry>): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await writeFileAtomic(this.file, JSON.stringify(map, null, 2), { overwrite: true });
  }

  /**
   * The DeepL glossary id for these dictionaries, creating it if needed. `account` identifies server + key
   * (a hash, never the key). Errors from deepl-node propagate.
   */
  ensure(client: DeepLClient, account: string, g: GlossaryDictionaries): Promise<string> {
    if (!g.hash) throw new Error('empty glossary');
    const slot = sha(`${account}\n${g.hash}`);
    let job = this.pending.get(slot);
    if (!job) {
      job = this.resolve(client, slot, g).finally(() => this.pending.delete(slot));
      this.pending.set(slot, job);
    }
    return job;
  }

  private async resolve(client: DeepLClient, slot: string, g: GlossaryDictionaries): Promise<string> {
    const map = await this.readMap();
    const known = map[slot];
    if (known) {
      if (this.verified.has(known.id)) return known.id;
      try {
        await client.getMultilingualGlossary(known.id);
        this.verified.add(known.id);
        return known.id;
      } catch (e) {
        if (!(e instanceof GlossaryNotFoundError)) throw e;
      }
    }
    const dictionaries = (Object.keys(g.dicts) as TargetLang[]).map((lang) => ({
      sourceLangCode: 'ko',
      targetLangCode: lang,
      entries: new GlossaryEntries({ entries: g.dicts[lang]! }),
    }));
    const info = await client.createMultilingualGlossary(
      `Bilingual Review ${g.hash!.slice(0, 12)}`,
      dictionaries,
    );
    this.verified.add(info.glossaryId);
    const latest = await this.readMap();
    latest[slot] = { id: info.glossaryId, createdAt: this.now().toISOString() };
    await this.writeMap(latest);
    return info.glossaryId;
  }
}
