import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvDocument, guardCsvCell, unguardCsvCell } from './csv-write';
import type { TermEntry } from '../contract';
import { parseCsv } from './csv-read';
import { parseTermFile, termsToCsv } from './qa/termfiles';

/** Rows as Python's csv module reads them (what data tools and spreadsheet importers do). */
function pythonRows(csv: string): string[][] {
  const code =
    'import csv,io,json,sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read().lstrip("\\ufeff"), newline="")))))';
  const run = spawnSync('/usr/bin/python3', ['-c', code], { input: csv, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as string[][];
}

const cellText = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', "'", '"', ',', 'a', '한', ' ') }),
);

describe('the CSV writer', () => {
  it('no text cell a spreadsheet would run as a formula; the guard is undone exactly by our readers', () => {
    fc.assert(
      fc.property(cellText, (s) => {
        const g = guardCsvCell(s);
        expect(/^[=+\-@\t\r]/.test(g)).toBe(false);
        expect(unguardCsvCell(g)).toBe(s);
      }),
    );
  });

  it('known formula payloads are written as text', () => {
    const doc = csvDocument([['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '@SUM(1+1)', '-2+3', 7]]);
    const [row] = pythonRows(doc);
    expect(row).toEqual(['\'=HYPERLINK("http://x","y")', "'+cmd|' /C calc'!A0", "'@SUM(1+1)", "'-2+3", '7']);
  });

  it('any table is read back cell for cell by Python csv and by our parser (after unguarding)', () => {
    const row = fc.array(cellText, { minLength: 2, maxLength: 2 }).map((r) => ['x', ...r]);
    // A line whose cells are all empty is skipped by readers: the first cell is always visible.
    const tables = fc.sample(fc.array(row, { minLength: 1, maxLength: 8 }), 200);
    const docs = tables.map(csvDocument);
    const code =
      'import csv,io,json,sys; print(json.dumps([list(csv.reader(io.StringIO(d.lstrip("\\ufeff"), newline=""))) for d in json.load(sys.stdin)]))';
    const run = spawnSync('/usr/bin/python3', ['-c', code], {
      input: JSON.stringify(docs),
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    const read = JSON.parse(run.stdout) as string[][][];
    tables.forEach((table, i) => {
      expect(docs[i]!.startsWith('\uFEFF')).toBe(true);
      expect(read[i]!.map((r) => r.map(unguardCsvCell))).toEqual(table);
      expect(parseCsv(docs[i]!).map((r) => r.map(unguardCsvCell))).toEqual(table);
    });
  });

  it('the termbase CSV is guarded too, and its import gives back the terms as typed', () => {
    const t: TermEntry = {
      id: 't1',
      scope: 'desk',
      ko: '=HYPERLINK("http://evil","부산")',
      vi: '+cmd|calc',
      en: '@SUM(1)',
      note: "-1 '=x",
      forbiddenVi: [],
      forbiddenEn: [],
      updatedAt: '2026-12-01T00:00:00.000Z',
      updatedBy: 'Lan',
    };
    const csv = termsToCsv([t]);
    const [, row] = pythonRows(csv);
    expect(row!.slice(0, 4).every((c) => c.startsWith("'"))).toBe(true);
    const [back] = parseTermFile('terms.csv', new TextEncoder().encode(csv));
    expect(back).toMatchObject({ ko: t.ko, vi: t.vi, en: t.en, note: t.note });
  });
});
