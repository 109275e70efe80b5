// Upgrading a database made before memory and termbase were per desk (migrations 0201 and 0301): nothing is lost,
// existing units and terms belong to the desk that used them, and the memory keeps answering through its indexes.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openSqlite, type Database } from './index';
import { ALL_MIGRATIONS } from '../../core/migrations';
import { startPgTestCluster, type PgTestCluster } from '../../../test/support/pg-cluster';
import { openPostgres } from './postgres';
import { QaRepository } from '../qa/repository';
import { memoryFor } from '../tm';
import { unitOf } from '../tm/memory';
import { DEFAULT_DESK, EMBEDDED_DESK } from './desk-scope';

const PER_DESK = new Set(['0201-tm-per-desk', '0301-qa-terms-per-desk']);
const BEFORE = ALL_MIGRATIONS.filter((m) => !PER_DESK.has(m.name));
const SEOUL = '서울시는 4일 베트남 하노이시와 스마트 모빌리티 분야 협력을 위한 업무협약을 체결했다고 밝혔다.';
const SEOUL_WORD =
  '서울시는 4일 베트남 호찌민시와 스마트 모빌리티 분야 협력을 위한 업무협약을 체결했다고 밝혔다.';
const AT = '2026-01-01T00:00:00Z';

/** Store a unit and a term as the code before 0201/0301 did (no desk column yet). */
async function oldData(database: Database, projectId: string | null): Promise<void> {
  const u = unitOf({ source: SEOUL, target: 'Seoul ký với Hà Nội', lang: 'vi', at: AT }, false);
  await database.db
    .insertInto('tm_unit')
    .values({
      pair_hash: u.pairHash,
      source_hash: u.sourceHash,
      source: u.source,
      target: u.target,
      lang: u.lang,
      project_id: projectId,
      at: AT,
    })
    .execute();
  const term = { ko: '부산시', vi: 'Busan', en: 'Busan', forbidden_vi: '[]', forbidden_en: '[]' };
  await database.db
    .insertInto('qa_terms')
    .values({ id: 't1', scope: 'desk', ...term, updated_at: AT, updated_by: 'Lan' })
    .execute();
  await database.db
    .insertInto('qa_term_changes')
    .values({ scope_key: 'desk', ko: '부산시', changed_at: AT })
    .execute();
}

describe('upgrading the embedded database (SQLite)', () => {
  it("keeps the memory and termbase as the embedded app's desk, trigram index included", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'desk-scope-'));
    try {
      const file = join(dir, 'review.db');
      const old = await openSqlite(file, BEFORE);
      await oldData(old, 'p1');
      await old.close();
      const database = await openSqlite(file, ALL_MIGRATIONS);
      const memory = memoryFor(database);
      expect(await memory.repo.count(EMBEDDED_DESK)).toBe(1);
      const fuzzy = await memory.lookup(EMBEDDED_DESK, { source: SEOUL_WORD, lang: 'vi' });
      expect(fuzzy.map((m) => [m.kind, m.target])).toEqual([['fuzzy', 'Seoul ký với Hà Nội']]);
      // The pair stays one unit in its desk, and is a separate unit in another.
      const again = { source: SEOUL, target: 'Seoul ký với Hà Nội', lang: 'vi' as const, at: AT };
      expect(await memory.remember(EMBEDDED_DESK, [again])).toBe(0);
      expect(await memory.remember('other', [again])).toBe(1);
      expect(await memory.lookup('other', { source: SEOUL_WORD, lang: 'vi' })).toHaveLength(1);
      const qa = new QaRepository(database);
      expect((await qa.terms(EMBEDDED_DESK, null)).map((t) => t.id)).toEqual(['t1']);
      await qa.markSynced('p1', '2025-12-31T00:00:00Z');
      expect(await qa.changedTermsSinceSync(EMBEDDED_DESK, 'p1')).toEqual(['부산시']);
      await database.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('upgrading a desk database (PostgreSQL)', () => {
  let cluster: PgTestCluster;
  beforeAll(async () => {
    cluster = await startPgTestCluster();
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  /** A desk database before 0201/0301 with accounts of the given desks and a project registered to `sports`. */
  async function deskDatabase(name: string, desks: string[]) {
    const database = await openPostgres(await cluster.createDatabase(name), BEFORE);
    for (const [i, desk] of desks.entries())
      await database.db
        .insertInto('desk_users')
        .values({
          id: `u${i}`,
          desk,
          name: `user${i}`,
          role: 'editor',
          password_hash: 'x',
          disabled: 0,
          created_at: AT,
        })
        .execute();
    await database.db
      .insertInto('desk_projects')
      .values({ project_id: 'p-sports', desk: 'sports', created_by: 'u0' })
      .execute();
    return database;
  }

  it('gives existing units and terms to the only desk of the accounts, or to their project’s desk', async () => {
    const database = await deskDatabase('single', ['seoul']);
    await oldData(database, null);
    const u = unitOf({ source: SEOUL_WORD, target: 'Seoul ký với TP HCM', lang: 'vi', at: AT }, false);
    await database.db
      .insertInto('tm_unit')
      .values({
        pair_hash: u.pairHash,
        source_hash: u.sourceHash,
        source: u.source,
        target: u.target,
        lang: 'vi',
        project_id: 'p-sports',
        at: AT,
      })
      .execute();
    await migrate(database, ALL_MIGRATIONS);
    const units = await database.db.selectFrom('tm_unit').select(['desk', 'target']).orderBy('id').execute();
    expect(units).toEqual([
      { desk: 'seoul', target: 'Seoul ký với Hà Nội' },
      { desk: 'sports', target: 'Seoul ký với TP HCM' },
    ]);
    const memory = memoryFor(database);
    expect((await memory.lookup('seoul', { source: SEOUL, lang: 'vi' })).map((m) => m.target)).toEqual([
      'Seoul ký với Hà Nội',
    ]);
    const qa = new QaRepository(database);
    expect((await qa.terms('seoul', null)).map((t) => t.id)).toEqual(['t1']);
    expect(await qa.terms('sports', null)).toEqual([]);
    const keys = await database.db.selectFrom('qa_term_changes').select('scope_key').execute();
    expect(keys).toEqual([{ scope_key: 'desk:seoul' }]);
    await database.close();
  });

  it('gives them to the default desk when the accounts are in several desks', async () => {
    const database = await deskDatabase('several', ['seoul', 'sports']);
    await oldData(database, null);
    await migrate(database, ALL_MIGRATIONS);
    const units = await database.db.selectFrom('tm_unit').select('desk').execute();
    expect(units).toEqual([{ desk: DEFAULT_DESK }]);
    expect((await new QaRepository(database).terms(DEFAULT_DESK, null)).map((t) => t.id)).toEqual(['t1']);
    await database.close();
  });

  it("keeps the trigram index usable for a desk's fuzzy candidates", async () => {
    const database = await openPostgres(await cluster.createDatabase('plan'), ALL_MIGRATIONS);
    await sql`INSERT INTO tm_unit (desk, pair_hash, source_hash, lang, source, target, at)
      SELECT CASE WHEN g % 2 = 0 THEN 'sports' ELSE 'seoul' END, 'p' || g, 's' || g, 'vi',
        (SELECT string_agg(chr(44032 + abs(hashint8(g::bigint * 16 + k)) % 2000), '') FROM generate_series(1, 30) k),
        't', ${AT}
      FROM generate_series(1, 20000) g`.execute(database.db);
    await sql`ANALYZE tm_unit`.execute(database.db);
    const { rows } = await sql<{ source: string }>`SELECT source FROM tm_unit WHERE id = 9`.execute(
      database.db,
    );
    const query = sql`SELECT id FROM tm_unit WHERE desk = ${'seoul'} AND lang = 'vi' AND source % ${rows[0]!.source}`;
    const explain = async (withoutBtrees: boolean) =>
      database.db
        .transaction()
        .execute(async (trx) => {
          // A table this small is cheaper to read whole or through a b-tree on the desk (the planner rightly does
          // so); with a desk of a million units it takes the trigram index (bench:desk). What is checked here is
          // that the desk filter leaves that index usable: with the other ways shut, the plan must be
          // "trigram index, then the desk as a filter". The b-trees are dropped in a transaction rolled back.
          await sql`SET LOCAL enable_seqscan = off`.execute(trx);
          if (withoutBtrees) await sql`DROP INDEX tm_unit_pair_desk, tm_unit_source_desk`.execute(trx);
          const plan = await sql<{ 'QUERY PLAN': string }>`EXPLAIN ${query}`.execute(trx);
          throw Object.assign(new Error('rollback'), {
            plan: plan.rows.map((r) => r['QUERY PLAN']).join('\n'),
          });
        })
        .catch((e: { plan: string }) => e.plan);
    const text = await explain(true);
    expect(text).toMatch(/Bitmap Index Scan on tm_unit_source_trgm .*\n\s+Index Cond: \(source %/);
    expect(text).toMatch(/Filter: .*desk = 'seoul'/);
    const units = await sql<{ id: string }>`${query}`.execute(database.db);
    expect(units.rows.map((r) => Number(r.id))).toEqual([9]);
    expect(await explain(false)).not.toBe(text); // the planner had a choice, and the indexes are back
    await database.close();
  });
});
