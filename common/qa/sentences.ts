import { contentLength, HANGUL } from './text';
import type { QaLang } from './types';

/**
 * Sentence split and alignment for the omission check. Intl.Segmenter (ICU) splits in all three languages, in Node
 * and in Chromium alike; abbreviations ICU breaks after (Mr., Dr., Co., TP.) are glued back.
 */

const ABBREVIATION =
  /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Sen|Rep|Gov|Gen|Lt|Col|Co|Corp|Inc|Ltd|Jr|Sr|No|Vol|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|TP|Tp|ThS|TS|PGS|GS|ông|bà)\.|\b[A-Z]\.)\s*$/u;
const segmenters = new Map<string, Intl.Segmenter>();

/** A sentence and where it sits in its paragraph. */
export interface Span {
  text: string;
  start: number;
  end: number;
}

// A sentence end followed by more text; without one, a paragraph is one sentence and ICU is not needed.
const MAYBE_SEVERAL = /[.!?…。？！]["'”’»)\]]*\s+\S/u;
const cache = new Map<string, Span[]>();
const CACHE_SIZE = 64;

/** The sentences of a paragraph, trimmed, with their offsets, in order. */
export function sentenceSpans(text: string, lang: 'ko' | QaLang): Span[] {
  const key = `${lang}\u0000${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const spans = MAYBE_SEVERAL.test(text) ? segment(text, lang) : whole(text);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, spans);
  return spans;
}

function whole(text: string): Span[] {
  const start = text.length - text.trimStart().length;
  const t = text.trim();
  return t ? [{ text: t, start, end: start + t.length }] : [];
}

function segment(text: string, lang: 'ko' | QaLang): Span[] {
  let seg = segmenters.get(lang);
  if (!seg) {
    seg = new Intl.Segmenter(lang, { granularity: 'sentence' });
    segmenters.set(lang, seg);
  }
  const out: Span[] = [];
  for (const { segment: piece, index } of seg.segment(text)) {
    const s = piece.trim();
    if (!s) continue;
    const start = index + piece.indexOf(s);
    const prev = out[out.length - 1];
    // A piece without letters (a closing quote, a dash) or one after an abbreviation belongs to the previous one;
    // in Korean so does what follows a date stamp (2025.11.24.) and a piece without Hangul (an e-mail, a credit).
    // So does a piece with no white space before it: a sentence ends before a space or a line break, while ICU also
    // breaks inside a quote a particle follows ("좋다!"고 했다) and inside a link (tour?y=2026).
    const glue =
      prev !== undefined &&
      (start === prev.end ||
        ABBREVIATION.test(prev.text) ||
        !/[\p{L}\p{N}]/u.test(s) ||
        (lang === 'ko' && (/\d\.$/u.test(prev.text) || !HANGUL.test(s))));
    if (glue) {
      prev.end = start + s.length;
      prev.text = text.slice(prev.start, prev.end);
    } else out.push({ text: s, start, end: start + s.length });
  }
  return out;
}

/** The sentences of a paragraph, trimmed, in order. */
export function splitSentences(text: string, lang: 'ko' | QaLang): string[] {
  return sentenceSpans(text, lang).map((s) => s.text);
}

/** Typical length of a translation per Korean character (letters and digits only), measured on news copy. */
export const EXPANSION: Record<QaLang, number> = { vi: 2.3, en: 2.4 };

/** One step of an alignment: how many source and target sentences it joins. */
export interface AlignStep {
  source: number[];
  target: number[];
}

const SKIP_COST = 3;
const SIGMA = 0.25;

/**
 * Align source and target sentences (Gale–Church style over lengths, with anchors): steps 1–1, 2–1, 1–2, 1–0, 0–1.
 * `anchors(source, target)` returns a penalty ≥ 0 when a group of source sentences and a group of target sentences
 * (their indices) disagree on values, names or quotes.
 */
export function alignSentences(
  source: readonly string[],
  target: readonly string[],
  expansion: number,
  anchors: (source: number[], target: number[]) => number = () => 0,
  sigma = SIGMA,
  skipCost = SKIP_COST,
): AlignStep[] {
  const sl = source.map(contentLength);
  const tl = target.map(contentLength);
  const n = source.length;
  const m = target.length;
  const cost: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Infinity));
  const back: Array<Array<[number, number]>> = Array.from({ length: n + 1 }, () => new Array(m + 1));
  cost[0]![0] = 0;
  const pair = (i: number, di: number, j: number, dj: number): number => {
    const s = sl.slice(i, i + di).reduce((a, b) => a + b, 0);
    const t = tl.slice(j, j + dj).reduce((a, b) => a + b, 0);
    const d = Math.log((t + 2) / (s * expansion + 2)) / sigma;
    const merge = di + dj > 2 ? 0.6 : 0;
    const range = (from: number, count: number) => Array.from({ length: count }, (_, k) => from + k);
    return d * d + merge + anchors(range(i, di), range(j, dj));
  };
  const steps: Array<[number, number]> = [
    [1, 1],
    [2, 1],
    [1, 2],
    [1, 0],
    [0, 1],
    [3, 1],
    [1, 3],
  ];
  for (let i = 0; i <= n; i++)
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      for (const [di, dj] of steps) {
        if (i < di || j < dj) continue;
        const prev = cost[i - di]![j - dj]!;
        if (prev === Infinity) continue;
        const c =
          prev +
          (di === 0 || dj === 0
            ? skipCost + (di ? sl[i - 1]! : tl[j - 1]!) / 400
            : pair(i - di, di, j - dj, dj));
        if (c < cost[i]![j]!) {
          cost[i]![j] = c;
          back[i]![j] = [di, dj];
        }
      }
    }
  const out: AlignStep[] = [];
  for (let i = n, j = m; i > 0 || j > 0;) {
    const [di, dj] = back[i]![j]!;
    out.unshift({
      source: Array.from({ length: di }, (_, k) => i - di + k),
      target: Array.from({ length: dj }, (_, k) => j - dj + k),
    });
    i -= di;
    j -= dj;
  }
  return out;
}
