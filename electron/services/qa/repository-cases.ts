import { expect, it } from 'vitest';
import type { Database } from '../db';
import { QaRepository } from './repository';

/**
 * The termbase and "not an error" marks, run against every engine: `db()` gives a fresh, migrated database for the
 * case (SQLite in qa.test.ts, a throwaway PostgreSQL cluster in postgres.test.ts).
 */
export function qaRepositoryCases(db: () => Database): void {
  let database: Database;
  it('stores desk and project terms in NFC and lists them per project', async () => {
    database = db();
    const repo = new QaRepository(database);
    const decomposed = '부산시'.normalize('NFD');
    const t = await repo.saveTerm(
      {
        scope: 'desk',
        ko: decomposed,
        vi: ' thành  phố Busan ',
        en: 'Busan',
        forbiddenVi: [],
        forbiddenEn: ['Pusan', 'Pusan'],
      },
      'Lan',
      '2026-01-01T00:00:00Z',
    );
    expect(t.ko).toBe('부산시');
    expect(t.vi).toBe('thành phố Busan');
    expect(t.forbiddenEn).toEqual(['Pusan']);
    await repo.saveTerm(
      {
        scope: 'project',
        projectId: 'p1',
        ko: '따릉이',
        vi: 'Ttareungyi',
        en: 'Ttareungyi',
        forbiddenVi: [],
        forbiddenEn: [],
      },
      'Lan',
      '2026-01-01T00:00:01Z',
    );
    expect((await repo.terms('p1')).map((x) => x.ko)).toEqual(['따릉이', '부산시']);
    expect((await repo.terms('p2')).map((x) => x.ko)).toEqual(['부산시']);
    await expect(
      repo.saveTerm({ scope: 'desk', ko: '', vi: 'x', en: '', forbiddenVi: [], forbiddenEn: [] }, 'Lan', 'x'),
    ).rejects.toThrow('qa.termIncomplete');
  });

  it('remembers dismissals and switched-off checks, and which terms changed since the last translation', async () => {
    database = db();
    const repo = new QaRepository(database);
    await repo.dismiss('p1', 's1|vi|values|n:5', { by: 'Lan', at: 't', reason: 'rounded' });
    expect(await repo.dismissals('p1')).toEqual({
      's1|vi|values|n:5': { by: 'Lan', at: 't', reason: 'rounded' },
    });
    await repo.undismiss('p1', 's1|vi|values|n:5');
    expect(await repo.dismissals('p1')).toEqual({});
    expect(await repo.setCheck('crossNames', false)).toEqual(['crossNames']);
    expect(await repo.setCheck('crossNames', true)).toEqual([]);

    expect(await repo.changedTermsSinceSync('p1')).toEqual([]);
    await repo.markSynced('p1', '2026-01-01T00:00:00Z');
    const t = await repo.saveTerm(
      { scope: 'desk', ko: '부산시', vi: 'Busan', en: 'Busan', forbiddenVi: [], forbiddenEn: [] },
      'Lan',
      '2026-01-02T00:00:00Z',
    );
    await repo.saveTerm(
      {
        scope: 'project',
        projectId: 'p2',
        ko: '서울시',
        vi: 'Seoul',
        en: 'Seoul',
        forbiddenVi: [],
        forbiddenEn: [],
      },
      'Lan',
      '2026-01-02T00:00:00Z',
    );
    expect(await repo.changedTermsSinceSync('p1')).toEqual(['부산시']);
    await repo.markSynced('p1', '2026-01-03T00:00:00Z');
    expect(await repo.changedTermsSinceSync('p1')).toEqual([]);
    await repo.deleteTerm(t.id, '2026-01-04T00:00:00Z');
    expect(await repo.changedTermsSinceSync('p1')).toEqual(['부산시']);
  });
}
