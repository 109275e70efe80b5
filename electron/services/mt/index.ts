/**
 * Machine translation of a project's rows with DeepL (deepl-node): batching within DeepL's limits, article
 * context, protection of e-mail addresses and URLs, one multilingual glossary per glossary content, a persistent
 * cache, and every fault turned into an `errors:` code so nothing the user already has is lost.
 */
import { createHash } from 'node:crypto';
import { DeepLClient, type TextResult, type TranslateTextOptions } from 'deepl-node';
import type {
  EnglishVariant,
  Project,
  Segment,
  TargetLang,
  TranslateSummary,
  UsageView,
} from '../../contract';
import { AppError } from '../errors';
import { baseBodyBytes, formParamBytes, planBatches } from './batching';
import type { Database } from '../db';
import { TranslationCache, cacheKey, type CacheEntry, type CacheKeyParts } from './cache';
import { classifyFault, type MtFault } from './faults';
import { GlossarySync, glossaryDictionaries } from './glossary';
import { KEEP_TAG, protect, restore, type ProtectedText } from './protect';

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
export type MtResult = { segmentId: string; text: string } | { segmentId: string; error: string };

/** One translation run. */
export interface TranslationJob {
  project: Project;
  langs: TargetLang[];
  /** Only these rows (any status); otherwise rows whose cell is `empty` or `error`. */
  segmentIds?: string[];
  /** Also rows whose cell is machine, edited or approved (the store turns the latter into suggestions). */
  refresh?: boolean;
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

/** The DeepL target code of a project language. */
export function deeplTarget(lang: TargetLang, variant: EnglishVariant): 'vi' | 'en-US' | 'en-GB' {
  return lang === 'vi' ? 'vi' : variant;
}

/** True for rows the machine translates: translatable, not a caption (it mirrors its picture), with text. */
export function isMachineTranslatable(s: Segment): boolean {
  return s.translate && s.kind !== 'caption' && s.source.trim() !== '';
}

/** The rows of a job for one language, in document order. */
export function pendingSegments(
  project: Project,
  lang: TargetLang,
  opts: { segmentIds?: readonly string[]; refresh?: boolean },
): Segment[] {
  const only = opts.segmentIds ? new Set(opts.segmentIds) : null;
  return project.segments.filter((s) => {
    if (!isMachineTranslatable(s)) return false;
    if (only) return only.has(s.id);
    const status = s.targets[lang].status;
    return opts.refresh || status === 'empty' || status === 'error';
  });
}

/**
 * Longest piece of context taken from one row. Context rides along in every request's body, so an overlong lead
 * would crowd the texts out of the 128 KiB budget; its opening carries what matters anyway.
 */
export const MAX_CONTEXT_PART_CHARS = 1_500;

const contextPart = (s: Segment | undefined) => s?.source.trim().slice(0, MAX_CONTEXT_PART_CHARS);

/** The article's context for DeepL: its headline and lead paragraph (not billed, steers terms and tone). */
export function articleContext(segments: readonly Segment[]): string {
  const headline = contextPart(segments.find((s) => s.kind === 'headline' && s.source.trim()));
  const lead = contextPart(segments.find((s) => s.kind === 'paragraph' && s.source.trim()));
  return [headline, lead].filter(Boolean).join('\n');
}

const PROSE_KINDS = new Set(['headline', 'subheadline', 'heading', 'paragraph', 'list-item']);

/** Paragraph-context mode: the prose rows just before and after row `index`. */
export function neighbourContext(segments: readonly Segment[], index: number): string {
  const prose = (s: Segment | undefined) =>
    s !== undefined && PROSE_KINDS.has(s.kind) && s.source.trim() !== '';
  let before: Segment | undefined;
  for (let i = index - 1; i >= 0 && !before; i--) if (prose(segments[i])) before = segments[i];
  let after: Segment | undefined;
  for (let i = index + 1; i < segments.length && !after; i++) if (prose(segments[i])) after = segments[i];
  return [contextPart(before), contextPart(after)].filter(Boolean).join('\n');
}

/** One distinct text to translate for one language, and the rows that share it. */
interface Unit {
  key: string;
  /** The exact request, for the cache. */
  parts: CacheKeyParts;
  context: string;
  sent: ProtectedText;
  bytes: number;
  segmentIds: string[];
}

type LangStats = TranslateSummary['perLang'][number];

const ABORTED = Symbol('aborted');

function raceAbort<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(ABORTED);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(ABORTED);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

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
    const articleCtx = articleContext(project.segments);
    const indexOf = new Map(project.segments.map((s, i) => [s.id, i]));
    const langs = [...new Set(job.langs)];
    const summary: TranslateSummary = { projectId: project.id, perLang: [], cancelled: false };
    let stop: MtFault | null = null;
    const halted = () => signal.aborted || stop !== null;

    // Plan every language first: cache hits are delivered at once, misses become requests.
    const plans: Array<{
      lang: TargetLang;
      target: string;
      stats: LangStats;
      batches: Unit[][];
      total: number;
    }> = [];
    for (const lang of langs) {
      const target = deeplTarget(lang, variant);
      const rows = pendingSegments(project, lang, job);
      const stats: LangStats = {
        lang,
        requested: rows.length,
        translated: 0,
        fromCache: 0,
        failed: 0,
        requests: 0,
        billedCharacters: 0,
      };
      summary.perLang.push(stats);
      const glossaryHash = glossary.hashes[lang] ?? '';
      const units = new Map<string, Unit>();
      const hits: MtResult[] = [];
      const requests = rows.map((s) => {
        const source = s.source.trim();
        const context =
          settings.paragraphContext && s.kind === 'paragraph'
            ? neighbourContext(project.segments, indexOf.get(s.id)!)
            : articleCtx;
        const parts: CacheKeyParts = { source, target, modelType: MODEL_TYPE, glossaryHash, context };
        return { s, parts, key: cacheKey(parts) };
      });
      // Only the exact request: the context changes the translation, so another context's answer is not reused.
      const cached = await this.cache.getMany(requests.map((r) => r.key));
      for (const { s, parts, key } of requests) {
        const text = cached.get(key);
        if (text !== undefined) {
          hits.push({ segmentId: s.id, text });
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
      stats.translated += hits.length;
      stats.fromCache += hits.length;
      if (hits.length) job.onResults(lang, hits);

      // Requests group texts that share a context (all of them, unless paragraph context is on).
      const byContext = new Map<string, Unit[]>();
      for (const u of units.values()) byContext.set(u.context, [...(byContext.get(u.context) ?? []), u]);
      const batches: Unit[][] = [];
      const tooLong: MtResult[] = [];
      for (const [context, group] of byContext) {
        const base = baseBodyBytes(
          this.baseParams(target, context, glossary.hashes[lang] ? 'x'.repeat(64) : null),
        );
        const plan = planBatches(group, (u) => u.bytes, base);
        batches.push(...plan.batches);
        for (const u of plan.tooLarge)
          for (const id of u.segmentIds) tooLong.push({ segmentId: id, error: 'mt.textTooLong' });
      }
      stats.failed += tooLong.length;
      if (tooLong.length) job.onResults(lang, tooLong);
      // Document order, so the article fills in from the top.
      batches.sort((a, b) => indexOf.get(a[0]!.segmentIds[0]!)! - indexOf.get(b[0]!.segmentIds[0]!)!);
      plans.push({ lang, target, stats, batches, total: rows.length });
      job.onProgress(lang, hits.length + tooLong.length, rows.length);
    }

    if (signal.aborted) return { ...summary, cancelled: true };

    // The glossary is synced only when something will be sent with it.
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

    const runLanguage = async (plan: (typeof plans)[number]) => {
      const { lang, target, stats, batches, total } = plan;
      let done = total - batches.reduce((n, b) => n + b.reduce((m, u) => m + u.segmentIds.length, 0), 0);
      const queue = [...batches];
      const worker = async () => {
        for (let batch = queue.shift(); batch && !halted(); batch = queue.shift()) {
          const context = batch[0]!.context;
          const options: TranslateTextOptions = {
            tagHandling: 'xml',
            ignoreTags: KEEP_TAG,
            modelType: MODEL_TYPE,
            ...(context ? { context } : {}),
            ...(glossaryIds[lang] ? { glossary: glossaryIds[lang] } : {}),
          };
          stats.requests++;
          const request = client.translateText(
            batch.map((u) => u.sent.xml),
            'ko',
            target as 'vi' | 'en-US' | 'en-GB',
            options,
          );
          let answer: TextResult[];
          try {
            answer = await raceAbort(request, signal);
          } catch (e) {
            if (e === ABORTED) {
              // Already paid for: keep what arrives in the cache, for the next run.
              void request.then((r) => this.remember(batch, r)).catch(() => undefined);
              return;
            }
            const fault = classifyFault(e);
            if (fault.stopsRun) {
              stop ??= fault;
              return;
            }
            const failed = batch.flatMap((u) =>
              u.segmentIds.map((segmentId) => ({ segmentId, error: fault.code })),
            );
            stats.failed += failed.length;
            done += failed.length;
            job.onResults(lang, failed);
            job.onProgress(lang, done, total);
            continue;
          }
          const results: MtResult[] = [];
          batch.forEach((u, i) => {
            const r = answer[i];
            if (!r || typeof r.text !== 'string') {
              for (const segmentId of u.segmentIds)
                results.push({ segmentId, error: 'mt.incompleteResponse' });
              stats.failed += u.segmentIds.length;
              return;
            }
            const text = restore(r.text, u.sent.tokens);
            for (const segmentId of u.segmentIds) results.push({ segmentId, text });
            stats.translated += u.segmentIds.length;
            stats.billedCharacters += r.billedCharacters ?? 0;
          });
          await this.remember(batch, answer);
          done += results.length;
          job.onResults(lang, results);
          job.onProgress(lang, done, total);
        }
      };
      await Promise.all(Array.from({ length: Math.min(MAX_IN_FLIGHT_PER_LANG, batches.length) }, worker));
    };
    if (!stop) await Promise.all(plans.map(runLanguage));

    // A cancel that came after the last answer cancelled nothing.
    summary.cancelled = signal.aborted && summary.perLang.some((l) => l.translated + l.failed < l.requested);
    if (stop) {
      summary.error = { code: stop.code };
      if (stop.code === 'mt.quotaExceeded') {
        const params = await this.quotaParams(client);
        if (params) summary.error.params = params;
      }
    }
    return summary;
  }

  /** Parameters every request of a run sends besides its texts, as deepl-node builds them (for sizing). */
  private baseParams(target: string, context: string, glossaryId: string | null): Array<[string, string]> {
    return [
      ['target_lang', target],
      ['source_lang', 'ko'],
      ...(glossaryId ? ([['glossary_id', glossaryId]] as Array<[string, string]>) : []),
      ['show_billed_characters', '1'],
      ['tag_handling', 'xml'],
      ...(context ? ([['context', context]] as Array<[string, string]>) : []),
      ['model_type', MODEL_TYPE],
      ['ignore_tags', KEEP_TAG],
    ];
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
