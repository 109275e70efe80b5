/**
 * TMX 1.4b for the translation memory: reading an agency's memory (any number of languages per unit, regional
 * codes, inline markup) and writing the whole memory back out.
 */
import { declaresEntities, parseXml, wellFormedXml } from '../xml-parse';
import type { TargetLang } from '../../contract';
import { AppError } from '../errors';
import { TMX_TAIL, tmxDate, tmxHead as writeHead, tmxUnit as writeUnit } from '../tmx-write';
import { assertXmlSafe } from '../xml-write';
import type { ApprovedRow } from './memory';
import type { TmUnit } from './repository';
import { readTmxStream, readTmxTree, type RawTu } from './tmx-read';

/** A parsed TMX file: the translations it holds and how many units had nothing usable (no Korean or no target). */
export interface TmxContent {
  rows: ApprovedRow[];
  skipped: number;
}

/**
 * The language of a `<tuv>` as the memory knows it: Korean as the source, Vietnamese and English (any region:
 * `vi-VN`, `en-GB`, `EN_us`…) as targets, anything else null. TMX 1.1 files name it `lang` instead of `xml:lang`.
 */
export function tmxLanguage(code: string | undefined): 'ko' | TargetLang | null {
  const primary = (code ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'ko' || primary === 'vi' || primary === 'en' ? primary : null;
}

/** `20221104T093000Z` (TMX) to ISO; undefined when absent or malformed. */
function isoDate(tmx: string | undefined): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(tmx ?? '');
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z` : undefined;
}

/**
 * Read a TMX document (bytes: UTF-8, or UTF-16 with a byte-order mark); refuses XML that is not well-formed
 * (`xml.*`, see {@link wellFormedXml}) and XML that is not TMX (`tm.notTmx`).
 */
export function parseTmx(xml: Uint8Array | string, fallbackDate: string): TmxContent {
  const text = wellFormedXml(xml, 'TMX');
  const streamed = declaresEntities(text) ? 'tree' : readTmxStream(text);
  const tmx = streamed === 'tree' ? readTmxTree(parseXml(text, 'TMX')) : streamed;
  if (!tmx) throw new AppError('tm.notTmx');
  const headerProject = tmx.headerProject?.trim();
  const rows: ApprovedRow[] = [];
  let skipped = 0;
  for (const tu of tmx.tus) {
    const projectName = tu.project !== undefined ? tu.project.trim() : headerProject;
    const before = rows.length;
    rowsOfUnit(tu, projectName, fallbackDate, rows);
    if (rows.length === before) skipped++;
  }
  return { rows, skipped };
}

/** The rows of one unit (its Korean with each of its targets) added to `rows`; none without Korean or a target. */
function rowsOfUnit(tu: RawTu, projectName: string | undefined, fallbackDate: string, rows: ApprovedRow[]) {
  let source: string | undefined;
  const targets: Array<{ lang: TargetLang; text: string; at?: string; by?: string }> = [];
  for (const tuv of tu.tuvs) {
    const lang = tmxLanguage(tuv.lang);
    const text = tuv.seg?.trim() ?? '';
    if (!lang || !text) continue;
    if (lang === 'ko') source ??= text;
    else if (!targets.some((t) => t.lang === lang))
      targets.push({ lang, text, at: isoDate(tuv.changedate), by: tuv.changeid });
  }
  if (!source) return;
  const a = tu.attrs;
  const tuAt = isoDate(a['changedate']) ?? isoDate(a['creationdate']);
  const tuBy = a['changeid'] ?? a['creationid'];
  for (const t of targets) {
    const reviewer = t.by ?? tuBy;
    rows.push({
      source,
      target: t.text,
      lang: t.lang,
      at: t.at ?? tuAt ?? fallbackDate,
      ...(reviewer ? { reviewer } : {}),
      ...(projectName ? { projectName } : {}),
    });
  }
}

/** The TMX language code written for a memory language. */
const TMX_LANG: Record<TargetLang, string> = { vi: 'vi-VN', en: 'en' };

/** The opening of a memory export, up to `<body>`. */
export function tmxHead(ctx: { now: Date; appVersion: string }): string {
  return writeHead({ segtype: 'paragraph', appVersion: ctx.appVersion, now: ctx.now });
}

/** One memory unit as a `<tu>`: Korean source and its one target, with who approved it, when, in which project. */
export function tmxUnit(u: TmUnit): string {
  assertXmlSafe(u.source, Number(u.id));
  assertXmlSafe(u.target, Number(u.id));
  const date = tmxDate(new Date(u.at));
  return writeUnit({
    attrs: { tuid: u.id, changedate: date, changeid: u.reviewer || undefined },
    props: u.projectName ? [['x-project', u.projectName]] : [],
    tuvs: [
      { lang: 'ko-KR', text: u.source },
      { lang: TMX_LANG[u.lang], text: u.target, changedate: date, changeid: u.reviewer || undefined },
    ],
  });
}

export { TMX_TAIL };
