import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../handlers';
import { ALL_MIGRATIONS } from '../../core/migrations';
import { startWebHost } from '../../web';
import { isAppError } from '../errors';
import { row, testCore } from '../../../test/support/project';
import { listBackups } from './backups';
import { acquireFolderLock } from './lock';
import { openDataFolder } from './open';

const source = { fileName: 'a.txt', format: 'txt' as const, encoding: 'utf-8' };
const tmp = () => mkdtemp(join(tmpdir(), 'open-'));

async function folderWithProject(): Promise<{ dir: string; id: string }> {
  const { core, dir } = await testCore();
  const p = await core.store.create({ title: 't', segments: [row('a', '안녕')], source });
  await core.handlers.updateCell({ projectId: p.id, segmentId: 'a', lang: 'vi', text: 'Xin chào' });
  await core.close();
  return { dir, id: p.id };
}

describe('opening the data folder', () => {
  it('refuses a corrupt database without touching it, and offers a backup to restore', async () => {
    const { dir, id } = await folderWithProject();
    // A second start makes the daily backup (the first start had nothing to back up).
    const { core: second } = await testCore(dir, { t: Date.parse('2026-11-27T10:00:00Z') });
    await second.close();
    const [backup] = await listBackups(dir);
    expect(backup?.reason).toBe('daily');
    const garbage = Buffer.alloc(8192, 0x5a);
    await writeFile(join(dir, DATABASE_FILE), garbage);
    const { core } = await testCore(dir);
    const status = await core.handlers.storageStatus();
    expect(status).toMatchObject({ ok: false, error: { code: 'storage.corrupt' } });
    await expect(core.handlers.listProjects()).rejects.toSatisfy((e) => isAppError(e, 'storage.corrupt'));
    expect(await readFile(join(dir, DATABASE_FILE))).toEqual(garbage);
    const after = await core.handlers.restoreBackup(status.backups[0]!.name);
    expect(after.ok).toBe(true);
    const project = await core.handlers.openProject(id);
    expect(project.segments[0]!.targets.vi.text).toBe('Xin chào');
    await core.close();
  });

  it('refuses a database from a newer version and leaves it as it is', async () => {
    const { dir } = await folderWithProject();
    const raw = new SqliteDatabase(join(dir, DATABASE_FILE));
    raw.prepare('INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?)').run('9999-future-thing', 'x');
    raw.close();
    await expect(openDataFolder(dir, DATABASE_FILE, ALL_MIGRATIONS)).rejects.toSatisfy((e) =>
      isAppError(e, 'storage.newerSchema'),
    );
    const check = new SqliteDatabase(join(dir, DATABASE_FILE));
    expect(
      check.prepare("SELECT count(*) AS n FROM kysely_migration WHERE name = '9999-future-thing'").get(),
    ).toEqual({ n: 1 });
    check.close();
  });

  it('reports a read-only folder (injected: root ignores permissions) before creating anything', async () => {
    const dir = await tmp();
    const probe = async () => {
      throw Object.assign(new Error('read-only file system'), { code: 'EROFS' });
    };
    await expect(openDataFolder(dir, DATABASE_FILE, ALL_MIGRATIONS, { probe })).rejects.toSatisfy((e) =>
      isAppError(e, 'storage.readOnly'),
    );
    expect(existsSync(join(dir, DATABASE_FILE))).toBe(false);
  });

  it('reports a database locked by another writer', async () => {
    const { dir } = await folderWithProject();
    const other = new SqliteDatabase(join(dir, DATABASE_FILE));
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('BEGIN EXCLUSIVE');
    await expect(
      openDataFolder(dir, DATABASE_FILE, ALL_MIGRATIONS, { busyTimeoutMs: 100 }),
    ).rejects.toSatisfy((e) => isAppError(e, 'storage.locked'));
    other.exec('ROLLBACK');
    other.close();
    const db = await openDataFolder(dir, DATABASE_FILE, ALL_MIGRATIONS);
    await db.close();
  });

  it('lets one writer hold a data folder; the lock is free again once released', async () => {
    const dir = await tmp();
    const lock = acquireFolderLock(dir);
    expect(() => acquireFolderLock(dir)).toThrow(expect.objectContaining({ code: 'storage.folderInUse' }));
    lock.release();
    acquireFolderLock(dir).release();
  });

  it('refuses a second browser-mode host on the same data folder, and frees the folder when the first stops', async () => {
    const dir = await tmp();
    const rendererDir = join(dir, 'renderer');
    await mkdir(rendererDir);
    await writeFile(join(rendererDir, 'index.html'), '<html><head></head><body></body></html>');
    const first = await startWebHost({ dataDir: dir, rendererDir, port: 0, env: {} });
    await expect(startWebHost({ dataDir: dir, rendererDir, port: 0, env: {} })).rejects.toSatisfy((e) =>
      isAppError(e, 'storage.folderInUse'),
    );
    await first.close();
    const again = await startWebHost({ dataDir: dir, rendererDir, port: 0, env: {} });
    await again.close();
  });

  it('backs up before a migration and keeps at most a few backups', async () => {
    const { dir } = await folderWithProject();
    const raw = new SqliteDatabase(join(dir, DATABASE_FILE));
    raw.prepare("DELETE FROM kysely_migration WHERE name = '0101-storage-indexes'").run();
    for (const ix of ['segments_by_position', 'groups_by_actor', 'changes_by_group', 'changes_by_segment'])
      raw.exec(`DROP INDEX ${ix}`);
    raw.close();
    const db = await openDataFolder(dir, DATABASE_FILE, ALL_MIGRATIONS);
    await db.close();
    expect((await listBackups(dir)).map((b) => b.reason)).toContain('pre-migration');
  });
});
