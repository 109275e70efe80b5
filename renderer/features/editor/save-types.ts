import type { ApiError, CellEdit, Segment, TargetLang } from '../../../electron/contract';
import type { PageJournal } from './journal';
import type { ReviewStore } from './store';

/** Typing is sent this long after the last keystroke (or at once on blur, row change, switch, close). */
export const SAVE_DELAY_MS = 300;

/**
 * Refusals that do not change by asking again: the language was signed off or is not assigned to this person, the
 * role does not allow it, the row or the project is gone, or the request itself was not valid.
 */
export const REFUSED_FOR_GOOD: ReadonlySet<string> = new Set([
  'desk.languageLocked',
  'desk.notAssigned',
  'desk.roleRequired',
  'project.notFound',
  'project.segmentNotFound',
  'project.notReviewable',
  'api.invalidArgument',
  // A control character refused by the host's typing policy: sending it again changes nothing.
  'text.controlCharacter',
]);

/** What the queue needs from the outside: the API call, and where to report a failure. */
export interface SaveQueueDeps {
  store: ReviewStore;
  updateCell(edit: CellEdit): Promise<Segment>;
  toError(e: unknown): ApiError;
  /** A save failed (first failure of a streak, and again when its cause changes, so notices do not pile up). */
  onFailure(error: ApiError): void;
  /**
   * Someone else changed the cell since this person started typing (`cell.conflict`): the typing stays a failed
   * draft and is not retried until {@link SaveQueue.resolveConflict} says what to keep. Without this, a conflict
   * is retried like any failure (and refused again).
   */
  onConflict?(conflict: SaveConflict): void;
  /** Typing the person dropped (Esc, or "keep theirs"): a copy kept elsewhere (the desk client's) goes too. */
  onDropped?(segmentId: string, lang: TargetLang): void;
  /** The page's own copy of unacknowledged typing (browser storage), kept until the host has the text. */
  journal?: PageJournal;
  setTimer?: (fn: () => void, ms: number) => number;
  clearTimer?: (id: number) => void;
}

/** Both texts of a refused save: what is stored now (theirs, at revision `theirsRev`) and what was typed. */
export interface SaveConflict {
  segmentId: string;
  lang: TargetLang;
  mine: string;
  theirs: string;
  theirsRev: number;
}

/**
 * Where a cell's typing builds on: the revision it started from, and the texts this page sent from it whose
 * answer never came (the host may have stored them and then gone away). Finding one of those stored is not
 * someone else's change. With the cell's text and status at that revision when known: a later revision that still
 * holds both (a comment, a machine suggestion moved it on) changed nothing the typing overwrites.
 */
export interface TypingBase {
  rev: number;
  sent: string[];
  text?: string;
  status?: string;
}

/** At most this many unanswered texts are remembered per cell. */
export const MAX_SENT = 8;

/** A new save key: 128 random bits, URL-safe (the host takes `[A-Za-z0-9_-]{8,64}`). */
export function newSaveKey(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * This page's id as the sender of its typing (one per tab or window, for as long as it is open): the host groups
 * typing into one undo step only within one sender, so typing in two tabs never becomes one step.
 */
export const PAGE_SENDER = newSaveKey();

/**
 * One key per save of a cell (its text and base revision): sending the same save again (its answer was lost)
 * sends the same key, so the host answers it as done instead of as a conflict with this page's own text.
 */
export class SaveKeys {
  private readonly keys = new Map<string, { text: string; baseRev: number | undefined; key: string }>();

  /** The key of saving `text` over `baseRev` into `cell`. */
  of(cell: string, text: string, baseRev: number | undefined): string {
    const known = this.keys.get(cell);
    if (known && known.text === text && known.baseRev === baseRev) return known.key;
    const key = newSaveKey();
    this.keys.set(cell, { text, baseRev, key });
    return key;
  }

  /** The cell's save was answered: its next save is a new one. */
  answered(cell: string): void {
    this.keys.delete(cell);
  }
}

/** A cell's typing waiting to be sent, with the time spent typing it. */
export interface Pending {
  segmentId: string;
  lang: TargetLang;
  elapsedMs: number;
}
