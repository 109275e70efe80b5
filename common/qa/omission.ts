import type { FindingList } from './check';
import { TARGET_VALUES } from './check';
import { koreanValues } from './numbers-ko';
import { alignSentences, EXPANSION, splitSentences } from './sentences';
import { contentLength } from './text';
import type { Mention, QaLang } from './types';
import { mentionsMatch } from './values';

/** A translation under this share of its expected length is a truncated (or abandoned) output. */
const TRUNCATED = 0.45;

const excerpt = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

/**
 * Omissions: a target far shorter than its source (a truncated machine output), a source sentence with no
 * counterpart in the target, a target sentence with no counterpart in the source (or said twice).
 */
export function omissionFindings(
  out: FindingList,
  lang: QaLang,
  source: string,
  target: string,
  _sourceValues: Mention[],
): void {
  const sourceLength = contentLength(source);
  if (sourceLength >= 12) {
    const ratio = contentLength(target) / (sourceLength * EXPANSION[lang]);
    if (ratio < TRUNCATED) {
      out.add(lang, 'truncated', 'truncated', 'error', 'length', { percent: Math.round(ratio * 100) });
      return;
    }
  }
  const src = splitSentences(source, 'ko');
  const tgt = splitSentences(target, lang);
  duplicateFindings(out, lang, src, tgt);
  if (src.length < 2 && tgt.length < 2) return;
  const srcValues = src.map((s) => koreanValues(s).filter((m) => !m.weak));
  const tgtValues = tgt.map((s) => TARGET_VALUES[lang](s));
  const anchors = (si: number[], ti: number[]) => {
    const want = si.flatMap((i) => srcValues[i]!);
    if (!want.length) return 0;
    const have = ti.flatMap((j) => tgtValues[j]!);
    const found = want.filter((w) => have.some((h) => mentionsMatch(w, h))).length;
    return (1.6 * (want.length - found)) / want.length;
  };
  for (const step of alignSentences(src, tgt, lang, anchors)) {
    if (step.target.length === 0) {
      const s = src[step.source[0]!]!;
      if (contentLength(s) >= 8)
        out.add(lang, 'omission', 'sentenceMissing', 'error', s.slice(0, 24), {
          n: step.source[0]! + 1,
          sentence: excerpt(s),
        });
    } else if (step.source.length === 0) {
      const t = tgt[step.target[0]!]!;
      if (contentLength(t) >= 20)
        out.add(lang, 'omission', 'sentenceAdded', 'warning', t.slice(0, 24), { sentence: excerpt(t) });
    }
  }
}

function duplicateFindings(out: FindingList, lang: QaLang, src: string[], tgt: string[]): void {
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
