import type { Project, Segment, TargetLang, TmxSegmentation } from '../../contract';
import { TARGET_LANGS } from '../../contract';
import { assertXmlSafe, escapeAttr, escapeText } from './xml';
import { langTag, numbered, tmxDate } from './rows';

const SENTENCES: Record<string, Intl.Segmenter> = {};

/** Sentences of a text by the platform's Unicode segmentation (ICU), trailing spaces trimmed. */
function sentences(text: string, locale: string): string[] {
  const seg = (SENTENCES[locale] ??= new Intl.Segmenter(locale, { granularity: 'sentence' }));
  return [...seg.segment(text)].map((s) => s.segment.trim()).filter((s) => s !== '');
}

/**
 * The unit texts of a row: one per paragraph, or per sentence when every language splits into the same number of
 * sentences (the only case where sentence pairs can be trusted; otherwise the paragraph stays whole).
 */
function pieces(segment: Segment, langs: TargetLang[], segmentation: TmxSegmentation): string[][] {
  const whole = [segment.source, ...langs.map((l) => segment.targets[l].text)];
  if (segmentation === 'paragraph') return [whole];
  const split = [sentences(segment.source, 'ko'), ...langs.map((l) => sentences(segment.targets[l].text, l))];
  const n = split[0]!.length;
  if (n <= 1 || split.some((s) => s.length !== n)) return [whole];
  return Array.from({ length: n }, (_, i) => split.map((s) => s[i]!));
}

/**
 * TMX 1.4b for a translation memory: approved work only. With `lang: 'all'` a unit holds the Korean and both
 * targets and is written only when both are approved (a memory entry must not mix approved and draft text);
 * with one language, a bilingual unit for every row approved in it. Caption rows are included (they are
 * translations too); a unit identical to one already written is not repeated.
 */
export function tmx(
  project: Project,
  lang: TargetLang | 'all',
  ctx: { now: Date; reviewer: string; appVersion: string },
  segmentation: TmxSegmentation = 'paragraph',
): string {
  const langs = lang === 'all' ? [...TARGET_LANGS] : [lang];
  const who = escapeAttr(ctx.reviewer || 'unknown');
  const units: string[] = [];
  const seen = new Set<string>();
  assertXmlSafe(project.name, 1);
  const created = tmxDate(new Date(project.createdAt));
  for (const { segment, row } of numbered(project)) {
    if (!segment.translate) continue;
    if (!langs.every((l) => segment.targets[l].status === 'approved')) continue;
    assertXmlSafe(segment.source, row);
    for (const l of langs) assertXmlSafe(segment.targets[l].text, row);
    const changed = tmxDate(
      new Date(
        Math.max(...langs.map((l) => Date.parse(segment.targets[l].approvedAt ?? project.updatedAt) || 0)),
      ),
    );
    const parts = pieces(segment, langs, segmentation);
    parts.forEach((texts, i) => {
      const key = texts.join('\u0000');
      if (seen.has(key)) return;
      seen.add(key);
      const tuvs = langs.map((l, j) => {
        const cell = segment.targets[l];
        const at = tmxDate(new Date(cell.approvedAt ?? cell.updatedAt ?? project.updatedAt));
        const by = escapeAttr(cell.approvedBy || ctx.reviewer || 'unknown');
        return `<tuv xml:lang="${langTag(project, l)}" changedate="${at}" changeid="${by}"><seg>${escapeText(texts[j + 1]!)}</seg></tuv>`;
      });
      const tuid = parts.length > 1 ? `${segment.id}-${i + 1}` : segment.id;
      units.push(
        `    <tu tuid="${tuid}" creationdate="${created}" creationid="${who}" changedate="${changed}" changeid="${who}"><prop type="x-row">${row}</prop><prop type="x-kind">${segment.kind}</prop><tuv xml:lang="ko-KR"><seg>${escapeText(texts[0]!)}</seg></tuv>${tuvs.join('')}</tu>`,
      );
    });
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header creationtool="Bilingual Review" creationtoolversion="${escapeAttr(ctx.appVersion)}" segtype="${segmentation}" o-tmf="BilingualReview" adminlang="en-US" srclang="ko-KR" datatype="plaintext" creationdate="${tmxDate(ctx.now)}" creationid="${who}">
    <prop type="x-project">${escapeText(project.name)}</prop>
  </header>
  <body>
${units.join('\n')}
  </body>
</tmx>
`;
}
