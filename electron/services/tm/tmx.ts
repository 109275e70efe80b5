/**
 * TMX 1.4b for the translation memory: reading an agency's memory (any number of languages per unit, regional
 * codes, inline markup) and writing the whole memory back out.
 */
import { parseXml, type XNode } from '../xml-parse';
import type { TargetLang } from '../../contract';
import { AppError } from '../errors';
import { TMX_TAIL, tmxDate, tmxHead as writeHead, tmxUnit as writeUnit } from '../tmx-write';
import { assertXmlSafe } from '../xml-write';
import type { ApprovedRow } from './memory';
import type { TmUnit } from './repository';

/** A parsed TMX file: the translations it holds and how many units had nothing usable (no Korean or no target). */
export interface TmxContent {
  rows: ApprovedRow[];
  skipped: number;
}

type Node = XNode;

const nameOf = (n: Node) => Object.keys(n).find((k) => k !== ':@') ?? '';
const childrenOf = (n: Node) => (n[nameOf(n)] as Node[] | undefined) ?? [];
const attr = (n: Node, name: string) => n[':@']?.[name];
const childNamed = (n: Node, name: string) => childrenOf(n).filter((c) => nameOf(c) === name);

/**
 * The language of a `<tuv>` as the memory knows it: Korean as the source, Vietnamese and English (any region:
 * `vi-VN`, `en-GB`, `EN_us`…) as targets, anything else null. TMX 1.1 files name it `lang` instead of `xml:lang`.
 */
export function tmxLanguage(code: string | undefined): 'ko' | TargetLang | null {
  const primary = (code ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'ko' || primary === 'vi' || primary === 'en' ? primary : null;
}

/**
 * The plain text of a `<seg>`: inline markup flattened. `<hi>` keeps its text; `<bpt>`, `<ept>`, `<ph>`, `<it>`,
 * `<ut>` hold the original format's codes (e.g. `<b>`), not text, and `<sub>` is a separate flow (a footnote),
 * so they are dropped.
 */
function segText(nodes: Node[]): string {
  let out = '';
  for (const n of nodes) {
    const name = nameOf(n);
    if (name === '#text') out += String(n['#text']);
    else if (name === 'hi' || name === 'g' || name === 'mrk') out += segText(childrenOf(n));
  }
  return out;
}

/** `20221104T093000Z` (TMX) to ISO; undefined when absent or malformed. */
function isoDate(tmx: string | undefined): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(tmx ?? '');
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z` : undefined;
}

const propOf = (n: Node, type: string) =>
  childNamed(n, 'prop').find((p) => attr(p, 'type') === type) as Node | undefined;

/**
 * Read a TMX document (bytes: UTF-8, or UTF-16 with a byte-order mark); refuses XML that is not well-formed
 * (`xml.*`, see {@link parseXml}) and XML that is not TMX (`tm.notTmx`).
 */
export function parseTmx(xml: Uint8Array | string, fallbackDate: string): TmxContent {
  const root = parseXml(xml, 'TMX').find((n) => nameOf(n) === 'tmx');
  const body = root && childNamed(root, 'body')[0];
  if (!root || !body) throw new AppError('tm.notTmx');
  const header = childNamed(root, 'header')[0];
  const headerProject = header && propOf(header, 'x-project');
  const rows: ApprovedRow[] = [];
  let skipped = 0;
  for (const tu of childNamed(body, 'tu')) {
    const tuProject = propOf(tu, 'x-project') ?? headerProject;
    const projectName = tuProject ? segText(childrenOf(tuProject)).trim() : undefined;
    let source: string | undefined;
    const targets: Array<{ lang: TargetLang; text: string; at?: string; by?: string }> = [];
    for (const tuv of childNamed(tu, 'tuv')) {
      const lang = tmxLanguage(attr(tuv, 'xml:lang') ?? attr(tuv, 'lang'));
      const seg = childNamed(tuv, 'seg')[0];
      const text = seg ? segText(childrenOf(seg)).trim() : '';
      if (!lang || !text) continue;
      if (lang === 'ko') source ??= text;
      else if (!targets.some((t) => t.lang === lang))
        targets.push({ lang, text, at: isoDate(attr(tuv, 'changedate')), by: attr(tuv, 'changeid') });
    }
    if (!source || targets.length === 0) {
      skipped++;
      continue;
    }
    const tuAt = isoDate(attr(tu, 'changedate')) ?? isoDate(attr(tu, 'creationdate'));
    const tuBy = attr(tu, 'changeid') ?? attr(tu, 'creationid');
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
  return { rows, skipped };
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
