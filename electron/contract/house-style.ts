import type { TargetLang } from './model';

// House style for machine translation: what DeepL is asked to follow, per target language.
// Types and constants only: the renderer bundles this (see ../contract.ts).

/** The parts of a house style DeepL takes with a translate request. */
export const STYLE_FEATURES = ['styleRule', 'customInstructions', 'translationMemory'] as const;
/** One part of a house style. */
export type StyleFeature = (typeof STYLE_FEATURES)[number];

/** A desk's (or the single user's) house style for one target language. Empty strings and lists: not used. */
export interface LangHouseStyle {
  /** A DeepL style rule list's id (`style_id`); the list must be for this target language. */
  styleId: string;
  /** Short instructions DeepL follows (`custom_instructions`), e.g. "AP style, Korean names family name first". */
  customInstructions: string[];
  /** A DeepL translation memory's id (`translation_memory_id`) for Korean into this language. */
  translationMemoryId: string;
}

/** The house style of every target language. */
export type HouseStyle = Record<TargetLang, LangHouseStyle>;

/** The house style and who set it last. */
export interface HouseStyleView {
  style: HouseStyle;
  updatedAt: string | null;
  updatedBy: string | null;
}

/** DeepL's limits for custom instructions (deepl-node 1.28: at most 10, each at most 300 characters). */
export const MAX_CUSTOM_INSTRUCTIONS = 10;
export const MAX_INSTRUCTION_LENGTH = 300;
/** Longest style rule or translation memory id accepted (DeepL's are UUIDs: 36 characters). */
export const MAX_STYLE_ID_LENGTH = 100;

/**
 * Which parts DeepL supports per target language: style rules and custom instructions only for targets de, en,
 * es, fr, it, ja, ko, zh (and their variants) — not Vietnamese; a translation memory for any pair it holds.
 */
export const DEEPL_STYLE_SUPPORT: Record<TargetLang, Record<StyleFeature, boolean>> = {
  vi: { styleRule: false, customInstructions: false, translationMemory: true },
  en: { styleRule: true, customInstructions: true, translationMemory: true },
};

/** A language with no house style. */
export const NO_LANG_STYLE: LangHouseStyle = { styleId: '', customInstructions: [], translationMemoryId: '' };
/** No house style at all. */
export const NO_HOUSE_STYLE: HouseStyle = { vi: NO_LANG_STYLE, en: NO_LANG_STYLE };

/** What one run did with a language's house style (in the run's summary: never a silent drop). */
export interface StyleOutcome {
  lang: TargetLang;
  /** Parts sent with the requests (until a refusal, if any). */
  sent: StyleFeature[];
  /** Parts set but not sent because DeepL does not support them for this target. */
  unsupported: StyleFeature[];
  /** DeepL refused the parts sent (`errors:` code: plan or target not supported); the run went on without them. */
  refused?: string;
}
