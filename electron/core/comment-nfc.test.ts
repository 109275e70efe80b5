// Comments are composed (NFC) at the same boundaries as cell texts: saved from the comment box, and read from a
// project file. A comment pasted from a Mac (decomposed) is the same comment as the one typed on Windows.
import { afterEach, describe, expect, it } from 'vitest';
import { encodeProjectFile } from '../services/project/projectfile';
import { row, testCore } from '../../test/support/project';
import type { Core } from '../handlers';

const VIET = 'Kiểm tra lại: Việt Nam';
const NFD = VIET.normalize('NFD');
const source = { fileName: 'a.txt', format: 'txt' as const, encoding: 'utf-8' };
let cores: Core[] = [];
afterEach(async () => {
  for (const c of cores) await c.close();
  cores = [];
});

describe('comments in NFC', () => {
  it('saves a decomposed comment composed; the same comment composed again is no new version', async () => {
    const t = await testCore();
    cores.push(t.core);
    const p = await t.core.store.create({ title: 't', segments: [row('r0', '서울시')], source });
    const ref = { projectId: p.id, segmentId: 'r0', lang: 'vi' as const };
    expect(NFD).not.toBe(VIET);
    await t.core.handlers.setComment({ ...ref, comment: NFD });
    t.clock.t += 60_000;
    await t.core.handlers.setComment({ ...ref, comment: VIET });
    const cell = (await t.core.handlers.openProject(p.id)).segments[0]!.targets.vi;
    expect(cell.comment).toBe(VIET);
    expect(cell.commentAt).toBe('2026-11-25T10:00:00.000Z');
    expect((await t.core.handlers.cellHistory(ref)).map((v) => v.origin)).toEqual(['comment']);
  });

  it('reads a project file with decomposed comments and texts composed', async () => {
    const t = await testCore();
    cores.push(t.core);
    const p = await t.core.store.create({ title: 't', segments: [row('r0', '서울시')], source });
    const seg = p.segments[0]!;
    const file = {
      ...p,
      segments: [{ ...seg, targets: { ...seg.targets, vi: { text: NFD, status: 'edited', comment: NFD } } }],
    };
    const dataBase64 = Buffer.from(encodeProjectFile(file as typeof p, '2026-11-25T10:00:00.000Z')).toString(
      'base64',
    );
    const imported = await t.core.handlers.importProjectFile({ fileName: 't.review.json', dataBase64 });
    const vi = (await t.core.handlers.openProject(imported.id)).segments[0]!.targets.vi;
    expect([vi.text, vi.comment]).toEqual([VIET, VIET]);
  });
});
