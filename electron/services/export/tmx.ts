import type { Project, TargetLang } from '../../contract';
import { TARGET_LANGS } from '../../contract';
import { assertXmlSafe, escapeAttr, escapeText } from './xml';
import { langTag, numbered, tmxDate } from './rows';

/**
 * TMX 1.4b for a translation memory: approved work only. With `lang: 'all'` a unit holds the Korean and both
 * targets and is written only when both are approved (a memory entry must not mix approved and draft text);
 * with one language, a bilingual unit for every row approved in it.
 */
export function tmx(
  project: Project,
  lang: TargetLang | 'all',
  ctx: { now: Date; reviewer: string; appVersion: string },
): string {
  const langs = lang === 'all' ? [...TARGET_LANGS] : [lang];
  const who = escapeAttr(ctx.reviewer || 'unknown');
  const units: string[] = [];
  assertXmlSafe(project.name, 1);
  for (const { segment, row } of numbered(project)) {
    if (!segment.translate || segment.kind === 'caption') continue;
    if (!langs.every((l) => segment.targets[l].status === 'approved')) continue;
    assertXmlSafe(segment.source, row);
    const created = tmxDate(new Date(project.createdAt));
    const tuvs = langs.map((l) => {
      const cell = segment.targets[l];
      assertXmlSafe(cell.text, row);
      const changed = tmxDate(new Date(cell.approvedAt ?? cell.updatedAt ?? project.updatedAt));
      const by = escapeAttr(cell.approvedBy || ctx.reviewer || 'unknown');
      return `<tuv xml:lang="${langTag(project, l)}" changedate="${changed}" changeid="${by}"><seg>${escapeText(cell.text)}</seg></tuv>`;
    });
    const changed = tmxDate(
      new Date(
        Math.max(...langs.map((l) => Date.parse(segment.targets[l].approvedAt ?? project.updatedAt) || 0)),
      ),
    );
    units.push(
      `    <tu tuid="${segment.id}" creationdate="${created}" creationid="${who}" changedate="${changed}" changeid="${who}"><prop type="x-row">${row}</prop><tuv xml:lang="ko-KR"><seg>${escapeText(segment.source)}</seg></tuv>${tuvs.join('')}</tu>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header creationtool="Bilingual Review" creationtoolversion="${escapeAttr(ctx.appVersion)}" segtype="paragraph" o-tmf="BilingualReview" adminlang="en-US" srclang="ko-KR" datatype="plaintext" creationdate="${tmxDate(ctx.now)}" creationid="${who}">
    <prop type="x-project">${escapeText(project.name)}</prop>
  </header>
  <body>
${units.join('\n')}
  </body>
</tmx>
`;
}
