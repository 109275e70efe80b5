import type { Mention, QaLang, Val } from './types';

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
    [/^\s?năm(?!\s+(?:nay|ngoái|tới|sau|trước|qua|học|tài|\d))(?!\p{L})/iu, 'year'],
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

const SQUARE_METERS_PER_PYEONG = 3.3058;

/** Give each plain number of `mentions` the dimension its following word names (in place; returns them). */
export function withDimensions(mentions: Mention[], text: string, lang: Lang): Mention[] {
  for (const m of mentions) {
    if (m.year) continue;
    const rest = text.slice(m.end, m.end + 14);
    const dim = DIMENSIONS[lang].find(([re]) => re.test(rest))?.[1];
    if (!dim) continue;
    const alts: Val[] = m.alts.map((a) => (a.k === 'n' && a.u === '' ? { ...a, dim } : a));
    const first = alts[0]!;
    if (dim === 'pyeong' && first.k === 'n') {
      const v = first.v * SQUARE_METERS_PER_PYEONG;
      alts.push({ k: 'n', v, u: '', dim: 'm2', ulp: v * 0.05 });
    }
    m.alts = alts;
  }
  return mentions;
}
