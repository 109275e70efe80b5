import { z } from 'zod';
import type { Project, ProjectSummary, Segment } from '../model';
import type {
  BackupInfo,
  CellVersion,
  FilePayload,
  ReplaceResult,
  StorageStatus,
  UndoResult,
} from '../storage';
import {
  CONCORDANCE_MAX_PHRASE,
  TM_BADGE_ROWS,
  type TmBadge,
  type TmConcordanceResult,
  type TmImportSummary,
  type TmMatch,
} from '../tm';
import { method, returns } from '../method';
import { cellRef, changeKey, filePayload, id, keyedCellRef, lang, typed } from '../schemas';

/** An undo's or redo's options: a second argument, so a call with the project id alone works as before. */
const stepOptions = z.object({ key: changeKey.optional() }).strict().optional();

/** Storage (history, undo, project management, backups) and the translation memory. */
export const storageMethods = {
  /** Every recorded change of one cell, newest first. */
  cellHistory: method({
    channel: 'history:cell',
    args: [cellRef],
    returns: returns<CellVersion[]>(),
    desk: 'see',
  }),
  /** Put a cell back to an earlier version (itself an undoable change). */
  restoreCellVersion: method({
    channel: 'history:restore',
    args: [keyedCellRef.extend({ versionId: id }).strict()],
    returns: returns<Segment>(),
    desk: 'edit',
  }),
  /**
   * Undo the reviewer's last change group in this project (typing, approval, suggestion, replace-all, merge…). With
   * the sender's key, sent again after it committed it is answered as done, not a second step undone.
   */
  undo: method({
    channel: 'history:undo',
    args: [id, stepOptions],
    returns: returns<UndoResult>(),
    desk: 'see',
  }),
  redo: method({
    channel: 'history:redo',
    args: [id, stepOptions],
    returns: returns<UndoResult>(),
    desk: 'see',
  }),
  replaceAll: method({
    channel: 'cell:replaceAll',
    args: [
      z
        .object({
          projectId: id,
          lang,
          find: z.string().min(1).max(1000),
          replace: typed(1000),
          matchCase: z.boolean().optional(),
          wholeWord: z.boolean().optional(),
          includeApproved: z.boolean().optional(),
          /** Only these rows (a replacement step by step); every row when left out. */
          segmentIds: z.array(id).max(100_000).optional(),
          /** The sender's key: sent again after it committed, answered as done, not replaced again. */
          key: changeKey.optional(),
        })
        .strict(),
    ],
    returns: returns<ReplaceResult>(),
    desk: 'edit',
  }),
  renameProject: method({
    channel: 'project:rename',
    args: [z.object({ projectId: id, name: z.string().trim().min(1).max(200) }).strict()],
    returns: returns<ProjectSummary>(),
    desk: 'editor',
  }),
  /** Move a project to the trash (restorable). */
  deleteProject: method({ channel: 'project:delete', args: [id], returns: returns<void>(), desk: 'editor' }),
  listTrash: method({
    channel: 'project:listTrash',
    args: [],
    returns: returns<ProjectSummary[]>(),
    desk: 'editor',
  }),
  restoreProject: method({
    channel: 'project:restore',
    args: [id],
    returns: returns<ProjectSummary>(),
    desk: 'editor',
  }),
  /** The portable, versioned project file (File › Export project). */
  exportProjectFile: method({
    channel: 'project:exportFile',
    args: [id],
    returns: returns<FilePayload>(),
    desk: 'see',
  }),
  importProjectFile: method({
    channel: 'project:importFile',
    args: [filePayload],
    returns: returns<Project>(),
    desk: 'create',
  }),
  /** Did the database open? (The start-up error screen asks first.) */
  storageStatus: method({
    channel: 'storage:status',
    args: [],
    returns: returns<StorageStatus>(),
    desk: 'any',
    where: 'local',
  }),
  listBackups: method({
    channel: 'storage:listBackups',
    args: [],
    returns: returns<BackupInfo[]>(),
    desk: 'admin',
    where: 'local',
  }),
  /** Put a backup in place of the database (the current file is kept aside) and reopen it. */
  restoreBackup: method({
    channel: 'storage:restoreBackup',
    args: [z.string().regex(/^[A-Za-z0-9.-]{1,100}$/)],
    returns: returns<StorageStatus>(),
    desk: 'admin',
    where: 'local',
  }),

  // Translation memory
  /** Memory matches for one cell (100 %/101 % and fuzzy ≥ 75 %), best first. */
  tmLookup: method({ channel: 'tm:lookup', args: [cellRef], returns: returns<TmMatch[]>(), desk: 'see' }),
  /** The best memory match of each named row's open cells, where it reaches the badge threshold (grid badges). */
  tmBadges: method({
    channel: 'tm:badges',
    args: [z.object({ projectId: id, segmentIds: z.array(id).min(1).max(TM_BADGE_ROWS) }).strict()],
    returns: returns<TmBadge[]>(),
    desk: 'see',
  }),
  /** Concordance: the newest memory units holding a phrase (Korean in the sources, else in the translations). */
  tmConcordance: method({
    channel: 'tm:concordance',
    args: [
      z
        .object({ phrase: z.string().trim().min(1).max(CONCORDANCE_MAX_PHRASE), lang: lang.optional() })
        .strict(),
    ],
    returns: returns<TmConcordanceResult>(),
    desk: 'any',
  }),
  importTmx: method({
    channel: 'tm:importTmx',
    args: [filePayload],
    returns: returns<TmImportSummary>(),
    desk: 'editor',
  }),
  /** The whole memory as TMX 1.4b. */
  exportTmx: method({ channel: 'tm:exportTmx', args: [], returns: returns<FilePayload>(), desk: 'editor' }),
};
