import { access, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite, type Database } from '../db';
import { CACHE_FILE, TranslationCache, cacheKey, type CacheKeyParts } from './cache';
import { ALL_MIGRATIONS } from '../../core/migrations';

let dir: string;
let database: Database;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mt-cache-'));
  database = await openSqlite(join(dir, 'review.db'), ALL_MIGRATIONS);
});
afterEach(async () => {
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

const base = {
  source: '문단',
  target: 'vi',
  modelType: 'prefer_quality_optimized',
  glossaryHash: '',
  context: '',
};

describe('cacheKey', () => {
  it('differs when any part differs, also when parts would concatenate alike', () => {
    const keys = new Set([
      cacheKey(base),
      cacheKey({ ...base, target: 'en-US' }),
      cacheKey({ ...base, modelType: 'quality_optimized' }),
      cacheKey({ ...base, glossaryHash: 'g' }),
      cacheKey({ ...base, context: '제목' }),
      cacheKey({ ...base, source: '문단제목', context: '' }),
      cacheKey({ ...base, source: '문단제', glossaryHash: '목' }),
    ]);
    expect(keys.size).toBe(7);
    expect(cacheKey(base)).toBe(cacheKey({ ...base }));
  });
});

describe('TranslationCache', () => {
  const entry = (parts: Partial<CacheKeyParts>, text: string, billedCharacters = text.length) => ({
    parts: { ...base, ...parts },
    text,
    billedCharacters,
  });
  let clock = 0;
  const now = () => new Date(Date.UTC(2026, 0, 1) + ++clock * 1000);

  it('persists in the database across instances and connections, with billed characters', async () => {
    await new TranslationCache(database).setMany([
      entry({}, 'Đoạn văn', 2),
      entry({ source: '제목' }, 'Tiêu đề\n"x"', 2),
    ]);
    const other = await openSqlite(join(dir, 'review.db'), ALL_MIGRATIONS);
    try {
      const again = new TranslationCache(other);
      expect(await again.get(cacheKey(base))).toBe('Đoạn văn');
      expect(await again.get(cacheKey({ ...base, source: '제목' }))).toBe('Tiêu đề\n"x"');
      expect(await again.billedCharacters(cacheKey(base))).toBe(2);
      expect(await again.get(cacheKey({ ...base, source: '없음' }))).toBeUndefined();
      expect(await again.size()).toBe(2);
    } finally {
      await other.close();
    }
  });

  it('answers only the exact request: another context, glossary, model or target is a miss', async () => {
    const cache = new TranslationCache(database);
    await cache.setMany([entry({ context: '제목 A\n리드' }, 'A')]);
    expect(await cache.get(cacheKey({ ...base, context: '제목 A\n리드' }))).toBe('A');
    for (const other of [
      { context: '' },
      { context: '제목 B\n리드' },
      { glossaryHash: 'g2' },
      { modelType: 'latency_optimized' },
      { target: 'en-GB' },
    ])
      expect(await cache.get(cacheKey({ ...base, context: '제목 A\n리드', ...other }))).toBeUndefined();
  });

  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const cache = new TranslationCache(database, { maxEntries: 3, now });
    const key = (source: string) => cacheKey({ ...base, source });
    await cache.setMany([entry({ source: '1' }, 'one')]);
    await cache.setMany([entry({ source: '2' }, 'two')]);
    await cache.setMany([entry({ source: '3' }, 'three')]);
    expect(await cache.get(key('1'))).toBe('one'); // used again: now newer than 2 and 3
    await cache.setMany([entry({ source: '4' }, 'four')]);
    expect(await cache.size()).toBe(3);
    expect(await cache.get(key('2'))).toBeUndefined();
    await cache.setMany([entry({ source: '5' }, 'five'), entry({ source: '6' }, 'six')]);
    expect(await cache.size()).toBe(3);
    expect(await cache.get(key('1'))).toBeUndefined();
    expect(await cache.get(key('3'))).toBeUndefined();
    expect([await cache.get(key('4')), await cache.get(key('5')), await cache.get(key('6'))]).toEqual([
      'four',
      'five',
      'six',
    ]);
  });

  it('moves the old JSON-lines cache into the database once, skipping a line cut by a crash', async () => {
    const legacy = join(dir, 'mt-cache');
    await mkdir(legacy);
    const k1 = cacheKey({ ...base, source: '하나' });
    const k2 = cacheKey({ ...base, source: '둘' });
    await writeFile(
      join(legacy, CACHE_FILE),
      `${JSON.stringify({ k: k1, t: 'Một' })}\n${JSON.stringify({ k: k2, t: 'Hai' })}\n{"k":"x","t":"cut`,
    );
    const cache = new TranslationCache(database, { legacyDir: legacy });
    expect(await cache.get(k1)).toBe('Một');
    expect(await cache.get(k2)).toBe('Hai');
    expect(await cache.size()).toBe(2);
    await expect(access(join(legacy, CACHE_FILE))).rejects.toThrow();
    await access(join(legacy, `${CACHE_FILE}.migrated`));
    // A later start finds nothing left to migrate and keeps the entries.
    expect(await new TranslationCache(database, { legacyDir: legacy }).size()).toBe(2);
  });

  it('keeps concurrent writes whole (4,000 entries)', async () => {
    const cache = new TranslationCache(database);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        cache.setMany(
          Array.from({ length: 100 }, (_, j) => entry({ source: `${i}-${j}` }, `번역 ${i}-${j}`)),
        ),
      ),
    );
    expect(await new TranslationCache(database).size()).toBe(4_000);
    expect(await cache.get(cacheKey({ ...base, source: '39-99' }))).toBe('번역 39-99');
  });
});
