import type { DeepLClient, TextResult, TranslateTextOptions } from 'deepl-node';
import { ABORTED, raceAbort } from './abort';
import { classifyFault, styleRefusal, type MtFault } from './faults';
import { styleOf } from './house-style';
import { KEEP_TAG, restore } from './protect';
import {
  MAX_IN_FLIGHT_PER_LANG,
  MODEL_TYPE,
  type LanguagePlan,
  type MtResult,
  type TranslationJob,
  type Unit,
} from './types';

/** What sending one language's batches needs. */
export interface RunInput {
  client: DeepLClient;
  plan: LanguagePlan;
  job: TranslationJob;
  glossaryId: string | undefined;
  /** True once the run is cancelled or stopped by a fault that ends it (no new request starts). */
  halted(): boolean;
  /** Stop the whole run (403, 456, offline…); the first fault wins. */
  stopWith(fault: MtFault): void;
  /** Cache a request's answers. */
  remember(batch: readonly Unit[], answer: readonly TextResult[]): Promise<void>;
}

/** Send one language's batches, {@link MAX_IN_FLIGHT_PER_LANG} at a time, delivering results as they come. */
export async function runLanguage(r: RunInput): Promise<void> {
  const { plan, job } = r;
  const { lang, stats, batches, total } = plan;
  let done = total - batches.reduce((n, b) => n + b.reduce((m, u) => m + u.segmentIds.length, 0), 0);
  const deliver = (results: MtResult[]) => {
    done += results.length;
    job.onResults(lang, results);
    job.onProgress(lang, done, total);
  };
  const queue = [...batches];
  const worker = async () => {
    for (let batch = queue.shift(); batch && !r.halted(); batch = queue.shift()) {
      let answer: TextResult[];
      try {
        answer = await attempt(r, batch);
      } catch (e) {
        if (e === ABORTED) return;
        const fault = classifyFault(e);
        if (fault.stopsRun) return r.stopWith(fault);
        const failed = batch.flatMap((u) =>
          u.segmentIds.map((segmentId) => ({ segmentId, error: fault.code })),
        );
        stats.failed += failed.length;
        deliver(failed);
        continue;
      }
      const results = read(plan, batch, answer);
      await r.remember(batch, answer);
      deliver(results);
    }
  };
  await Promise.all(Array.from({ length: Math.min(MAX_IN_FLIGHT_PER_LANG, batches.length) }, worker));
}

/**
 * Send a batch with the language's house style (until DeepL refused it). When DeepL refuses a styled request, the
 * same texts go again without the style; if that succeeds, the style was to blame: the refusal is noted for the
 * run's summary and the language's remaining requests go without it (their cache keys too).
 */
async function attempt(r: RunInput, batch: Unit[]): Promise<TextResult[]> {
  const { plan } = r;
  const styled = !plan.refused && plan.style.sent.length > 0;
  try {
    return await sendKeeping(r, batch, styled);
  } catch (e) {
    const refusal = styled && !plan.refused ? styleRefusal(e) : null;
    if (!refusal) throw e;
    const plain = batch.map((u) => ({ ...u, parts: { ...u.parts, style: '' } }));
    const answer = await sendKeeping(r, plain, false);
    plan.refused ??= refusal;
    for (const u of plan.batches.flat()) u.parts = { ...u.parts, style: '' };
    return answer;
  }
}

/** One request; a cancelled one is still paid for, so what arrives is kept in the cache for the next run. */
async function sendKeeping(r: RunInput, batch: Unit[], styled: boolean): Promise<TextResult[]> {
  r.plan.stats.requests++;
  const request = send(r, batch, styled);
  try {
    return await raceAbort(request, r.job.signal);
  } catch (e) {
    if (e === ABORTED) void request.then((a) => r.remember(batch, a)).catch(() => undefined);
    throw e;
  }
}

function send(r: RunInput, batch: Unit[], styled: boolean): Promise<TextResult[]> {
  const context = batch[0]!.context;
  const options: TranslateTextOptions = {
    tagHandling: 'xml',
    ignoreTags: KEEP_TAG,
    modelType: MODEL_TYPE,
    ...(context ? { context } : {}),
    ...(r.glossaryId ? { glossary: r.glossaryId } : {}),
    ...(styled ? r.plan.style.options : {}),
  };
  return r.client.translateText(
    batch.map((u) => u.sent.xml),
    'ko',
    r.plan.target as 'vi' | 'en-US' | 'en-GB',
    options,
  );
}

/** One answer's texts, restored, per row; a text missing from the answer is that row's error. */
function read(plan: LanguagePlan, batch: Unit[], answer: readonly TextResult[]): MtResult[] {
  const { stats } = plan;
  const results: MtResult[] = [];
  batch.forEach((u, i) => {
    const t = answer[i];
    if (!t || typeof t.text !== 'string') {
      for (const segmentId of u.segmentIds) results.push({ segmentId, error: 'mt.incompleteResponse' });
      stats.failed += u.segmentIds.length;
      return;
    }
    const text = restore(t.text, u.sent.tokens);
    for (const segmentId of u.segmentIds)
      results.push({ segmentId, text, ...styleOf(plan.style, u.parts.style) });
    stats.translated += u.segmentIds.length;
    stats.billedCharacters += t.billedCharacters ?? 0;
  });
  return results;
}
