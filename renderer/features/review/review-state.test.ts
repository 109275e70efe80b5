import { describe, expect, it } from 'vitest';
import type { CellStatus, Project, Segment, SegmentKind } from '../../../electron/contract';
import { needsMachineTranslation, progressOf } from './review-state';

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

describe('needsMachineTranslation', () => {
  it('is true while a translated row has an empty cell, ignoring verbatim rows', () => {
    expect(needsMachineTranslation(project(article))).toBe(true);
    expect(needsMachineTranslation(project(article.filter((s) => s.id !== 'p3')))).toBe(false);
  });
});
