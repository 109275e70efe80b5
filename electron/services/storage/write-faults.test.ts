/**
 * Writes that fail for a lasting reason — the disk is full, the database is read-only, no permission — get their
 * own message (never "cannot rollback - no transaction is active"), change nothing, and the storage status says
 * so until writes work again. Faults are real: a tiny tmpfs that fills up (the failure comes at COMMIT, when the
 * log is written), SQLite's page limit (at the statement), and SQLite's read-only switch.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import SqliteDatabase from 'better-sqlite3';
import { row, testCore } from '../../../test/support/project';
import { toStorageError } from './faults';

const source = { fileName: 'a.txt', format: 'txt' as const, encoding: 'utf-8' };
const rows = Array.from({ length: 40 }, (_, i) => row(`r${i}`, `서울시는 ${i}일 발표했다.`));
let mount = '';

beforeAll(async () => {
  mount = await mkdtemp(join(tmpdir(), 'full-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1200k', 'tmpfs', mount]);
});
afterAll(async () => {
  execFileSync('umount', [mount]);
  await rm(mount, { recursive: true, force: true });
});

/** The cell as the database file holds it, read by a separate connection. */
function onDisk(dir: string, segmentId: string): string {
  const db = new SqliteDatabase(join(dir, 'review.db'), { readonly: true });
  try {
    const r = db.prepare("SELECT text FROM cells WHERE segment_id = ? AND lang = 'vi'").get(segmentId) as {
      text: string;
    };
    return r.text;
  } finally {
    db.close();
  }
}

describe('lasting write failures', () => {
  it('a disk that fills up: storage.diskFull, nothing half-written, the status says so, and it clears when space is freed', async () => {
    const dir = join(mount, 'data');
    const { core } = await testCore(dir);
    const p = await core.store.create({ title: 't', segments: rows, source });
    const ref = { projectId: p.id, segmentId: 'r1', lang: 'vi' as const };
    await core.handlers.updateCell({ ...ref, text: 'đã lưu' });
    // Fill what is left of the disk with a file we can remove later.
    await writeFile(join(mount, 'ballast'), Buffer.alloc(2 * 1024 * 1024)).catch(() => undefined);
    const e = await core.handlers.updateCell({ ...ref, text: 'x'.repeat(150_000) }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'storage.diskFull' });
    expect((await core.handlers.storageStatus()).writeProblem).toEqual({ code: 'storage.diskFull' });
    expect((await core.store.get(p.id)).segments[1]!.targets.vi.text).toBe('đã lưu');
    expect(onDisk(dir, 'r1')).toBe('đã lưu');
    await rm(join(mount, 'ballast'));
    expect((await core.handlers.storageStatus()).writeProblem).toBeUndefined();
    await core.handlers.updateCell({ ...ref, text: 'sau khi dọn chỗ' });
    expect(onDisk(dir, 'r1')).toBe('sau khi dọn chỗ');
    await core.close();
  });

  it('the page limit reached mid-statement, then a read-only database: each its own code; the status follows', async () => {
    const { core, dir } = await testCore();
    const p = await core.store.create({ title: 't', segments: rows, source });
    const ref = { projectId: p.id, segmentId: 'r2', lang: 'vi' as const };
    const sqlite = core.database.sqlite!;
    sqlite.pragma(`max_page_count = ${Number(sqlite.pragma('page_count', { simple: true }))}`);
    await expect(core.handlers.updateCell({ ...ref, text: 'y'.repeat(200_000) })).rejects.toMatchObject({
      code: 'storage.diskFull',
    });
    sqlite.pragma('max_page_count = 1073741823');
    sqlite.pragma('query_only = ON');
    await expect(core.handlers.approveCell({ ...ref })).rejects.toMatchObject({
      code: 'project.nothingToApprove',
    });
    await expect(core.handlers.updateCell({ ...ref, text: 'z' })).rejects.toMatchObject({
      code: 'storage.readOnly',
    });
    expect((await core.handlers.storageStatus()).writeProblem?.code).toBe('storage.readOnly');
    sqlite.pragma('query_only = OFF');
    expect((await core.handlers.storageStatus()).writeProblem).toBeUndefined();
    expect((await core.handlers.updateCell({ ...ref, text: 'z' })).targets.vi.text).toBe('z');
    expect(onDisk(dir, 'r2')).toBe('z');
    await core.close();
  });

  it('permission errors have their own code on both engines', () => {
    for (const code of ['EACCES', 'EPERM', 'SQLITE_PERM', '42501'])
      expect(toStorageError(Object.assign(new Error('x'), { code })).code).toBe('storage.permissionDenied');
    for (const code of ['EROFS', 'SQLITE_READONLY', '25006'])
      expect(toStorageError(Object.assign(new Error('x'), { code })).code).toBe('storage.readOnly');
    for (const code of ['ENOSPC', 'SQLITE_FULL', '53100'])
      expect(toStorageError(Object.assign(new Error('x'), { code })).code).toBe('storage.diskFull');
  });
});
