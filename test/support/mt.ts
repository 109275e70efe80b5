/**
 * Test and benchmark helpers: projects built without the import service, so MT tests do not depend on it.
 * Not used by the product.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EnglishVariant, GlossaryEntry, Project, Segment, SegmentKind } from '../../electron/contract';

/** Absolute path of the sample article. */
export const SAMPLE_PATH = fileURLToPath(
  new URL('../../samples/newsis-seoul-vietnam-smart-mobility.ko.txt', import.meta.url),
);

function segment(id: string, kind: SegmentKind, source: string, extra: Partial<Segment> = {}): Segment {
  return {
    id,
    kind,
    source,
    translate: source.trim() !== '',
    targets: { vi: { text: '', status: 'empty' }, en: { text: '', status: 'empty' } },
    ...extra,
  };
}

/** A project of the given rows (ids `s1`, `s2`, …). */
export function projectOf(
  rows: Array<{ kind: SegmentKind; source: string; imageUrl?: string }>,
  opts: { glossary?: GlossaryEntry[]; englishVariant?: EnglishVariant; id?: string } = {},
): Project {
  const segments = rows.map((r, i) =>
    segment(`s${i + 1}`, r.kind, r.source, r.imageUrl ? { imageUrl: r.imageUrl } : {}),
  );
  // A caption row repeats the picture just before it.
  segments.forEach((s, i) => {
    if (s.kind === 'caption' && segments[i - 1]?.kind === 'picture') s.linkedTo = segments[i - 1]!.id;
  });
  return {
    schemaVersion: 1,
    id: opts.id ?? 'p1',
    name: 'test',
    source: {
      fileName: 'test.txt',
      format: 'txt',
      encoding: 'utf-8',
      importedAt: '2024-01-01T00:00:00.000Z',
    },
    englishVariant: opts.englishVariant ?? 'en-US',
    segments,
    glossary: opts.glossary ?? [],
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
  };
}

/** Rows of a Newsis-style article text: headline, sub-headlines, pictures and their captions, paragraphs, credit. */
export function rowsOfArticle(text: string): Array<{ kind: SegmentKind; source: string; imageUrl?: string }> {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const rows: Array<{ kind: SegmentKind; source: string; imageUrl?: string }> = [];
  let seenBody = false;
  lines.forEach((line, i) => {
    const picture = /^!\[(.*)\]\((.*)\)$/.exec(line);
    if (i === 0) rows.push({ kind: 'headline', source: line });
    else if (picture) {
      seenBody = true;
      rows.push({ kind: 'picture', source: picture[1]!, imageUrl: picture[2]! });
    } else if (rows.at(-1)?.kind === 'picture') rows.push({ kind: 'caption', source: line });
    else if (line.startsWith('◎')) rows.push({ kind: 'credit', source: line });
    else if (/^Copyright/i.test(line)) rows.push({ kind: 'copyright', source: line });
    else if (!seenBody && line.length < 80) rows.push({ kind: 'subheadline', source: line });
    else {
      seenBody = true;
      rows.push({ kind: 'paragraph', source: line });
    }
  });
  return rows;
}

/** The sample article as a fresh project. */
export function sampleProject(
  opts: { glossary?: GlossaryEntry[]; englishVariant?: EnglishVariant; id?: string } = {},
): Project {
  return projectOf(rowsOfArticle(readFileSync(SAMPLE_PATH, 'utf8')), opts);
}
