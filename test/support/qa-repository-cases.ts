import { expect, it } from 'vitest';
import type { Database } from '../../electron/services/db/index';
import { EMBEDDED_DESK } from '../../electron/services/db/desk-scope';
import { QaRepository } from '../../electron/services/qa/repository';

/** The desk of the single-desk cases (the embedded app's). */
const D = EMBEDDED_DESK;
const busan = { ko: '부산시', vi: 'Busan', en: 'Busan', forbiddenVi: [], forbiddenEn: ['Pusan'] };

/**
 * The termbase and "not an error" marks, run against every engine: `db()` gives a fresh, migrated database for the
 * case (SQLite in qa.test.ts, a throwaway PostgreSQL cluster in postgres.test.ts).
 */
export function qaRepositoryCases(db: () => Database): void {
  termCases(db);
  marksCases(db);
  deskCases(db);
}

/** Terms: stored in NFC, listed per project, an incomplete one refused. */
function termCases(db: () => Database): void {
  it('stores desk and project terms in NFC and lists them per project', async () => {
    const repo = new QaRepository(db());
    const decomposed = '부산시'.normalize('NFD');
    const t = await repo.saveTerm(
      D,
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
      D,
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
    expect((await repo.terms(D, 'p1')).map((x) => x.ko)).toEqual(['따릉이', '부산시']);
    expect((await repo.terms(D, 'p2')).map((x) => x.ko)).toEqual(['부산시']);
    await expect(
      repo.saveTerm(
        D,
        { scope: 'desk', ko: '', vi: 'x', en: '', forbiddenVi: [], forbiddenEn: [] },
        'Lan',
        'x',
      ),
    ).rejects.toThrow('qa.termIncomplete');
  });
}

/** Dismissals, switched-off checks, and the terms changed since a project's last translation. */
function marksCases(db: () => Database): void {
  it('remembers dismissals and switched-off checks, and which terms changed since the last translation', async () => {
    const repo = new QaRepository(db());
    await repo.dismiss('p1', 's1|vi|values|n:5', { by: 'Lan', at: 't', reason: 'rounded' });
    expect(await repo.dismissals('p1')).toEqual({
      's1|vi|values|n:5': { by: 'Lan', at: 't', reason: 'rounded' },
    });
    await repo.undismiss('p1', 's1|vi|values|n:5');
    expect(await repo.dismissals('p1')).toEqual({});
    expect(await repo.setCheck(D, 'crossNames', false)).toEqual(['crossNames']);
    expect(await repo.setCheck(D, 'crossNames', true)).toEqual([]);

    expect(await repo.changedTermsSinceSync(D, 'p1')).toEqual([]);
    await repo.markSynced('p1', '2026-01-01T00:00:00Z');
    const t = await repo.saveTerm(
      D,
      { scope: 'desk', ko: '부산시', vi: 'Busan', en: 'Busan', forbiddenVi: [], forbiddenEn: [] },
      'Lan',
      '2026-01-02T00:00:00Z',
    );
    await repo.saveTerm(
      D,
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
    expect(await repo.changedTermsSinceSync(D, 'p1')).toEqual(['부산시']);
    await repo.markSynced('p1', '2026-01-03T00:00:00Z');
    expect(await repo.changedTermsSinceSync(D, 'p1')).toEqual([]);
    await repo.deleteTerm(D, t.id, '2026-01-04T00:00:00Z');
    expect(await repo.changedTermsSinceSync(D, 'p1')).toEqual(['부산시']);
  });
}

/** Two desks' termbases kept apart. */
function deskCases(db: () => Database): void {
  it("keeps two desks' termbases apart: another desk's term cannot be seen, changed or deleted", async () => {
    const repo = new QaRepository(db());
    const a = await repo.saveTerm('seoul', { scope: 'desk', ...busan }, 'Minh', '2026-01-02T00:00:00Z');
    const aProject = await repo.saveTerm(
      'seoul',
      { scope: 'project', projectId: 'pa', ...busan, ko: '따릉이', vi: 'xe đạp' },
      'Minh',
      '2026-01-02T00:00:00Z',
    );
    await repo.markSynced('pb', '2026-01-01T00:00:00Z');
    expect(await repo.terms('sports', 'pa')).toEqual([]);
    expect(await repo.terms('sports', null)).toEqual([]);
    expect(await repo.findByKo('sports', 'desk', undefined, '부산시')).toBeNull();
    for (const id of [a.id, aProject.id]) {
      await expect(
        repo.saveTerm(
          'sports',
          { id, scope: 'desk', ...busan, vi: 'đổi' },
          'Outsider',
          '2026-01-03T00:00:00Z',
        ),
      ).rejects.toThrow('qa.termNotFound');
      await expect(repo.deleteTerm('sports', id, '2026-01-03T00:00:00Z')).rejects.toThrow('qa.termNotFound');
    }
    // Desk A's term change does not re-translate desk B's projects.
    expect(await repo.changedTermsSinceSync('sports', 'pb')).toEqual([]);
    expect(await repo.terms('seoul', 'pa')).toEqual([
      expect.objectContaining({ id: aProject.id, ko: '따릉이', vi: 'xe đạp' }),
      expect.objectContaining({ id: a.id, vi: 'Busan', updatedBy: 'Minh' }),
    ]);
    // The same Korean term in another desk is that desk's own term; a change refreshes only its desk's projects.
    const b = await repo.saveTerm(
      'sports',
      { scope: 'desk', ...busan, vi: 'TP Busan' },
      'Thu',
      '2026-01-04T00:00:00Z',
    );
    expect(b.id).not.toBe(a.id);
    expect((await repo.terms('seoul', null)).map((t) => t.vi)).toEqual(['Busan']);
    await repo.markSynced('pa', '2026-01-03T00:00:00Z');
    expect(await repo.changedTermsSinceSync('seoul', 'pa')).toEqual([]);
    expect(await repo.changedTermsSinceSync('sports', 'pb')).toEqual(['부산시']);
    await repo.deleteTerm('seoul', a.id, '2026-01-05T00:00:00Z');
    expect((await repo.terms('sports', null)).map((t) => t.id)).toEqual([b.id]);
    expect(await repo.changedTermsSinceSync('seoul', 'pa')).toEqual(['부산시']);
  });
}
