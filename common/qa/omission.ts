import type { FindingList } from './findings';
import {
  alignSentences,
  EXPANSION,
  sentenceSpans,
  splitSentences,
  type AlignStep,
  type Span,
} from './sentences';
import { contentLength } from './text';
import type { Mention, QaLang } from './types';
import { mentionsMatch } from './values';

/**
 * A one-sentence translation that ends like a sentence (full stop, question or exclamation mark, closing quote) is
 * a compact rendering, not a cut-off output: race times (2:05:12), symbols ($2,015.8) and digits are shorter in
 * English and Vietnamese than the Korean words they replace. Only a far stronger shortfall (TRUNCATED) is then
 * reported.
 */
export const endsComplete = (text: string) => /[.!?…。](?:["'”’»)\]]*)\s*$/u.test(text.trim());

/**
 * A translation under this share of its expected length is a truncated (or abandoned) output; a one-sentence
 * source has no sentence to drop, so there a milder shortfall already means truncation.
 */
const TRUNCATED = 0.35;
const TRUNCATED_ONE_SENTENCE = 0.5;

const excerpt = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

/**
 * Omissions: a target far shorter than its source (a truncated machine output), a source sentence with no
 * counterpart in the target, a target sentence with no counterpart in the source (or said twice).
 *
 * What this does not know: the meaning of a sentence. It aligns by length and shared values, so a short sentence
 * (under 8 letters in Korean) dropped inside a merge, or a short added one (under 20 letters), can pass, and a
 * translation that drops one sentence and pads another to the same length is not seen.
 */
export function omissionFindings(
  out: FindingList,
  lang: QaLang,
  source: string,
  target: string,
  other: { lang: QaLang; text: string } | null,
  sourceValues: readonly Mention[],
  targetValues: readonly Mention[],
): void {
  const sourceLength = contentLength(source);
  const srcSpans = sentenceSpans(source, 'ko');
  const src = srcSpans.map((s) => s.text);
  if (sourceLength >= 12) {
    const ratio = contentLength(target) / (sourceLength * EXPANSION[lang]);
    const short = src.length === 1 && ratio < TRUNCATED_ONE_SENTENCE && !endsComplete(target);
    if (ratio < TRUNCATED || short) {
      // A share of the length: some text left is never "0 %", and short of it never "100 %".
      const percent = Math.min(99, Math.max(1, Math.round(ratio * 100)));
      out.add(lang, 'truncated', 'truncated', 'error', 'length', { percent });
      return;
    }
  }
  const tgtSpans = sentenceSpans(target, lang);
  const tgt = tgtSpans.map((s) => s.text);
  duplicateFindings(out, lang, src, tgt);
  if (src.length < 2 && tgt.length < 2) return;
  // Values of the whole text, assigned to sentences by offset (no second parse).
  const srcValues = bySentence(
    srcSpans,
    sourceValues.filter((m) => !m.weak),
  );
  const tgtValues = bySentence(tgtSpans, targetValues);
  const anchors = (si: number[], ti: number[]) => {
    const want = si.flatMap((i) => srcValues[i]!);
    if (!want.length) return 0;
    const have = ti.flatMap((j) => tgtValues[j]!);
    const found = want.filter((w) => have.some((h) => mentionsMatch(w, h))).length;
    return (1.6 * (want.length - found)) / want.length;
  };
  const runs = alignments(src, tgt, lang, sourceLength, other, anchors).map(gaps);
  reportGaps(out, lang, src, tgt, agree(runs.map((g) => g.drops)), agree(runs.map((g) => g.adds)));
}

/** Gaps of one kind: `sure` when every alignment sees them and agrees on which sentences. */
interface Agreed {
  items: number[];
  sure: boolean;
}

function agree(all: number[][]): Agreed {
  const seen = all.filter((a) => a.length > 0);
  if (seen.length === 0) return { items: [], sure: false };
  const items = all[0]!.filter((i) => all.every((a) => a.includes(i)));
  // Only some see a gap, or they place it differently: the last (the pivot's, the finer) reading, unsure.
  return items.length ? { items, sure: true } : { items: seen[seen.length - 1]!, sure: false };
}

interface Gaps {
  drops: number[];
  adds: number[];
}

/**
 * The gaps of one alignment. One that drops and adds as many sentences is a loose rendering (a sentence spelled out
 * or cut short looks like one dropped and one added): no gap.
 */
function gaps(steps: AlignStep[]): Gaps {
  const drops = steps.filter((s) => s.target.length === 0).map((s) => s.source[0]!);
  const adds = steps.filter((s) => s.source.length === 0).map((s) => s.target[0]!);
  return drops.length === adds.length ? { drops: [], adds: [] } : { drops, adds };
}

/**
 * A dropped sentence is an error and an added one a warning. An alignment that both drops and adds sentences is
 * not sure of either (a loosely rendered sentence looks like one dropped and one added): only the surplus of one
 * kind is reported, as a warning; so is a drop the alignments place differently.
 */
function reportGaps(
  out: FindingList,
  lang: QaLang,
  src: string[],
  tgt: string[],
  drops: Agreed,
  adds: Agreed,
) {
  const d = drops.items.length;
  const a = adds.items.length;
  const mixed = d > 0 && a > 0;
  if (!mixed || d > a)
    for (const i of drops.items) {
      const s = src[i]!;
      if (contentLength(s) >= 8)
        out.add(
          lang,
          'omission',
          'sentenceMissing',
          mixed || !drops.sure ? 'warning' : 'error',
          s.slice(0, 24),
          {
            n: i + 1,
            sentence: excerpt(s),
          },
        );
    }
  if (!mixed || a > d)
    for (const j of adds.items) {
      const t = tgt[j]!;
      if (contentLength(t) >= 20)
        out.add(lang, 'omission', 'sentenceAdded', 'warning', t.slice(0, 24), { sentence: excerpt(t) });
    }
}

function duplicateFindings(out: FindingList, lang: QaLang, src: string[], tgt: string[]): void {
  if (tgt.length < 2) return;
  const norm = (s: string) => s.toLowerCase().replace(/[\s\p{P}]/gu, '');
  const seen = new Set<string>();
  const sourceDuplicates = src.length - new Set(src.map(norm)).size;
  if (sourceDuplicates > 0) return;
  for (const t of tgt) {
    const k = norm(t);
    if (k.length >= 20 && seen.has(k))
      out.add(lang, 'omission', 'sentenceAdded', 'warning', t.slice(0, 24), { sentence: excerpt(t) });
    seen.add(k);
  }
}

/**
 * Align a target's sentences with the source's, and, when the other translation has exactly one sentence per source
 * sentence, also with it: two Latin-script translations of the same text agree on sentence lengths far more closely
 * than either does with Korean, so a short dropped sentence still stands out. A gap counts only when every
 * alignment sees it (the other translation has its own liberties: a sentence it spells out is no pivot).
 */
function alignments(
  src: string[],
  tgt: string[],
  lang: QaLang,
  sourceLength: number,
  other: { lang: QaLang; text: string } | null,
  anchors: (si: number[], ti: number[]) => number,
): AlignStep[][] {
  const pivot = other ? splitSentences(other.text, other.lang) : [];
  const fits = other !== null && src.length >= 2 && pairsUp(src, pivot, other.lang);
  // A fitting other translation's total length calibrates the expectation; it only raises it (if it is the
  // shorter one, it may be the one that lost something).
  const otherRatio = fits
    ? (contentLength(other.text) / Math.max(1, sourceLength)) * (EXPANSION[lang] / EXPANSION[other.lang])
    : 0;
  const expansion = Math.max(EXPANSION[lang], Math.min(otherRatio, EXPANSION[lang] * 1.6));
  const direct = alignSentences(src, tgt, expansion, anchors);
  if (!fits) return [direct];
  const ratio = EXPANSION[lang] / EXPANSION[other.lang];
  return [direct, alignSentences(pivot, tgt, ratio, anchors, PIVOT_SIGMA, PIVOT_SKIP)];
}

/** Whether a translation has one sentence per source sentence, each of a plausible length (no spelled-out one). */
function pairsUp(src: readonly string[], tgt: readonly string[], lang: QaLang): boolean {
  return (
    src.length === tgt.length &&
    src.every((s, i) => {
      const d = Math.log((contentLength(tgt[i]!) + 2) / (contentLength(s) * EXPANSION[lang] + 2));
      return Math.abs(d) < PIVOT_FIT;
    })
  );
}

/** A pivot sentence within e^±0.6 (0.55–1.8×) of its expected length pairs up with its source sentence. */
const PIVOT_FIT = 0.6;
const PIVOT_SIGMA = 0.3;
const PIVOT_SKIP = 1.8;

function bySentence(spans: readonly Span[], mentions: readonly Mention[]): Mention[][] {
  const out: Mention[][] = spans.map(() => []);
  for (const m of mentions) {
    const i = spans.findIndex((s) => m.start >= s.start && m.start < s.end);
    if (i >= 0) out[i]!.push(m);
  }
  return out;
}

/**
 * A sentence dropped by both translations alike: when one translation lacks source sentence n and the other has
 * the same sentences, one for one (same count, lengths that pair up), the other lacks it too, even where its own
 * lengths alone could pass for a merge. Inferred, not read: a warning (the other may have merged the sentence in
 * with a clause: "yields surged, sending the won lower").
 */
export function sharedOmissions(out: FindingList, a: TargetText, b: TargetText): void {
  const missing = (lang: QaLang) =>
    out.items.filter((f) => f.lang === lang && f.check === 'omission' && f.code === 'qa:sentenceMissing');
  const sa = splitSentences(a.text, a.lang).map(contentLength);
  const sb = splitSentences(b.text, b.lang).map(contentLength);
  const parallel =
    sa.length === sb.length &&
    sa.every((l, i) => {
      const r = (sb[i]! + 2) / (l * (EXPANSION[b.lang] / EXPANSION[a.lang]) + 2);
      return r > 0.6 && r < 1.65;
    });
  if (!parallel) return;
  for (const [from, to] of [
    [a.lang, b.lang],
    [b.lang, a.lang],
  ] as const) {
    const have = new Set(missing(to).map((f) => f.key));
    for (const f of missing(from))
      if (!have.has(f.key)) out.add(to, 'omission', 'sentenceMissing', 'warning', f.key, f.params);
  }
}

/** A translation as the omission checks need it. */
export interface TargetText {
  lang: QaLang;
  text: string;
}

/**
 * Part of the Korean missing in one translation where the other has it: the other translation has more sentences,
 * a length that fits the Korean, and this one is under 60 % of its length; aligned with it, a sentence of the
 * other has no counterpart here. Two Latin-script translations of one text agree on length far more closely than
 * either does with Korean, so this sees a half of a split sentence dropped (which the Korean alignment cannot: the
 * Korean has one sentence). Inferred from the other translation, not read: a warning.
 */
export function partOmissions(out: FindingList, sourceLength: number, a: TargetText, b: TargetText): void {
  for (const [x, y] of [
    [a, b],
    [b, a],
  ] as const) {
    if (out.items.some((f) => f.lang === x.lang && (f.check === 'omission' || f.check === 'truncated')))
      continue;
    const xs = splitSentences(x.text, x.lang);
    const ys = splitSentences(y.text, y.lang);
    const scale = EXPANSION[x.lang] / EXPANSION[y.lang];
    const yLength = contentLength(y.text);
    const fitsKorean = yLength / Math.max(1, sourceLength * EXPANSION[y.lang]);
    const ratio = contentLength(x.text) / Math.max(1, yLength * scale);
    if (ys.length <= xs.length || ratio >= PART_SHORT || fitsKorean < 0.75 || fitsKorean > 1.8) continue;
    for (const step of alignSentences(ys, xs, scale, undefined, PIVOT_SIGMA, PIVOT_SKIP)) {
      const lost = step.target.length === 0 ? ys[step.source[0]!]! : null;
      if (lost && contentLength(lost) >= 20)
        out.add(x.lang, 'omission', 'partMissing', 'warning', `part:${lost.slice(0, 24)}`, {
          sentence: excerpt(lost),
        });
    }
  }
}

/** A translation under this share of the other's length (one sentence fewer) lost part of the Korean. */
const PART_SHORT = 0.6;
