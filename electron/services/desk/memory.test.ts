import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPgTestCluster, type PgTestCluster } from '../db/pg-test-cluster';
import { openPostgres, type PostgresDatabase } from '../db/postgres';
import { SharedMemory, memoryScore, normalizeSource } from './memory';

const AT = '2026-01-01T00:00:00.000Z';

describe('memory score', () => {
  it('is 100 for the same normalized text and falls with the edit distance', () => {
    expect(memoryScore('서울시는  베트남과\n협력한다', '서울시는 베트남과 협력한다')).toBe(100);
    expect(memoryScore('서울시는 베트남과 협력한다', '서울시는 베트남과 협력했다')).toBe(92); // 1 edit in 14 characters, rounded down
    expect(memoryScore('가나다', '라마바')).toBe(0);
    expect(normalizeSource(' a\u00a0 b ')).toBe('a b');
  });
});

describe('shared memory on PostgreSQL (pg_trgm)', () => {
  let cluster: PgTestCluster;
  let database: PostgresDatabase;
  let memory: SharedMemory;
  beforeAll(async () => {
    cluster = await startPgTestCluster();
    database = await openPostgres(await cluster.createDatabase('memory'));
    memory = new SharedMemory(database);
    const filler = Array.from({ length: 2000 }, (_, i) => ({
      desk: 'main',
      lang: 'vi' as const,
      source: `관계없는 문장 번호 ${i} 입니다`,
      target: `câu ${i}`,
      at: AT,
    }));
    await memory.add([
      ...filler,
      {
        desk: 'main',
        lang: 'vi',
        source: '서울시는 베트남과 스마트 모빌리티 협력을 강화한다',
        target: 'A',
        at: AT,
      },
      {
        desk: 'main',
        lang: 'vi',
        source: '서울시는 베트남과 스마트 모빌리티 협력을 확대한다',
        target: 'B',
        at: AT,
      },
      {
        desk: 'main',
        lang: 'en',
        source: '서울시는 베트남과 스마트 모빌리티 협력을 강화한다',
        target: 'EN',
        at: AT,
      },
      {
        desk: 'other',
        lang: 'vi',
        source: '서울시는 베트남과 스마트 모빌리티 협력을 강화한다',
        target: 'X',
        at: AT,
      },
    ]);
    await sql`ANALYZE desk_tm_units`.execute(database.db);
  }, 60_000);
  afterAll(async () => {
    await database?.close();
    await cluster?.stop();
  });

  it('finds Hangul through trigrams (the cluster locale classifies Korean as letters)', async () => {
    const r = await sql<{ n: number }>`SELECT cardinality(show_trgm('서울시는 베트남과')) AS n`.execute(
      database.db,
    );
    expect(r.rows[0]!.n).toBeGreaterThan(4);
  });

  it('ranks by the edit-distance score, within one desk and language', async () => {
    const matches = await memory.lookup({
      desk: 'main',
      lang: 'vi',
      source: '서울시는 베트남과 스마트 모빌리티 협력을 강화한다',
    });
    expect(matches.map((m) => [m.target, m.score])).toEqual([
      ['A', 100],
      [
        'B',
        memoryScore(
          '서울시는 베트남과 스마트 모빌리티 협력을 강화한다',
          '서울시는 베트남과 스마트 모빌리티 협력을 확대한다',
        ),
      ],
    ]);
    expect(matches[1]!.score).toBeGreaterThanOrEqual(75);
    expect(matches[1]!.score).toBeLessThan(100);
  });

  it('returns nothing below the threshold', async () => {
    expect(await memory.lookup({ desk: 'main', lang: 'vi', source: '전혀 다른 내용의 기사 문장' })).toEqual(
      [],
    );
  });

  it('answers through the GIN trigram index', async () => {
    const plan = await database.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      await sql`SET LOCAL pg_trgm.similarity_threshold = 0.2`.execute(trx);
      return sql<{
        'QUERY PLAN': string;
      }>`EXPLAIN SELECT id FROM desk_tm_units WHERE source_norm % ${'서울시는 베트남과'}`.execute(trx);
    });
    expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('desk_tm_units_trgm');
  });
});
