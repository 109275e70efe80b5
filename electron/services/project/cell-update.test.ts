/**
 * Cell rewrites in bulk, on both engines: a change of a thousand cells (more than one statement's worth) writes
 * every cell still at the revision it was computed from, and names the ones another writer got to first, which it
 * leaves as that writer left them. Checked by reading the database back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project, Segment } from '../../contract';
import { openSqlite, type Database } from '../db';
import { ALL_MIGRATIONS } from '../../core/migrations';
import { migratedPostgres } from '../../../test/support/pg-database';
import { row } from '../../../test/support/project';
import { updateCells } from './cell-update';
import { insertProject, loadProject, transact, type ProjectDb } from './repository';

const ROWS = 1200;

function project(id: string): Project {
  return {
    schemaVersion: 1,
    id,
    name: 'bulk',
    source: { fileName: 'a.txt', format: 'txt', encoding: 'utf-8', importedAt: '2026-12-07T00:00:00.000Z' },
    englishVariant: 'en-US',
    segments: Array.from({ length: ROWS }, (_, i) => row(`r${i}`, `서울 ${i}`)),
    glossary: [],
    createdAt: '2026-12-07T00:00:00.000Z',
    updatedAt: '2026-12-07T00:00:00.000Z',
  };
}

/** Row `s` with its Vietnamese cell filled (revision 1) from the memory. */
const filled = (s: Segment, text: string): Segment => ({
  ...s,
  targets: { ...s.targets, vi: { text, status: 'edited', rev: 1, tm: { score: 100, text, at: 'x' } } },
});

async function bulkRewrite(db: ProjectDb) {
  const p = project('p1');
  await insertProject(db, p);
  // Another writer got to every 97th row's Vietnamese cell first (its revision is now 1).
  const theirs = p.segments.filter((_, i) => i % 97 === 0).map((s) => filled(s, `theirs ${s.id}`));
  expect(
    await updateCells(
      db,
      p.id,
      theirs.map((s) => ({ segment: s, lang: 'vi', baseRev: 0 })),
    ),
  ).toEqual([]);
  const mine = p.segments.map((s) => filled(s, `mine ${s.id}`));
  const stale = await updateCells(
    db,
    p.id,
    mine.map((s) => ({ segment: s, lang: 'vi', baseRev: 0 })),
  );
  expect(stale).toEqual(theirs.map((s) => s.id));
  const stored = (await loadProject(db, p.id))!;
  stored.segments.forEach((s, i) => {
    expect(s.targets.vi).toMatchObject({
      text: i % 97 === 0 ? `theirs r${i}` : `mine r${i}`,
      status: 'edited',
      rev: 1,
      tm: { score: 100 },
    });
    expect(s.targets.en).toMatchObject({ text: '', status: 'empty' });
  });
}

describe('cell rewrites in bulk (SQLite)', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openSqlite(':memory:', ALL_MIGRATIONS);
  });
  afterAll(() => database.close());

  it('writes every cell still at its revision and names the others, across statements', async () => {
    await transact(database.db as ProjectDb, bulkRewrite);
  });
});

describe('cell rewrites in bulk (PostgreSQL)', () => {
  const pg = migratedPostgres('cells');

  it('writes every cell still at its revision and names the others, across statements', async () => {
    await transact(pg.database.db as ProjectDb, bulkRewrite);
  });
});
