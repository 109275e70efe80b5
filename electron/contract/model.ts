// The data model both sides share: languages, rows and cells, projects, settings.
// Types and constants only: the renderer bundles this (see ../contract.ts).

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

/**
 * The house style a machine translation was made with, as sent to DeepL (`style_id`, `custom_instructions`,
 * `translation_memory_id`; parts not sent are absent). Kept on the cell, so the review report shows what each
 * translation followed even after the house style changed.
 */
export interface MtStyleUsed {
  styleId?: string;
  customInstructions?: string[];
  translationMemoryId?: string;
}

/** One translation of one segment into one target language. */
export interface TargetCell {
  /** The current target text (what gets exported once approved). */
  text: string;
  status: CellStatus;
  /** The machine translation this cell was pre-filled with, kept for XLIFF `alt-trans` and the review report. */
  mt?: string;
  /** The house style `mt` was made with (none: made without one). */
  mtStyle?: MtStyleUsed;
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
  /**
   * This language still owes a review of a revised article's Korean (set per language by a revision merge:
   * `new` paragraph or `changed` one; cleared when this language is approved, so the other keeps its own). Read
   * it through `revisionOf` (common/revision), which also understands rows stored before marks were per language.
   */
  revision?: 'new' | 'changed';
  /**
   * The translation-memory match this cell was filled from before any machine translation (pre-translation). The
   * cell shows "Memory 101 %/100 %" while its text is still `tm.text`; it is not approved until someone approves it.
   */
  tm?: MemoryFill;
}

/** Where a memory-filled cell's text came from: the match's score (101 in context, 100 exact), who and when. */
export interface MemoryFill {
  score: number;
  /** The text the memory gave (the badge shows while the cell still holds it). */
  text: string;
  reviewer?: string;
  /** When the memory's unit was approved. */
  at: string;
  projectName?: string;
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
  /**
   * Set by a re-import of a revised article; `new`/`changed` stays while any language still owes the review (see
   * {@link TargetCell.revision}) and goes with the last language's approval.
   */
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

/**
 * Characters allowed per target cell, by row kind, where a newsroom has limits (a headline, a picture's caption,
 * the lead paragraph); a kind left out has none.
 */
export interface LengthLimits {
  headline?: number;
  subheadline?: number;
  caption?: number;
  lead?: number;
}

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
  /** Length limits per row kind (a desk's settings on a desk). */
  lengthLimits: LengthLimits;
  /** Translation memory and billing (Settings › Memory). */
  memory: MemorySettings;
}

/** Settings of pre-translation, memory badges and the estimate asked before large machine-translation runs. */
export interface MemorySettings {
  /** Fuzzy matches from this score (75–99) show their percentage in the grid. */
  badgeThreshold: number;
  /** Approve 101 % (in-context) memory matches at once when they fill a cell (off by default). */
  autoApproveContext: boolean;
  /** Runs sending DeepL more than this many characters show the estimate and ask first (0: always ask). */
  confirmCharacters: number;
}

/** The defaults of {@link MemorySettings}. */
export const DEFAULT_MEMORY_SETTINGS: MemorySettings = {
  badgeThreshold: 85,
  autoApproveContext: false,
  confirmCharacters: 20_000,
};

/** A change to settings. `deeplAuthKey` is write-only: a string stores it, null forgets it. */
export interface SettingsPatch {
  deeplAuthKey?: string | null;
  serverUrl?: string | null;
  englishVariant?: EnglishVariant;
  reviewerName?: string;
  paragraphContext?: boolean;
  uiLanguage?: UiLang | null;
  lengthLimits?: LengthLimits;
  memory?: Partial<MemorySettings>;
}

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
