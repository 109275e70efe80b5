import type { Mention, NumUnit, Val } from './types';

/**
 * Building blocks of the value parsers: mentions, masks, and the rules that say when a value of the source and a
 * value of a translation are the same thing said two ways.
 */

/** Collects mentions while parsing and blanks out each claimed span so later (looser) patterns skip it. */
export class MentionSink {
  readonly mentions: Mention[] = [];
  /** The text with claimed spans blanked out. */
  text: string;
  /** The text as given (for looking around a match). */
  readonly original: string;
  constructor(text: string) {
    this.text = text;
    this.original = text;
  }
  /** Record a mention over `[start, end)` and blank it out. */
  add(start: number, end: number, alts: Val[], extra: Partial<Mention> = {}): void {
    if (alts.length === 0) return;
    this.mentions.push({ alts, start, end, raw: this.text.slice(start, end), ...extra });
    this.text = this.text.slice(0, start) + ' '.repeat(end - start) + this.text.slice(end);
  }
  /** Run a global pattern over what is not claimed yet; `fn` returns the mentions of one match (or nothing). */
  each(re: RegExp, fn: (m: RegExpExecArray) => void): void {
    for (const m of [...this.text.matchAll(re)]) fn(m as RegExpExecArray);
  }
  /**
   * The mentions in text order. In a range the first number often leaves its unit to the second (3∼5%,
   * 2-3배, 12 to 15 percent): it also gets the second's unit as a reading.
   */
  sorted(): Mention[] {
    const out = [...this.mentions].sort((a, b) => a.start - b.start);
    for (let i = 0; i + 1 < out.length; i++) {
      const a = out[i]!.alts[0]!;
      const b = out[i + 1]!.alts[0]!;
      if (a.k !== 'n' || b.k !== 'n' || a.u !== '' || b.u === '' || b.u === 'ord') continue;
      if (RANGE.test(this.original.slice(out[i]!.end, out[i + 1]!.start)))
        out[i]!.alts = [...out[i]!.alts, { ...a, u: b.u }];
    }
    return out;
  }
}

const RANGE = /^\s*(?:[~∼〜\-–—]|to|and|or|đến|tới|hoặc|và)\s*$/iu;

/** A plain number value. */
export const num = (v: number, u: NumUnit = ''): Val => ({ k: 'n', v, u });

/** A month/day value when both are plausible calendar values. */
export function monthDay(m: number, d: number): Val[] {
  return m >= 1 && m <= 12 && d >= 1 && d <= 31 ? [{ k: 'md', m, d }] : [];
}

/** A time of day as minutes; hours up to 12 without a marker are read both ways (2:30 may be 14:30). */
export function timeOfDay(h: number, min: number, half: 'am' | 'pm' | null): Val[] {
  if (h > 24 || min > 59) return [];
  if (half === 'pm' && h < 12) return [{ k: 'time', min: (h + 12) * 60 + min }];
  if (half === 'am') return [{ k: 'time', min: (h % 12) * 60 + min }];
  if (half === null && h >= 1 && h < 12)
    return [
      { k: 'time', min: h * 60 + min },
      { k: 'time', min: (h + 12) * 60 + min },
    ];
  return [{ k: 'time', min: (h % 24) * 60 + min }];
}

/** Parse digits with the given separators: `group` between thousands, `decimal` before the fraction. */
export function parseDigits(raw: string, group: ',' | '.', decimal: ',' | '.'): number {
  const cleaned = raw.split(group).join('').replace(decimal, '.');
  return Number(cleaned);
}

/** Equal numbers, allowing the rounding a translation may show (1.2 trillion for 1조 1,950억). */
export function sameNumber(source: number, target: number, targetUlp = 0): boolean {
  if (source === target) return true;
  const diff = Math.abs(source - target);
  return diff <= Math.max(Math.abs(source), Math.abs(target)) * 1e-9 || diff <= targetUlp / 2 + 1e-9;
}

function unitsAgree(s: NumUnit, t: NumUnit): boolean {
  if (s === t) return true;
  // Percent and percentage points are different quantities (a rate of 3 % rising 0.5 points is not 0.5 %); a bare
  // number or "points" may still render percentage points (up 3 points to 29 percent).
  if (s === '%' || t === '%') return false;
  if (s === 'pp') return t === '';
  return true; // counts, times (배) and ordinals are said either way (2배 = twice = 2 times; 1단계 = phase 1)
}

/** Whether a source value and a target value say the same thing. */
export function compatible(s: Val, t: Val): boolean {
  switch (s.k) {
    case 'n':
      return (
        t.k === 'n' &&
        unitsAgree(s.u, t.u) &&
        (!s.dim || !t.dim || s.dim === t.dim) &&
        sameNumber(s.v, t.v, Math.max(t.ulp ?? 0, s.ulp ?? 0))
      );
    case 'md':
      return t.k === 'md' && t.m === s.m && t.d === s.d;
    case 'day':
      return (
        (t.k === 'day' && t.d === s.d) ||
        (t.k === 'md' && t.d === s.d) ||
        (t.k === 'n' && t.v === s.d && (t.u === 'ord' || t.u === '')) ||
        t.k === 'wd' // "3일" is often rendered as the weekday (on Wednesday)
      );
    case 'month':
      return (t.k === 'month' && t.m === s.m) || (t.k === 'md' && t.m === s.m);
    case 'time':
      return t.k === 'time' && t.min === s.min;
    case 'wd':
      return t.k === 'wd' && (!s.w || !t.w || s.w === t.w);
    case 'rel':
      return t.k === 'rel' && t.u === s.u && t.o === s.o;
  }
}

/** Whether two mentions can be the same value (any reading of one against any reading of the other). */
export function mentionsMatch(source: Mention, target: Mention): boolean {
  return source.alts.some((s) => target.alts.some((t) => compatible(s, t)));
}

/** A short stable key of a mention's first reading, for finding ids. */
export function valueKey(m: Mention): string {
  const v = m.alts[0]!;
  switch (v.k) {
    case 'n':
      return `n${v.u}:${v.v}`;
    case 'md':
      return `md:${v.m}-${v.d}`;
    case 'day':
      return `day:${v.d}`;
    case 'month':
      return `month:${v.m}`;
    case 'time':
      return `time:${v.min}`;
    case 'wd':
      return `wd:${v.w ?? ''}`;
    case 'rel':
      return `rel:${v.u}${v.o}`;
  }
}

/**
 * Maximum matching of source mentions to target mentions (Kuhn's augmenting paths; rows hold a handful of values,
 * so this is cheap). Returns, per source mention, the index of its target mention or -1.
 */
export function matchMentions(source: readonly Mention[], target: readonly Mention[]): number[] {
  const owner = new Array<number>(target.length).fill(-1);
  const edges = source.map((s) => target.flatMap((t, j) => (mentionsMatch(s, t) ? [j] : [])));
  const tryAssign = (i: number, seen: boolean[]): boolean => {
    for (const j of edges[i]!) {
      if (seen[j]) continue;
      seen[j] = true;
      if (owner[j] === -1 || tryAssign(owner[j]!, seen)) {
        owner[j] = i;
        return true;
      }
    }
    return false;
  };
  // Specific readings first: a mention with one candidate should not lose it to one with many.
  const order = source.map((_, i) => i).sort((a, b) => edges[a]!.length - edges[b]!.length);
  for (const i of order) tryAssign(i, new Array<boolean>(target.length).fill(false));
  const result = new Array<number>(source.length).fill(-1);
  owner.forEach((i, j) => {
    if (i >= 0) result[i] = j;
  });
  return result;
}
