/**
 * Export baselines: what an XLIFF export wrote, unit by unit, kept in the project. A re-import compares the base
 * (this), the file and the project now, so "changed in the other tool" and "changed here since" are told apart
 * even when the other tool stripped every note from the file.
 */
import { randomUUID } from 'node:crypto';
import type {
  CellStatus,
  ExportBaseline,
  ExportedUnit,
  Project,
  TargetCell,
  TargetLang,
} from '../../contract';
import { sameText } from '../../../common/text/canonical';

/** How many baselines are kept per language (several exports may be out with different people at once). */
export const BASELINES_PER_LANG = 3;

/** XLIFF 2.0 `state` of one of our statuses. */
export const X2_STATE: Record<CellStatus, 'initial' | 'translated' | 'final'> = {
  empty: 'initial',
  error: 'initial',
  machine: 'initial',
  edited: 'translated',
  approved: 'final',
};

/** XLIFF 1.2 `state` (and `state-qualifier`) of a cell; untouched machine output is flagged `mt-suggestion`. */
export function x12State(status: CellStatus): { state: string; qualifier?: string } {
  switch (status) {
    case 'approved':
      return { state: 'final' };
    case 'edited':
      return { state: 'translated' };
    case 'machine':
      return { state: 'needs-review-translation', qualifier: 'mt-suggestion' };
    default:
      return { state: 'new' };
  }
}

/** One comparable token for XLIFF 1.2's two approval signals (`approved` on the unit, `state` on the target). */
export function stateToken12(approved: boolean, state: string | null): string {
  return `${approved ? 'approved' : 'open'}/${state ?? '-'}`;
}

/** Our status for a file's state token (null when the token says nothing we know). */
export function statusOfToken(version: '1.2' | '2.0', token: string | null): CellStatus | null {
  if (token === null) return null;
  if (version === '2.0')
    return ({ initial: 'machine', translated: 'edited', reviewed: 'edited', final: 'approved' } as const)[
      token as 'initial'
    ];
  const [approval, state] = token.split('/') as [string, string];
  if (approval === 'approved' || state === 'final' || state === 'signed-off') return 'approved';
  if (state === 'needs-review-translation') return 'machine';
  if (state === 'new' || state === 'needs-translation') return 'empty';
  return state === '-' ? null : 'edited';
}

/** The state token a cell is exported with, in a format. */
export function exportedState(format: 'xliff2' | 'xliff12', cell: TargetCell, translate: boolean): string {
  if (format === 'xliff2') return translate ? X2_STATE[cell.status] : 'final';
  if (!translate) return stateToken12(false, 'final');
  return stateToken12(cell.status === 'approved', x12State(cell.status).state);
}

/** What an export of `project` in `lang` writes, unit by unit (call it with the same project the writer gets). */
export function makeBaseline(
  project: Project,
  lang: TargetLang,
  format: 'xliff2' | 'xliff12',
  at: Date,
): ExportBaseline {
  const units: Record<string, ExportedUnit> = {};
  for (const segment of project.segments) {
    const cell = segment.targets[lang];
    units[segment.id] = {
      text: segment.translate ? cell.text : segment.source,
      status: cell.status,
      state: exportedState(format, cell, segment.translate),
    };
  }
  return { id: randomUUID(), lang, format, at: at.toISOString(), units };
}

/** The project's baselines with `baseline` added, the oldest of its language dropped beyond the limit. */
export function withBaseline(project: Project, baseline: ExportBaseline): ExportBaseline[] {
  const all = [...(project.exportBaselines ?? []), baseline];
  const same = all.filter((b) => b.lang === baseline.lang);
  const drop = new Set(same.slice(0, Math.max(0, same.length - BASELINES_PER_LANG)).map((b) => b.id));
  return all.filter((b) => !drop.has(b.id));
}

/**
 * The baseline a file was exported from: by the id the file carries. When a tool stripped it, the export of that
 * language and format (holding all the file's units) that the file agrees with most, unit by unit, in text (as
 * composed) and state; the newest wins a tie. An untouched or lightly edited file thus finds its own export even
 * when a later one exists, so comparing against the later one cannot undo what was done here in between.
 */
export function baselineFor(
  project: Project,
  file: {
    exportId: string | null;
    lang: TargetLang;
    version: '1.2' | '2.0';
    units: Array<{ id: string; text: string | null; state: string | null }>;
  },
): ExportBaseline | null {
  const all = project.exportBaselines ?? [];
  if (file.exportId) {
    const exact = all.find((b) => b.id === file.exportId);
    if (exact) return exact;
  }
  const format = file.version === '2.0' ? 'xliff2' : 'xliff12';
  let best: ExportBaseline | null = null;
  let bestScore = -1;
  for (const b of all) {
    if (b.lang !== file.lang || b.format !== format || !file.units.every((u) => u.id in b.units)) continue;
    const score = file.units.filter((u) => {
      const base = b.units[u.id]!;
      return sameText(u.text ?? '', base.text) && u.state === base.state;
    }).length;
    if (score >= bestScore) {
      best = b;
      bestScore = score;
    }
  }
  return best;
}
