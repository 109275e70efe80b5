import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Segment, TargetCell } from '../../contract';
import * as cells from './cells';

const at = '2026-11-25T10:00:00.000Z';
const machine = (text: string): TargetCell => ({ text, mt: text, status: 'machine' });

describe('status rules', () => {
  it('fills empty and machine cells with machine text', () => {
    expect(cells.applyMachineText(cells.emptyCell(), 'Xin chào', at)).toMatchObject({
      text: 'Xin chào',
      mt: 'Xin chào',
      status: 'machine',
    });
    expect(cells.applyMachineText(machine('cũ'), 'mới', at).text).toBe('mới');
  });

  it('never overwrites an edited or approved cell: the machine text becomes a suggestion', () => {
    const edited: TargetCell = { text: 'bản của tôi', mt: 'máy', status: 'edited' };
    const next = cells.applyMachineText(edited, 'bản máy mới', at);
    expect(next.text).toBe('bản của tôi');
    expect(next.status).toBe('edited');
    expect(next.suggestion).toBe('bản máy mới');
    const approved = cells.approve(edited, at, 'Lan')!;
    expect(cells.applyMachineText(approved, 'khác', at)).toMatchObject({
      status: 'approved',
      text: 'bản của tôi',
    });
  });

  it('makes an edited cell out of any text change, and an approved cell edited again', () => {
    const approved = cells.approve(machine('A'), at, 'Lan')!;
    expect(approved.status).toBe('approved');
    const edited = cells.applyReviewerText(approved, 'B', at, 1200);
    expect(edited.status).toBe('edited');
    expect(edited.approvedAt).toBeUndefined();
    expect(edited.editMs).toBe(1200);
  });

  it('treats typing the machine text back as no edit, and clearing as empty', () => {
    const edited = cells.applyReviewerText(machine('A'), 'AB', at);
    expect(cells.applyReviewerText(edited, 'A', at).status).toBe('machine');
    expect(cells.applyReviewerText(edited, '', at).status).toBe('empty');
  });

  it('refuses to approve an empty cell and withdraws approval to edited', () => {
    expect(cells.approve(cells.emptyCell(), at, 'Lan')).toBeNull();
    expect(cells.unapprove(cells.approve(machine('A'), at, 'Lan')!, at).status).toBe('edited');
  });

  it('does not turn an error into success, and keeps existing text on failure', () => {
    expect(cells.applyMachineError(cells.emptyCell(), 'mt.serverError')).toMatchObject({
      status: 'error',
      error: 'mt.serverError',
    });
    expect(cells.applyMachineError(machine('A'), 'mt.serverError').status).toBe('machine');
  });

  it('accepts a suggestion as the new machine text', () => {
    const withSuggestion: TargetCell = { text: 'mine', status: 'approved', suggestion: 'new' };
    expect(cells.acceptSuggestion(withSuggestion, at)).toMatchObject({ text: 'new', status: 'machine' });
  });
});

describe('text enters a cell composed (NFC), and the same text in another form is no change', () => {
  const VIET = 'Việt Nam';
  const VIET_NFD = VIET.normalize('NFD');
  const HAN = '한강';
  /** 한강 as conjoining jamo, as a Mac's file names and some pastes carry it. */
  const HAN_JAMO = '\u1112\u1161\u11ab\u1100\u1161\u11bc';

  it('typing, pasting, replacing: stored composed', () => {
    expect(VIET_NFD).not.toBe(VIET);
    expect(cells.applyReviewerText(machine('A'), VIET_NFD, at).text).toBe(VIET);
    expect(cells.applyReviewerText(machine('A'), `Sông ${HAN_JAMO}`, at).text).toBe(`Sông ${HAN}`);
  });

  it('typing the same text decomposed into an approved cell keeps its approval', () => {
    const approved = cells.approve({ text: VIET, status: 'edited' }, at, 'Lan')!;
    expect(cells.applyReviewerText(approved, VIET_NFD, at)).toBe(approved);
    // A cell stored decomposed (an older project) is the same text as the composed typing of it.
    const stored = cells.approve({ text: VIET_NFD, status: 'edited' }, at, 'Lan')!;
    expect(cells.applyReviewerText(stored, VIET, at)).toBe(stored);
    expect(cells.applyReviewerText(machine(VIET_NFD), 'x', at).status).toBe('edited');
    expect(cells.applyReviewerText({ text: 'x', mt: VIET_NFD, status: 'edited' }, VIET, at).status).toBe(
      'machine',
    );
  });

  it('machine and memory text: stored composed; the same text in another form is no suggestion', () => {
    expect(cells.applyMachineText(cells.emptyCell(), HAN_JAMO, at)).toMatchObject({ text: HAN, mt: HAN });
    const mine: TargetCell = { text: VIET, status: 'approved' };
    expect(cells.applyMachineText(mine, VIET_NFD, at).suggestion).toBeUndefined();
    expect(cells.applyMachineText(mine, `${VIET_NFD}!`, at).suggestion).toBe(`${VIET}!`);
    const fill = { score: 100, text: VIET_NFD, at };
    const filled = cells.applyMemoryText(cells.emptyCell(), fill, at);
    expect(filled).toMatchObject({ text: VIET, tm: { text: VIET } });
    expect(cells.isMemoryText(filled)).toBe(true);
  });
});

describe('a comment enters composed (NFC) as cell texts do', () => {
  const VIET = 'Kiểm tra lại số liệu của Việt Nam';
  const by = 'Lan';

  it('stores a decomposed comment composed; the same comment in another form is no change', () => {
    const cell = cells.applyComment(machine('A'), `  ${VIET.normalize('NFD')} `, by, at);
    expect(cell).toMatchObject({ comment: VIET, commentBy: by, commentAt: at });
    // Saved again from a Mac by someone else: the comment, its author and time stay.
    expect(cells.applyComment(cell, VIET.normalize('NFD'), 'Minh', '2026-12-01T00:00:00.000Z')).toBe(cell);
    expect(cells.applyComment(cell, '  ', by, at)).not.toHaveProperty('comment');
  });

  it('any comment: typed composed or decomposed, the same cell', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const a = cells.applyComment(machine('A'), text.normalize('NFC'), by, at);
        const b = cells.applyComment(machine('A'), text.normalize('NFD'), by, at);
        expect(b).toEqual(a);
        if (a.comment !== undefined) expect(a.comment).toBe(a.comment.normalize('NFC'));
      }),
    );
  });
});

describe('progress and captions', () => {
  const seg = (
    id: string,
    kind: Segment['kind'],
    status: TargetCell['status'],
    extra: Partial<Segment> = {},
  ): Segment => ({
    id,
    kind,
    source: id,
    translate: true,
    targets: { vi: { text: 'x', status }, en: { text: '', status: 'empty' } },
    ...extra,
  });

  it('counts only reviewable rows', () => {
    const segments = [
      seg('a', 'headline', 'approved'),
      seg('b', 'paragraph', 'machine'),
      seg('c', 'caption', 'approved', { linkedTo: 'a' }),
      seg('d', 'credit', 'empty', { translate: false }),
    ];
    expect(cells.progressOf(segments)).toEqual([
      { lang: 'vi', approved: 1, total: 2 },
      { lang: 'en', approved: 0, total: 2 },
    ]);
  });

  it('mirrors a picture translation onto its caption row', () => {
    const segments = [seg('pic', 'picture', 'approved'), seg('cap', 'caption', 'empty', { linkedTo: 'pic' })];
    segments[0]!.targets.vi.text = 'Ảnh';
    const changed = cells.mirrorCaptions(segments);
    expect(changed.map((s) => s.id)).toEqual(['cap']);
    expect(segments[1]!.targets.vi).toEqual(segments[0]!.targets.vi);
    expect(cells.mirrorCaptions(segments)).toEqual([]);
  });

  it('mirrors exactly the captions of the named pictures, as indexing every row would (property)', () => {
    /** The rule written plainly: every row indexed, every caption of a named picture given its targets. */
    const model = (segments: Segment[], pictures?: ReadonlySet<string>) => {
      const byId = new Map(segments.map((s) => [s.id, s]));
      return segments.map((s) =>
        s.kind === 'caption' && s.linkedTo && (!pictures || pictures.has(s.linkedTo)) && byId.has(s.linkedTo)
          ? { ...s, targets: structuredClone(byId.get(s.linkedTo)!.targets) }
          : s,
      );
    };
    const ids = ['p0', 'p1', 'p2', 'x3', 'x4', 'x5'];
    const row = fc.record({
      id: fc.constantFrom(...ids),
      kind: fc.constantFrom('picture', 'caption', 'paragraph'),
      link: fc.option(fc.constantFrom(...ids, 'gone'), { nil: undefined }),
      text: fc.constantFrom('', 'Ảnh', 'Photo'),
    });
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 12 }),
        fc.option(fc.subarray(ids), { nil: undefined }),
        (rows, named) => {
          // Ids unique, as in a project.
          const unique = rows.filter((r, i) => rows.findIndex((o) => o.id === r.id) === i);
          const segments = unique.map((r) => {
            const s = seg(r.id, r.kind as Segment['kind'], 'machine', r.link ? { linkedTo: r.link } : {});
            s.targets.vi.text = r.text;
            return s;
          });
          const pictures = named && new Set(named);
          const expected = model(segments, pictures);
          const changed = cells.mirrorCaptions(segments, pictures);
          expect(segments).toEqual(expected);
          // The changed rows are the captions whose targets were not already their picture's.
          for (const c of changed) expect(segments).toContain(c);
        },
      ),
      { numRuns: 300 },
    );
  });
});
