import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Segment } from '../../contract';
import { mergeRevision, parseText } from './index';
import { SAMPLE_PATH, translated } from '../../../test/support/import';

const sample = readFileSync(SAMPLE_PATH, 'utf8');
const lines = sample.split('\n').filter((l) => l.trim() !== '');
const parse = (text: string) => parseText(text).segments;
/** The sample parsed, every row approved in both languages (credit/copyright stay as they are). */
const approvedSample = () => parse(sample).map((s) => (s.translate ? translated(s, 'approved') : s));

describe('mergeRevision', () => {
  it('keeps every id, target and status when nothing changed', () => {
    const previous = approvedSample();
    const merged = mergeRevision(previous, parse(sample));
    expect(merged.counts).toEqual({ new: 0, changed: 0, unchanged: previous.length, removed: 0 });
    expect(merged.removed).toEqual([]);
    expect(merged.segments.map((s) => s.id)).toEqual(previous.map((s) => s.id));
    merged.segments.forEach((s, i) => {
      expect(s.targets).toEqual(previous[i]!.targets);
      expect(s.change).toBe('unchanged');
    });
  });

  it('flags a lightly edited paragraph as changed: same id and texts, approval withdrawn, machine text cleared', () => {
    const previous = approvedSample();
    const index = lines.findIndex((l) => l.startsWith('이번 선포식은'));
    previous[index] = {
      ...previous[index]!,
      targets: {
        vi: { ...previous[index]!.targets.vi },
        en: { text: 'machine text', status: 'machine', mt: 'machine text', comment: 'check term' },
      },
    };
    const revised = lines.map((l, i) =>
      i === index ? l.replace('중점 지원한다는', '집중적으로 지원한다는') : l,
    );
    const merged = mergeRevision(previous, parse(revised.join('\n')));
    expect(merged.counts).toEqual({ new: 0, changed: 1, unchanged: previous.length - 1, removed: 0 });
    const row = merged.segments[index]!;
    expect(row.id).toBe(previous[index]!.id);
    expect(row.change).toBe('changed');
    expect(row.source).toContain('집중적으로 지원한다는');
    expect(row.previousSource).toBe(previous[index]!.source);
    // Each language owes the review of the new Korean on its own.
    expect(row.targets.vi).toEqual({
      text: previous[index]!.targets.vi.text,
      status: 'edited',
      revision: 'changed',
    });
    expect(row.targets.en).toEqual({ text: '', status: 'empty', comment: 'check term', revision: 'changed' });
  });

  it('adds new paragraphs with empty targets, returns removed ones, and keeps moved ones', () => {
    const previous = approvedSample();
    const body = lines.findIndex((l) => l.startsWith('오 시장은 3일'));
    const removedLine = lines.findIndex((l) => l.startsWith('한편 그는'));
    const revised = [...lines];
    revised.splice(removedLine, 1);
    revised.splice(body + 1, 0, '[속보] 서울시는 이날 추가 협약도 체결했다고 밝혔다.');
    // Move the last body paragraph to the top of the body.
    const moved = revised.findIndex((l) => l.startsWith('이날 오전에는'));
    const [movedLine] = revised.splice(moved, 1);
    revised.splice(body, 0, movedLine!);
    const merged = mergeRevision(previous, parse(revised.join('\n')));

    expect(merged.counts).toEqual({ new: 1, changed: 0, unchanged: previous.length - 1, removed: 1 });
    const added = merged.segments.find((s) => s.change === 'new')!;
    expect(added.source).toContain('[속보]');
    expect(added.targets).toEqual({
      vi: { text: '', status: 'empty', revision: 'new' },
      en: { text: '', status: 'empty', revision: 'new' },
    });
    expect(merged.removed.map((s) => s.source)).toEqual([lines[removedLine]]);
    expect(merged.removed[0]!.targets.vi.status).toBe('approved');
    const movedRow = merged.segments.find((s) => s.source === movedLine)!;
    expect(movedRow.change).toBe('unchanged');
    expect(movedRow.targets.vi.status).toBe('approved');
  });

  it('keeps picture links and re-points caption rows to the surviving picture id', () => {
    const previous = approvedSample();
    // The picture's caption is corrected in both copies; the image link changes too.
    const revised = sample
      .replaceAll('기념촬영을 하고 있다', '기념 촬영을 하고 있다')
      .replace('0001056376_web.jpg?rnd=20220803203621', '0001056376_web.jpg?rnd=99');
    const merged = mergeRevision(previous, parse(revised));
    const picture = merged.segments.find((s) => s.kind === 'picture')!;
    const caption = merged.segments.find((s) => s.kind === 'caption')!;
    expect(picture.id).toBe(previous.find((s) => s.kind === 'picture')!.id);
    expect(picture.imageUrl).toContain('rnd=99');
    expect(caption.linkedTo).toBe(picture.id);
    expect(merged.counts.removed).toBe(0);
  });

  it('treats a rewritten paragraph as removed + new, not as changed', () => {
    const previous = parse('제목\n서울시는 베트남과 협력하기로 했다.\n');
    const merged = mergeRevision(previous, parse('제목\n부산시는 일본 오사카에 대표단을 보낸다고 밝혔다.\n'));
    expect(merged.counts).toEqual({ new: 1, changed: 0, unchanged: 1, removed: 1 });
  });

  it('keeps the reviewer’s translate choice and an earlier re-import flag still awaiting review', () => {
    const previous: Segment[] = parse('제목\n첫 문단이다. 내용이 있다.\n둘째 문단이다.\n');
    previous[1] = { ...previous[1]!, translate: false };
    previous[2] = { ...previous[2]!, change: 'changed', previousSource: '예전 둘째 문단이다.' };
    const merged = mergeRevision(previous, parse('제목\n첫 문단이다. 내용이 있다.\n둘째 문단이다.\n'));
    expect(merged.segments[1]!.translate).toBe(false);
    expect(merged.segments[2]).toMatchObject({ change: 'changed', previousSource: '예전 둘째 문단이다.' });
    expect(merged.counts.unchanged).toBe(3);
  });

  it('never hands out an id twice, even when a new row’s content id belongs to a changed one', () => {
    // Version 1: "A"; version 2 edits it to "A'"; version 3 has "A'" edited back to "A" plus a new "A'" row.
    const a = '서울시는 베트남 정부와 스마트 모빌리티 협력을 선포했다.';
    const a2 = '서울시는 베트남 정부와 스마트 모빌리티 협력을 공식 선포했다.';
    const v1 = parse(`제목\n${a}\n`);
    const v2 = mergeRevision(v1, parse(`제목\n${a2}\n`)).segments;
    const v3 = mergeRevision(v2, parse(`제목\n${a}\n${a2}\n`));
    const ids = [...v3.segments, ...v3.removed].map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    // The row still reading A' keeps its id and translations (and v2's unreviewed flag); the re-added A is new
    // under a fresh id.
    expect(v3.segments[2]).toMatchObject({ id: v1[1]!.id, change: 'changed', previousSource: a });
    expect(v3.segments[1]).toMatchObject({ id: `${v1[1]!.id}-r2`, change: 'new' });
  });

  it('aligns large revisions within the window: many small edits all found as changed', () => {
    const paragraphs = Array.from(
      { length: 3000 },
      (_, i) => `제${i}항: 서울시는 ${i}번째 사업으로 베트남 호찌민에 스마트 모빌리티 거점을 연다고 밝혔다.`,
    );
    const previous = parse(paragraphs.join('\n'));
    // 2,000 edited rows in a row: too many to align exactly, so the bounded window does it.
    const revised = paragraphs.map((p, i) => (i < 2000 ? p.replace('밝혔다', '전했다') : p));
    const merged = mergeRevision(previous, parse(revised.join('\n')));
    expect(merged.counts).toEqual({ new: 0, changed: 2000, unchanged: 1000, removed: 0 });
    expect(merged.segments.map((s) => s.id)).toEqual(previous.map((s) => s.id));
  });
});
