/**
 * The three articles written for the interchange tests (`test/fixtures/articles/`, see its README), read by the
 * app's own importer and reviewed the way a reviewer would: every cell typed over (keeping the placeholders, a
 * literal tag, an emoji and the Korean numbers of the source) and approved.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Project, Segment, TargetCell, TargetLang } from '../../electron/contract';
import { parseArticle } from '../../electron/services/import';

const DIR = join(import.meta.dirname, '../fixtures/articles');

/** The articles by name: an HTML page, a Word file with a table, a CP949 text. */
export const ARTICLES = {
  busan: 'busan-fare.ko.html',
  jeju: 'jeju-tourism.ko.docx',
  namwon: 'namwon-festival.cp949.txt',
} as const;

/** A reviewer's translation of a row: marked per language, the source's codes kept, some extras of their own. */
export function reviewed(source: string, lang: TargetLang, row: number): string {
  const lead = lang === 'vi' ? 'Bản dịch' : 'Translation';
  const extra = row % 3 === 0 ? ' — đã sửa & <i>x</i> {1} %d 😊' : '';
  return `${lead} ${row}: ${source}${extra}`;
}

function approvedCell(mt: string, text: string): TargetCell {
  return {
    text,
    mt,
    status: 'approved',
    approvedAt: '2026-12-08T00:10:00.000Z',
    approvedBy: 'Lan Nguyen',
  };
}

/** One of the articles as a project, every cell machine-translated, then typed over and approved. */
export async function reviewedArticle(name: keyof typeof ARTICLES): Promise<Project> {
  const fileName = ARTICLES[name];
  const parsed = await parseArticle({ fileName, bytes: readFileSync(join(DIR, fileName)) });
  const segments: Segment[] = parsed.segments.map((s, i) => ({
    ...s,
    targets: {
      vi: approvedCell(`[VI] ${s.source}`, reviewed(s.source, 'vi', i + 1)),
      en: approvedCell(`[EN] ${s.source}`, reviewed(s.source, 'en', i + 1)),
    },
  }));
  return {
    schemaVersion: 1,
    id: `hunt-${name}`,
    name: parsed.title,
    source: {
      fileName,
      format: parsed.format,
      encoding: parsed.encoding,
      importedAt: '2026-12-08T00:00:00.000Z',
    },
    englishVariant: 'en-US',
    glossary: [],
    createdAt: '2026-12-08T00:00:00.000Z',
    updatedAt: '2026-12-08T00:10:00.000Z',
    segments,
  };
}
