import { describe, expect, it } from 'vitest';
import type { CellStatus, Project, Segment, SegmentKind } from '../../../electron/contract';
import {
  mergeSegments,
  needsMachineTranslation,
  neighbourCell,
  nextUnapproved,
  progressOf,
} from './review-state';

function seg(id: string, kind: SegmentKind, vi: CellStatus, en: CellStatus, translate = true): Segment {
  const cell = (status: CellStatus) => ({ text: status === 'empty' ? '' : `${id}-${status}`, status });
  return { id, kind, source: `원문 ${id}`, translate, targets: { vi: cell(vi), en: cell(en) } };
}

function project(segments: Segment[]): Project {
  return {
    schemaVersion: 1,
    id: 'p1',
    name: 'test',
    source: { fileName: 'a.txt', format: 'txt', encoding: 'utf-8', importedAt: '2026-01-01T00:00:00Z' },
    englishVariant: 'en-US',
    segments,
    glossary: [],
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  };
}

const article = [
  seg('h', 'headline', 'approved', 'machine'),
  seg('pic', 'picture', 'machine', 'machine'),
  { ...seg('cap', 'caption', 'machine', 'machine'), linkedTo: 'pic' },
  seg('p1', 'paragraph', 'approved', 'edited'),
  seg('p2', 'paragraph', 'edited', 'approved'),
  seg('credit', 'credit', 'empty', 'empty', false),
  seg('p3', 'paragraph', 'machine', 'empty'),
];

describe('progressOf', () => {
  it('counts approved over translated rows, leaving out captions and do-not-translate rows', () => {
    expect(progressOf(article)).toEqual([
      { lang: 'vi', approved: 2, total: 5 },
      { lang: 'en', approved: 1, total: 5 },
    ]);
  });
});

describe('nextUnapproved', () => {
  it('goes to the next open cell of the same language, skipping approved, captions and verbatim rows', () => {
    expect(nextUnapproved(article, 'h', 'vi')?.id).toBe('pic');
    expect(nextUnapproved(article, 'pic', 'vi')?.id).toBe('p2');
    expect(nextUnapproved(article, 'p2', 'en')?.id).toBe('p3');
  });

  it('wraps around to the top and returns null once everything is approved', () => {
    expect(nextUnapproved(article, 'p3', 'vi')?.id).toBe('pic');
    const done = article.map((s) => ({
      ...s,
      targets: { ...s.targets, vi: { text: 'x', status: 'approved' as const } },
    }));
    expect(nextUnapproved(done, 'p1', 'vi')).toBeNull();
  });
});

describe('neighbourCell', () => {
  it('steps over rows that have no editable cell, and stops at the ends', () => {
    expect(neighbourCell(article, 'pic', 1)?.id).toBe('p1');
    expect(neighbourCell(article, 'p3', -1)?.id).toBe('p2');
    expect(neighbourCell(article, 'p3', 1)).toBeNull();
    expect(neighbourCell(article, 'h', -1)).toBeNull();
  });
});

describe('mergeSegments', () => {
  it('replaces rows by id and keeps the other rows identical', () => {
    const p = project(article);
    const updated = {
      ...article[3]!,
      targets: { ...article[3]!.targets, vi: { text: 'mới', status: 'edited' as const } },
    };
    const next = mergeSegments(p, [updated, seg('unknown', 'paragraph', 'machine', 'machine')]);
    expect(next.segments[3]).toBe(updated);
    expect(next.segments[0]).toBe(p.segments[0]);
    expect(next.segments).toHaveLength(article.length);
  });

  it('returns the same project when nothing changed', () => {
    const p = project(article);
    expect(mergeSegments(p, [])).toBe(p);
    expect(mergeSegments(p, [article[0]!])).toBe(p);
    // A pushed copy equal to what is on screen does not replace the row (no re-render of its cells).
    expect(mergeSegments(p, [structuredClone(article[1]!)])).toBe(p);
  });
});

describe('needsMachineTranslation', () => {
  it('is true while a translated row has an empty cell, ignoring verbatim rows', () => {
    expect(needsMachineTranslation(project(article))).toBe(true);
    expect(needsMachineTranslation(project(article.filter((s) => s.id !== 'p3')))).toBe(false);
  });
});
