/**
 * Machine translation of a project's rows with DeepL (deepl-node): batching within DeepL's limits, article
 * context, protection of e-mail addresses and URLs, one multilingual glossary per glossary content, a persistent
 * cache, and every fault turned into an `errors:` code so nothing the user already has is lost.
 *
 * The run is planned per language (`plan.ts`: cache hits, batches), then sent (`run.ts`); rows and context are
 * chosen in `segments.ts`. This file holds the client, the glossary sync and the run's outcome.
 */
import { createHash } from 'node:crypto';
import { DeepLClient, type TextResult } from 'deepl-node';
import type { TargetLang, TranslateSummary, UsageView } from '../../contract';
import { AppError } from '../errors';
import { ABORTED, raceAbort } from './abort';
import { TranslationCache, type CacheEntry } from './cache';
import { classifyFault, type MtFault } from './faults';
import { GlossarySync, glossaryDictionaries } from './glossary';
import { styleOutcomes, stylePlans } from './house-style';
import { estimateLanguage, planLanguage, type PlanInput } from './plan';
import { restore } from './protect';
import { runLanguage } from './run';
import { articleContext, deeplTarget } from './segments';
import {
  DEFAULT_TUNING,
  type DeeplClientTuning,
  type LanguagePlan,
  type MachineTranslationOptions,
  type MtSettings,
  type TranslationJob,
  type Unit,
} from './types';

export * from './segments';
export * from './types';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * The app's machine translation. One instance serves all projects; settings are read at the start of each run,
 * so a key or server changed in Settings applies to the next run.
 */
export class MachineTranslation {
  private readonly cache: TranslationCache;
  private readonly glossaries: GlossarySync;
  private readonly tuning: Required<DeeplClientTuning>;
  private clients = new Map<string, DeepLClient>();

  constructor(private readonly opts: MachineTranslationOptions) {
    this.cache = new TranslationCache(opts.cacheDatabase, {
      legacyDir: opts.cacheDir,
      ...(opts.cacheMaxEntries ? { maxEntries: opts.cacheMaxEntries } : {}),
      now: opts.now,
    });
    this.glossaries = new GlossarySync(opts.cacheDir, opts.now);
    this.tuning = { ...DEFAULT_TUNING, ...opts.client };
  }

  private client(settings: MtSettings): { client: DeepLClient; account: string } {
    const authKey = settings.authKey;
    if (!authKey) throw new AppError('mt.noKey');
    // Glossary ids belong to an account on a server; this hash names that pair without storing the key.
    const account = sha256(`${settings.serverUrl ?? ''}\n${authKey}`);
    let client = this.clients.get(account);
    if (!client) {
      client = new DeepLClient(authKey, {
        ...(settings.serverUrl ? { serverUrl: settings.serverUrl } : {}),
        maxRetries: this.tuning.maxRetries,
        minTimeout: this.tuning.minTimeout,
        sendPlatformInfo: false,
        appInfo: { appName: 'bilingual-review', appVersion: this.opts.appVersion ?? '0.0.0' },
      });
      this.clients.set(account, client);
    }
    return { client, account };
  }

  /** DeepL account usage for the quota display. */
  async usage(): Promise<UsageView> {
    const { client } = this.client(this.opts.getSettings());
    let usage;
    try {
      usage = await client.getUsage();
    } catch (e) {
      throw new AppError(classifyFault(e).code);
    }
    const count = usage.character?.count ?? 0;
    const limit = usage.character?.limit ?? null;
    return {
      characterCount: count,
      characterLimit: limit,
      nearLimit: limit !== null && limit > 0 && count >= 0.9 * limit,
    };
  }

  /**
   * What {@link translate} would send for this job: characters and cells not answered by the cache, all languages.
   * Sends nothing and needs no key.
   */
  async estimate(job: Pick<TranslationJob, 'project' | 'langs' | 'segmentIds' | 'refresh' | 'houseStyle'>) {
    const settings = this.opts.getSettings();
    const { project } = job;
    const variant = project.englishVariant ?? settings.englishVariant;
    const glossary = glossaryDictionaries(project.glossary);
    const styles = stylePlans(job.houseStyle);
    const quiet: TranslationJob = {
      ...job,
      signal: new AbortController().signal,
      onProgress: () => undefined,
      onResults: () => undefined,
    };
    let characters = 0;
    let rows = 0;
    for (const lang of new Set(job.langs)) {
      const one = await estimateLanguage({
        project,
        job: quiet,
        lang,
        target: deeplTarget(lang, variant),
        paragraphContext: settings.paragraphContext,
        articleContext: articleContext(project.segments),
        indexOf: new Map(project.segments.map((s, i) => [s.id, i])),
        cache: this.cache,
        glossaryHash: glossary.hashes[lang] ?? '',
        style: styles[lang],
      });
      characters += one.characters;
      rows += one.rows;
    }
    return { characters, rows };
  }

  /**
   * Translate a project's pending rows. Throws only `mt.noKey`; every other failure is reported: per row as an
   * {@link MtResult} error (`mt.rateLimited`, `mt.serverError`, `mt.timeout`, `mt.connectionLost`, `mt.rejected`,
   * `mt.incompleteResponse`, `mt.textTooLong`), or for the run as `summary.error` (`mt.authFailed`,
   * `mt.quotaExceeded`, `mt.offline`, `mt.glossaryFailed`) after all results received so far were delivered; rows
   * not reached then get no result and keep their cells.
   */
  async translate(job: TranslationJob): Promise<TranslateSummary> {
    const settings = this.opts.getSettings();
    const { client, account } = this.client(settings);
    const { project, signal } = job;
    const variant = project.englishVariant ?? settings.englishVariant;
    const glossary = glossaryDictionaries(project.glossary);
    const styles = stylePlans(job.houseStyle);
    const shared: Omit<PlanInput, 'lang' | 'target' | 'glossaryHash' | 'style'> = {
      project,
      job,
      paragraphContext: settings.paragraphContext,
      articleContext: articleContext(project.segments),
      indexOf: new Map(project.segments.map((s, i) => [s.id, i])),
      cache: this.cache,
    };
    // Plan every language first: cache hits are delivered at once, misses become requests.
    const plans: LanguagePlan[] = [];
    for (const lang of new Set(job.langs))
      plans.push(
        await planLanguage({
          ...shared,
          lang,
          target: deeplTarget(lang, variant),
          glossaryHash: glossary.hashes[lang] ?? '',
          style: styles[lang],
        }),
      );
    const summary: TranslateSummary = {
      projectId: project.id,
      perLang: plans.map((p) => p.stats),
      cancelled: false,
    };
    if (signal.aborted) return { ...summary, cancelled: true };

    // The glossary is synced only when something will be sent with it.
    let stop: MtFault | null = null;
    const glossaryIds: Partial<Record<TargetLang, string>> = {};
    if (glossary.hash && plans.some((p) => p.batches.length > 0 && glossary.dicts[p.lang])) {
      try {
        const id = await raceAbort(this.glossaries.ensure(client, account, glossary), signal);
        for (const lang of Object.keys(glossary.dicts) as TargetLang[]) glossaryIds[lang] = id;
      } catch (e) {
        if (e === ABORTED) return { ...summary, cancelled: true };
        const fault = classifyFault(e);
        stop = fault.stopsRun ? fault : { code: 'mt.glossaryFailed', stopsRun: true };
      }
    }

    if (!stop)
      await Promise.all(
        plans.map((plan) =>
          runLanguage({
            client,
            plan,
            job,
            glossaryId: glossaryIds[plan.lang],
            halted: () => signal.aborted || stop !== null,
            stopWith: (fault) => void (stop ??= fault),
            remember: (batch, answer) => this.remember(batch, answer),
          }),
        ),
      );
    return this.outcome(summary, plans, signal, stop, client);
  }

  /** The run's summary: cancelled only if the cancel stopped something; a stopping fault with its details. */
  private async outcome(
    summary: TranslateSummary,
    plans: readonly LanguagePlan[],
    signal: AbortSignal,
    stop: MtFault | null,
    client: DeepLClient,
  ): Promise<TranslateSummary> {
    // A cancel that came after the last answer cancelled nothing.
    summary.cancelled = signal.aborted && summary.perLang.some((l) => l.translated + l.failed < l.requested);
    const style = styleOutcomes(plans);
    if (style.length) summary.style = style;
    if (stop) {
      summary.error = { code: stop.code };
      if (stop.code === 'mt.quotaExceeded') {
        const params = await this.quotaParams(client);
        if (params) summary.error.params = params;
      }
    }
    return summary;
  }

  /** Cache a request's answers (restored to plain text). A cache that cannot be written only costs money later. */
  private async remember(batch: readonly Unit[], answer: readonly TextResult[]): Promise<void> {
    const entries: CacheEntry[] = [];
    batch.forEach((u, i) => {
      const r = answer[i];
      if (r && typeof r.text === 'string')
        entries.push({
          parts: u.parts,
          text: restore(r.text, u.sent.tokens),
          billedCharacters: r.billedCharacters ?? 0,
        });
    });
    try {
      await this.cache.setMany(entries);
    } catch {
      // Nothing to do: the translations still reach the project.
    }
  }

  /** How much of the quota is left, for the `mt.quotaExceeded` message (`context: 'known'` picks its variant). */
  private async quotaParams(client: DeepLClient): Promise<Record<string, string | number> | null> {
    try {
      const usage = await client.getUsage();
      const c = usage.character;
      if (!c) return null;
      return { context: 'known', used: c.count, limit: c.limit, left: Math.max(0, c.limit - c.count) };
    } catch {
      return null;
    }
  }
}
