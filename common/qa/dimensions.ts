import type { Mention, QaLang, Val } from './types';
import { PAIR_NOUNS } from './numbers-vi-words';
import { VAGUE } from './vague';

/**
 * What a number measures, read from the word right after it: a span of time (years, months, weeks, hours, minutes,
 * seconds) or a length or area (km, m, m², ha, acres). Two readings with different dimensions are different values
 * (six months ≠ sáu năm); a reading without one is compared by number alone. 평 is converted to m² (1 평 =
 * 3.3058 m², within 2.5 %): an area given only in square meters is a legitimate rendering.
 *
 * What this does not know: dimensions written before the number (초속 45m is read from the "m" after it), compound
 * units other than per-time speeds, and days (3일 is read as a date or a count elsewhere).
 */
type Lang = 'ko' | QaLang;

const DIMENSIONS: Record<Lang, Array<[RegExp, string]>> = {
  ko: [
    [/^\s?(?:㎡|m²|제곱미터)/u, 'm2'],
    [/^\s?평(?![가-힣])|^\s?평(?=[은는이가을를의에과와도만형])/u, 'pyeong'],
    [/^\s?(?:년(?!도|생|대)|년간)/u, 'year'],
    // An age in years (65세, 3살) against one in months (생후 12개월): 12개월 is not 12 tuổi.
    [/^\s?(?:세|살)(?=$|[\s,.)]|[이가은는을를의에도와과로부까만])/u, 'year'],
    [/^\s?(?:개월|달(?![러성]))/u, 'month'],
    [/^\s?주(?:간|일)?(?![가-힣])|^\s?주(?=[간일만째])/u, 'week'],
    [/^\s?시간/u, 'hour'],
    [/^\s?분(?!기|야|석|의|할|산|배|류|리|단|양)/u, 'minute'],
    [/^\s?초(?!반|등|과|기|청|선|안|점|대)/u, 'second'],
    [/^\s?(?:km|㎞|킬로미터)/u, 'km'],
    [/^\s?(?:ha|㏊|헥타르)(?![A-Za-z])/u, 'ha'],
    [/^\s?(?:m|미터)(?![A-Za-z²³])/u, 'm'],
  ],
  vi: [
    [/^\s?(?:m²|m2|mét vuông)(?![\p{L}\d])/u, 'm2'],
    // Not "năm" of a vague pair (bốn năm tiếng: four or five hours; see numbers-vi-words.ts).
    [
      new RegExp(
        `^\\s?năm(?!\\s+(?:nay|ngoái|tới|sau|trước|qua|học|tài|\\d|${PAIR_NOUNS})(?!\\p{L}))(?!\\p{L})`,
        'iu',
      ),
      'year',
    ],
    [/^\s?tuổi(?!\p{L})/iu, 'year'],
    [/^\s?tháng(?!\s+\d)(?!\p{L})/iu, 'month'],
    [/^\s?tuần(?!\p{L})/iu, 'week'],
    [/^\s?(?:giờ|tiếng)(?!\p{L})/iu, 'hour'],
    [/^\s?phút(?!\p{L})/iu, 'minute'],
    [/^\s?giây(?!\p{L})/iu, 'second'],
    [/^\s?(?:km|ki-lô-mét)(?![\p{L}\d])/iu, 'km'],
    [/^\s?(?:ha|héc-ta|hecta)(?![\p{L}\d])/iu, 'ha'],
    [/^\s?mẫu Anh(?!\p{L})/iu, 'acre'],
    [/^\s?(?:m|mét)(?![\p{L}\d²])/iu, 'm'],
  ],
  en: [
    [/^[-\s]?(?:square[-\s](?:meters?|metres?)|sq\.?\s?m\b|m²)/iu, 'm2'],
    [/^[-\s]?years?\b/iu, 'year'],
    [/^[-\s]?months?\b/iu, 'month'],
    [/^[-\s]?weeks?\b/iu, 'week'],
    [/^[-\s]?hours?\b/iu, 'hour'],
    [/^[-\s]?minutes?\b/iu, 'minute'],
    [/^[-\s]?seconds?\b/iu, 'second'],
    [/^[-\s]?(?:km\b|kilomet(?:er|re)s?\b)/iu, 'km'],
    [/^[-\s]?(?:hectares?\b|ha\b)/iu, 'ha'],
    [/^[-\s]?acres?\b/iu, 'acre'],
    [/^[-\s]?(?:m\b|met(?:er|re)s?\b)(?!²)/iu, 'm'],
  ],
};

/**
 * Currencies, named after the number (원, dollars, tỷ USD) or, in the targets, by a sign before it ($4.8 billion,
 * €50 million, US$2 million). Dollars are one currency here (달러 is read as any dollar): a sum given in another
 * currency than the Korean's is a different value (48억 달러 ≠ 4,8 tỷ won).
 */
const CURRENCY: Record<Lang, Array<[RegExp, string]>> = {
  ko: [
    [/^\s?원(?![가-힣])|^\s?원(?=[은는이가을를의에으과와도만씩대])/u, 'KRW'],
    [/^\s?(?:달러|불(?![가-힣]))/u, 'USD'],
    [/^\s?유로/u, 'EUR'],
    [/^\s?엔(?![가-힣])|^\s?엔(?=[은는이가을를의에으과와도만씩])/u, 'JPY'],
    [/^\s?위안/u, 'CNY'],
    [/^\s?파운드/u, 'GBP'],
  ],
  vi: [
    [/^\s?(?:won|KRW)(?!\p{L})/iu, 'KRW'],
    [/^\s?(?:USD|đô la|đô-la|US\$|\$)(?!\p{L})/iu, 'USD'],
    [/^\s?(?:euro|EUR|€)(?!\p{L})/iu, 'EUR'],
    [/^\s?(?:yên|JPY)(?!\p{L})/iu, 'JPY'],
    [/^\s?(?:nhân dân tệ|NDT|CNY)(?!\p{L})/iu, 'CNY'],
    [/^\s?(?:bảng Anh|GBP|£)(?!\p{L})/iu, 'GBP'],
  ],
  en: [
    [/^\s?(?:won|KRW)\b/iu, 'KRW'],
    [/^\s?(?:(?:U\.?S\.?\s)?dollars?|USD)\b/iu, 'USD'],
    [/^\s?(?:euros?|EUR)\b/iu, 'EUR'],
    [/^\s?(?:yen|JPY)\b/iu, 'JPY'],
    [/^\s?(?:yuan|renminbi|CNY)\b/iu, 'CNY'],
    [/^\s?(?:pounds?(?:\s+sterling)?|GBP)\b/iu, 'GBP'],
  ],
};
const CURRENCY_SIGN: Array<[RegExp, string]> = [
  [/(?:US)?\$\s?$/u, 'USD'],
  [/€\s?$/u, 'EUR'],
  [/£\s?$/u, 'GBP'],
  [/₩\s?$/u, 'KRW'],
  [/¥\s?$/u, 'JPY'],
];

/** The currency of a number: the word after it, or in a translation the sign before it. */
function currencyOf(text: string, m: Mention, lang: Lang): string | undefined {
  const rest = text.slice(m.end, m.end + 14);
  const after = CURRENCY[lang].find(([re]) => re.test(rest))?.[1];
  if (after || lang === 'ko') return after;
  const before = text.slice(Math.max(0, m.start - 3), m.start);
  return CURRENCY_SIGN.find(([re]) => re.test(before))?.[1];
}

const SQUARE_METERS_PER_PYEONG = 3.3058;

/** Give each plain number of `mentions` the dimension its following word names (in place; returns them). */
export function withDimensions(mentions: Mention[], text: string, lang: Lang): Mention[] {
  for (const m of mentions) {
    if (m.year) continue;
    const rest = text.slice(m.end, m.end + 14);
    const dim = DIMENSIONS[lang].find(([re]) => re.test(rest))?.[1] ?? currencyOf(text, m, lang);
    if (!dim) continue;
    const alts: Val[] = m.alts.map((a) => (a.k === 'n' && a.u === '' && a.dim !== VAGUE ? { ...a, dim } : a));
    const first = alts[0]!;
    if (dim === 'pyeong' && first.k === 'n') {
      const v = first.v * SQUARE_METERS_PER_PYEONG;
      alts.push({ k: 'n', v, u: '', dim: 'm2', ulp: v * 0.05 });
    }
    m.alts = alts;
  }
  return mentions;
}
