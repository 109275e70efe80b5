// What one undo step is: typing into one cell from one tab or window, within a few seconds. The same person's
// typing in two tabs, "Keep original", Esc's revert and the other commands are steps of their own. Results are read
// back from the database by a second core on the same data folder, not from the process that answered.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../handlers';
import { row, testCore } from '../../test/support/project';

const source = { fileName: 'a.txt', format: 'txt' as const, encoding: 'utf-8' };
const TAB_A = 'tab-aaaaaaaa';
const TAB_B = 'tab-bbbbbbbb';
let cores: Core[] = [];
afterEach(async () => {
  for (const c of cores) await c.close();
  cores = [];
});

async function project() {
  const t = await testCore();
  cores.push(t.core);
  const rows = [row('r0', '서울시는 협약을 맺었다.'), row('r1', '부산시도 맺었다.')];
  const p = await t.core.store.create({ title: 't', segments: rows, source });
  const vi = { projectId: p.id, segmentId: 'r0', lang: 'vi' as const };
  /** Type `text` into r0's Vietnamese cell 300 ms after the last change (well within one burst's pause). */
  const type = async (text: string, sender?: string) => {
    t.clock.t += 300;
    await t.core.handlers.updateCell({ ...vi, text, ...(sender ? { sender } : {}) });
  };
  return { ...t, p, h: t.core.handlers, vi, type };
}

/** Row r0 as stored, read by a fresh core on the same data folder. */
async function stored(dir: string, projectId: string) {
  const fresh = await testCore(dir);
  cores.push(fresh.core);
  const r0 = (await fresh.core.handlers.openProject(projectId)).segments[0]!;
  await fresh.core.close();
  cores.pop();
  return { text: r0.targets.vi.text, status: r0.targets.vi.status, translate: r0.translate };
}

describe('undo steps', () => {
  it('keeps the same person typing in two tabs as two steps: one undo takes back only the last tab', async () => {
    const { p, h, dir, type } = await project();
    await type('Seoul', TAB_A);
    await type('Seoul ký', TAB_A);
    await type('Seoul ký kết', TAB_B);
    const undone = await h.undo(p.id);
    expect(undone).toMatchObject({ origin: 'typing', canUndo: true });
    expect((await stored(dir, p.id)).text).toBe('Seoul ký');
    // Tab A's two saves were one step: the next undo empties the cell.
    expect((await h.undo(p.id)).canUndo).toBe(false);
    expect((await stored(dir, p.id)).text).toBe('');
  });

  it('still makes one step of typing from one tab into one cell', async () => {
    const { p, h, dir, type } = await project();
    for (const text of ['S', 'Se', 'Seoul']) await type(text, TAB_A);
    expect(await h.undo(p.id)).toMatchObject({ origin: 'typing', canUndo: false });
    expect((await stored(dir, p.id)).text).toBe('');
  });

  it('makes "Keep original" right after typing a step of its own, recorded as such', async () => {
    const { p, h, dir, clock, type } = await project();
    await type('Seoul ký kết', TAB_A);
    clock.t += 300;
    await h.setTranslatable({ projectId: p.id, segmentId: 'r0', translate: false });
    expect(await stored(dir, p.id)).toMatchObject({ translate: false, text: 'Seoul ký kết' });
    const undone = await h.undo(p.id);
    expect(undone).toMatchObject({ origin: 'translatable', canUndo: true });
    expect(await stored(dir, p.id)).toMatchObject({ translate: true, text: 'Seoul ký kết' });
    // The typing is the step before, taken back by the next undo.
    expect(await h.undo(p.id)).toMatchObject({ origin: 'typing', canUndo: false });
    expect(await stored(dir, p.id)).toMatchObject({ translate: true, text: '' });
  });

  it("makes Esc's revert right after typing a step of its own", async () => {
    const { p, h, dir, vi, type } = await project();
    await type('Seoul', TAB_A);
    await h.updateCell({ ...vi, text: '', origin: 'restore' });
    expect(await h.undo(p.id)).toMatchObject({ origin: 'restore', canUndo: true });
    expect((await stored(dir, p.id)).text).toBe('Seoul');
  });

  it('never appends an approval, a replace-all or a memory match to the typing before it', async () => {
    const { p, h, dir, vi, type, clock } = await project();
    await type('Seoul ký', TAB_A);
    clock.t += 300;
    await h.replaceAll({ projectId: p.id, lang: 'vi', find: 'ký', replace: 'ký kết' });
    await type('Seoul ký kết.', TAB_A);
    clock.t += 300;
    await h.updateCell({ ...vi, text: 'Seoul đã ký kết.', origin: 'tm', sender: TAB_A });
    clock.t += 300;
    await h.approveCell(vi);
    const origins = [];
    for (let i = 0; i < 5; i++) origins.push((await h.undo(p.id)).origin);
    expect(origins).toEqual(['approval', 'tm', 'typing', 'replace-all', 'typing']);
    expect(await stored(dir, p.id)).toMatchObject({ text: '', status: 'empty' });
  });
});
