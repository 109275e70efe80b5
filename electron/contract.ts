/**
 * The one typed API between the UI (renderer) and the Node side.
 *
 * Everything the renderer may ask for is a method of {@link ReviewApi}. The preload script implements it over
 * Electron IPC, the loopback host (`web.ts`) over HTTP, and both dispatch to one handler map typed from
 * {@link ApiHandlers}, so a method without a handler does not compile. This file and `contract/*.ts` hold only
 * types and constants, no runtime dependency: the renderer and the sandboxed preload bundle them.
 *
 * The data types live by domain in `contract/*.ts` and are re-exported here: everyone imports this file.
 */
import type {
  DeskConnection,
  DeskProjectAccess,
  DeskRole,
  DeskUser,
  KeptEdit,
  PresenceEntry,
} from './contract/desk';
import type {
  AppInfo,
  EnglishVariant,
  GlossaryEntry,
  Project,
  ProjectSummary,
  Segment,
  SettingsPatch,
  SettingsView,
  TargetLang,
} from './contract/model';
import type {
  QaCheckId,
  QaContext,
  QaDismissRequest,
  TermEntry,
  TermFileFormat,
  TermInput,
} from './contract/qa';
import type {
  CellEdit,
  CellRef,
  ExportFile,
  ExportPreview,
  ExportRequest,
  ImportOutcome,
  ImportRequest,
  InterchangeImportRequest,
  InterchangeImportSummary,
  QaIssue,
  SaveResult,
  TranslateEstimate,
  TranslateRequest,
  TranslateSummary,
  UsageView,
} from './contract/requests';
import type { AboutInfo } from './contract/shell';
import type {
  BackupInfo,
  CellVersion,
  FilePayload,
  ReplaceRequest,
  ReplaceResult,
  StorageStatus,
  UndoResult,
} from './contract/storage';
import type { TmImportSummary, TmMatch } from './contract/tm';

export * from './contract/model';
export * from './contract/requests';
export * from './contract/storage';
export * from './contract/tm';
export * from './contract/interchange';
export * from './contract/qa';
export * from './contract/shell';
export * from './contract/desk';

/** Events pushed from the Node side to the UI. */
export type ReviewEvent =
  | {
      type: 'mt-progress';
      projectId: string;
      lang: TargetLang;
      done: number;
      total: number;
    }
  | { type: 'segments-updated'; projectId: string; segments: Segment[] }
  | { type: 'mt-finished'; summary: TranslateSummary }
  /** The desktop menu (File › Open) or a file passed on the command line opened a project. */
  | { type: 'project-opened'; outcome: ImportOutcome }
  /** Something the user started outside the UI (e.g. File › Open) failed. */
  | { type: 'error'; error: ApiError }
  /** The desktop menu asked the UI to show a help screen (Help › About, Help › Keyboard shortcuts). */
  | { type: 'show-help'; topic: 'about' | 'shortcuts' }
  /** Team desk: who is on which row of a project (the full list for that project). */
  | { type: 'presence'; projectId: string; entries: PresenceEntry[] }
  /** Desktop as a desk client: the link to the desk changed (reachable again, unreachable, signed out). */
  | { type: 'desk-connection'; connection: DeskConnection };

/**
 * The whole API the renderer may use. Every method is a request/response over one channel; `onEvent` is the one
 * push stream. Errors arrive as rejected promises whose message is an `errors:` code (see {@link ApiError}).
 */
export interface ReviewApi {
  getAppInfo(): Promise<AppInfo>;
  listProjects(): Promise<ProjectSummary[]>;
  openProject(projectId: string): Promise<Project>;
  /** The last project opened, or, on first start, a new project made from the sample article. */
  openLastProject(): Promise<Project>;
  importArticle(req: ImportRequest): Promise<ImportOutcome>;
  /** Import pasted text as a new project. */
  importText(req: { text: string; name?: string; acceptNonKorean?: boolean }): Promise<ImportOutcome>;
  updateCell(edit: CellEdit): Promise<Segment>;
  approveCell(ref: CellRef): Promise<Segment>;
  /** Take an approved cell back to edited. */
  unapproveCell(ref: CellRef): Promise<Segment>;
  /** Replace the cell text with its pending machine suggestion. */
  acceptSuggestion(ref: CellRef): Promise<Segment>;
  setComment(ref: CellRef & { comment: string }): Promise<Segment>;
  setTranslatable(req: { projectId: string; segmentId: string; translate: boolean }): Promise<Segment>;
  updateGlossary(req: { projectId: string; entries: GlossaryEntry[] }): Promise<Project>;
  setEnglishVariant(req: { projectId: string; variant: EnglishVariant }): Promise<Project>;
  translate(req: TranslateRequest): Promise<TranslateSummary>;
  /** What a run would fill from the memory and send to DeepL (characters, cells) and the account's usage. */
  estimateTranslation(req: TranslateRequest): Promise<TranslateEstimate>;
  cancelTranslation(projectId: string): Promise<void>;
  getUsage(): Promise<UsageView>;
  getSettings(): Promise<SettingsView>;
  updateSettings(patch: SettingsPatch): Promise<SettingsView>;
  previewExport(req: ExportRequest): Promise<ExportPreview>;
  buildExport(req: ExportRequest): Promise<ExportFile>;
  /** Desktop only: ask where to save, then write atomically (the dialog asks before replacing a file). */
  saveExport(req: ExportRequest): Promise<SaveResult>;
  importInterchange(req: InterchangeImportRequest): Promise<InterchangeImportSummary>;
  runQa(projectId: string): Promise<QaIssue[]>;

  // Storage: history, undo, project management
  /** Every recorded change of one cell, newest first. */
  cellHistory(ref: CellRef): Promise<CellVersion[]>;
  /** Put a cell back to an earlier version (itself an undoable change). */
  restoreCellVersion(req: CellRef & { versionId: string }): Promise<Segment>;
  /** Undo the reviewer's last change group in this project (typing, approval, suggestion, replace-all, merge…). */
  undo(projectId: string): Promise<UndoResult>;
  redo(projectId: string): Promise<UndoResult>;
  replaceAll(req: ReplaceRequest): Promise<ReplaceResult>;
  renameProject(req: { projectId: string; name: string }): Promise<ProjectSummary>;
  /** Move a project to the trash (restorable). */
  deleteProject(projectId: string): Promise<void>;
  listTrash(): Promise<ProjectSummary[]>;
  restoreProject(projectId: string): Promise<ProjectSummary>;
  /** The portable, versioned project file (File › Export project). */
  exportProjectFile(projectId: string): Promise<FilePayload>;
  importProjectFile(req: FilePayload): Promise<Project>;
  /** Did the database open? (The start-up error screen asks first.) */
  storageStatus(): Promise<StorageStatus>;
  listBackups(): Promise<BackupInfo[]>;
  /** Put a backup in place of the database (the current file is kept aside) and reopen it. */
  restoreBackup(name: string): Promise<StorageStatus>;

  // Translation memory
  /** Memory matches for one cell (100 %/101 % and fuzzy ≥ 75 %), best first. */
  tmLookup(ref: CellRef): Promise<TmMatch[]>;
  importTmx(req: FilePayload): Promise<TmImportSummary>;
  /** The whole memory as TMX 1.4b. */
  exportTmx(): Promise<FilePayload>;

  // Quality checks and termbase
  /** Terms, switched-off checks and "not an error" marks of a project, for checking cells in the UI. */
  qaContext(projectId: string): Promise<QaContext>;
  /** Mark a finding "not an error" (who: the acting reviewer) or take the mark back. */
  dismissQaIssue(req: QaDismissRequest): Promise<QaContext>;
  /** Switch one check on or off (for every project). */
  setQaCheck(req: { check: QaCheckId; enabled: boolean }): Promise<QaCheckId[]>;
  /** The desk's shared terms plus the project's own. */
  listTerms(projectId: string | null): Promise<TermEntry[]>;
  saveTerm(req: TermInput): Promise<TermEntry>;
  deleteTerm(termId: string): Promise<void>;
  /** Import CSV or TBX-Basic into the desk termbase or a project's; returns how many were added or updated. */
  importTerms(req: FilePayload & { scope: 'desk' | 'project'; projectId?: string }): Promise<{
    imported: number;
    skipped: number;
  }>;
  exportTerms(req: { projectId: string | null; format: TermFileFormat }): Promise<FilePayload>;

  // Interchange: XLIFF round trip, OmegaT, imports
  /**
   * Stop an article import (they run in a worker thread), or every one in progress when no id is given; the import
   * then fails with `import.cancelled` and nothing is written.
   */
  cancelImport(importId?: string): Promise<void>;

  // Team desk
  /** The signed-in desk account, or null in the single-user app. */
  deskWhoAmI(): Promise<DeskUser | null>;
  /** Editor: every account of the desk (to assign languages). */
  deskListUsers(): Promise<DeskUser[]>;
  /** Admin: create an account. */
  deskCreateUser(req: { name: string; role: DeskRole; password: string }): Promise<DeskUser>;
  /** Admin: change an account's role or password, or disable it (ends its sessions). */
  deskUpdateUser(req: {
    userId: string;
    role?: DeskRole;
    password?: string;
    disabled?: boolean;
  }): Promise<DeskUser>;
  /** Assignments and sign-offs of one project. */
  deskProjectAccess(projectId: string): Promise<DeskProjectAccess>;
  /** Editor: assign (or unassign) a project's language to a reviewer. */
  deskAssign(req: {
    projectId: string;
    lang: TargetLang;
    userId: string;
    assigned: boolean;
  }): Promise<DeskProjectAccess>;
  /** Editor: sign off a language (locks it: no more edits, ready for export) or take the sign-off back. */
  deskSignOff(req: { projectId: string; lang: TargetLang; signed: boolean }): Promise<DeskProjectAccess>;
  /** Say which cell this person is on (null: just the project); others get a `presence` event. */
  setPresence(req: { projectId: string; segmentId: string | null; lang: TargetLang | null }): Promise<void>;
  /** Who is on a project now. */
  listPresence(projectId: string): Promise<PresenceEntry[]>;

  // Desk client: this app working on a team desk (Settings › Desk)
  /** Whether this app works on a desk, and how the link stands. */
  deskConnection(): Promise<DeskConnection>;
  /**
   * Sign in to a desk at `address` (https, or http on this computer) and work on it from now on; the address is
   * remembered, the password is not. Refused with a clear message when the desk cannot be reached or the sign-in
   * is wrong; the app then stays as it was.
   */
  deskConnect(req: { address: string; name: string; password: string }): Promise<DeskConnection>;
  /** Sign out and work on this computer's own data folder again (edits kept for the desk stay kept). */
  deskDisconnect(): Promise<DeskConnection>;
  /** Edits of a project typed while the desk could not take them, to be sent again (conflicts shown as usual). */
  deskKeptEdits(projectId: string): Promise<KeptEdit[]>;
  /** Forget a kept edit the person chose to drop (kept theirs after a conflict, or Esc). */
  deskForgetKept(ref: CellRef): Promise<void>;

  // Shell: about, desktop
  /** Versions and licences for Help › About. */
  getAbout(): Promise<AboutInfo>;

  // Editor
  /**
   * The UI is subscribed to pushed events and wants them. The host holds events back until the first call, so
   * nothing pushed at start (a file from the command line, the first progress) is lost.
   */
  uiReady(): Promise<void>;

  /** Subscribe to pushed events; returns the unsubscribe function. */
  onEvent(listener: (event: ReviewEvent) => void): () => void;
}

/** The request/response methods of {@link ReviewApi} (everything but the event stream). */
export type ApiMethod = Exclude<keyof ReviewApi, 'onEvent'>;

/** Channel name of each method, `domain:verb`. */
export const CHANNELS = {
  getAppInfo: 'app:info',
  listProjects: 'project:list',
  openProject: 'project:open',
  openLastProject: 'project:openLast',
  importArticle: 'project:import',
  importText: 'project:importText',
  updateCell: 'cell:update',
  approveCell: 'cell:approve',
  unapproveCell: 'cell:unapprove',
  acceptSuggestion: 'cell:acceptSuggestion',
  setComment: 'cell:comment',
  setTranslatable: 'segment:setTranslatable',
  updateGlossary: 'glossary:update',
  setEnglishVariant: 'project:setEnglishVariant',
  translate: 'mt:translate',
  estimateTranslation: 'mt:estimate',
  cancelTranslation: 'mt:cancel',
  getUsage: 'mt:usage',
  getSettings: 'settings:get',
  updateSettings: 'settings:update',
  previewExport: 'export:preview',
  buildExport: 'export:build',
  saveExport: 'export:save',
  importInterchange: 'interchange:import',
  runQa: 'qa:run',

  // Storage: history, undo, project management
  cellHistory: 'history:cell',
  restoreCellVersion: 'history:restore',
  undo: 'history:undo',
  redo: 'history:redo',
  replaceAll: 'cell:replaceAll',
  renameProject: 'project:rename',
  deleteProject: 'project:delete',
  listTrash: 'project:listTrash',
  restoreProject: 'project:restore',
  exportProjectFile: 'project:exportFile',
  importProjectFile: 'project:importFile',
  storageStatus: 'storage:status',
  listBackups: 'storage:listBackups',
  restoreBackup: 'storage:restoreBackup',

  // Translation memory
  tmLookup: 'tm:lookup',
  importTmx: 'tm:importTmx',
  exportTmx: 'tm:exportTmx',

  // Quality checks and termbase
  qaContext: 'qa:context',
  dismissQaIssue: 'qa:dismiss',
  setQaCheck: 'qa:setCheck',
  listTerms: 'term:list',
  saveTerm: 'term:save',
  deleteTerm: 'term:delete',
  importTerms: 'term:import',
  exportTerms: 'term:export',

  // Interchange: XLIFF round trip, OmegaT, imports
  cancelImport: 'import:cancel',

  // Team desk

  // Shell: about, desktop
  getAbout: 'app:about',

  // Editor
  uiReady: 'app:uiReady',
  deskWhoAmI: 'desk:whoAmI',
  deskListUsers: 'desk:listUsers',
  deskCreateUser: 'desk:createUser',
  deskUpdateUser: 'desk:updateUser',
  deskProjectAccess: 'desk:projectAccess',
  deskAssign: 'desk:assign',
  deskSignOff: 'desk:signOff',
  setPresence: 'desk:setPresence',
  listPresence: 'desk:listPresence',
  deskConnection: 'deskClient:connection',
  deskConnect: 'deskClient:connect',
  deskDisconnect: 'deskClient:disconnect',
  deskKeptEdits: 'deskClient:keptEdits',
  deskForgetKept: 'deskClient:forgetKept',
} as const satisfies Record<ApiMethod, `${string}:${string}`>;

/** The channel events are pushed on. */
export const EVENT_CHANNEL = 'event:push';

/** The Node-side implementation of every method: `ipc.ts` and `web.ts` both dispatch to one of these. */
export type ApiHandlers = { [K in ApiMethod]: ReviewApi[K] };

/**
 * How an error crosses the boundary: `code` is an `errors:` i18n key, `params` its interpolation values. Transports
 * serialise it as JSON in the error message so the UI can show it in the UI language.
 */
export interface ApiError {
  code: string;
  params?: Record<string, string | number>;
}

/** Prefix that marks a serialised {@link ApiError} in an error message. */
export const API_ERROR_PREFIX = 'APIERR:';
