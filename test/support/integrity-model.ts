/**
 * The reference model of the model-based integrity test (see `integrity-run.ts`): what a reviewer's cells hold,
 * each cell's history (who, what), and each person's undo and redo steps. Small on purpose: it states what the
 * product promises, not how the store does it.
 */
import type { CellStatus, ChangeOrigin, TargetLang } from '../../electron/contract';

/** One cell as the model knows it. */
export interface MCell {
  text: string;
  status: CellStatus;
  mt: string;
  /** Who approved it (an approval by someone else is another state: undoing one's own must not undo theirs). */
  approvedBy?: string;
}

/** One history entry of a cell. */
export interface MEntry {
  origin: ChangeOrigin;
  by: string;
  text: string;
  status: CellStatus;
}

/** An undoable step: the cells it changed, before and after. */
export interface MStep {
  cells: Map<string, { before: MCell; after: MCell }>;
  origin: ChangeOrigin;
  /** The cell a typing burst is in, and when it was last extended. */
  burst?: { key: string; at: number };
}

/** Typing into the same cell within this window is one undo step (the store's promise). */
export const BURST_MS = 4000;
export const LANGS: readonly TargetLang[] = ['vi', 'en'];
export const keyOf = (row: number, lang: TargetLang) => `${row}/${lang}`;

/** The model of one project worked on by several people. */
export class Model {
  cells = new Map<string, MCell>();
  history = new Map<string, MEntry[]>();
  done = new Map<string, MStep[]>();
  undone = new Map<string, MStep[]>();

  constructor(
    readonly rows: number,
    mt: (row: number, lang: TargetLang) => string,
  ) {
    for (let r = 0; r < rows; r++)
      for (const lang of LANGS) {
        const text = mt(r, lang);
        this.cells.set(keyOf(r, lang), { text, status: 'machine', mt: text });
        this.history.set(keyOf(r, lang), []);
      }
  }

  cell(key: string): MCell {
    return this.cells.get(key)!;
  }

  stack(map: Map<string, MStep[]>, actor: string): MStep[] {
    if (!map.has(actor)) map.set(actor, []);
    return map.get(actor)!;
  }

  /**
   * Apply one command's changes (cells whose value differs) as one step of `actor`, recorded as `by`/`origin`;
   * typing into the cell of the actor's open burst extends it. Returns the keys that changed.
   */
  commit(
    actor: string,
    by: string,
    origin: ChangeOrigin,
    next: Map<string, MCell>,
    now: number,
    record = true,
  ): string[] {
    const changed = [...next].filter(([k, c]) => !same(this.cell(k), c));
    if (changed.length === 0) return [];
    const steps = this.stack(this.done, actor);
    const last = steps[steps.length - 1];
    const key = changed.length === 1 ? changed[0]![0] : null;
    const extend =
      record && origin === 'typing' && key && last?.burst?.key === key && now - last.burst.at < BURST_MS;
    const step: MStep = extend ? last! : { cells: new Map(), origin };
    for (const [k, c] of changed) {
      const before = step.cells.get(k)?.before ?? this.cell(k);
      step.cells.set(k, { before, after: c });
      this.cells.set(k, c);
      this.history.get(k)!.unshift({ origin, by, text: c.text, status: c.status });
    }
    // Any other command of this actor ends the burst; so does a change of its cell by anyone else.
    for (const s of steps) delete s.burst;
    const keys = new Set(changed.map(([k]) => k));
    for (const list of this.done.values())
      for (const s of list) if (keys.has(s.burst?.key ?? '')) delete s.burst;
    if (origin === 'typing' && key) step.burst = { key, at: now };
    if (record && !extend) {
      steps.push(step);
      this.undone.set(actor, []);
    }
    return changed.map(([k]) => k);
  }
}

export function same(a: MCell, b: MCell): boolean {
  return a.text === b.text && a.status === b.status && a.approvedBy === b.approvedBy;
}

/** The reviewer typed `text` (the store's rule: approval dropped; the MT text back is machine again). */
export function typed(cell: MCell, text: string): MCell {
  if (text === cell.text) return cell;
  const status: CellStatus = text === '' ? 'empty' : text === cell.mt ? 'machine' : 'edited';
  const { approvedBy: _a, ...rest } = cell;
  return { ...rest, text, status };
}

export function approved(cell: MCell, by: string): MCell | null {
  if (cell.text.trim() === '') return null;
  return cell.status === 'approved' ? cell : { ...cell, status: 'approved', approvedBy: by };
}

export function unapproved(cell: MCell): MCell {
  if (cell.status !== 'approved') return cell;
  const { approvedBy: _a, ...rest } = cell;
  return { ...rest, status: 'edited' };
}
