import type { FindingList, TargetAnalysis } from './findings';
import { codeTokens } from './codes';
import { maskPlaceholders } from './placeholders';
import { foldName } from './text';
import type { Mention } from './types';
import { mentionsMatch, valueKey } from './values';

/**
 * Vietnamese against English, what no single-target tool can do: a value one target adds that the other does not
 * have (작년 rendered as two different years), and names (romanized Korean names, brand and model names) written
 * differently in the two.
 *
 * What this does not know: which of two differently written names is right (a name translated in one target, an
 * agency's English name, is legitimate), so a name difference is a note on the row; a value is placed on the cell
 * whose value the Korean does not have.
 */
export function crossFindings(
  out: FindingList,
  _source: Mention[],
  a: TargetAnalysis,
  b: TargetAnalysis,
): void {
  for (const [x, y] of [
    [a, b],
    [b, a],
  ] as const) {
    const used = new Set(x.matched);
    x.values.forEach((m, j) => {
      // Only values written in digits: number words (hai nước for 양국, "both") are too often idiom.
      if (used.has(j) || m.weak || !/\d/u.test(m.raw) || inConversion(x.text, m)) return;
      const agrees = y.values.some((v) => mentionsMatch(m, v) || mentionsMatch(v, m));
      if (!agrees)
        // x has a value the Korean does not (it matched no source value) and the other translation does not
        // either: x is the cell that disagrees.
        out.add(x.lang, 'crossValues', 'valuesDiffer', 'warning', `${x.lang}:${valueKey(m)}`, {
          lang: x.lang.toUpperCase(),
          value: m.raw.trim(),
        });
    });
    const found = new Set(names(x.text));
    if (!found.size) continue;
    const other = foldName(y.text);
    for (const name of found)
      if (!other.includes(foldName(name)))
        out.add('both', 'crossNames', 'nameDiffers', 'note', `${x.lang}:${foldName(name)}`, {
          lang: x.lang.toUpperCase(),
          name,
        });
  }
}

// A currency conversion one translation adds for its readers: "12 trillion won ($9 billion)", "(khoảng 9 tỷ USD)".
// Words are delimited by letters, not \b: "đồng" begins with a letter \b does not know.
const CURRENCY =
  /[$€£¥₫]|(?<!\p{L})(?:USD|US\$|EUR|KRW|VND|VNĐ|dollars?|euros?|won|đô la|đồng|dong|yen|yên|yuan|nhân dân tệ)(?!\p{L})/iu;

function inConversion(text: string, m: Mention): boolean {
  const open = text.lastIndexOf('(', m.start);
  if (open < 0 || text.lastIndexOf(')', m.start) > open) return false;
  const close = text.indexOf(')', m.end);
  return close >= 0 && CURRENCY.test(text.slice(open, close + 1));
}

// Romanized Korean given names (Se-hoon, Jae-in), brand names with inner capitals (VinFast), model codes (VF8).
const NAME =
  /(?<![\p{L}\d-])(?:[A-Z][a-z]+ [A-Z][a-z]+-[a-z]+|[A-Z][a-z]+[A-Z][A-Za-z]+|[A-Z]+\d+[A-Z\d]*)(?![\p{L}\d])/gu;

/** Name-like tokens of a text that must read the same in both targets. */
export function names(text: string): string[] {
  // Quarters and halves (Q1, H2) are written "quý 1", "nửa đầu năm" in Vietnamese: not names. Codes (KE461) are
  // checked verbatim against the Korean by the code check; placeholders ([IMG1]) by the placeholder check.
  const codes = codeTokens(text).map((c) => c.text);
  return (maskPlaceholders(text).match(NAME) ?? []).filter(
    (n) => !/^(?:Q[1-4]|H[12]|FY\d+)$/u.test(n) && !codes.includes(n),
  );
}
