import type { InterchangeConflict, InterchangeRefusal, TmxSegmentation } from './interchange';
import type { CellStatus, Project, TargetLang, UiLang } from './model';
import type { QaCheckId, QaDismissal } from './qa';
import type { StyleOutcome } from './house-style';

// Requests and results of the core workflow: import, edit, translate, export, the XLIFF round trip, checks.
// Types and constants only: the renderer bundles this (see ../contract.ts).

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
  /**
   * Names this import so `cancelImport(importId)` stops exactly it, even when the cancel arrives before the import
   * itself (a large file still uploading): it is then refused on arrival.
   */
  importId?: string;
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
  /**
   * What produced the text: typing (default), a translation-memory match taken with one key, or Esc putting back
   * what the cell held before the typing (a step of its own, never part of the typing's).
   */
  origin?: 'typing' | 'tm' | 'restore';
  /**
   * The sending tab or window (one id per page load): typing is one undo step only while it comes from one sender,
   * so the same person typing in two tabs gets a step per tab.
   */
  sender?: string;
  /**
   * The sender's key of this save (the same on every retry of it): a save already committed under it is answered
   * as done, with the row as stored, not refused as a conflict with the sender's own text.
   */
  key?: string;
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
  /** Fill from the translation memory only: no machine translation at all (rows without a match stay empty). */
  memoryOnly?: boolean;
  /**
   * Refuse (`mt.overBudget`, nothing sent) a run that would send DeepL more than this many characters: the UI passes
   * its threshold until the person confirmed the estimate; the CLI's `--max-characters`.
   */
  maxCharacters?: number;
}

/** What a run would cost, asked before it starts (see {@link TranslateRequest.maxCharacters}). */
export interface TranslateEstimate {
  projectId: string;
  /** Characters that would be sent to DeepL (after memory fills and cached translations), all languages. */
  characters: number;
  /** Cells that would be sent to DeepL. */
  rows: number;
  /** Cells the memory fills (101 %/100 %) before anything is sent. */
  fromMemory: number;
  /** The account's usage, when DeepL answered (null: no key, or unreachable). */
  usage: UsageView | null;
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
  /** Cells filled from the translation memory before any machine translation, per language. */
  memory?: Array<{ lang: TargetLang; context: number; exact: number; approved: number }>;
  /** With `memoryOnly`: cells left empty (no memory match), per language. */
  unfilled?: Array<{ lang: TargetLang; cells: number }>;
  /** What became of the house style of each language that has one (sent, not supported there, refused). */
  style?: StyleOutcome[];
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
  /** The file's name as typed in the dialog (made a safe ASCII slug); default: the project's name. */
  name?: string;
  /** The interface language, for the review DOCX and report (default: the app's setting). */
  uiLanguage?: UiLang;
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
  /** Compute the summary and conflicts without changing the project (the import's preview). */
  dryRun?: boolean;
  /**
   * How each conflict is resolved, by segment id: `theirs` takes the file's version, `ours` (the default) keeps
   * the project's. Everything the import applies, choices included, is one undoable step.
   */
  resolutions?: Record<string, 'ours' | 'theirs'>;
}

/** What a round trip changed. */
export interface InterchangeImportSummary {
  project: Project;
  lang: TargetLang;
  updated: number;
  unchanged: number;
  statusChanged: number;
  /** Cells where both the file and the local project changed since export: local kept unless resolved `theirs`. */
  conflicts: InterchangeConflict[];
  /** Conflicts resolved as the file's version (applied; counted in `updated`/`statusChanged` too). */
  tookTheirs?: string[];
  /** Units whose target cannot be read back exactly (an inline code with nothing to put back): not applied. */
  refused?: InterchangeRefusal[];
  /** Cells that had text and that the file empties on purpose (an explicit empty target). */
  emptied?: string[];
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
  /** Only errors block approval and export; a note never does. */
  severity: 'error' | 'warning' | 'note';
  /** Stable across re-runs (row, language, check, key of the value involved): "not an error" marks attach to it. */
  id: string;
  /** Which check found it (each can be switched off). */
  check: QaCheckId;
  /** Set when someone marked it "not an error". */
  dismissal?: QaDismissal;
}
