import { KOREAN_NATIVE } from './count-words';
import type { Val } from './types';
import { num, timeOfDay, type MentionSink } from './values';

/**
 * Hours of the clock in native numerals: 오후 세 시 (3 p.m.), 새벽 네 시 반 (4:30 a.m.), 열한 시 (11 o'clock), and the
 * vague 오후 서너 시 (around 3 or 4 p.m.: two mentions, each a time and a plain count, weak but counted like the
 * other vague counts in native-numerals.ts). Without 오전/오후 an hour up to 12 reads both ways, as digits do.
 */
export function nativeHours(sink: MentionSink): void {
  sink.each(HOUR, (m) => {
    const h = HOURS[m[2]!]!;
    const min = m[4] ? 30 : Number(m[3] ?? 0);
    sink.add(m.index, m.index + m[0].length, timeOfDay(h, min, halfOfDay(m[1], h)));
  });
  sink.each(VAGUE_HOUR, (m) => {
    const [lo, hi] = m[2] === '한두' ? [1, 2] : m[2] === '두세' ? [2, 3] : m[2] === '서너' ? [3, 4] : [4, 5];
    const at = m.index + m[0].indexOf(m[2]!);
    const extra = { weak: true, counted: true, raw: m[2]! };
    const reading = (h: number): Val[] => [num(h), ...timeOfDay(h, 0, halfOfDay(m[1], h))];
    sink.add(at, at + 1, reading(lo), extra);
    sink.add(at + 1, m.index + m[0].length, reading(hi), extra);
  });
}

const HOURS: Readonly<Record<string, number>> = { ...KOREAN_NATIVE, 열한: 11, 열두: 12 };

const PART: Readonly<Record<string, 'am' | 'pm'>> = {
  오전: 'am',
  새벽: 'am',
  아침: 'am',
  오후: 'pm',
  저녁: 'pm',
  밤: 'pm',
};
/** Morning or afternoon by the word before an hour (낮: afternoon for 1 to 6 o'clock), or null when none says. */
export const halfOfDay = (part: string | undefined, h: number): 'am' | 'pm' | null =>
  part === '낮' ? (h < 7 ? 'pm' : null) : part ? (PART[part] ?? null) : null;

// 시 as o'clock: not 시간 (hours), 시대, 시장, 시민, 시청, 세시풍속…
const OCLOCK = '시(?=$|[\\s,.)]|[에까부쯤께경의](?![가-힣]{2}))';
const PARTS = '(?:(오전|오후|새벽|아침|저녁|밤|낮)\\s?)?';
const HOUR = new RegExp(
  `${PARTS}(?<![가-힣])(열한|열두|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\\s?${OCLOCK}(?:\\s?(\\d{1,2})분|\\s?(반))?`,
  'gu',
);
const VAGUE_HOUR = new RegExp(`${PARTS}(?<![가-힣])(한두|두세|서너|너덧)\\s?${OCLOCK}`, 'gu');
