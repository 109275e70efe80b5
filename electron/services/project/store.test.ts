import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Segment } from '../../contract';
import { isAppError } from '../errors';
import { ProjectStore } from './store';

const now = () => new Date('2026-11-25T10:00:00Z');
const segment = (id: string, source: string): Segment => ({
  id,
  kind: 'paragraph',
  source,
  translate: true,
  targets: { vi: { text: '', status: 'empty' }, en: { text: '', status: 'empty' } },
});

describe('ProjectStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'store-'));
  });

  it('creates, autosaves and reloads a project in a fresh store (an app restart)', async () => {
    const store = new ProjectStore(dir, now, 10);
    const p = await store.create({
      title: '오세훈 기사',
      segments: [segment('a', '안녕'), segment('b', '세계')],
      source: { fileName: 'a.txt', format: 'txt', encoding: 'utf-8' },
    });
    await store.update(p.id, (project) => {
      project.segments[0]!.targets.vi = { text: 'Xin chào', status: 'edited' };
    });
    await store.flush();

    const reopened = new ProjectStore(dir, now);
    expect(await reopened.last()).toBe(p.id);
    const loaded = await reopened.get(p.id);
    expect(loaded.segments[0]!.targets.vi).toEqual({ text: 'Xin chào', status: 'edited' });
    expect((await reopened.list()).map((s) => s.name)).toEqual(['오세훈 기사']);
  });

  it('leaves no temp files behind and writes valid JSON', async () => {
    const store = new ProjectStore(dir, now, 10);
    const p = await store.create({
      title: 't',
      segments: [segment('a', '가')],
      source: { fileName: 'a', format: 'txt', encoding: 'utf-8' },
    });
    for (let i = 0; i < 20; i++) await store.update(p.id, (x) => void (x.name = `n${i}`));
    await store.flush();
    const files = await readdir(join(dir, 'projects'));
    expect(files).toEqual([`${p.id}.json`]);
    expect(JSON.parse(await readFile(join(dir, 'projects', files[0]!), 'utf8')).name).toBe('n19');
  });

  it('sets a damaged project file aside instead of overwriting it', async () => {
    const store = new ProjectStore(dir, now);
    const p = await store.create({
      title: 't',
      segments: [],
      source: { fileName: 'a', format: 'txt', encoding: 'utf-8' },
    });
    await writeFile(join(dir, 'projects', `${p.id}.json`), '{"schemaVersion":1,"segm');
    const fresh = new ProjectStore(dir, now);
    await expect(fresh.get(p.id)).rejects.toSatisfy((e) => isAppError(e, 'project.corrupt'));
    const files = await readdir(join(dir, 'projects'));
    expect(files.some((f) => f.includes('.corrupt-'))).toBe(true);
  });

  it('refuses ids that could escape the projects folder', async () => {
    const store = new ProjectStore(dir, now);
    await expect(store.get('../settings')).rejects.toSatisfy((e) => isAppError(e, 'project.notFound'));
  });
});
