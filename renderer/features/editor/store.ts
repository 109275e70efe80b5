import type { ApiError, Project, Segment, TargetLang } from '../../../electron/contract';

/** Where an edit stands: typed but not sent, on its way, on disk, or refused (kept in memory, retried). */
export type SaveState = 'dirty' | 'saving' | 'saved' | 'failed';

/** Text the reviewer typed that the Node side does not have yet, and how its save goes. */
export interface Draft {
  text: string;
  state: Exclude<SaveState, 'saved'>;
  error?: ApiError;
  /**
   * A save refused because someone else saved the cell first (`cell.conflict`; state `failed`, never retried):
   * `asking` while the person is asked which version to keep, `held` once they closed that without choosing.
   */
  conflict?: 'asking' | 'held';
  /**
   * Refused for good (the language was signed off or is not this person's, the row is gone): not retried, since
   * the answer would be the same. The text stays here; typing in the cell again tries again.
   */
  refused?: true;
}

/** How a draft is shown: its save state, or where a conflict stands (see {@link Draft.conflict}). */
export type DraftView = Exclude<SaveState, 'saved'> | 'conflict' | 'signin' | 'held' | 'refused';

/** The header's one word for the whole project: every draft's {@link DraftView}, or all saved. */
export type SaveSummary = DraftView | 'saved';

/** A draft's {@link DraftView}. */
export function draftView(d: Draft): DraftView {
  if (d.state === 'failed' && d.conflict) return d.conflict === 'asking' ? 'conflict' : 'held';
  if (d.state === 'failed' && d.refused) return 'refused';
  // The host was restarted (or this page was never signed in): nothing is saved until the person signs in again.
  if (d.state === 'failed' && d.error?.code === 'api.sessionExpired') return 'signin';
  return d.state;
}

/** The key of one target cell in maps. */
export const cellKey = (segmentId: string, lang: TargetLang) => `${lang}:${segmentId}`;

type Listener = () => void;

/**
 * The open project on the UI side: one source of truth for replies, pushed events and project swaps, with
 * per-row subscriptions so a save, approval or progress event re-renders only the rows it touches, and cell
 * revision numbers so a late event never overwrites newer state. Drafts (unsent typing) live here too, so text
 * survives its editor being unmounted by virtualization.
 */
export class ReviewStore {
  private project: Project | null = null;
  private index = new Map<string, number>();
  private drafts = new Map<string, Draft>();
  private rowListeners = new Map<string, Set<Listener>>();
  private dataListeners = new Set<Listener>();
  private saveListeners = new Set<Listener>();
  private textListeners = new Map<string, Set<Listener>>();
  private openDiffs = new Set<string>();
  private seenDiffs = new Set<string>();
  private version = 0;
  private saveVersion = 0;

  /** The project as last known (a new object after every change, so it can be a snapshot). */
  getProject = (): Project | null => this.project;
  /** Raised by every change to segments or the project. */
  getVersion = (): number => this.version;
  /** Raised whenever a draft changes save state (not on every keystroke). */
  getSaveVersion = (): number => this.saveVersion;

  /** Article index of a row, or -1. */
  indexOf(id: string): number {
    return this.index.get(id) ?? -1;
  }

  segment(id: string): Segment | undefined {
    const i = this.index.get(id);
    return i === undefined ? undefined : this.project?.segments[i];
  }

  /** Subscribe to any change of the project's data (progress, filters); returns the unsubscribe function. */
  subscribe = (listener: Listener): (() => void) => {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  };

  /** Subscribe to one row: its segment and its drafts. */
  subscribeRow(id: string, listener: Listener): () => void {
    let set = this.rowListeners.get(id);
    if (!set) this.rowListeners.set(id, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.rowListeners.delete(id);
    };
  }

  /** Subscribe to save-state changes (the header's saved / saving / not saved). */
  subscribeSaves = (listener: Listener): (() => void) => {
    this.saveListeners.add(listener);
    return () => this.saveListeners.delete(listener);
  };

  /**
   * Subscribe to every keystroke's text of one cell (only what follows typing live, e.g. the focused cell's QA
   * findings, should: rows are told about save-state changes only).
   */
  subscribeText(segmentId: string, lang: TargetLang, listener: Listener): () => void {
    const key = cellKey(segmentId, lang);
    let set = this.textListeners.get(key);
    if (!set) this.textListeners.set(key, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.textListeners.delete(key);
    };
  }

  /** Show another project (or none). Drafts of the previous one must have been flushed by the caller. */
  setProject(project: Project | null): void {
    this.project = project;
    this.index = new Map(project?.segments.map((s, i) => [s.id, i]) ?? []);
    this.drafts.clear();
    this.openDiffs.clear();
    this.seenDiffs.clear();
    this.bump(null);
    this.bumpSaves();
  }

  /**
   * Merge newer versions of rows (a reply or a pushed event). Cells whose `rev` is older than what the store has
   * are kept; rows of another project are ignored. Returns the ids that changed.
   */
  applySegments(projectId: string, updates: readonly Segment[]): string[] {
    const project = this.project;
    if (!project || project.id !== projectId || updates.length === 0) return [];
    const segments = project.segments.slice();
    const changed: string[] = [];
    for (const incoming of updates) {
      const i = this.index.get(incoming.id);
      if (i === undefined) continue;
      const current = segments[i]!;
      const staleVi = (incoming.targets.vi.rev ?? 0) < (current.targets.vi.rev ?? 0);
      const staleEn = (incoming.targets.en.rev ?? 0) < (current.targets.en.rev ?? 0);
      if (staleVi && staleEn) continue;
      const next: Segment = {
        ...incoming,
        targets: {
          vi: staleVi ? current.targets.vi : incoming.targets.vi,
          en: staleEn ? current.targets.en : incoming.targets.en,
        },
      };
      // Pushed updates often repeat what is on screen; equal rows keep their identity and do not re-render.
      if (JSON.stringify(next) === JSON.stringify(current)) continue;
      segments[i] = next;
      changed.push(incoming.id);
    }
    if (changed.length === 0) return [];
    this.project = { ...project, segments };
    this.bump(changed);
    return changed;
  }

  /** Replace project-level fields (name, English variant, glossary) without touching rows. */
  patchProject(patch: Partial<Omit<Project, 'segments' | 'id'>>): void {
    if (!this.project) return;
    this.project = { ...this.project, ...patch };
    this.bump([]);
  }

  draft(segmentId: string, lang: TargetLang): Draft | undefined {
    return this.drafts.get(cellKey(segmentId, lang));
  }

  /** Every unsent or failed draft, by cell key. */
  allDrafts(): ReadonlyMap<string, Draft> {
    return this.drafts;
  }

  /**
   * Record typing or a save-state change. Only the row is told about text changes; the header is told when the
   * state changes, so a keystroke costs one row render at most.
   */
  setDraft(segmentId: string, lang: TargetLang, draft: Draft | null): void {
    const key = cellKey(segmentId, lang);
    const before = this.drafts.get(key);
    if (draft) this.drafts.set(key, draft);
    else this.drafts.delete(key);
    for (const l of this.textListeners.get(key) ?? []) l();
    if (
      before?.state !== draft?.state ||
      before?.error !== draft?.error ||
      before?.conflict !== draft?.conflict
    ) {
      this.notifyRow(segmentId);
      this.bumpSaves();
    }
  }

  /** True while the row shows its changes (Korean revision diff, machine-text diffs). */
  isDiffOpen(id: string): boolean {
    return this.openDiffs.has(id);
  }

  /** True once the row's changes have been on screen: a revised row may be approved only then. */
  diffSeen(id: string): boolean {
    return this.seenDiffs.has(id);
  }

  /** Show or hide a row's changes (toggle when `open` is not given). */
  toggleDiff(id: string, open = !this.openDiffs.has(id)): void {
    if (open === this.openDiffs.has(id)) return;
    if (open) this.openDiffs.add(id);
    else this.openDiffs.delete(id);
    this.notifyRow(id);
  }

  /** The row rendered its open diff: record that the reviewer has seen it. */
  markDiffSeen(id: string): void {
    this.seenDiffs.add(id);
  }

  /**
   * The header's summary: a choice waiting for the person beats a failure being retried, which beats a save
   * refused for good, which beats a conflict left undecided, which beats saving, which beats saved.
   */
  saveSummary(): SaveSummary {
    const rank: SaveSummary[] = ['conflict', 'signin', 'failed', 'refused', 'held', 'saving'];
    let best = rank.length;
    for (const d of this.drafts.values()) {
      const view = draftView(d);
      best = Math.min(best, rank.indexOf(view === 'dirty' ? 'saving' : view));
      if (best === 0) break;
    }
    return rank[best] ?? 'saved';
  }

  private notifyRow(id: string): void {
    for (const l of this.rowListeners.get(id) ?? []) l();
  }

  private bump(rows: string[] | null): void {
    this.version++;
    if (rows === null) for (const set of this.rowListeners.values()) for (const l of set) l();
    else for (const id of rows) this.notifyRow(id);
    for (const l of this.dataListeners) l();
  }

  private bumpSaves(): void {
    this.saveVersion++;
    for (const l of this.saveListeners) l();
  }
}
