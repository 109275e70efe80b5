import type {
  EnglishVariant,
  HouseStyle,
  MtStyleUsed,
  Project,
  TargetLang,
  TranslateSummary,
} from '../../contract';
import type { Database } from '../db';
import type { ProtectedText } from './protect';
import type { CacheKeyParts } from './cache';
import type { StylePlan } from './house-style';

/** What the service reads from Settings at the start of every run. */
export interface MtSettings {
  /** The DeepL key (environment or Settings); null when none is configured. */
  authKey: string | null;
  /** A DeepL-compatible server to use instead of DeepL's own (tests, proxies), or null. */
  serverUrl: string | null;
  /** Default English variant, used when a project does not name one. */
  englishVariant: EnglishVariant;
  /** Send each paragraph alone with its neighbours as context (one request per paragraph). */
  paragraphContext: boolean;
}

/** The outcome for one row: its machine text, or the `errors:` code of why it has none. */
export type MtResult =
  { segmentId: string; text: string; style?: MtStyleUsed } | { segmentId: string; error: string };

/** One translation run. */
export interface TranslationJob {
  project: Project;
  langs: TargetLang[];
  /** Only these rows (any status); otherwise rows whose cell is `empty` or `error`. */
  segmentIds?: string[];
  /** Also rows whose cell is machine, edited or approved (the store turns the latter into suggestions). */
  refresh?: boolean;
  /** The house style of the caller's desk: sent where DeepL supports it, part of the cache key. */
  houseStyle?: HouseStyle;
  /** Abort to cancel: no new request starts, results already received are kept. */
  signal: AbortSignal;
  /** Rows done (translated, from cache or failed) out of the rows this run handles, per language. */
  onProgress(lang: TargetLang, done: number, total: number): void;
  /** Results as they arrive (cache hits first, then per request). The caller applies them to cells. */
  onResults(lang: TargetLang, results: MtResult[]): void;
}

/** deepl-node's retry and timeout knobs (tests make them small). */
export interface DeeplClientTuning {
  /** Attempts per request for transient failures (429, 5xx, timeouts). */
  maxRetries?: number;
  /** Per-attempt HTTP timeout in milliseconds. */
  minTimeout?: number;
}

/** Construction options of {@link MachineTranslation}. */
export interface MachineTranslationOptions {
  /** Folder of the glossary map (created on first write), and of the old JSON-lines cache migrated from. */
  cacheDir: string;
  /** The database holding the translation cache (the data folder's: shared by the app and the CLI). */
  cacheDatabase: Database;
  /** Most cached translations kept (least recently used dropped first). */
  cacheMaxEntries?: number;
  getSettings: () => MtSettings;
  now: () => Date;
  client?: DeeplClientTuning;
  /** Sent to DeepL in the User-Agent. */
  appVersion?: string;
}

/** The model the app asks for: quality first, falling back where DeepL has no quality model for a pair. */
export const MODEL_TYPE = 'prefer_quality_optimized';
/** Requests in flight at once per target language. */
export const MAX_IN_FLIGHT_PER_LANG = 2;
/** Product defaults: quality-optimised requests of 50 paragraphs can take a while; do not retry (and pay) early. */
export const DEFAULT_TUNING: Required<DeeplClientTuning> = { maxRetries: 3, minTimeout: 45_000 };

/** One distinct text to translate for one language, and the rows that share it. */
export interface Unit {
  key: string;
  /** The exact request, for the cache. */
  parts: CacheKeyParts;
  context: string;
  sent: ProtectedText;
  bytes: number;
  segmentIds: string[];
}

/** A run's figures for one language. */
export type LangStats = TranslateSummary['perLang'][number];

/** One language of a run, planned: cache hits delivered, the rest batched into requests. */
export interface LanguagePlan {
  lang: TargetLang;
  target: string;
  stats: LangStats;
  batches: Unit[][];
  total: number;
  /** The house style sent with this language's requests; `refused` once DeepL refused it (the rest go without). */
  style: StylePlan;
  refused?: string;
}
