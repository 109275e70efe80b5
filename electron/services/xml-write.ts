import { AppError } from './errors';
import { INVALID_XML_CHAR } from './xml-parse';

/**
 * XML 1.0 cannot carry every Unicode string: C0 controls other than tab/LF/CR, lone surrogates and U+FFFE/FFFF are
 * not characters it allows. Exporters either encode them in a form the format defines (XLIFF 2.0 `<cp>`) or refuse
 * the row with `export.invalidXmlChar`, so we never write a file another tool would reject.
 */
export { INVALID_XML_CHAR };
const INVALID_XML_CHAR_G = new RegExp(INVALID_XML_CHAR.source, 'g');

/** Escape element text. CR is written as a reference because parsers turn a raw CR into LF. */
export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Escape an attribute value; tabs and line breaks as references so attribute normalisation keeps them. */
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/** Throw `export.invalidXmlChar` (naming the 1-based row) if `text` holds a character XML cannot carry. */
export function assertXmlSafe(text: string, row: number): void {
  if (INVALID_XML_CHAR.test(text)) throw new AppError('export.invalidXmlChar', { row });
}

/**
 * Element text for XLIFF 2.0, where a control character is written as `<cp hex="…"/>`. Lone surrogates have no code
 * point `<cp>` could name, so they are refused.
 */
export function xliff2Text(text: string, row: number): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(INVALID_XML_CHAR_G)) {
    const ch = m[0];
    const code = ch.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) throw new AppError('export.invalidXmlChar', { row });
    out +=
      escapeText(text.slice(last, m.index)) +
      `<cp hex="${code.toString(16).toUpperCase().padStart(4, '0')}"/>`;
    last = m.index + ch.length;
  }
  return out + escapeText(text.slice(last));
}

/**
 * The one control-character policy of every export format: a row whose Korean, target text or comment holds a
 * character XML cannot carry (C0 controls but tab and line breaks, lone surrogates, U+FFFE/FFFF) is refused with
 * `export.invalidXmlChar` naming the row, whatever the format. Imports already remove such characters, so they can
 * only come from pasted edits, which the reviewer can then fix.
 */
export function assertRowsClean(
  segments: ReadonlyArray<{
    source: string;
    targets: Record<string, { text: string; comment?: string }>;
  }>,
  langs: readonly string[],
): void {
  segments.forEach((s, i) => {
    const texts = [
      s.source,
      ...langs.flatMap((l) => [s.targets[l]?.text ?? '', s.targets[l]?.comment ?? '']),
    ];
    for (const t of texts) assertXmlSafe(t, i + 1);
  });
}
