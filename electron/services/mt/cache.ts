import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What makes two machine translations interchangeable. */
export interface CacheKeyParts {
  source: string;
  /** DeepL target code, e.g. `vi`, `en-GB`. */
  target: string;
  modelType: string;
  /** Hash of the glossary dictionary used for this target, or `''` without one. */
  glossaryHash: string;
  /** DeepL `context` sent with the text (`''` when none): it can change the translation. */
  context: string;
}

/** The cache key of a translation: sha256 over its parts, each length-prefixed so no two splits collide. */
export function cacheKey(p: CacheKeyParts): string {
  const h = createHash('sha256');
  for (const part of [p.source, p.target, p.modelType, p.glossaryHash, p.context]) {
    h.update(`${Buffer.byteLength(part)}:`);
    h.update(part);
  }
  return h.digest('hex');
}

/** File name of the cache inside its folder. */
export const CACHE_FILE = 'translations.jsonl';

/**
 * Machine translations already paid for, kept across runs and shared by all projects. An append-only JSON-lines
 * file (`{"k":key,"t":text}` per line), read once on first use into a map. A crash can leave a truncated last
 * line: unreadable lines are skipped, the next append starts on a fresh line, and the file is rewritten without
 * them (and without superseded duplicates) when it has grown mostly stale.
 */
export class TranslationCache {
  private readonly file: string;
  private map: Map<string, string> | null = null;
  private loading: Promise<Map<string, string>> | null = null;
  private needsNewline = false;
  private writes: Promise<void> = Promise.resolve();

  constructor(private readonly dir: string) {
    this.file = join(dir, CACHE_FILE);
  }

  private load(): Promise<Map<string, string>> {
    if (this.map) return Promise.resolve(this.map);
    this.loading ??= (async () => {
      const map = new Map<string, string>();
      let raw = '';
      try {
        raw = await readFile(this.file, 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
      let lines = 0;
      let bad = 0;
      for (const line of raw.split('\n')) {
        if (!line) continue;
        lines++;
        try {
          const entry = JSON.parse(line) as { k?: unknown; t?: unknown };
          if (typeof entry.k === 'string' && typeof entry.t === 'string') map.set(entry.k, entry.t);
          else bad++;
        } catch {
          bad++;
        }
      }
      this.needsNewline = raw.length > 0 && !raw.endsWith('\n');
      if (bad > 0 || lines > 2 * map.size + 100) await this.compact(map);
      this.map = map;
      return map;
    })();
    return this.loading;
  }

  private async compact(map: Map<string, string>): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeFile(tmp, [...map].map(([k, t]) => JSON.stringify({ k, t }) + '\n').join(''));
    await rename(tmp, this.file);
    this.needsNewline = false;
  }

  /** The cached translation for a key, if any. */
  async get(key: string): Promise<string | undefined> {
    return (await this.load()).get(key);
  }

  /** Number of cached translations. */
  async size(): Promise<number> {
    return (await this.load()).size;
  }

  /** Remember translations; resolves once they are on disk. Writes are serialised so lines never interleave. */
  async setMany(entries: ReadonlyArray<readonly [key: string, text: string]>): Promise<void> {
    if (entries.length === 0) return;
    const map = await this.load();
    const fresh = entries.filter(([k, t]) => map.get(k) !== t);
    for (const [k, t] of fresh) map.set(k, t);
    if (fresh.length === 0) return;
    const chunk = fresh.map(([k, t]) => JSON.stringify({ k, t }) + '\n').join('');
    const write = this.writes.then(async () => {
      await mkdir(this.dir, { recursive: true });
      const prefix = this.needsNewline ? '\n' : '';
      this.needsNewline = false;
      await appendFile(this.file, prefix + chunk, 'utf8');
    });
    // A failed write must not block later ones; the caller still sees its own failure.
    this.writes = write.catch(() => undefined);
    await write;
  }
}
