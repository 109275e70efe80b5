import type { Mention } from './types';
import type { MentionSink } from './values';
import { VIETNAMESE_SCALE } from './count-words';

/**
 * Vague amounts, read as an order of magnitude: 수십 = dozens = hàng chục (10), 수백 = hundreds = hàng trăm (100),
 * 수천 = thousands = hàng nghìn (1,000), 수만 = tens of thousands = hàng chục nghìn / hàng vạn, 수십억 = billions =
 * hàng tỷ (10 × 10⁸). Weak (a translation may say "many" or give a figure), but a translation whose own vague amount
 * is of another magnitude (수천 명 → hàng trăm người) changed it.
 */
export function vagueAmounts(sink: MentionSink, lang: 'ko' | 'vi' | 'en'): void {
  sink.each(PATTERN[lang], (m) => {
    const v = magnitude(lang, m);
    if (v) sink.add(m.index, m.index + m[0].length, [{ k: 'n', v, u: '', dim: VAGUE }], { weak: true });
  });
}

export const VAGUE = 'vague';

const KO: Record<string, number> = { 십: 10, 백: 100, 천: 1e3, 만: 1e4, 억: 1e8 };
const EN: Record<string, number> = {
  dozens: 10,
  tens: 10,
  hundreds: 100,
  hundred: 100,
  thousands: 1e3,
  thousand: 1e3,
  millions: 1e6,
  million: 1e6,
  billions: 1e9,
  billion: 1e9,
  trillions: 1e12,
  trillion: 1e12,
};

const PATTERN: Record<'ko' | 'vi' | 'en', RegExp> = {
  // 수 and up to two units (수십만, 수천억); 수조 (a tank) and 수만 in words (수만금) aside.
  ko: /(?<![가-힣\d])수\s?([십백천])?([만억])?(?=$|[\s,.]|[명개곳건원달년배대척가이은는의에을를씩여])/gu,
  en: /\b(?:(dozens|tens|hundreds|thousands|millions|billions|trillions)(?:\s+of\s+(thousands|millions|billions))?|(?:several|a\s+few)\s+(hundred|thousand|million|billion))\b/giu,
  vi: /(?<!\p{L})(?:hàng|vài|mấy)\s+(chục|trăm|nghìn|ngàn|vạn|triệu|tỷ|tỉ)(?:\s+(nghìn|ngàn|triệu|tỷ|tỉ))?(?!\p{L})/giu,
};

function magnitude(lang: 'ko' | 'vi' | 'en', m: RegExpExecArray): number {
  const table = lang === 'ko' ? KO : lang === 'en' ? EN : VIETNAMESE_SCALE;
  const parts = (lang === 'en' && m[3] ? [m[3]] : [m[1], m[2]]).filter(Boolean) as string[];
  if (!parts.length) return 0;
  return parts.reduce((v, w) => v * (table[w.toLowerCase()] ?? 1), 1);
}

/** A vague amount of the translation's own that no Korean value accounts for. */
export const strayVague = (target: readonly Mention[], matched: readonly number[]) =>
  target.some((t, j) => !matched.includes(j) && t.alts.some((a) => a.k === 'n' && a.dim === VAGUE));

/** Whether a mention is a vague amount. */
export const isVague = (m: Mention) => m.alts.some((a) => a.k === 'n' && a.dim === VAGUE);
