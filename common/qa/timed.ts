import type { FindingList } from './findings';
import type { Mention, QaLang } from './types';
import { valueKey } from './values';

// Values tied to a time: a relative time said differently, and counts paired with the wrong year or week.

/**
 * A relative time (내년) the translation does not repeat is not reported: "in 2026" may say it. One the translation
 * turns into another of the same unit that the Korean does not have (next year → this year) is an error.
 */
export function relativeFinding(
  out: FindingList,
  lang: QaLang,
  m: Mention,
  target: readonly Mention[],
  matched: readonly number[],
): void {
  const want = m.alts[0]!;
  const other = target.find((t, j) => {
    const v = t.alts[0]!;
    return !matched.includes(j) && v.k === 'rel' && want.k === 'rel' && v.u === want.u;
  });
  if (other)
    out.add(lang, 'values', 'relativeTime', 'error', valueKey(m), {
      value: m.raw.trim(),
      found: other.raw.trim(),
    });
}

/**
 * The kind of time a mention names, or null: a calendar year and 올해/내년 are both years ('y'); 이번 주/지난주
 * are weeks ('w'), and so on.
 */
function timeKind(m: Mention): string | null {
  const v = m.alts[0]!;
  if (v.k === 'rel') return v.u;
  if (m.year === true) return 'y';
  return v.k === 'n' && /^\d{4}$/u.test(m.raw.trim()) && v.v >= 1900 && v.v <= 2100 ? 'y' : null;
}

type Pairs = Array<[number, number]>;

/** Whether the pairs (source offset, target offset) keep their order, reverse it, or neither. */
function direction(pairs: Pairs): 'same' | 'reversed' | 'mixed' {
  const byTarget = [...pairs].sort((a, b) => a[0] - b[0]).map((p) => p[1]);
  const up = byTarget.every((v, k) => k === 0 || v > byTarget[k - 1]!);
  const down = byTarget.every((v, k) => k === 0 || v < byTarget[k - 1]!);
  return up ? 'same' : down ? 'reversed' : 'mixed';
}

/**
 * Values the sentence pairs with times (A in year X, B in year Y; A this week, B last week): when the times keep
 * their order but the counts swap (or the reverse), a count moved to the wrong time. Reordering both together is
 * only style ("to B in Y from A in X"). Only like quantities pair with times of one kind: a rate and an amount
 * (up 3.2 % to 677 trillion) describe one change between the years.
 */
export function orderFinding(
  out: FindingList,
  lang: QaLang,
  source: readonly Mention[],
  target: readonly Mention[],
  matched: readonly number[],
): void {
  const times: Pairs = [];
  const counts: Pairs = [];
  const timeKinds = new Set<string>();
  const countKinds = new Set<string>();
  source.forEach((m, i) => {
    const j = matched[i]!;
    const v = m.alts[0]!;
    const kind = timeKind(m);
    if (j < 0 || (v.k !== 'n' && !kind)) return;
    if (kind) timeKinds.add(kind);
    else if (v.k === 'n') countKinds.add(`${v.u}|${v.dim ?? ''}`);
    (kind ? times : counts).push([m.start, target[j]!.start]);
  });
  if (times.length < 2 || counts.length < 2 || timeKinds.size > 1 || countKinds.size > 1) return;
  const t = direction(times);
  const c = direction(counts);
  if (t === 'mixed' || c === 'mixed' || t === c) return;
  const key = source
    .filter((m) => m.alts[0]!.k === 'n' || timeKind(m))
    .map(valueKey)
    .join(',');
  out.add(lang, 'order', 'valuesSwapped', 'error', key, {
    values: counts.map(([s]) => source.find((m) => m.start === s)!.raw.trim()).join(', '),
  });
}
