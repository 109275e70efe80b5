/**
 * Scores the checker on a part of the labelled corpus (README.md in this folder): which planted errors it finds, and
 * what it reports on cells that carry none. Pure: used by `npm run bench:qa` and by the development-part test.
 */
import { checkRow } from '../check';
import type { QaCheck, QaFinding, QaLang, QaTerm } from '../types';

/** The kind of check a planted error needs, as the corpus labels it (independent of the checker's own names). */
export type LabelCheck =
  'value' | 'code' | 'omission' | 'addition' | 'term' | 'hangul' | 'truncated' | 'placeholder';

export interface PlantedError {
  lang: QaLang;
  check: LabelCheck;
  kind: string;
  value: string;
}

export interface CorpusRow {
  id: string;
  beat: string;
  group: string;
  ko: string;
  vi: string;
  en: string;
  errors: PlantedError[];
  kinds: string[];
  note: string;
}

export interface Corpus {
  split: string;
  terms: QaTerm[];
  rows: CorpusRow[];
}

/** The checker's checks that may report each labelled kind of error. */
export const ACCEPTS: Record<LabelCheck, readonly QaCheck[]> = {
  value: ['values', 'crossValues', 'order'],
  code: ['protected'],
  omission: ['omission', 'truncated'],
  addition: ['omission'],
  term: ['terms', 'forbidden'],
  hangul: ['hangul'],
  truncated: ['truncated', 'omission'],
  placeholder: ['markup'],
};

/** A finding that reaches the reviewer as a problem (a quiet note does not). */
export const isAlarm = (f: QaFinding) => (f.severity as string) !== 'note';
const onLang = (f: QaFinding, lang: QaLang) => f.lang === lang || f.lang === 'both';

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export interface Score {
  rows: number;
  correctRows: number;
  plantedRows: number;
  planted: number;
  /** Planted errors reported by an accepting check on their language (error or warning). */
  found: number;
  /** …of which as an error. */
  foundAsError: number;
  /** Correct rows with at least one finding of each severity. */
  correctWithError: number;
  correctWithWarning: number;
  correctWithNote: number;
  notesOnCorrect: number;
  /** Per label check and language (`value:vi`): planted errors found / missed. */
  recall: Map<string, { found: number; planted: number }>;
  /** Per checker check and language (`values:vi`): findings on a planted error (tp), on a clean cell (fp). */
  precision: Map<string, Tally>;
  missed: string[];
  alarms: string[];
}

const bump = <T>(m: Map<string, T>, k: string, init: () => T): T => m.get(k) ?? m.set(k, init()).get(k)!;

/** Run the checker over every row of a corpus part and score it. */
export function scoreCorpus(corpus: Corpus): Score {
  const s: Score = {
    rows: corpus.rows.length,
    correctRows: 0,
    plantedRows: 0,
    planted: 0,
    found: 0,
    foundAsError: 0,
    correctWithError: 0,
    correctWithWarning: 0,
    correctWithNote: 0,
    notesOnCorrect: 0,
    recall: new Map(),
    precision: new Map(),
    missed: [],
    alarms: [],
  };
  for (const row of corpus.rows) {
    const findings = checkRow(
      { id: row.id, source: row.ko, targets: { vi: row.vi, en: row.en } },
      { terms: corpus.terms },
    );
    scoreRow(s, row, findings);
  }
  return s;
}

function scoreRow(s: Score, row: CorpusRow, findings: QaFinding[]): void {
  if (row.errors.length === 0) {
    s.correctRows++;
    const sev = new Set(findings.map((f) => f.severity as string));
    if (sev.has('error')) s.correctWithError++;
    if (sev.has('warning')) s.correctWithWarning++;
    if (sev.has('note')) s.correctWithNote++;
    s.notesOnCorrect += findings.filter((f) => !isAlarm(f)).length;
  } else s.plantedRows++;
  for (const e of row.errors) {
    s.planted++;
    const hits = findings.filter(
      (f) => isAlarm(f) && onLang(f, e.lang) && ACCEPTS[e.check].includes(f.check),
    );
    const r = bump(s.recall, `${e.check}:${e.lang}`, () => ({ found: 0, planted: 0 }));
    r.planted++;
    if (hits.length) {
      s.found++;
      r.found++;
      if (hits.some((f) => f.severity === 'error')) s.foundAsError++;
    } else
      s.missed.push(
        `${row.id} ${e.lang}:${e.check} (${e.kind}: ${e.value}) got ${findings.map(label).join(', ') || 'nothing'}`,
      );
  }
  for (const f of findings.filter(isAlarm)) {
    for (const lang of f.lang === 'both' ? (['vi', 'en'] as const) : [f.lang]) {
      const t = bump(s.precision, `${f.check}:${lang}`, () => ({ tp: 0, fp: 0, fn: 0 }));
      const planted = row.errors.filter((e) => e.lang === lang);
      if (planted.some((e) => ACCEPTS[e.check].includes(f.check))) t.tp++;
      else if (planted.length === 0) {
        t.fp++;
        s.alarms.push(`${row.id} ${label(f)} ${JSON.stringify(f.params)}`);
      }
    }
  }
}

const label = (f: QaFinding) => `${f.lang}:${f.check}/${f.severity}`;
