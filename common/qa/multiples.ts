import type { Mention } from './types';

// After the multiple: an optional 로/이상/넘게… and a verb of growth (늘다, 증가, 급증, 많다, 높다, 뛰다, 커지다…).
const GROWTH =
  /^\s?(?:(?:로|으로|이상|넘게|가량|가까이|정도|나|씩)\s?)*(?:늘|증가|급증|폭증|많|높|상승|뛰|커|확대|불어|치솟)/u;

/**
 * A multiple of growth in Korean (1.5배 늘었다, 두 배로 증가) is as often given as the rise in percent: 1.5배 = up 50
 * percent = tăng 50%, 3배 = up 200 percent. Such a multiple also reads as (N − 1) × 100 %. In place; returns them.
 *
 * What this does not know: a percent rise given as a multiple the other way (50% 증가 = 1.5 times), and multiples
 * of a fall (절반으로 줄다 is read as a half elsewhere).
 */
export function withGrowthPercent(mentions: Mention[], text: string): Mention[] {
  for (const m of mentions) {
    const x = m.alts.find((a) => a.k === 'n' && a.u === 'x');
    if (!x || x.k !== 'n' || x.v <= 1 || !GROWTH.test(text.slice(m.end, m.end + 12))) continue;
    m.alts = [...m.alts, { k: 'n', v: Math.round((x.v - 1) * 1e6) / 1e4, u: '%' }];
  }
  return mentions;
}
