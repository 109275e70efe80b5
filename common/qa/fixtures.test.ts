import { describe, expect, it } from 'vitest';
import fixtures from './fixtures/news-rows.json';
import { checkRow } from './index';
import type { QaTerm } from './types';

interface FixtureRow {
  id: string;
  ko: string;
  vi: string;
  en: string;
  expect: string[];
}

const rows = fixtures.rows as FixtureRow[];
const terms = fixtures.terms as QaTerm[];
const labelsOf = (r: FixtureRow) =>
  new Set(
    checkRow({ id: r.id, source: r.ko, targets: { vi: r.vi, en: r.en } }, { terms }).map(
      (f) => `${f.lang}:${f.check}`,
    ),
  );

describe('labelled news rows (common/qa/fixtures/news-rows.json)', () => {
  const results = rows.map((r) => ({ row: r, found: labelsOf(r) }));

  it('has at least 120 rows, correct and planted', () => {
    expect(rows.length).toBeGreaterThanOrEqual(120);
    expect(rows.filter((r) => r.expect.length === 0).length).toBeGreaterThanOrEqual(60);
  });

  it('raises no finding on a correct row', () => {
    const alarms = results
      .filter(({ row, found }) => row.expect.length === 0 && found.size > 0)
      .map(({ row, found }) => `${row.id}: ${[...found].join(', ')}`);
    expect(alarms).toEqual([]);
  });

  it('finds at least 95 % of planted errors, and prints precision and recall per check and language', () => {
    const stats = new Map<string, { tp: number; fp: number; fn: number }>();
    const stat = (k: string) => stats.get(k) ?? stats.set(k, { tp: 0, fp: 0, fn: 0 }).get(k)!;
    let planted = 0;
    let found = 0;
    const missed: string[] = [];
    for (const { row, found: labels } of results) {
      const wanted = new Set(row.expect);
      for (const l of wanted) stat(l)[labels.has(l) ? 'tp' : 'fn']++;
      for (const l of labels) if (!wanted.has(l)) stat(l).fp++;
      if (wanted.size) {
        planted++;
        if ([...wanted].some((l) => labels.has(l))) found++;
        else
          missed.push(
            `${row.id}: wanted ${[...wanted].join('/')}, got ${[...labels].join(', ') || 'nothing'}`,
          );
      }
    }
    const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : '–');
    const lines = [...stats.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([k, s]) =>
          `${k.padEnd(18)} precision ${pct(s.tp, s.tp + s.fp).padStart(7)}  recall ${pct(s.tp, s.tp + s.fn).padStart(7)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`,
      );
    console.log(
      `${lines.join('\n')}\nplanted errors found: ${found}/${planted} (${pct(found, planted)})\n${missed.join('\n')}`,
    );
    expect(found / planted).toBeGreaterThanOrEqual(0.95);
  });
});
