import { createHash } from 'node:crypto';
import type { TranslateTextOptions } from 'deepl-node';
import {
  DEEPL_STYLE_SUPPORT,
  MAX_CUSTOM_INSTRUCTIONS,
  MAX_INSTRUCTION_LENGTH,
  MAX_STYLE_ID_LENGTH,
  TARGET_LANGS,
  type HouseStyle,
  type LangHouseStyle,
  type MtStyleUsed,
  type StyleFeature,
  type StyleOutcome,
  type TargetLang,
} from '../../contract';
import { AppError } from '../errors';

/** DeepL ids are UUIDs; letters, digits, `-` and `_` are accepted, nothing that could smuggle another parameter. */
const ID_PATTERN = /^[A-Za-z0-9_-]*$/;

/** A language's house style as typed, checked against DeepL's limits: trimmed, blank instructions dropped. */
function cleanLang(lang: TargetLang, s: LangHouseStyle): LangHouseStyle {
  const styleId = s.styleId.trim();
  const translationMemoryId = s.translationMemoryId.trim();
  for (const id of [styleId, translationMemoryId])
    if (id.length > MAX_STYLE_ID_LENGTH || !ID_PATTERN.test(id))
      throw new AppError('houseStyle.badId', { lang });
  const customInstructions = s.customInstructions.map((i) => i.trim()).filter(Boolean);
  if (customInstructions.length > MAX_CUSTOM_INSTRUCTIONS)
    throw new AppError('houseStyle.tooManyInstructions', { lang, max: MAX_CUSTOM_INSTRUCTIONS });
  const long = customInstructions.findIndex((i) => [...i].length > MAX_INSTRUCTION_LENGTH);
  if (long >= 0)
    throw new AppError('houseStyle.instructionTooLong', { lang, n: long + 1, max: MAX_INSTRUCTION_LENGTH });
  return { styleId, customInstructions, translationMemoryId };
}

/** A house style as typed, checked: `houseStyle.*` errors name the language and the limit passed. */
export function cleanHouseStyle(style: HouseStyle): HouseStyle {
  return { vi: cleanLang('vi', style.vi), en: cleanLang('en', style.en) };
}

/** The parts of a language's house style that are set. */
export function styleFeaturesSet(s: LangHouseStyle): StyleFeature[] {
  const set: StyleFeature[] = [];
  if (s.styleId) set.push('styleRule');
  if (s.customInstructions.length) set.push('customInstructions');
  if (s.translationMemoryId) set.push('translationMemory');
  return set;
}

/** What a run sends DeepL for one language's house style: the options, their fingerprint and what was left out. */
export interface StylePlan {
  options: Pick<TranslateTextOptions, 'styleRule' | 'customInstructions' | 'translationMemory'>;
  /** Fingerprint of the options, part of every cache key (`''` without a style, as before styles existed). */
  hash: string;
  sent: StyleFeature[];
  /** Set but not sent: DeepL does not support it for this target. */
  unsupported: StyleFeature[];
}

/** No style sent. */
export const NO_STYLE: StylePlan = { options: {}, hash: '', sent: [], unsupported: [] };

/** The request options for a language's house style, leaving out what DeepL does not support for that target. */
export function stylePlan(lang: TargetLang, style: LangHouseStyle | undefined): StylePlan {
  if (!style) return NO_STYLE;
  const support = DEEPL_STYLE_SUPPORT[lang];
  const set = styleFeaturesSet(style);
  const sent = set.filter((f) => support[f]);
  const options: StylePlan['options'] = {
    ...(sent.includes('styleRule') ? { styleRule: style.styleId } : {}),
    ...(sent.includes('customInstructions') ? { customInstructions: style.customInstructions } : {}),
    ...(sent.includes('translationMemory') ? { translationMemory: style.translationMemoryId } : {}),
  };
  const hash = sent.length ? createHash('sha256').update(JSON.stringify(options)).digest('hex') : '';
  return { options, hash, sent, unsupported: set.filter((f) => !support[f]) };
}

/** What a cell records of the style its machine text was made with (undefined: none was sent). */
export function styleUsed(plan: StylePlan): MtStyleUsed | undefined {
  const o = plan.options;
  if (!plan.sent.length) return undefined;
  return {
    ...(o.styleRule ? { styleId: o.styleRule as string } : {}),
    ...(o.customInstructions ? { customInstructions: [...o.customInstructions] } : {}),
    ...(o.translationMemory ? { translationMemoryId: o.translationMemory as string } : {}),
  };
}

/**
 * The style part of a machine result: the style sent, when the request (or the cached answer) was made with it
 * (`keyStyle`, the style part of its cache key, is empty for a request sent without it).
 */
export const styleOf = (plan: StylePlan, keyStyle: string | undefined): { style?: MtStyleUsed } => {
  const style = keyStyle ? styleUsed(plan) : undefined;
  return style ? { style } : {};
};

/** The request parameters the style adds, as deepl-node sends them (for sizing requests). */
export function styleParams(plan: StylePlan): Array<[string, string]> {
  const o = plan.options;
  return [
    ...(o.styleRule ? ([['style_id', o.styleRule as string]] as Array<[string, string]>) : []),
    ...(o.translationMemory
      ? ([['translation_memory_id', o.translationMemory as string]] as Array<[string, string]>)
      : []),
    ...(o.customInstructions ?? []).map((i): [string, string] => ['custom_instructions', i]),
  ];
}

/** The run's house style per language (every target language, even those the run does not translate). */
export function stylePlans(style: HouseStyle | undefined): Record<TargetLang, StylePlan> {
  return Object.fromEntries(TARGET_LANGS.map((l) => [l, stylePlan(l, style?.[l])])) as Record<
    TargetLang,
    StylePlan
  >;
}

/** What became of each planned language's house style, for the run's summary (languages without one left out). */
export function styleOutcomes(
  plans: ReadonlyArray<{ lang: TargetLang; style: StylePlan; refused?: string }>,
): StyleOutcome[] {
  return plans
    .filter((p) => p.style.sent.length || p.style.unsupported.length)
    .map((p) => ({
      lang: p.lang,
      sent: p.style.sent,
      unsupported: p.style.unsupported,
      ...(p.refused ? { refused: p.refused } : {}),
    }));
}
