/**
 * Shared types of the quality checker. This folder is isomorphic: it runs in the renderer as the reviewer types
 * and on the Node side (runQa, the CLI), so it imports nothing from Node, Electron, React or the DOM.
 */

/** The target languages the checker knows (mirrors electron/contract's TARGET_LANGS). */
export type QaLang = 'vi' | 'en';

/** Every check, each switchable on its own. */
export const QA_CHECKS = [
  'values',
  'order',
  'protected',
  'placeholder',
  'markup',
  'hangul',
  'terms',
  'forbidden',
  'omission',
  'truncated',
  'crossValues',
  'crossNames',
] as const;
/** One check. */
export type QaCheck = (typeof QA_CHECKS)[number];

/** A value read from text: a number with a unit, or a part of a date or time. */
export type Val =
  | { k: 'n'; v: number; u: NumUnit; ulp?: number; dim?: string }
  | { k: 'md'; m: number; d: number }
  | { k: 'day'; d: number }
  | { k: 'month'; m: number }
  | { k: 'time'; min: number }
  /** A weekday, Monday = 1 … Sunday = 7 (`w` unknown when only "a weekday" is known). */
  | { k: 'wd'; w?: number }
  /** A time relative to the day of writing (내년, next year, năm tới): unit and offset (+1 = next). */
  | { k: 'rel'; u: RelUnit; o: number };

/** Year, month, week, day. */
export type RelUnit = 'y' | 'm' | 'w' | 'd';

/** `%`: percent, `pp`: percentage points, `x`: times (배), `ord`: ordinal (1단계, first), `''`: a plain count. */
export type NumUnit = '' | '%' | 'pp' | 'x' | 'ord';

/** One mention of a value in a text; `alts` are its readings (8/4 is 4 Aug or 8 Apr in English). */
export interface Mention {
  alts: Val[];
  start: number;
  end: number;
  raw: string;
  /**
   * Written in words that also have a non-numeric sense (một, one, năm): may satisfy a source value but is never
   * reported as a value of its own.
   */
  weak?: boolean;
  /**
   * Glued to a name (다우존스30, 시즌2, K리그1): likely part of the name, not a quantity a translation must repeat.
   * Missing in a translation, it is only a note.
   */
  nameLike?: boolean;
  /**
   * A lone 1 with a counter (1명, 1곳): weak, as "a person" may render it, but a translation with a small count of
   * its own that no Korean value accounts for (ba người, three people) changed it.
   */
  counted?: boolean;
  /** A calendar year (2022년, năm 2022): pairs counts with years for the order check. */
  year?: boolean;
}

/** A termbase entry as the checker needs it. */
export interface QaTerm {
  ko: string;
  vi: string;
  en: string;
  /** Variants a translation must not use, per language. */
  forbidden?: { vi?: string[]; en?: string[] };
}

/** One row to check. */
export interface QaRow {
  id: string;
  source: string;
  targets: Partial<Record<QaLang, string>>;
}

/** How sure a finding is; only errors block approval and export. */
export type QaSeverity = 'error' | 'warning' | 'note';

/** A finding. `id` is stable across re-runs (row, language, check, key of the value involved). */
export interface QaFinding {
  id: string;
  segmentId: string;
  lang: QaLang | 'both';
  check: QaCheck;
  /** A `qa:` i18n key. */
  code: string;
  params: Record<string, string | number>;
  /**
   * `error`: the reading is unambiguous and the translation disagrees (blocks approval and export until fixed or
   * marked "not an error"); `warning`: likely wrong; `note`: something the checker cannot place (a name-like number,
   * a name written two ways): shown quietly, never blocks anything.
   */
  severity: QaSeverity;
  /** The value, token or term the finding is about (part of the id). */
  key: string;
}

/** What to check with. */
export interface QaOptions {
  terms?: readonly QaTerm[];
  /** Checks switched off. */
  disabled?: ReadonlySet<QaCheck> | readonly QaCheck[];
}
