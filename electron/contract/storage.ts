import type { ApiError } from './errors';
import type { CellStatus, Segment, TargetLang } from './model';

// Storage: history, undo, project management, backups.
// Types and constants only: the renderer bundles this (see ../contract.ts).

/** What made a change to a cell, as recorded in its history. */
export type ChangeOrigin =
  | 'typing'
  | 'approval'
  | 'unapproval'
  | 'machine'
  | 'suggestion'
  | 'tm'
  | 'memory'
  | 'comment'
  | 'translatable'
  | 'replace-all'
  | 'xliff-import'
  | 'revision-merge'
  | 'restore'
  | 'undo'
  | 'redo';

/** One change of one cell: what it was before and after, who and what did it, when. */
export interface CellVersion {
  id: string;
  segmentId: string;
  lang: TargetLang;
  text: string;
  status: CellStatus;
  previousText: string;
  previousStatus: CellStatus;
  by: string;
  at: string;
  origin: ChangeOrigin;
}

/** What an undo or redo changed, and whether more can be undone or redone. */
export interface UndoResult {
  segments: Segment[];
  /** The cells the step put back (a step spans several only when one command changed them all). */
  cells: Array<{ segmentId: string; lang: TargetLang }>;
  /** The kind of change that was undone/redone, or null when there was nothing to do. */
  origin: ChangeOrigin | null;
  canUndo: boolean;
  canRedo: boolean;
}

/** Find & replace within one target language. Approved cells are left alone unless `includeApproved`. */
export interface ReplaceRequest {
  projectId: string;
  lang: TargetLang;
  find: string;
  replace: string;
  matchCase?: boolean;
  wholeWord?: boolean;
  includeApproved?: boolean;
  /** Only these rows (a replacement step by step); all rows when left out. */
  segmentIds?: string[];
  /** The sender's key of this replacement (sent again after no answer: answered as done, not replaced again). */
  key?: string;
}

/** What a replace-all changed (one undoable step). */
export interface ReplaceResult {
  segments: Segment[];
  replaced: number;
  skippedApproved: number;
}

/** One backup of the database (rolling: daily and before each migration). */
export interface BackupInfo {
  name: string;
  /** ISO time the copy was made. */
  at: string;
  bytes: number;
  reason: 'daily' | 'pre-migration' | 'manual';
}

/**
 * Whether the data folder's database opened. When it did not (read-only or full disk, locked, corrupt, from a newer
 * version), `error` says why and the app works only on recovery: listing and restoring backups.
 */
export interface StorageStatus {
  ok: boolean;
  error?: ApiError;
  /**
   * The database is open but writes fail now, and why (`storage.diskFull`, `storage.readOnly`,
   * `storage.permissionDenied`, `storage.locked`): set from the failed write until writes work again.
   */
  writeProblem?: ApiError;
  backups: BackupInfo[];
}

/** A file carried through the API as base64 (portable project files, TMX). */
export interface FilePayload {
  fileName: string;
  dataBase64: string;
}
