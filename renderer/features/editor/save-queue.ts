import type { ApiError, CellEdit, Segment, TargetLang } from '../../../electron/contract';
import { cellKey, type ReviewStore } from './store';

/** Typing is sent this long after the last keystroke (or at once on blur, row change, switch, close). */
export const SAVE_DELAY_MS = 300;
/**
 * Refusals that do not change by asking again: the language was signed off or is not assigned to this person, the
 * role does not allow it, the row or the project is gone, or the request itself was not valid.
 */
const REFUSED_FOR_GOOD: ReadonlySet<string> = new Set([
  'desk.languageLocked',
  'desk.notAssigned',
  'desk.roleRequired',
  'project.notFound',
  'project.segmentNotFound',
  'project.notReviewable',
  'api.invalidArgument',
  'text.controlCharacter',
]);

/** A failed save is retried after this, doubling up to {@link MAX_RETRY_MS}. */
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

/** What the queue needs from the outside: the API call, and where to report a failure. */
export interface SaveQueueDeps {
  store: ReviewStore;
  updateCell(edit: CellEdit): Promise<Segment>;
  toError(e: unknown): ApiError;
  /** A save failed (first failure of a streak only, so notices do not pile up). */
  onFailure(error: ApiError): void;
  /**
   * Someone else changed the cell since this person started typing (`cell.conflict`): the typing stays a failed
   * draft and is not retried until {@link SaveQueue.resolveConflict} says what to keep. Without this, a conflict
   * is retried like any failure (and refused again).
   */
  onConflict?(conflict: SaveConflict): void;
  /** Typing the person dropped (Esc, or "keep theirs"): a copy kept elsewhere (the desk client's) goes too. */
  onDropped?(segmentId: string, lang: TargetLang): void;
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

interface Pending {
  segmentId: string;
  lang: TargetLang;
  elapsedMs: number;
}

/**
 * Batches the reviewer's typing into saves. The text lives in the store as a draft until the Node side has it
 * on disk (the reply arrives after the commit), so nothing is shown as saved before it is, and a failed save keeps
 * the text, says so, and tries again.
 */
export class SaveQueue {
  private pending = new Map<string, Pending>();
  /** Per cell with typing: the revision the typing started from (what `baseRev` says), not the latest one seen. */
  private bases = new Map<string, number>();
  private inFlight = new Map<string, Promise<boolean>>();
  private timer: number | null = null;
  private retryTimer: number | null = null;
  private retryMs = FIRST_RETRY_MS;
  private failing = false;
  private readonly setTimer: (fn: () => void, ms: number) => number;
  private readonly clearTimer: (id: number) => void;

  constructor(
    private readonly projectId: () => string | null,
    private readonly deps: SaveQueueDeps,
  ) {
    // `globalThis` rather than `window`: the queue also runs in unit tests without a DOM.
    this.setTimer = deps.setTimer ?? ((fn, ms) => globalThis.setTimeout(fn, ms) as unknown as number);
    this.clearTimer = deps.clearTimer ?? ((id) => globalThis.clearTimeout(id));
  }

  /** The reviewer typed `text` into a cell; it is saved after a pause. */
  edit(segmentId: string, lang: TargetLang, text: string, elapsedMs = 0): void {
    const key = cellKey(segmentId, lang);
    const before = this.pending.get(key);
    // A live update from someone else moves the store's revision on; the typing still started from this one.
    if (!this.bases.has(key) && !this.deps.store.draft(segmentId, lang)) {
      const rev = this.deps.store.segment(segmentId)?.targets[lang].rev;
      if (rev !== undefined) this.bases.set(key, rev);
    }
    this.pending.set(key, { segmentId, lang, elapsedMs: (before?.elapsedMs ?? 0) + elapsedMs });
    const draft = this.deps.store.draft(segmentId, lang);
    // Typing after a conflict goes out again (and meets the conflict again): it is no longer just failed.
    const failed = draft?.state === 'failed' && !draft.conflict;
    this.deps.store.setDraft(segmentId, lang, {
      text,
      state: failed ? 'failed' : 'dirty',
      ...(failed && draft.error ? { error: draft.error } : {}),
    });
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = this.setTimer(() => void this.flush(), SAVE_DELAY_MS);
  }

  /** Esc: forget unsent typing in a cell (what is on disk stays). False when there was none. */
  revert(segmentId: string, lang: TargetLang): boolean {
    const key = cellKey(segmentId, lang);
    if (!this.pending.has(key) || this.inFlight.has(key)) return false;
    this.pending.delete(key);
    this.bases.delete(key);
    this.deps.store.setDraft(segmentId, lang, null);
    this.deps.onDropped?.(segmentId, lang);
    return true;
  }

  /**
   * Typing kept from an earlier session (the desk could not take it then): it becomes a draft again, based on the
   * revision it was typed against, and is sent, so a change made meanwhile shows as a conflict. A cell with
   * typing of this session keeps that.
   */
  restore(edit: Pick<CellEdit, 'segmentId' | 'lang' | 'text' | 'baseRev'>): void {
    const key = cellKey(edit.segmentId, edit.lang);
    if (this.pending.has(key) || this.deps.store.draft(edit.segmentId, edit.lang)) return;
    if (!this.deps.store.segment(edit.segmentId)) return; // the row is gone; nothing to show it in
    if (edit.baseRev !== undefined) this.bases.set(key, edit.baseRev);
    this.edit(edit.segmentId, edit.lang, edit.text);
  }

  /** The other side is back (the desk answered again): send what waits now instead of at the next retry. */
  retryNow(): void {
    if (this.retryTimer !== null) this.clearTimer(this.retryTimer);
    this.retryTimer = null;
    this.retryMs = FIRST_RETRY_MS;
    if (this.pending.size > 0) void this.flush();
  }

  /**
   * The person chose after a conflict: keep theirs (the typing is dropped, by that choice only), or save `text`
   * (their own, or merged by hand) over the revision they have now seen.
   */
  resolveConflict(conflict: SaveConflict, choice: { keep: 'theirs' } | { text: string }): Promise<boolean> {
    const key = cellKey(conflict.segmentId, conflict.lang);
    if ('keep' in choice) {
      this.pending.delete(key);
      this.bases.delete(key);
      this.deps.store.setDraft(conflict.segmentId, conflict.lang, null);
      this.deps.onDropped?.(conflict.segmentId, conflict.lang);
      return Promise.resolve(true);
    }
    this.bases.set(key, conflict.theirsRev);
    this.pending.set(key, { segmentId: conflict.segmentId, lang: conflict.lang, elapsedMs: 0 });
    this.deps.store.setDraft(conflict.segmentId, conflict.lang, { text: choice.text, state: 'dirty' });
    return this.send(key);
  }

  /**
   * The person closed the conflict dialog without choosing: the typing stays in the cell, not saved and not
   * retried (typing in the cell again sends it, and asks again).
   */
  conflictClosed(conflict: SaveConflict): void {
    const draft = this.deps.store.draft(conflict.segmentId, conflict.lang);
    if (draft?.conflict === 'asking')
      this.deps.store.setDraft(conflict.segmentId, conflict.lang, { ...draft, conflict: 'held' });
  }

  /** True when the cell has typing that is not on disk yet. */
  hasUnsaved(segmentId: string, lang: TargetLang): boolean {
    return this.deps.store.draft(segmentId, lang) !== undefined;
  }

  /** Send every pending edit now; resolves true when all are on disk. */
  async flush(): Promise<boolean> {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    const keys = [...this.pending.keys()];
    const results = await Promise.all([...keys.map((k) => this.send(k)), ...[...this.inFlight.values()]]);
    return results.every(Boolean);
  }

  /** Send one cell now (before approving it). */
  async flushCell(segmentId: string, lang: TargetLang): Promise<boolean> {
    const key = cellKey(segmentId, lang);
    await this.inFlight.get(key);
    return this.pending.has(key) ? this.send(key) : !this.deps.store.draft(segmentId, lang);
  }

  /** Stop timers (the project is closing; call {@link flush} first). */
  dispose(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    if (this.retryTimer !== null) this.clearTimer(this.retryTimer);
    this.timer = this.retryTimer = null;
  }

  private send(key: string): Promise<boolean> {
    const previous = this.inFlight.get(key) ?? Promise.resolve(true);
    // Saves of one cell run one after another, so an older answer never lands after a newer one.
    const run = previous.then(() => this.sendNow(key));
    this.inFlight.set(key, run);
    void run.finally(() => {
      if (this.inFlight.get(key) === run) this.inFlight.delete(key);
    });
    return run;
  }

  private async sendNow(key: string): Promise<boolean> {
    const job = this.pending.get(key);
    const projectId = this.projectId();
    if (!job || !projectId) return true;
    const { store } = this.deps;
    const draft = store.draft(job.segmentId, job.lang);
    if (!draft) return true;
    this.pending.delete(key);
    const text = draft.text;
    store.setDraft(job.segmentId, job.lang, { text, state: 'saving' });
    const baseRev = this.bases.get(key) ?? store.segment(job.segmentId)?.targets[job.lang].rev;
    try {
      const saved = await this.deps.updateCell({
        projectId,
        segmentId: job.segmentId,
        lang: job.lang,
        text,
        elapsedMs: Math.round(job.elapsedMs),
        ...(baseRev !== undefined ? { baseRev } : {}),
      });
      store.applySegments(projectId, [saved]);
      const now = store.draft(job.segmentId, job.lang);
      // Typing that happened during the save stays a draft and goes with the next save.
      if (now && now.text === text) {
        store.setDraft(job.segmentId, job.lang, null);
        this.bases.delete(key);
      } else if (now) {
        store.setDraft(job.segmentId, job.lang, { text: now.text, state: 'dirty' });
        // The rest of the typing builds on this save, not on someone else's later change.
        if (saved.targets[job.lang].rev !== undefined) this.bases.set(key, saved.targets[job.lang].rev!);
      }
      this.failing = false;
      this.retryMs = FIRST_RETRY_MS;
      return true;
    } catch (e) {
      const error = this.deps.toError(e);
      const now = store.draft(job.segmentId, job.lang);
      const asking = error.code === 'cell.conflict' && this.deps.onConflict !== undefined;
      store.setDraft(job.segmentId, job.lang, {
        text: now?.text ?? text,
        state: 'failed',
        error,
        ...(asking ? { conflict: 'asking' as const } : {}),
      });
      if (asking && this.deps.onConflict) {
        this.deps.onConflict({
          segmentId: job.segmentId,
          lang: job.lang,
          mine: now?.text ?? text,
          theirs: String(error.params?.text ?? ''),
          theirsRev: Number(error.params?.rev ?? baseRev ?? 0),
        });
        return false;
      }
      if (REFUSED_FOR_GOOD.has(error.code)) {
        // Asking again would get the same answer: say why once, keep the text, and wait for the person.
        store.setDraft(job.segmentId, job.lang, {
          text: now?.text ?? text,
          state: 'failed',
          error,
          refused: true,
        });
        this.deps.onFailure(error);
        return false;
      }
      const again = this.pending.get(key);
      this.pending.set(key, { ...job, elapsedMs: job.elapsedMs + (again?.elapsedMs ?? 0) });
      if (!this.failing) this.deps.onFailure(error);
      this.failing = true;
      this.scheduleRetry();
      return false;
    }
  }

  private scheduleRetry(): void {
    if (this.retryTimer !== null) return;
    this.retryTimer = this.setTimer(() => {
      this.retryTimer = null;
      void this.flush();
    }, this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
  }
}
