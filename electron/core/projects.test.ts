import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../handlers';
import { SettingsStore } from '../services/settings';

let dir: string;
let core: Core;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'core-projects-'));
  core = await createCore({
    dataDir: dir,
    now: () => new Date('2026-11-25T08:00:00.000Z'),
    appVersion: '0.1.0',
    mode: 'browser',
    systemLocale: 'en',
    samplePath: '',
    settings: new SettingsStore(dir, {}, null),
    emit: () => undefined,
  });
});
afterEach(async () => {
  await core.close();
  await rm(dir, { recursive: true, force: true });
});

const ARTICLE = [
  '서울시, 베트남과 스마트 모빌리티 협력',
  '서울시는 4일 베트남 하노이시와 스마트 모빌리티 분야 협력을 위한 업무협약을 체결했다고 밝혔다.',
].join('\n');

describe('one project per article', () => {
  it('opening the same article again reopens its project (with a notice), with the work done in it', async () => {
    const first = await core.handlers.importText({ text: ARTICLE });
    const row = first.project.segments[1]!;
    await core.handlers.updateCell({
      projectId: first.project.id,
      segmentId: row.id,
      lang: 'vi',
      text: 'Bản dịch đã sửa',
    });
    const again = await core.handlers.importText({ text: ARTICLE });
    expect(again.project.id).toBe(first.project.id);
    expect(again.warnings).toContain('import.sameArticle');
    expect(again.project.segments[1]!.targets.vi.text).toBe('Bản dịch đã sửa');
    expect(await core.handlers.listProjects()).toHaveLength(1);
  });

  it('a different article (one Korean row changed) is a project of its own', async () => {
    await core.handlers.importText({ text: ARTICLE });
    const other = await core.handlers.importText({ text: ARTICLE.replace('4일', '5일') });
    expect(other.warnings).not.toContain('import.sameArticle');
    expect(await core.handlers.listProjects()).toHaveLength(2);
  });

  it('an article in the trash is not reopened: a new project is made', async () => {
    const first = await core.handlers.importText({ text: ARTICLE });
    await core.handlers.deleteProject(first.project.id);
    const again = await core.handlers.importText({ text: ARTICLE });
    expect(again.project.id).not.toBe(first.project.id);
  });
});

describe('cancelling an import', () => {
  const file = (text: string) => ({ fileName: 'bai.txt', dataBase64: Buffer.from(text).toString('base64') });
  const code = (p: Promise<unknown>) =>
    p.then(
      () => 'opened',
      (e: { code?: string }) => e.code,
    );

  it('refuses an import whose cancel arrived first, and only that one', async () => {
    await core.handlers.cancelImport('imp-1');
    expect(await code(core.handlers.importArticle({ ...file(ARTICLE), importId: 'imp-1' }))).toBe(
      'import.cancelled',
    );
    expect(await core.handlers.listProjects()).toEqual([]); // nothing written
    // The id is used up; another import goes through.
    expect(await code(core.handlers.importArticle({ ...file(ARTICLE), importId: 'imp-2' }))).toBe('opened');
    expect(await core.handlers.listProjects()).toHaveLength(1);
  });

  it('stops an import while its worker reads the file, and writes nothing', async () => {
    const para = '서울시는 4일 베트남 하노이시와 교통 협력을 강화한다고 밝혔다. '.repeat(30);
    const big = Array.from({ length: 2500 }, (_, i) => `${i}. ${para}`).join('\n\n');
    const running = code(core.handlers.importArticle({ ...file(big), importId: 'big' }));
    await new Promise((r) => setTimeout(r, 50));
    await core.handlers.cancelImport('big');
    expect(await running).toBe('import.cancelled');
    expect(await core.handlers.listProjects()).toEqual([]);
  });
});

describe('Keep original', () => {
  it('changes the row it names even when rows move while the change waits its turn', async () => {
    const { project } = await core.handlers.importText({ text: ARTICLE });
    const [first, target] = project.segments.map((s) => s.id);
    // A change queued first puts a row above the target (as a revised article merged in does).
    const inserted = core.store.update(project.id, (p) => {
      p.segments.unshift({ ...p.segments[0]!, id: 'inserted-row', source: '새로 들어온 첫 문단' });
    });
    const kept = core.handlers.setTranslatable({
      projectId: project.id,
      segmentId: target!,
      translate: false,
    });
    await Promise.all([inserted, kept]);
    const rows = (await core.handlers.openProject(project.id)).segments;
    expect(rows.map((s) => [s.id, s.translate])).toEqual([
      ['inserted-row', true],
      [first, true],
      [target, false],
    ]);
  });
});
