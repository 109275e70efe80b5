/**
 * The one TMX 1.4b writer: the export's memory (`export/tmx.ts`) and the memory export (`tm/`) both write their
 * header, units and closing through it, with the one XML escaping of `xml-write`.
 */
import { escapeAttr, escapeText } from './xml-write';

/** `YYYYMMDDThhmmssZ`, the date form TMX requires (an invalid date is written as the epoch, never `NaN`). */
export function tmxDate(d: Date): string {
  return (Number.isNaN(d.getTime()) ? new Date(0) : d)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Attributes written in order; `undefined` ones are left out. */
function attrs(a: Record<string, string | undefined>): string {
  return Object.entries(a)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
    .join('');
}

/** `<prop type="…">…</prop>` elements. */
function props(p: ReadonlyArray<[string, string]>): string {
  return p.map(([type, value]) => `<prop type="${escapeAttr(type)}">${escapeText(value)}</prop>`).join('');
}

/** The opening of a TMX file, up to and including `<body>`. Source language Korean, plain text. */
export function tmxHead(h: {
  segtype: 'paragraph' | 'sentence';
  appVersion: string;
  now: Date;
  creationid?: string;
  props?: ReadonlyArray<[string, string]>;
}): string {
  const a = attrs({
    creationtool: 'Bilingual Review',
    creationtoolversion: h.appVersion,
    segtype: h.segtype,
    'o-tmf': 'BilingualReview',
    adminlang: 'en-US',
    srclang: 'ko-KR',
    datatype: 'plaintext',
    creationdate: tmxDate(h.now),
    creationid: h.creationid,
  });
  const header = h.props?.length ? `<header${a}>\n    ${props(h.props)}\n  </header>` : `<header${a}/>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">\n  ${header}\n  <body>\n`;
}

/** One variant of a unit: language, text, and who changed it when. */
export interface Tuv {
  lang: string;
  text: string;
  changedate?: string;
  changeid?: string;
}

/** One `<tu>` line (the caller checks the texts are XML-safe: see assertXmlSafe). */
export function tmxUnit(u: {
  attrs: Record<string, string | undefined>;
  props?: ReadonlyArray<[string, string]>;
  tuvs: readonly Tuv[];
}): string {
  const tuvs = u.tuvs
    .map(
      (t) =>
        `<tuv${attrs({ 'xml:lang': t.lang, changedate: t.changedate, changeid: t.changeid })}><seg>${escapeText(t.text)}</seg></tuv>`,
    )
    .join('');
  return `    <tu${attrs(u.attrs)}>${props(u.props ?? [])}${tuvs}</tu>\n`;
}

/** The closing of a TMX file. */
export const TMX_TAIL = '  </body>\n</tmx>\n';
