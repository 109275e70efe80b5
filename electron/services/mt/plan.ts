import type { Project, TargetLang } from '../../contract';
import { baseBodyBytes, formParamBytes, planBatches } from './batching';
import { cacheKey, type CacheKeyParts, type TranslationCache } from './cache';
import { styleOf, styleParams, type StylePlan } from './house-style';
import { KEEP_TAG, protect } from './protect';
import { neighbourContext, pendingSegments } from './segments';
import {
  MODEL_TYPE,
  type LangStats,
  type LanguagePlan,
  type MtResult,
  type TranslationJob,
  type Unit,
} from './types';

/** What planning one language of a run needs. */
export interface PlanInput {
  project: Project;
  job: TranslationJob;
  lang: TargetLang;
  /** The DeepL target code (`vi`, `en-US`, `en-GB`). */
  target: string;
  /** Each paragraph with its neighbours as context, instead of the article's headline and lead. */
  paragraphContext: boolean;
  articleContext: string;
  indexOf: ReadonlyMap<string, number>;
  /** The glossary's content hash for this language ('' without one): part of every cache key. */
  glossaryHash: string;
  /** The language's house style as sent: its fingerprint is part of every cache key. */
  style: StylePlan;
  cache: TranslationCache;
}

/** Parameters every request of a run sends besides its texts, as deepl-node builds them (for sizing). */
export function baseParams(
  target: string,
  context: string,
  glossaryId: string | null,
  style: Array<[string, string]> = [],
): Array<[string, string]> {
  return [
    ['target_lang', target],
    ['source_lang', 'ko'],
    ...(glossaryId ? ([['glossary_id', glossaryId]] as Array<[string, string]>) : []),
    ['show_billed_characters', '1'],
    ['tag_handling', 'xml'],
    ...(context ? ([['context', context]] as Array<[string, string]>) : []),
    ['model_type', MODEL_TYPE],
    ['ignore_tags', KEEP_TAG],
    ...style,
  ];
}

/**
 * Plan one language: cache hits are delivered at once (through `job.onResults`), texts too large for any request
 * fail at once, and the rest become batches within DeepL's limits, in document order.
 */
export async function planLanguage(i: PlanInput): Promise<LanguagePlan> {
  const { job, lang, target } = i;
  const rows = pendingSegments(i.project, lang, job);
  const stats: LangStats = {
    lang,
    requested: rows.length,
    translated: 0,
    fromCache: 0,
    failed: 0,
    requests: 0,
    billedCharacters: 0,
  };
  const { units, hits } = await lookUp(i, rows);
  stats.translated += hits.length;
  stats.fromCache += hits.length;
  if (hits.length) job.onResults(lang, hits);

  const { batches, tooLong } = batch(i, units);
  stats.failed += tooLong.length;
  if (tooLong.length) job.onResults(lang, tooLong);
  job.onProgress(lang, hits.length + tooLong.length, rows.length);
  return { lang, target, stats, batches, total: rows.length, style: i.style };
}

/**
 * What a language of a run would send, without sending or delivering anything: the distinct texts not in the cache
 * (characters as DeepL bills them: the source text) and the cells waiting for them.
 */
export async function estimateLanguage(i: PlanInput): Promise<{ characters: number; rows: number }> {
  const { units } = await lookUp(i, pendingSegments(i.project, i.lang, i.job));
  let characters = 0;
  let rows = 0;
  for (const u of units.values()) {
    characters += u.parts.source.length;
    rows += u.segmentIds.length;
  }
  return { characters, rows };
}

/** Cache hits for the rows, and the distinct texts still to request (rows with the same request share one). */
async function lookUp(i: PlanInput, rows: ReturnType<typeof pendingSegments>) {
  const requests = rows.map((s) => {
    const source = s.source.trim();
    const context =
      i.paragraphContext && s.kind === 'paragraph'
        ? neighbourContext(i.project.segments, i.indexOf.get(s.id)!)
        : i.articleContext;
    const parts: CacheKeyParts = {
      source,
      target: i.target,
      modelType: MODEL_TYPE,
      glossaryHash: i.glossaryHash,
      context,
      style: i.style.hash,
    };
    return { s, parts, key: cacheKey(parts) };
  });
  // Only the exact request: the context changes the translation, so another context's answer is not reused.
  const cached = await i.cache.getMany(requests.map((r) => r.key));
  const units = new Map<string, Unit>();
  const hits: MtResult[] = [];
  for (const { s, parts, key } of requests) {
    const text = cached.get(key);
    if (text !== undefined) {
      hits.push({ segmentId: s.id, text, ...styleOf(i.style, parts.style) });
      continue;
    }
    const unit = units.get(key);
    if (unit) unit.segmentIds.push(s.id);
    else {
      const sent = protect(parts.source);
      units.set(key, {
        key,
        parts,
        context: parts.context,
        sent,
        bytes: formParamBytes('text', sent.xml),
        segmentIds: [s.id],
      });
    }
  }
  return { units, hits };
}

/** Requests group texts that share a context (all of them, unless paragraph context is on). */
function batch(i: PlanInput, units: ReadonlyMap<string, Unit>) {
  const byContext = new Map<string, Unit[]>();
  for (const u of units.values()) byContext.set(u.context, [...(byContext.get(u.context) ?? []), u]);
  const batches: Unit[][] = [];
  const tooLong: MtResult[] = [];
  for (const [context, group] of byContext) {
    // A glossary id is 64 characters whatever the glossary; size with a stand-in before it exists.
    const glossaryId = i.glossaryHash ? 'x'.repeat(64) : null;
    const base = baseBodyBytes(baseParams(i.target, context, glossaryId, styleParams(i.style)));
    const plan = planBatches(group, (u) => u.bytes, base);
    batches.push(...plan.batches);
    for (const u of plan.tooLarge)
      for (const id of u.segmentIds) tooLong.push({ segmentId: id, error: 'mt.textTooLong' });
  }
  // Document order, so the article fills in from the top.
  const first = (b: Unit[]) => i.indexOf.get(b[0]!.segmentIds[0]!)!;
  batches.sort((a, b) => first(a) - first(b));
  return { batches, tooLong };
}
