import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CACHE_FILE, TranslationCache, cacheKey } from './cache';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mt-cache-'));
});
afterEach(async () => {
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
  it('persists across instances', async () => {
    await new TranslationCache(dir).setMany([
      ['a', 'A'],
      ['b', 'B\n"quoted"'],
    ]);
    const again = new TranslationCache(dir);
    expect(await again.get('a')).toBe('A');
    expect(await again.get('b')).toBe('B\n"quoted"');
    expect(await again.get('c')).toBeUndefined();
  });

  it('skips a truncated last line, then appends on a fresh line and drops the damage', async () => {
    await writeFile(join(dir, CACHE_FILE), '{"k":"a","t":"A"}\n{"k":"b","t":"B');
    const cache = new TranslationCache(dir);
    expect(await cache.get('a')).toBe('A');
    expect(await cache.get('b')).toBeUndefined();
    await cache.setMany([['c', 'C']]);
    const lines = (await readFile(join(dir, CACHE_FILE), 'utf8')).trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([
      { k: 'a', t: 'A' },
      { k: 'c', t: 'C' },
    ]);
  });

  it('keeps concurrent writes whole and loads 4,000 entries', async () => {
    const cache = new TranslationCache(dir);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        cache.setMany(
          Array.from({ length: 100 }, (_, j) => [`k${i}-${j}`, `번역 ${i}-${j} `.repeat(20)] as const),
        ),
      ),
    );
    const fresh = new TranslationCache(dir);
    expect(await fresh.size()).toBe(4_000);
    expect(await fresh.get('k39-99')).toBe('번역 39-99 '.repeat(20));
  });

  it('reports a write failure to the caller and keeps working afterwards', async () => {
    const file = join(dir, 'not-a-dir');
    await writeFile(file, 'x');
    const broken = new TranslationCache(join(file, 'sub'));
    await expect(broken.setMany([['a', 'A']])).rejects.toThrow();
    await expect(broken.setMany([['b', 'B']])).rejects.toThrow();
  });
});
