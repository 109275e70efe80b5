import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { revisionOf } from '../../../common/revision';
import { migrate, openSqlite } from '../db';
import { isAppError } from '../errors';
import { decodeProjectFile, encodeProjectFile } from './projectfile';
import { PROJECT_MIGRATIONS } from './schema';
import { testCore } from '../../../test/support/project';

const fixture = join(__dirname, 'fixtures', 'v1-project.json');
const ID = '6f1c2a54-0d7e-4c55-9d57-0f5e3b1f0a11';

describe('moving the JSON store into the database', () => {
  it('moves a v1 project and the last-opened project on first start, keeping the old files aside', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'legacy-'));
    await mkdir(join(dir, 'projects'));
    await copyFile(fixture, join(dir, 'projects', `${ID}.json`));
    await writeFile(join(dir, 'projects', 'broken.json'), '{ not json');
    await writeFile(join(dir, 'state.json'), JSON.stringify({ lastProjectId: ID }));
    const { core } = await testCore(dir);
    const p = await core.handlers.openLastProject();
    expect(p).toMatchObject({ id: ID, englishVariant: 'en-GB', removed: [] });
    expect(p.segments[0]!.targets.vi).toMatchObject({ status: 'approved', approvedBy: 'Lan', rev: 0 });
    expect(p.glossary[0]!.vi).toBe('thành phố Seoul');
    expect(existsSync(join(dir, 'projects'))).toBe(false);
    expect(existsSync(join(dir, 'projects.v1-migrated', 'broken.json'))).toBe(true);
    await core.close();
    const { core: again } = await testCore(dir);
    expect((await again.handlers.listProjects()).map((x) => x.id)).toEqual([ID]);
    await again.close();
  });
});

describe('portable project file', () => {
  it('round-trips a project through export and import (as a new project when the id exists)', async () => {
    const { core } = await testCore();
    const original = decodeProjectFile(await readFile(fixture, 'utf8'));
    const imported = await core.handlers.importProjectFile({
      fileName: 'a.review.json',
      dataBase64: Buffer.from(encodeProjectFile(original, 'now')).toString('base64'),
    });
    expect(imported.id).toBe(ID);
    await core.handlers.updateCell({
      projectId: ID,
      segmentId: 's1',
      lang: 'en',
      text: 'Seoul, Vietnam team up',
    });
    const file = await core.handlers.exportProjectFile(ID);
    const again = await core.handlers.importProjectFile(file);
    expect(again.id).not.toBe(ID);
    const reopened = await core.handlers.openProject(again.id);
    expect(reopened.segments[0]!.targets.en).toMatchObject({
      text: 'Seoul, Vietnam team up',
      status: 'edited',
    });
    expect(reopened.englishVariant).toBe('en-GB');
    await core.close();
  });

  it('refuses files that are not JSON, from a newer version, or malformed, with clear codes', () => {
    expect(() => decodeProjectFile('PK\u0003\u0004')).toThrow(
      expect.objectContaining({ code: 'projectFile.notJson' }),
    );
    const newer = JSON.stringify({ format: 'bilingual-review-project', version: 7, project: {} });
    expect(() => decodeProjectFile(newer)).toThrow(expect.objectContaining({ code: 'projectFile.newer' }));
    let error: unknown;
    try {
      decodeProjectFile(
        JSON.stringify({
          schemaVersion: 1,
          id: 'x',
          name: 'x',
          source: {},
          glossary: [],
          segments: [{ id: 'a' }],
        }),
      );
    } catch (e) {
      error = e;
    }
    expect(isAppError(error, 'projectFile.invalid')).toBe(true);
  });
});

describe('revision marks per language (0103)', () => {
  it('writes the row flag of a revised row into each language not approved, on an existing database', async () => {
    const older = PROJECT_MIGRATIONS.filter((m) => m.name < '0103');
    const database = await openSqlite(':memory:', older);
    const { db } = database;
    const segment = (id: string, change?: string) => ({
      project_id: 'p',
      id,
      position: 0,
      kind: 'paragraph',
      source: '문장',
      translate: 1,
      data_json: JSON.stringify(change ? { change, previousSource: '옛' } : {}),
    });
    const cell = (segment_id: string, lang: string, status: string) => ({
      project_id: 'p',
      segment_id,
      lang,
      text: 'x',
      status,
      rev: 1,
      data_json: JSON.stringify({ mt: 'x' }),
    });
    await db
      .insertInto('segments')
      .values([segment('a', 'changed'), segment('b', 'unchanged'), segment('c', 'new')])
      .execute();
    await db
      .insertInto('cells')
      .values([
        cell('a', 'vi', 'edited'),
        cell('a', 'en', 'approved'),
        cell('b', 'vi', 'edited'),
        cell('c', 'en', 'empty'),
      ])
      .execute();
    await migrate(database, PROJECT_MIGRATIONS);
    const rows: { segment_id: string; lang: string; data_json: string }[] = await db
      .selectFrom('cells')
      .select(['segment_id', 'lang', 'data_json'])
      .orderBy('segment_id')
      .orderBy('lang')
      .execute();
    expect(rows.map((r) => [r.segment_id, r.lang, JSON.parse(r.data_json)])).toEqual([
      ['a', 'en', { mt: 'x' }],
      ['a', 'vi', { mt: 'x', revision: 'changed' }],
      ['b', 'vi', { mt: 'x' }],
      ['c', 'en', { mt: 'x', revision: 'new' }],
    ]);
    await database.close();
  });
});

describe('approving a revised row, language by language', () => {
  it("keeps the other language's mark: the English reviewer still owes the Korean diff", async () => {
    const { core } = await testCore();
    const legacy = decodeProjectFile(await readFile(fixture, 'utf8'));
    // A row flagged by a revision merge before marks were per language (only the row's `change`).
    legacy.segments[0] = {
      ...legacy.segments[0]!,
      change: 'changed',
      previousSource: '예전 문장',
      targets: {
        vi: { text: 'bản dịch', status: 'edited' },
        en: { text: 'translation', status: 'edited' },
      },
    };
    const p = await core.handlers.importProjectFile({
      fileName: 'legacy.brproj',
      dataBase64: Buffer.from(encodeProjectFile(legacy, 'now')).toString('base64'),
    });
    const id = legacy.segments[0]!.id;
    const afterVi = await core.handlers.approveCell({ projectId: p.id, segmentId: id, lang: 'vi' });
    expect(afterVi.change).toBe('changed');
    expect(revisionOf(afterVi, 'vi')).toBeUndefined();
    expect(revisionOf(afterVi, 'en')).toBe('changed');
    // Stored that way, not only answered: a fresh read of the project says the same.
    const reread = (await core.handlers.openProject(p.id)).segments.find((s) => s.id === id)!;
    expect(revisionOf(reread, 'en')).toBe('changed');
    const afterEn = await core.handlers.approveCell({ projectId: p.id, segmentId: id, lang: 'en' });
    expect(afterEn.change).toBeUndefined();
    expect(revisionOf(afterEn, 'en')).toBeUndefined();
    await core.close();
  });
});
