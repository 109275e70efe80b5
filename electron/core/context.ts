import type {
  CellRef,
  ChangeOrigin,
  Project,
  ReviewEvent,
  Segment,
  TargetCell,
  TargetLang,
} from '../contract';
import type { Database } from '../services/db';
import { clearRevision } from '../../common/revision';
import { sameText } from '../../common/text/canonical';
import { AppError } from '../services/errors';
import type { MachineTranslation } from '../services/mt';
import * as cells from '../services/project/cells';
import type { ProjectStore, StoreOptions } from '../services/project/store';
import type { SettingsStore } from '../services/settings';
import type { Actor } from './actor';
import { decidedOnDatabase, keyRecorder, keyedOnce, langsScope } from './keyed';

/** What the handler map needs from its host (Electron main, the loopback web host or the CLI). */
export interface CoreOptions {
  dataDir: string;
  /** Where the MT cache lives; `<dataDir>/mt-cache` unless given (the CLI shares the app's). */
  cacheDir?: string;
  /** The data folder whose database holds the MT cache, when not `dataDir`'s (the CLI shares the app's). */
  cacheDataDir?: string;
  now: () => Date;
  appVersion: string;
  mode: 'electron' | 'browser';
  systemLocale: string;
  /** The article opened as a new project on first start. */
  samplePath: string;
  settings: SettingsStore;
  /** Push an event to the UI. */
  emit: (event: ReviewEvent) => void;
  /** An already open database (the team desk's PostgreSQL); the embedded one in `dataDir` when absent. */
  database?: Database;
  /** Record a change's event in the change's own transaction (the desk's outbox, see services/desk/outbox.ts). */
  record?: StoreOptions['record'];
  /**
   * Deliver pushed events at once instead of holding them until the UI's `uiReady` (a desk server serves many
   * people whose streams come and go; its host filters each stream itself).
   */
  deliverBeforeReady?: boolean;
}

/**
 * The services every domain's handlers share. Built once by `createCore`; each `core/<domain>.ts` module takes it
 * and returns its part of the handler map, so a new capability is a new module, not a longer function.
 */
export interface CoreContext {
  opts: CoreOptions;
  /** The app's database (projects, history, memory, caches); one per data folder. */
  database: Database;
  /** The database holding the translation memory: `database`, except in the CLI (the app's, shared). */
  memoryDatabase: Database;
  /** Who the running request acts for: the signed-in desk user, else the reviewer name from Settings. */
  actor: () => Actor;
  store: ProjectStore;
  mt: MachineTranslation;
  settings: SettingsStore;
  emit: (event: ReviewEvent) => void;
  now: () => Date;
  /** The current time as an ISO string. */
  iso: () => string;
  /** Translation runs in progress, by project id, so they can be cancelled. */
  running: Map<string, AbortController>;
  /**
   * Change one target cell through a pure rule, keep captions in step, and return the updated row once committed.
   * `baseRev`: the revision the user was looking at; a newer one refuses the change with `cell.conflict` unless
   * the cell already holds `text`, the text this change writes (a save committed but not answered, sent again:
   * the sender's own text, answered with the row as stored, not a conflict with itself).
   */
  changeCell(
    ref: CellRef,
    rule: (cell: TargetCell, segment: Segment) => TargetCell | null,
    options?: { origin?: ChangeOrigin; baseRev?: number; text?: string; key?: string; sender?: string },
  ): Promise<Segment>;
  /**
   * Change several languages of one row through the same rule as one change (one transaction, one undo step):
   * when the rule refuses any of them, none changes.
   */
  changeCells(
    ref: { projectId: string; segmentId: string },
    langs: readonly TargetLang[],
    rule: (cell: TargetCell, segment: Segment) => TargetCell | null,
    options?: { origin?: ChangeOrigin; key?: string },
  ): Promise<Segment>;
}

/** The row `segmentId` of a project and its index, when the reviewer may work on it. */
function reviewableRow(project: Project, segmentId: string): { segment: Segment; index: number } {
  // Looked up inside the change: rows may have moved while earlier changes were committed.
  const index = project.segments.findIndex((s) => s.id === segmentId);
  if (index < 0) throw new AppError('project.segmentNotFound');
  const segment = project.segments[index]!;
  if (!cells.isReviewable(segment)) throw new AppError('project.notReviewable');
  return { segment, index };
}

/** The row with one cell replaced; approving a language settles its own revision mark only. */
function withCell(segment: Segment, lang: TargetLang, next: TargetCell): Segment {
  const updated: Segment = { ...segment, targets: { ...segment.targets, [lang]: next } };
  return next.status === 'approved' ? clearRevision(updated, lang) : updated;
}

/** Put the changed row in the project and keep its captions in step; returns the row. */
function place(project: Project, index: number, updated: Segment): Segment {
  project.segments[index] = updated;
  cells.mirrorCaptions(project.segments, new Set([updated.id]));
  return updated;
}

/**
 * Build {@link CoreContext.changeCell} over a store (the store emits `segments-updated` after the commit). A save
 * with a key records it in its transaction, with the revision it makes (see {@link keyedChanges}).
 */
export function cellChanger(store: ProjectStore): CoreContext['changeCell'] {
  return keyedChanges(store, async (ref, rule, options = {}) => {
    await store.segment(ref.projectId, ref.segmentId);
    let rev = 0;
    let idle = false;
    const within = options.key ? keyRecorder(store, ref, options.key, () => rev) : undefined;
    const change = () =>
      store.update(
        ref.projectId,
        (project) => {
          idle = false;
          const { segment, index } = reviewableRow(project, ref.segmentId);
          const current = segment.targets[ref.lang];
          if (options.baseRev !== undefined && (current.rev ?? 0) > options.baseRev) {
            // The text it wants is already there (the same text to a reader, in whichever Unicode form).
            if (options.text !== undefined && sameText(current.text, options.text)) return segment;
            throw new AppError('cell.conflict', {
              text: current.text,
              rev: current.rev ?? 0,
              status: current.status,
            });
          }
          const next = rule(current, segment);
          if (next === null) throw new AppError('project.nothingToApprove');
          idle = next === current;
          rev = (current.rev ?? 0) + 1; // the write is conditional on the copy's revision
          return place(project, index, withCell(segment, ref.lang, next));
        },
        {
          ...(options.origin ? { origin: options.origin } : {}),
          ...(options.sender ? { sender: options.sender } : {}),
          ...(within ? { within } : {}),
        },
      );
    return decidedOnDatabase(store, ref, change, () => idle);
  });
}

/** Build {@link CoreContext.changeCells} over a store: one change, so one undo step, all languages or none. */
export function rowChanger(store: ProjectStore): CoreContext['changeCells'] {
  return async (ref, langs, rule, options = {}) => {
    await store.segment(ref.projectId, ref.segmentId);
    const scope = { ...ref, lang: langsScope(langs) };
    const within = options.key ? keyRecorder(store, scope, options.key) : undefined;
    let idle = false;
    const change = () =>
      store.update(
        ref.projectId,
        (project) => {
          const { segment, index } = reviewableRow(project, ref.segmentId);
          let updated = segment;
          idle = true;
          for (const lang of new Set(langs)) {
            const next = rule(segment.targets[lang], segment);
            // One language refused refuses the row: nothing of it is written.
            if (next === null) throw new AppError('project.nothingToApproveRow', { lang });
            idle &&= next === segment.targets[lang];
            updated = withCell(updated, lang, next);
          }
          return place(project, index, updated);
        },
        { ...(options.origin ? { origin: options.origin } : {}), ...(within ? { within } : {}) },
      );
    return keyedOnce(store, scope, options.key, () => decidedOnDatabase(store, ref, change, () => idle));
  };
}

/** {@link CoreContext.changeCell} for changes that carry their sender's key (see {@link keyedOnce}). */
export function keyedChanges(
  store: ProjectStore,
  change: CoreContext['changeCell'],
): CoreContext['changeCell'] {
  return (ref, rule, options = {}) => keyedOnce(store, ref, options.key, () => change(ref, rule, options));
}
