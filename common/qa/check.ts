import { changedCodes } from './codes';
import { crossFindings } from './cross';
import { droppedNames } from './dropped-names';
import { directionFindings, vietnameseDecimalFindings } from './direction';
import { englishValues } from './numbers-en';
import { koreanValues } from './numbers-ko';
import { vietnameseValues } from './numbers-vi';
import { omissionFindings, partOmissions, sharedOmissions } from './omission';
import { placeholderFindings } from './placeholder-diff';
import { maskPlaceholders } from './placeholders';
import { emailPlaceholder, protectedTokens, tokenKey } from './protected';
import { FindingList, type TargetAnalysis } from './findings';
import { checkTerms } from './terms';
import { contentLength, HANGUL, HANGUL_RUNS, nfc } from './text';
import type { Mention, QaFinding, QaLang, QaOptions, QaRow } from './types';
import { orderFinding, relativeFinding } from './timed';
import { isVague, strayVague } from './vague';
import { matchMentions, valueKey } from './values';

/** The value parser of each target language. */
export const TARGET_VALUES: Record<QaLang, (text: string) => Mention[]> = {
  vi: vietnameseValues,
  en: englishValues,
};

/**
 * Check one row: each present target against the Korean source, then the two targets against each other. Pure and
 * fast (a few milliseconds at most), so the renderer runs it on every keystroke.
 */
export function checkRow(row: QaRow, options: QaOptions = {}): QaFinding[] {
  const disabled = new Set(options.disabled ?? []);
  const out = new FindingList(row.id, disabled);
  const source = nfc(row.source);
  // Placeholders and tags hold digits ({1}, %1$s, <x id="2"/>) that are not values: their own check compares them.
  const sourceValues = koreanValues(maskPlaceholders(source));
  const analyses: TargetAnalysis[] = [];
  for (const lang of ['vi', 'en'] as const) {
    const text = nfc(row.targets[lang] ?? '');
    if (!text.trim()) continue;
    const values = TARGET_VALUES[lang](maskPlaceholders(text));
    analyses.push({ lang, text, values, matched: matchMentions(sourceValues, values) });
  }
  for (const a of analyses) {
    const { lang, text, values, matched } = a;
    const other = analyses.find((x) => x !== a) ?? null;
    valueFindings(out, lang, sourceValues, values, matched, other?.matched ?? null);
    directionFindings(out, lang, source, sourceValues, text, values, matched);
    if (lang === 'vi') vietnameseDecimalFindings(out, text);
    protectedFindings(out, lang, source, text);
    placeholderFindings(out, lang, source, text);
    hangulFindings(out, lang, source, text);
    termFindings(out, lang, source, text, options);
    omissionFindings(out, lang, source, text, other, sourceValues, values);
  }
  if (analyses.length === 2) {
    sharedOmissions(out, analyses[0]!, analyses[1]!);
    partOmissions(out, contentLength(source), analyses[0]!, analyses[1]!);
    droppedNames(out, source, analyses[0]!, analyses[1]!);
    crossFindings(out, sourceValues, analyses[0]!, analyses[1]!);
  }
  return out.items;
}

function termFindings(
  out: FindingList,
  lang: QaLang,
  source: string,
  text: string,
  options: QaOptions,
): void {
  const terms = checkTerms(source, text, lang, options.terms ?? []);
  // A forbidden variant used in place of the term is one finding ("use X, not Y"), not also "X is missing".
  const replaced = new Set(terms.forbidden.map((f) => f.term));
  for (const t of terms.missing)
    if (!replaced.has(t))
      out.add(lang, 'terms', 'termMissing', 'error', t.ko, { term: t.ko, expected: t[lang] });
  for (const f of terms.forbidden)
    out.add(lang, 'forbidden', 'termForbidden', 'error', `${f.term.ko}:${f.variant}`, {
      term: f.term.ko,
      variant: f.variant,
      expected: f.term[lang],
    });
}

function valueFindings(
  out: FindingList,
  lang: QaLang,
  source: Mention[],
  target: Mention[],
  matched: number[],
  otherMatched: number[] | null,
): void {
  // A number of the translation's own (digits or words) that no Korean value accounts for.
  const stray = target.some((_, j) => !matched.includes(j));
  source.forEach((m, i) => {
    if (matched[i] === -1 && isVague(m) && strayVague(target, matched))
      return out.add(lang, 'values', 'valueMissing', 'error', valueKey(m), { value: m.raw.trim() });
    if (matched[i] === -1 && m.counted && strayCount(target, matched))
      return out.add(lang, 'values', 'valueMissing', 'error', valueKey(m), { value: m.raw.trim() });
    if (matched[i] !== -1 || m.weak) return;
    const value = { value: m.raw.trim() };
    if (m.alts[0]!.k === 'rel') return relativeFinding(out, lang, m, target, matched);
    // A number glued to a name (시즌2, 다우존스30) may be dropped with the name; when the other translation keeps it
    // (Season 2) and this one has a number of its own (Mùa 3), it likely changed it: a warning, not an error.
    const keptByOther = otherMatched?.[i] !== undefined && otherMatched[i] !== -1;
    if (m.nameLike && keptByOther && stray)
      out.add(lang, 'values', 'valueMissing', 'warning', valueKey(m), value);
    else if (m.nameLike) out.add(lang, 'values', 'valueUnplaced', 'note', valueKey(m), value);
    else out.add(lang, 'values', 'valueMissing', 'error', valueKey(m), value);
  });
  orderFinding(out, lang, source, target, matched);
}

/** A small count (2–10, digits or a word read as a number) that no Korean value accounts for. */
const strayCount = (target: readonly Mention[], matched: readonly number[]) =>
  target.some((t, j) => {
    const v = t.alts[0]!;
    return (
      !t.weak &&
      !matched.includes(j) &&
      v.k === 'n' &&
      v.u === '' &&
      Number.isInteger(v.v) &&
      v.v >= 2 &&
      v.v <= 10
    );
  });

function protectedFindings(out: FindingList, lang: QaLang, source: string, target: string): void {
  const have = new Set(protectedTokens(target).map(tokenKey));
  for (const t of protectedTokens(source)) {
    const key = tokenKey(t);
    if (!have.has(key)) out.add(lang, 'protected', 'tokenChanged', 'error', key, { token: t.text });
  }
  for (const c of changedCodes(source, target))
    out.add(lang, 'protected', 'codeChanged', 'error', `code:${c.text}`, { token: c.text });
  const placeholder = emailPlaceholder(target) ?? emailPlaceholder(source);
  if (placeholder)
    out.add(lang, 'placeholder', 'emailPlaceholder', 'error', 'email-protected', { text: placeholder });
}

const QUOTED =
  /["“”'‘’「」『』《》〈〉<>]([^"“”'‘’「」『』《》〈〉<>]{1,40})["“”'‘’「」『』《》〈〉<>]|\(([^()]{1,40})\)/gu;

/** Hangul left in a translation, except a name the source quotes (the brand ‘따릉이’ may be kept as 따릉이). */
function hangulFindings(out: FindingList, lang: QaLang, source: string, target: string): void {
  if (!HANGUL.test(target)) return;
  const masked = target.replace(/\S*[@/.]\S*/gu, (w) => (protectedTokens(w).length ? ' ' : w));
  const runs = masked.match(HANGUL_RUNS);
  if (!runs) return;
  const quoted = [...source.matchAll(QUOTED)].map((m) => m[1] ?? m[2] ?? '');
  const left = runs.filter((r) => !quoted.some((q) => q.includes(r)));
  if (left.length)
    out.add(lang, 'hangul', 'hangulLeft', 'error', left.join(' '), { text: left.slice(0, 3).join(' ') });
}
