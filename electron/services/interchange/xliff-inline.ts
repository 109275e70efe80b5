/**
 * Inline content of XLIFF 1.2 and 2.0 targets, mapped back to the text it stands for, exactly or not at all (see
 * `xliff-read.ts`): paired codes keep their content, a placeholder becomes its original data, its
 * `equiv`/`equiv-text`, or the same code's text in the source; what maps to nothing is counted as lost.
 */
import { INVALID_XML_CHAR, attr, find, findAll, kids, nameOf, textOf, type XNode } from '../xml-parse';

/** Standalone placeholders: they stand for content that is not in the target itself. */
const STANDALONE = new Set(['x', 'ph']);
/** Boundaries of paired codes and isolated codes: formatting, no text of their own unless they carry data. */
const BOUNDARIES = new Set(['bx', 'ex', 'it', 'bpt', 'ept', 'sc', 'ec']);

/** What an inline code is resolved against: the unit's original data (2.0) and its source's codes. */
export interface Codes {
  data: Map<string, string>;
  source: Map<string, string>;
}

/** The text a code stands for, exactly, or undefined when the file does not say. */
function codeText(n: XNode, name: string, codes: Codes): string | undefined {
  const ref = attr(n, 'dataRef');
  if (ref !== undefined && codes.data.has(ref)) return codes.data.get(ref);
  // XLIFF 1.2: the element's content is the native code, which in a plain-text original is the text itself.
  if (kids(n).length > 0) return textOf(kids(n));
  const equiv = attr(n, 'equiv') ?? attr(n, 'equiv-text');
  if (equiv !== undefined) return equiv;
  return codes.source.get(`${name}:${attr(n, 'id') ?? attr(n, 'rid') ?? ''}`);
}

/**
 * The character an XLIFF 2.0 `<cp hex="…"/>` names; undefined when `hex` is missing, not hexadecimal or names no
 * Unicode scalar value (a surrogate, past U+10FFFF): such a code stands for nothing the unit can take.
 */
function codePoint(hex: string | undefined): string | undefined {
  if (hex === undefined || !/^[0-9a-f]{1,6}$/i.test(hex)) return undefined;
  const code = parseInt(hex, 16);
  return code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? undefined : String.fromCodePoint(code);
}

/**
 * Whether a unit's text holds a character no export can carry (a control character a `<cp>` or an `equiv-text`
 * brought): applied, its row could never be exported again, so the unit is refused like a lost placeholder.
 */
export const unkept = (text: string | null) => text !== null && INVALID_XML_CHAR.test(text);

/** Text of inline content; `lost` counts placeholders with nothing to put back. */
export function inlineText(nodes: XNode[], codes: Codes, lost: { n: number }): string {
  let out = '';
  for (const n of nodes) {
    const name = nameOf(n);
    if (name === '#text') out += String(n['#text']);
    else if (name === 'cp') {
      const ch = codePoint(attr(n, 'hex'));
      if (ch !== undefined) out += ch;
      else lost.n++;
    } else if (STANDALONE.has(name) || BOUNDARIES.has(name)) {
      const text = codeText(n, name, codes);
      if (text !== undefined) out += text;
      else if (STANDALONE.has(name)) lost.n++;
    } else if (name === 'pc') {
      const start = attr(n, 'dataRefStart');
      const end = attr(n, 'dataRefEnd');
      out += (start !== undefined ? codes.data.get(start) : undefined) ?? '';
      out += inlineText(kids(n), codes, lost);
      out += (end !== undefined ? codes.data.get(end) : undefined) ?? '';
    } else out += inlineText(kids(n), codes, lost);
  }
  return out;
}

/** Placeholders of a source, by `name:id`, with the text they stand for. */
export function sourceCodes(nodes: XNode[], data: Map<string, string>, into = new Map<string, string>()) {
  for (const n of nodes) {
    const name = nameOf(n);
    if (STANDALONE.has(name) || BOUNDARIES.has(name)) {
      const text = codeText(n, name, { data, source: new Map() });
      if (text !== undefined) into.set(`${name}:${attr(n, 'id') ?? ''}`, text);
    } else if (name !== '#text') sourceCodes(kids(n), data, into);
  }
  return into;
}

/** XLIFF 2.0 `<originalData>` of a unit: data id → text. */
export function originalData(unit: XNode): Map<string, string> {
  const data = new Map<string, string>();
  for (const d of findAll(kids(find(kids(unit), 'originalData')), 'data'))
    data.set(attr(d, 'id') ?? '', inlineText(kids(d), { data: new Map(), source: new Map() }, { n: 0 }));
  return data;
}
