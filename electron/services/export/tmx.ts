import type { Project, Segment, TargetLang, TmxSegmentation } from '../../contract';
import { TARGET_LANGS } from '../../contract';
import { TMX_TAIL, tmxDate, tmxHead, tmxUnit } from '../tmx-write';
import { assertXmlSafe } from '../xml-write';
import { langTag, numbered } from './rows';
import { pairedSentences } from './segmenting';

/**
 * The unit texts of a row: one per paragraph, or per sentence when every language splits into the same number of
 * sentences (the only case where sentence pairs can be trusted; otherwise the paragraph stays whole).
 */
function pieces(segment: Segment, langs: TargetLang[], segmentation: TmxSegmentation): string[][] {
  const whole = [segment.source, ...langs.map((l) => segment.targets[l].text)];
  if (segmentation === 'paragraph') return [whole];
  const targets = langs.map((lang) => ({ lang, text: segment.targets[lang].text }));
  return pairedSentences(segment.source, targets) ?? [whole];
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
  const who = ctx.reviewer || 'unknown';
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
        return {
          lang: langTag(project, l),
          text: texts[j + 1]!,
          changedate: tmxDate(new Date(cell.approvedAt ?? cell.updatedAt ?? project.updatedAt)),
          changeid: cell.approvedBy || ctx.reviewer || 'unknown',
        };
      });
      const tuid = parts.length > 1 ? `${segment.id}-${i + 1}` : segment.id;
      units.push(
        tmxUnit({
          attrs: { tuid, creationdate: created, creationid: who, changedate: changed, changeid: who },
          props: [
            ['x-row', String(row)],
            ['x-kind', segment.kind],
          ],
          tuvs: [{ lang: 'ko-KR', text: texts[0]! }, ...tuvs],
        }),
      );
    });
  }
  const head = tmxHead({
    segtype: segmentation,
    appVersion: ctx.appVersion,
    now: ctx.now,
    creationid: who,
    props: [['x-project', project.name]],
  });
  return head + units.join('') + TMX_TAIL;
}
