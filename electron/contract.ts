/**
 * The one typed API between the UI (renderer) and the Node side.
 *
 * Everything the renderer may ask for is a method of {@link ReviewApi}. The preload script implements it over
 * Electron IPC, the loopback host (`web.ts`) over HTTP, and both dispatch to one handler map typed from
 * {@link ApiHandlers}, so a method without a handler does not compile. This file must stay free of runtime
 * imports: the renderer bundles it.
 */

/** Target languages the reviewer works in, side by side. */
export const TARGET_LANGS = ['vi', 'en'] as const;
/** A target language of the project. */
export type TargetLang = (typeof TARGET_LANGS)[number];
/** DeepL needs a regional English; the user picks which. */
export type EnglishVariant = 'en-US' | 'en-GB';
/** Languages of the app's own UI (not of the article). */
export const UI_LANGS = ['en', 'ko', 'vi'] as const;
/** A UI language. */
export type UiLang = (typeof UI_LANGS)[number];

/**
 * What a row of the article is. `picture` carries a caption (translated) and an image link (kept);
 * `caption` is the text line that repeats a picture's caption and follows the picture's translation.
 */
export type SegmentKind =
  | 'headline'
  | 'subheadline'
  | 'heading'
  | 'paragraph'
  | 'list-item'
  | 'picture'
  | 'caption'
  | 'credit'
  | 'copyright';

/**
 * Status of one target cell. `empty`: nothing yet; `machine`: untouched machine translation; `edited`: changed by
 * the reviewer (or typed by hand); `approved`: signed off; `error`: machine translation failed (see `error`).
 */
export type CellStatus = 'empty' | 'machine' | 'edited' | 'approved' | 'error';

/** One translation of one segment into one target language. */
export interface TargetCell {
  /** The current target text (what gets exported once approved). */
  text: string;
  status: CellStatus;
  /** The machine translation this cell was pre-filled with, kept for XLIFF `alt-trans` and the review report. */
  mt?: string;
  /** A newer machine suggestion that was not applied because the reviewer had edited or approved the cell. */
  suggestion?: string;
  /** Error code (an `errors:` i18n key) of the last failed machine translation. */
  error?: string;
  /** Reviewer's note for this cell, exported as an XLIFF note and in the review report. */
  comment?: string;
  /** ISO time of the last change, and of approval. */
  updatedAt?: string;
  approvedAt?: string;
  /** Who approved (the reviewer name from Settings). */
  approvedBy?: string;
  /** Milliseconds the reviewer spent editing this cell, summed over sessions. */
  editMs?: number;
  /**
   * Revision of the cell, raised by every change. A change sent with an older `baseRev` is refused with
   * `cell.conflict` instead of overwriting what someone (or something) else wrote meanwhile.
   */
  rev?: number;
  /** Who wrote the comment, and when. */
  commentBy?: string;
  commentAt?: string;
}

/** What a re-import found for a row compared with the previous version of the article. */
export type SegmentChange = 'new' | 'changed' | 'unchanged';

/** One row of the article: the Korean source and its two translations. */
export interface Segment {
  /** Stable id: survives reloads and re-imports of a revised article. */
  id: string;
  kind: SegmentKind;
  /** Korean text to translate; for a picture, its caption. */
  source: string;
  /** For pictures: the image link, kept untouched in every export. */
  imageUrl?: string;
  /** For a `caption` row: the id of the picture whose caption it repeats (it follows that picture's translation). */
  linkedTo?: string;
  /** False for rows the reviewer chose to export verbatim ("keep the original"); every row is translated by default. */
  translate: boolean;
  targets: Record<TargetLang, TargetCell>;
  /** Set by a re-import of a revised article; cleared when the reviewer approves. */
  change?: SegmentChange;
  /** For a changed row, the previous Korean text, so the reviewer sees what moved. */
  previousSource?: string;
}

/** One glossary entry: a Korean term and its required translations. */
export interface GlossaryEntry {
  ko: string;
  vi: string;
  en: string;
}

/** Where the article came from. */
export interface SourceInfo {
  fileName: string;
  format: 'txt' | 'md' | 'html' | 'docx' | 'paste';
  /** Detected (or user-chosen) text encoding, e.g. `utf-8`, `utf-16le`, `euc-kr`. */
  encoding: string;
  importedAt: string;
}

/** A translation project: one article and its two translations, autosaved. */
export interface Project {
  schemaVersion: 1;
  id: string;
  name: string;
  source: SourceInfo;
  englishVariant: EnglishVariant;
  segments: Segment[];
  glossary: GlossaryEntry[];
  /** Rows removed by the last re-import, kept so their translations are not lost silently. */
  removed?: Segment[];
  /**
   * What recent XLIFF exports wrote, per unit, so a re-import compares export ↔ file ↔ now (three-way) even when
   * another tool stripped the file's notes. Newest last; a few are kept per language.
   */
  exportBaselines?: ExportBaseline[];
  createdAt: string;
  updatedAt: string;
}

/** A line in the project list. */
export interface ProjectSummary {
  id: string;
  name: string;
  updatedAt: string;
  progress: LanguageProgress[];
}

/** Approved / total for one language (totals count only rows that are translated). */
export interface LanguageProgress {
  lang: TargetLang;
  approved: number;
  total: number;
}

/** Facts about the running app the UI needs once at start. */
export interface AppInfo {
  version: string;
  /** `electron`: a desktop window with native dialogs; `browser`: the loopback host. */
  mode: 'electron' | 'browser';
  /** The OS language, as the first default for the UI language. */
  systemLocale: string;
}

/** Where the DeepL key comes from; the key itself never reaches the renderer. */
export type KeySource = 'env' | 'settings' | 'none';

/** Settings as the UI sees them. */
export interface SettingsView {
  /** Where the key for the current server comes from (`none` when the only key was entered for another server). */
  keySource: KeySource;
  /** A key exists but was entered for another server: it is not sent here; enter it again to use it here. */
  keyForOtherServer?: boolean;
  /** True when the key can be stored here (desktop with OS encryption); false in browser mode. */
  canStoreKey: boolean;
  /** A custom DeepL-compatible endpoint (from `DEEPL_SERVER_URL` or Settings), or null for DeepL itself. */
  serverUrl: string | null;
  englishVariant: EnglishVariant;
  /** Name recorded as approver and TMX change id. */
  reviewerName: string;
  /** Send each paragraph with its neighbours as DeepL context (one request per paragraph). */
  paragraphContext: boolean;
  uiLanguage: UiLang | null;
}

/** A change to settings. `deeplAuthKey` is write-only: a string stores it, null forgets it. */
export interface SettingsPatch {
  deeplAuthKey?: string | null;
  serverUrl?: string | null;
  englishVariant?: EnglishVariant;
  reviewerName?: string;
  paragraphContext?: boolean;
  uiLanguage?: UiLang | null;
}

/** An article file handed over by the UI (picker, drop or paste), bytes as base64 so any transport carries them. */
export interface ImportRequest {
  fileName: string;
  dataBase64: string;
  /** Force a text encoding instead of detecting it. */
  encoding?: string;
  /** Re-import a revised version into this project instead of creating a new one. */
  intoProjectId?: string;
  /** The user saw the "does not look Korean" warning and wants to go on. */
  acceptNonKorean?: boolean;
  /**
   * For a re-import: the reviewer confirmed that a revision which shares little with the open article should be
   * merged anyway (otherwise it is refused with `project.differentArticle`).
   */
  confirmDifferentArticle?: boolean;
}

/** What an import did. */
export interface ImportOutcome {
  project: Project;
  encoding: string;
  warnings: string[];
  /** For a re-import: how many rows are new, changed, unchanged, removed. */
  reimport?: { new: number; changed: number; unchanged: number; removed: number };
}

/** Edit the text of one target cell. */
export interface CellEdit {
  projectId: string;
  segmentId: string;
  lang: TargetLang;
  text: string;
  /** Time spent on this edit, added to the cell's `editMs`. */
  elapsedMs?: number;
  /** The cell revision the reviewer was editing; a newer one on the Node side means a conflict. */
  baseRev?: number;
  /** What produced the text: typing (default) or a translation-memory match taken with one key. */
  origin?: 'typing' | 'tm';
}

/** Address of one target cell. */
export interface CellRef {
  projectId: string;
  segmentId: string;
  lang: TargetLang;
}

/** Ask for machine translation of a project's pending cells. */
export interface TranslateRequest {
  projectId: string;
  langs: TargetLang[];
  /** Only these rows (e.g. Retry on failed cells); all pending rows when absent. */
  segmentIds?: string[];
  /** Also ask for new suggestions for edited/approved cells (never overwriting them). */
  refresh?: boolean;
}

/** What a translation run did, per language. */
export interface TranslateSummary {
  projectId: string;
  perLang: Array<{
    lang: TargetLang;
    requested: number;
    translated: number;
    fromCache: number;
    failed: number;
    requests: number;
    billedCharacters: number;
  }>;
  cancelled: boolean;
  /** An `errors:` code when the run stopped early (403, 456, ...), with its parameters. */
  error?: { code: string; params?: Record<string, string | number> };
  /** Machine cells asked again because their source holds a term changed since the last run. */
  termRefresh?: { cells: number; terms: string[] };
}

/** DeepL account usage, for the quota display. */
export interface UsageView {
  characterCount: number;
  characterLimit: number | null;
  nearLimit: boolean;
}

/** Export formats (publishing, review and interchange). */
export const EXPORT_FORMATS = [
  'md',
  'txt',
  'html',
  'docx',
  'review-docx',
  'xliff2',
  'xliff12',
  'tmx',
  'report-html',
  'report-csv',
  'omegat',
] as const;
/** One export format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** How to treat rows that are not approved. */
export type ApprovalPolicy = 'approved-only' | 'include-unapproved';

/** What to export. `lang: 'all'` is for formats that carry both targets (review DOCX, TMX, reports). */
export interface ExportRequest {
  projectId: string;
  lang: TargetLang | 'all';
  format: ExportFormat;
  policy: ApprovalPolicy;
  /** TMX (and the OmegaT package's memory): one unit per paragraph (default) or per sentence. */
  segmentation?: TmxSegmentation;
}

/** Counts shown before an export, and the rows that are not approved. */
export interface ExportPreview {
  perLang: Array<{
    lang: TargetLang;
    approved: number;
    total: number;
    /** 1-based row numbers and ids of rows not approved. */
    gaps: Array<{ index: number; segmentId: string; status: CellStatus }>;
  }>;
}

/** A built export file. */
export interface ExportFile {
  fileName: string;
  mime: string;
  dataBase64: string;
  preview: ExportPreview;
}

/** Result of saving an export through the desktop save dialog. */
export interface SaveResult {
  /** Absolute path written, or null when the user cancelled. */
  path: string | null;
}

/** Bring an XLIFF file edited in another tool back into the project. */
export interface InterchangeImportRequest {
  projectId: string;
  fileName: string;
  dataBase64: string;
  /** Compute the summary and conflicts without changing the project. */
  dryRun?: boolean;
}

/** What a round trip changed. */
export interface InterchangeImportSummary {
  project: Project;
  lang: TargetLang;
  updated: number;
  unchanged: number;
  statusChanged: number;
  /** Cells where both the file and the local project changed since export: local kept, listed here. */
  conflicts: InterchangeConflict[];
  unknownIds: string[];
  /** Which comparison was possible: the stored export (`baseline`), only the file's own notes, or neither. */
  basis?: 'baseline' | 'file-notes' | 'none';
  /** `errors:` codes worth telling the user (e.g. `interchange.inlineCodeDropped`). */
  warnings?: string[];
}

/** A cross-check finding on one row. */
export interface QaIssue {
  segmentId: string;
  lang: TargetLang | 'both';
  /** A `qa:` i18n key. */
  code: string;
  params?: Record<string, string | number>;
  severity: 'error' | 'warning';
  /** Stable across re-runs (row, language, check, key of the value involved): "not an error" marks attach to it. */
  id: string;
  /** Which check found it (each can be switched off). */
  check: QaCheckId;
  /** Set when someone marked it "not an error". */
  dismissal?: QaDismissal;
}

// ── Storage: history, undo, project management ─────────────────────────────────────────────────────────────

/** What made a change to a cell, as recorded in its history. */
export type ChangeOrigin =
  | 'typing'
  | 'approval'
  | 'unapproval'
  | 'machine'
  | 'suggestion'
  | 'tm'
  | 'comment'
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
  backups: BackupInfo[];
}

/** A file carried through the API as base64 (portable project files, TMX). */
export interface FilePayload {
  fileName: string;
  dataBase64: string;
}

// ── Translation memory ───────────────────────────────────────────────────────────────────────────────────────

/**
 * A memory match for one cell. `score` is 0–100 (normalized edit distance of the Korean), 101 for an exact match
 * whose neighbouring rows match too (`kind: 'context'`).
 */
export interface TmMatch {
  id: string;
  score: number;
  kind: 'context' | 'exact' | 'fuzzy';
  /** The memory's Korean source (diff it against the row's source to see what differs). */
  source: string;
  target: string;
  lang: TargetLang;
  projectName?: string;
  reviewer?: string;
  at: string;
}

/** What a TMX import added to the memory. */
export interface TmImportSummary {
  imported: number;
  skipped: number;
}

// ── Interchange: XLIFF round trip, OmegaT, imports ───────────────────────────────────────────────────────────

/** How TMX is segmented: per row (paragraph) or per sentence, for CAT tools with sentence segmentation. */
export type TmxSegmentation = 'paragraph' | 'sentence';

/** What one XLIFF export wrote for one unit: the base of a three-way round trip. */
export interface ExportedUnit {
  text: string;
  status: CellStatus;
  /** The state token as written in the file (XLIFF 2.0 `state`, XLIFF 1.2 `approved`/`state`). */
  state: string;
}

/** One XLIFF export as recorded in the project. */
export interface ExportBaseline {
  /** Also written into the file, so the right export is found when several were made. */
  id: string;
  lang: TargetLang;
  format: 'xliff2' | 'xliff12';
  at: string;
  units: Record<string, ExportedUnit>;
}

/** A cell changed both in the file and here since the export; the local version was kept. */
export interface InterchangeConflict {
  segmentId: string;
  local: string;
  incoming: string;
  localStatus?: CellStatus;
  incomingStatus?: CellStatus | null;
}

// ── Quality checks and termbase ──────────────────────────────────────────────────────────────────────────────────

/** The quality checks, each switchable in Settings (mirrors common/qa QA_CHECKS; a test keeps them equal). */
export const QA_CHECK_IDS = [
  'values',
  'order',
  'protected',
  'placeholder',
  'hangul',
  'terms',
  'forbidden',
  'omission',
  'truncated',
  'crossValues',
  'crossNames',
] as const;
/** One quality check. */
export type QaCheckId = (typeof QA_CHECK_IDS)[number];

/** A "not an error" mark: who, why, when. */
export interface QaDismissal {
  by: string;
  at: string;
  reason: string;
}

/** Mark a finding "not an error" (with a reason), or take the mark back (`reason: null`). */
export interface QaDismissRequest {
  projectId: string;
  issueId: string;
  reason: string | null;
}

/** A termbase entry: shared by the desk (`scope: 'desk'`) or added for one project. */
export interface TermEntry {
  id: string;
  scope: 'desk' | 'project';
  projectId?: string;
  ko: string;
  /** Required translations; alternatives separated by `;`. */
  vi: string;
  en: string;
  note?: string;
  /** Variants a translation must not use. */
  forbiddenVi: string[];
  forbiddenEn: string[];
  updatedAt: string;
  updatedBy: string;
}

/** A new or changed term (`id` absent: new). */
export type TermInput = Omit<TermEntry, 'id' | 'updatedAt' | 'updatedBy'> & { id?: string };

/** Termbase exchange formats. */
export type TermFileFormat = 'csv' | 'tbx';

/** What the renderer needs to check cells as the reviewer types. */
export interface QaContext {
  terms: TermEntry[];
  disabledChecks: QaCheckId[];
  /** Dismissed finding ids with their marks. */
  dismissals: Record<string, QaDismissal>;
}

// ── Team desk ────────────────────────────────────────────────────────────────────────────────────────────────

// ── Shell: about, desktop ────────────────────────────────────────────────────────────────────────────────────

/** Help › About: the app's and the runtime's versions, and the licence of every shipped component. */
export interface AboutInfo {
  name: string;
  version: string;
  mode: AppInfo['mode'];
  /** Electron, Chromium, Node.js, V8 (whichever run this app). */
  runtime: Array<{ name: string; version: string }>;
  /** Every runtime dependency the app ships, with its version and SPDX licence. */
  components: Array<{ name: string; version: string; license: string }>;
}

// ── Editor ───────────────────────────────────────────────────────────────────────────────────────────────────

/** What a desk account may do: a reviewer edits assigned languages, an editor also assigns and signs off, an admin also manages accounts. */
export type DeskRole = 'reviewer' | 'editor' | 'admin';

/** A desk account as the UI sees it (never its password hash). */
export interface DeskUser {
  id: string;
  name: string;
  role: DeskRole;
  /** The newsroom desk the account belongs to; projects of other desks are invisible to it. */
  desk: string;
  disabled: boolean;
  createdAt: string;
}

/** Who a project's languages are assigned to and which are signed off (locked for export). */
export interface DeskProjectAccess {
  projectId: string;
  assignments: Array<{ lang: TargetLang; userId: string; userName: string }>;
  signoffs: Array<{ lang: TargetLang; by: string; at: string }>;
}

/** Someone on a project right now, and the cell they are on. */
export interface PresenceEntry {
  userId: string;
  userName: string;
  projectId: string;
  segmentId: string | null;
  lang: TargetLang | null;
  at: string;
}

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
  | { type: 'presence'; projectId: string; entries: PresenceEntry[] };

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
  /** Stop article imports in progress (they run in a worker thread); the import then fails with `import.cancelled`. */
  cancelImport(): Promise<void>;

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
