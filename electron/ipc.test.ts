import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { API_METHODS, METHODS, type ApiMethod } from './contract';
import { DATABASE_FILE } from './handlers';
import { desktopHandle, registerIpc } from './ipc';
import { OTHER_FRAME, TRUSTED_FRAME, fakeIpcMain } from '../test/support/ipc';
import { listBackups } from './services/storage/backups';
import { row, testCore } from '../test/support/project';

vi.mock('electron', async () => (await import('../test/support/ipc')).ELECTRON_STUB);

const trusted = (frame: unknown) => frame === TRUSTED_FRAME;
const source = { fileName: 'a.txt', format: 'txt' as const, encoding: 'utf-8' };

describe('the desktop IPC', () => {
  it('reaches the real core after a backup restore, through the desktop overrides too', async () => {
    // A data folder with a project and a backup of it, then a database that no longer opens.
    const { core: first, dir } = await testCore();
    const p = await first.store.create({ title: 't', segments: [row('a', '안녕')], source });
    await first.handlers.updateCell({ projectId: p.id, segmentId: 'a', lang: 'vi', text: 'Xin chào' });
    await first.close();
    const { core: second } = await testCore(dir, { t: Date.parse('2026-11-27T10:00:00Z') });
    await second.close();
    expect(await listBackups(dir)).toHaveLength(1);
    await writeFile(join(dir, DATABASE_FILE), Buffer.alloc(8192, 0x5a));

    const { core } = await testCore(dir);
    const fake = fakeIpcMain();
    let menus = 0;
    // What main.ts registers: the core with the desktop's own save and settings.
    registerIpc(
      desktopHandle(core, () => menus++),
      trusted,
      fake.ipc,
    );
    try {
      expect((await fake.invoke('project:list', [])).error?.code).toBe('storage.corrupt');
      expect((await fake.invoke('settings:update', [{ uiLanguage: 'vi' }])).error?.code).toBe(
        'storage.corrupt',
      );
      const status = (await fake.invoke('storage:status', [])).value as { backups: Array<{ name: string }> };
      const restored = await fake.invoke('storage:restoreBackup', [status.backups[0]!.name]);
      expect(restored.value).toMatchObject({ ok: true });

      const opened = (await fake.invoke('project:open', [p.id])).value as {
        segments: Array<{ targets: { vi: { text: string } } }>;
      };
      expect(opened.segments[0]!.targets.vi.text).toBe('Xin chào');
      const edited = await fake.invoke('cell:update', [
        { projectId: p.id, segmentId: 'a', lang: 'vi', text: 'Chào' },
      ]);
      expect(edited.error).toBeUndefined();
      expect((await core.store.get(p.id)).segments[0]!.targets.vi.text).toBe('Chào');
      expect((await fake.invoke('settings:update', [{ uiLanguage: 'vi' }])).value).toMatchObject({
        uiLanguage: 'vi',
      });
      expect(menus).toBe(1);
    } finally {
      await core.close();
    }
  });

  it('refuses a wrong argument list for every method before anything runs', async () => {
    const fake = fakeIpcMain();
    const reached: ApiMethod[] = [];
    registerIpc(async (method) => void reached.push(method), trusted, fake.ipc);
    expect([...fake.channels.keys()].sort()).toEqual(API_METHODS.map((m) => METHODS[m].channel).sort());
    for (const method of API_METHODS) {
      const wrong = await fake.invoke(METHODS[method].channel, [{ projectId: '../x' }, 1, 2, 3]);
      expect(wrong.error?.code, method).toBe('api.invalidArgument');
    }
    expect(reached).toEqual([]);
  });

  it('refuses a call from any frame but our own page', async () => {
    const fake = fakeIpcMain();
    const reached: ApiMethod[] = [];
    registerIpc(async (method) => void reached.push(method), trusted, fake.ipc);
    expect((await fake.invoke('project:list', [], OTHER_FRAME)).error?.code).toBe('api.forbidden');
    expect((await fake.invoke('project:list', [])).error).toBeUndefined();
    expect(reached).toEqual(['listProjects']);
  });
});
