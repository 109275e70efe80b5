import type { CellEdit, TargetLang } from '../../../electron/contract';
import { baseOf, failureStep } from './save-failure';
import { JournalCopy } from './save-journal';
import { RetrySchedule, type Timers } from './save-retry';
import {
  MAX_SENT,
  SAVE_DELAY_MS,
  PAGE_SENDER,
  SaveKeys,
  type SaveConflict,
  type Pending,
  type SaveQueueDeps,
  type TypingBase,
} from './save-types';
import { cellKey } from './store';

export { SAVE_DELAY_MS, type SaveConflict, type SaveQueueDeps } from './save-types';

/**
 * Batches the reviewer's typing into saves. The text lives in the store as a draft until the Node side has it
 * on disk (the reply arrives after the commit), so nothing is shown as saved before it is, and a failed save keeps
 * the text, says so, and tries again. A copy lives in the page journal (browser storage) until then too, so a
 * host restart, a reload or a new sign-in loses nothing.
 */
export class SaveQueue {
  private pending = new Map<string, Pending>();
  /** Per cell with typing: the revision the typing started from (what `baseRev` says), not the latest one seen. */
  private bases = new Map<string, TypingBase>();
  private inFlight = new Map<string, Promise<boolean>>();
  private readonly keys = new SaveKeys();
  private timer: number | null = null;
  private readonly retry: RetrySchedule;
  /** The code of the failure being reported (a streak that changes cause, e.g. host down → signed out, says so). */
  private failing: string | null = null;
  private readonly journalCopy: JournalCopy;
  private readonly timers: Timers;

  constructor(
    private readonly projectId: () => string | null,
    private readonly deps: SaveQueueDeps,
  ) {
    // `globalThis` rather than `window`: the queue also runs in unit tests without a DOM.
    this.timers = {
      set: deps.setTimer ?? ((fn, ms) => globalThis.setTimeout(fn, ms) as unknown as number),
      clear: deps.clearTimer ?? ((id) => globalThis.clearTimeout(id)),
    };
    this.journalCopy = new JournalCopy(deps);
    this.retry = new RetrySchedule(this.timers, () => void this.flush());
  }

  /** The reviewer typed `text` into a cell; it is saved after a pause. */
  edit(segmentId: string, lang: TargetLang, text: string, elapsedMs = 0): void {
    const key = cellKey(segmentId, lang);
    const before = this.pending.get(key);
    // A live update from someone else moves the store's revision on; the typing still started from this one.
    if (!this.bases.has(key) && !this.deps.store.draft(segmentId, lang)) {
      const cell = this.deps.store.segment(segmentId)?.targets[lang];
      if (cell?.rev !== undefined) this.bases.set(key, { ...baseOf(cell), sent: [] });
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
    this.keep(segmentId, lang, text);
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = this.timers.set(() => void this.flush(), SAVE_DELAY_MS);
  }

  /** Esc: forget unsent typing in a cell (what is on disk stays). False when there was none. */
  revert(segmentId: string, lang: TargetLang): boolean {
    const key = cellKey(segmentId, lang);
    if (!this.pending.has(key) || this.inFlight.has(key)) return false;
    this.drop(segmentId, lang);
    return true;
  }

  /**
   * Typing kept from an earlier session (the desk could not take it then, or the page journal kept it over a
   * restart, reload or sign-in): it becomes a draft again, based on the revision it was typed against, and is
   * sent, so a change made meanwhile shows as a conflict. A cell with typing of this session keeps that.
   */
  restore(edit: Pick<CellEdit, 'segmentId' | 'lang' | 'text' | 'baseRev'> & { sent?: string[] }): boolean {
    const key = cellKey(edit.segmentId, edit.lang);
    if (this.pending.has(key) || this.deps.store.draft(edit.segmentId, edit.lang)) return false;
    if (!this.deps.store.segment(edit.segmentId)) return false; // the row is gone; nothing to show it in
    if (edit.baseRev !== undefined) this.bases.set(key, { rev: edit.baseRev, sent: edit.sent ?? [] });
    this.edit(edit.segmentId, edit.lang, edit.text);
    return true;
  }

  /**
   * The page journal's typing for the open project (from before a restart, reload or sign-in) comes back into its
   * cells and is sent with its base revision; entries the host already has are forgotten. Returns how many cells
   * got typing back.
   */
  restoreJournal(): number {
    return this.journalCopy.restoreAll(this.projectId(), (entry) => this.restore(entry));
  }

  /** The other side is back (the desk answered again): send what waits now instead of at the next retry. */
  retryNow(): void {
    this.retry.cancel();
    this.retry.reset();
    if (this.pending.size > 0) void this.flush();
  }

  /**
   * The person chose after a conflict: keep theirs (the typing is dropped, by that choice only), or save `text`
   * (their own, or merged by hand) over the revision they have now seen.
   */
  resolveConflict(conflict: SaveConflict, choice: { keep: 'theirs' } | { text: string }): Promise<boolean> {
    const key = cellKey(conflict.segmentId, conflict.lang);
    if ('keep' in choice) {
      this.drop(conflict.segmentId, conflict.lang);
      return Promise.resolve(true);
    }
    this.bases.set(key, { rev: conflict.theirsRev, sent: [] });
    this.pending.set(key, { segmentId: conflict.segmentId, lang: conflict.lang, elapsedMs: 0 });
    this.deps.store.setDraft(conflict.segmentId, conflict.lang, { text: choice.text, state: 'dirty' });
    this.keep(conflict.segmentId, conflict.lang, choice.text);
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
    if (this.timer !== null) this.timers.clear(this.timer);
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
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
    this.retry.cancel();
  }

  private drop(segmentId: string, lang: TargetLang): void {
    const key = cellKey(segmentId, lang);
    this.pending.delete(key);
    this.bases.delete(key);
    this.deps.store.setDraft(segmentId, lang, null);
    const projectId = this.projectId();
    if (projectId) this.deps.journal?.forget(projectId, segmentId, lang);
    this.deps.onDropped?.(segmentId, lang);
  }

  /** Keep the cell's typing in the page journal, with the revision it builds on. */
  private keep(segmentId: string, lang: TargetLang, text: string): void {
    this.journalCopy.keep(
      this.projectId(),
      { segmentId, lang, text },
      this.bases.get(cellKey(segmentId, lang)),
    );
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
    const base = this.bases.get(key);
    const baseRev = base?.rev ?? store.segment(job.segmentId)?.targets[job.lang].rev;
    if (base && !base.sent.includes(text)) base.sent = [...base.sent, text].slice(-MAX_SENT);
    try {
      const saved = await this.deps.updateCell({
        projectId,
        segmentId: job.segmentId,
        lang: job.lang,
        text,
        elapsedMs: Math.round(job.elapsedMs),
        ...(baseRev !== undefined ? { baseRev } : {}),
        key: this.keys.of(key, text, baseRev),
        sender: PAGE_SENDER,
      });
      this.keys.answered(key);
      store.applySegments(projectId, [saved]);
      const now = store.draft(job.segmentId, job.lang);
      // Typing that happened during the save stays a draft and goes with the next save.
      if (now && now.text === text) {
        store.setDraft(job.segmentId, job.lang, null);
        this.bases.delete(key);
      } else if (now) {
        store.setDraft(job.segmentId, job.lang, { text: now.text, state: 'dirty' });
        // The rest of the typing builds on this save, not on someone else's later change.
        const cell = saved.targets[job.lang];
        if (cell.rev !== undefined) this.bases.set(key, { ...baseOf(cell), sent: [] });
        this.keep(job.segmentId, job.lang, now.text);
      }
      // The host has this text: the page's copy of it can go (newer typing kept meanwhile stays).
      this.deps.journal?.forget(projectId, job.segmentId, job.lang, text);
      this.failing = null;
      this.retry.reset();
      return true;
    } catch (e) {
      return this.failed(key, job, text, baseRev, e);
    }
  }

  private failed(
    key: string,
    job: Pending,
    text: string,
    baseRev: number | undefined,
    e: unknown,
  ): boolean | Promise<boolean> {
    const { store } = this.deps;
    const error = this.deps.toError(e);
    const mine = store.draft(job.segmentId, job.lang)?.text ?? text;
    const theirs = String(error.params?.text ?? '');
    const theirsRev = Number(error.params?.rev ?? baseRev ?? 0);
    const base = this.bases.get(key);
    const step = failureStep({
      error,
      base,
      mine,
      theirs,
      theirsRev,
      baseRev,
      canAsk: !!this.deps.onConflict,
    });
    if (step === 'own') {
      this.bases.set(key, { rev: theirsRev, sent: [] });
      this.pending.set(key, job);
      store.setDraft(job.segmentId, job.lang, { text: mine, state: 'dirty' });
      this.keep(job.segmentId, job.lang, mine);
      return this.sendNow(key);
    }
    const asking = step === 'ask';
    store.setDraft(job.segmentId, job.lang, {
      text: mine,
      state: 'failed',
      error,
      ...(asking ? { conflict: 'asking' as const } : {}),
    });
    this.keep(job.segmentId, job.lang, mine);
    if (asking) {
      this.deps.onConflict?.({ segmentId: job.segmentId, lang: job.lang, mine, theirs, theirsRev });
      return false;
    }
    if (step === 'refused') {
      // Asking again would get the same answer: say why once, keep the text, and wait for the person.
      store.setDraft(job.segmentId, job.lang, { text: mine, state: 'failed', error, refused: true });
      this.deps.onFailure(error);
      return false;
    }
    const again = this.pending.get(key);
    this.pending.set(key, { ...job, elapsedMs: job.elapsedMs + (again?.elapsedMs ?? 0) });
    // Said once per cause: a host that went away and came back without this page's session says so too.
    if (this.failing !== error.code) this.deps.onFailure(error);
    this.failing = error.code;
    this.retry.schedule();
    return false;
  }
}
