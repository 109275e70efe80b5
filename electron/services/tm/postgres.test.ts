import { sql } from 'kysely';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../db';
import { migratedPostgres } from '../../../test/support/pg-database';
import { openPostgres } from '../db/postgres';
import { ALL_MIGRATIONS } from '../../core/migrations';
import { exportTmx, importTmx } from './index';
import { TranslationMemory } from './memory';
import { memoryCases } from '../../../test/support/tm-memory-cases';
import { bulkLookupCases } from '../../../test/support/tm-bulk-cases';
import { PostgresTmRepository } from './postgres';
import { hashOf, normalize } from './text';
import { EMBEDDED_DESK } from '../db/desk-scope';

/** The desk whose memory these cases use (the embedded app's). */
const D = EMBEDDED_DESK;

const pg = migratedPostgres('memory');
let tm: TranslationMemory;
beforeAll(() => {
  tm = new TranslationMemory(new PostgresTmRepository(pg.database));
});
beforeEach(async () => {
  await sql`TRUNCATE tm_unit`.execute(pg.database.db);
});

describe('translation memory lookup (PostgreSQL, pg_trgm)', () => {
  memoryCases(() => tm);
  bulkLookupCases(() => tm, 40);
});

describe('the desk memory on PostgreSQL', () => {
  it('finds Hangul through trigrams (the cluster locale classifies Korean as letters)', async () => {
    const r = await sql<{ n: number }>`SELECT cardinality(show_trgm('서울시는 베트남과')) AS n`.execute(
      pg.database.db,
    );
    expect(r.rows[0]!.n).toBeGreaterThan(4);
  });

  it('finds a one-syllable change among thousands of unrelated units', async () => {
    const filler = Array.from({ length: 2000 }, (_, i) => ({
      source: `관계없는 문장 번호 ${i} 입니다`,
      target: `câu ${i}`,
      lang: 'vi' as const,
      at: '2026-01-01T00:00:00Z',
    }));
    await tm.remember(D, [
      ...filler,
      { source: '서울시는 베트남과 스마트 모빌리티 협력을 강화한다', target: 'A', lang: 'vi', at: 'x' },
    ]);
    await sql`ANALYZE tm_unit`.execute(pg.database.db);
    const matches = await tm.lookup(D, {
      source: '서울시는 베트남과 스마트 모빌리티 협력을 확대한다',
      lang: 'vi',
    });
    expect(matches.map((m) => [m.target, m.kind])).toEqual([['A', 'fuzzy']]);
  });

  it('answers fuzzy candidates through the GIN trigram index', async () => {
    const plan = await pg.database.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      return sql<{
        'QUERY PLAN': string;
      }>`EXPLAIN SELECT id FROM tm_unit WHERE source % ${'서울시는 베트남과'}`.execute(trx);
    });
    expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('tm_unit_source_trgm');
  });

  it('imports and exports TMX through the same repository', async () => {
    const tmx = `<?xml version="1.0"?><tmx version="1.4"><header srclang="ko-KR" segtype="paragraph"
      adminlang="en" datatype="plaintext" creationtool="t" creationtoolversion="1" o-tmf="t"/><body>
      <tu><tuv xml:lang="ko-KR"><seg>서울시는 베트남과 협력한다</seg></tuv><tuv xml:lang="vi-VN"><seg>Seoul hợp tác</seg></tuv>
      <tuv xml:lang="en-US"><seg>Seoul cooperates</seg></tuv></tu></body></tmx>`;
    const now = new Date('2026-11-25T00:00:00Z');
    expect(await importTmx(tm, D, Buffer.from(tmx), now)).toEqual({ imported: 2, skipped: 0 });
    expect(await importTmx(tm, D, Buffer.from(tmx), now)).toEqual({ imported: 0, skipped: 2 });
    const out = await exportTmx(tm, D, { now, appVersion: '1' });
    expect(out).toContain('<seg>Seoul hợp tác</seg>');
    expect(out).toContain('<seg>Seoul cooperates</seg>');
  });
});

describe('migration 0403: one memory table', () => {
  it("moves the desk's old shared-memory units into tm_unit and drops the old table", async () => {
    const url = await pg.cluster.createDatabase('legacy');
    const before = ALL_MIGRATIONS.filter((m) => m.name !== '0403-desk-one-memory');
    const old = await openPostgres(url, before);
    const unit = { desk: 'main', lang: 'vi', target: 'A', at: '2026-01-01T00:00:00Z' };
    await old.db
      .insertInto('desk_tm_units')
      .values([
        { ...unit, id: '1', source: '서울시는  협력한다', source_norm: '서울시는 협력한다' },
        { ...unit, id: '2', source: '서울시는 협력한다', source_norm: '서울시는 협력한다' },
      ])
      .execute();
    await migrate(old, ALL_MIGRATIONS);
    const rows = await old.db.selectFrom('tm_unit').selectAll().execute();
    expect(rows).toEqual([
      expect.objectContaining({
        desk: 'main', // the desk the unit was stored for
        source: '서울시는 협력한다',
        source_hash: hashOf(normalize('서울시는 협력한다')),
      }),
    ]);
    const tables = (await old.db.introspection.getTables()).map((t) => t.name);
    expect(tables).not.toContain('desk_tm_units');
    await old.close();
  });
});
