import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { TranslateEstimate, TranslateRequest, TranslateSummary } from '../../../electron/contract';
import { api, toApiError } from '../../api';
import { notice, type Notice } from '../../components/notices';
import { billed, summaryNotices, usageWarning, withProgress, type TranslateRun } from './run-model';

export type { TranslateRun } from './run-model';

interface RunOptions {
  projectId: string | null;
  onNotice(n: Notice): void;
  /**
   * A run of the open project is over (this page's, or one it did not follow): the caller reads the project again
   * to be sure no pushed update was missed.
   */
  onFinished(summary: TranslateSummary): void;
}

/** Tell the person how a run ended, tell the caller it is over, then warn if the account runs dry. */
function announce(result: TranslateSummary, opts: () => RunOptions): void {
  for (const n of summaryNotices(result)) opts().onNotice(n);
  opts().onFinished(result);
  // Warn before the account runs dry, not after.
  if (billed(result))
    void api.getUsage().then(
      (usage) => {
        const warning = usageWarning(usage);
        if (warning) opts().onNotice(warning);
      },
      () => undefined,
    );
}

/**
 * A large run waits for the person's answer to its estimate (characters, cells, quota left): `start` asks for the
 * estimate, `answer` takes the person's choice, `pending` is the run waiting.
 */
function useEstimateGate(
  send: (req: TranslateRequest) => Promise<void>,
  runRef: RefObject<TranslateRun | null>,
  optsRef: RefObject<RunOptions>,
) {
  const [pending, setPending] = useState<{ req: TranslateRequest; estimate: TranslateEstimate } | null>(null);
  // The project whose run is being prepared (settings and estimate asked for): its empty cells wait for DeepL.
  const [starting, setStarting] = useState<string | null>(null);

  /**
   * Start a run; the project is named explicitly because it may have been opened in this same event. A run that
   * would send DeepL more than Settings › Memory's threshold shows its estimate first and waits for an answer;
   * the threshold also goes with the request, so a run that grew since the estimate is refused, not billed.
   */
  const start = useCallback(
    async (req: TranslateRequest) => {
      if (runRef.current?.projectId === req.projectId) {
        optsRef.current.onNotice(notice('error', { code: 'project.translationRunning' }));
        return;
      }
      setStarting(req.projectId);
      try {
        const [settings, estimate] = await Promise.all([api.getSettings(), api.estimateTranslation(req)]);
        const max = settings.memory.confirmCharacters;
        if (estimate.characters > max) setPending({ req, estimate });
        else await send({ ...req, maxCharacters: max });
      } catch (e) {
        optsRef.current.onNotice(notice('error', toApiError(e)));
      } finally {
        setStarting((s) => (s === req.projectId ? null : s));
      }
    },
    [send, runRef, optsRef],
  );

  /** The person answered the estimate: everything, the memory's matches only, or nothing for now. */
  const answer = useCallback(
    (choice: 'all' | 'memory' | 'none') => {
      const asked = pending;
      setPending(null);
      if (!asked || choice === 'none') return;
      void send(choice === 'memory' ? { ...asked.req, memoryOnly: true } : asked.req);
    },
    [pending, send],
  );

  return { pending, starting, start, answer };
}

/**
 * How a run ends, told by the call's answer or by the `mt-finished` event: this page's run (followed, or `lost` with
 * its call because a desk process died: the run may go on and its event still come, through the outbox) is shown
 * once; any other run of the open project only makes the page read the article again. `answered` is the summary
 * the call answered, until its event comes.
 */
function useRunEnd(
  runRef: RefObject<TranslateRun | null>,
  optsRef: RefObject<RunOptions>,
  update: (next: TranslateRun | null) => void,
  setSummary: (s: TranslateSummary | null) => void,
) {
  const lost = useRef<string | null>(null);
  const answered = useRef<string | null>(null);
  const finish = useCallback(
    (result: TranslateSummary, via: 'answer' | 'event') => {
      const tracked = runRef.current?.projectId === result.projectId;
      const lostHere = via === 'event' && lost.current === result.projectId;
      if (tracked || lostHere) {
        if (tracked) update(null);
        lost.current = null;
        answered.current = via === 'answer' ? JSON.stringify(result) : null;
        setSummary(result);
        announce(result, () => optsRef.current);
      } else if (via === 'event' && result.projectId === optsRef.current.projectId) {
        // The event of the run the call's answer already showed is not news; anything else is.
        if (answered.current === JSON.stringify(result)) answered.current = null;
        else optsRef.current.onFinished(result);
      }
    },
    [runRef, optsRef, update, setSummary],
  );
  /** A new run of this page starts: nothing of an earlier one is pending. */
  const reset = useCallback(() => {
    lost.current = null;
    answered.current = null;
  }, []);
  /** This page's run of `projectId` lost its call: its event may still come. */
  const markLost = useCallback((projectId: string) => {
    lost.current = projectId;
  }, []);
  return { finish, reset, markLost };
}

/**
 * Start, follow and cancel machine translation of the open project. The run ends with whichever comes first: the
 * `mt-finished` event or the call's own answer (both carry the same summary; it is shown once). A run whose call
 * failed (the desk process died) is still shown when its event comes after all.
 */
export function useTranslationRun(opts: RunOptions) {
  const [run, setRun] = useState<TranslateRun | null>(null);
  const [summary, setSummary] = useState<TranslateSummary | null>(null);
  const runRef = useRef<TranslateRun | null>(null);
  const optsRef = useRef(opts);
  useEffect(() => {
    optsRef.current = opts;
  });

  const update = useCallback((next: TranslateRun | null) => {
    runRef.current = next;
    setRun(next);
  }, []);

  const { finish, reset, markLost } = useRunEnd(runRef, optsRef, update, setSummary);

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'mt-progress') {
          // The run's own project counts even before the render that makes it the open project.
          if (event.projectId !== runRef.current?.projectId && event.projectId !== optsRef.current.projectId)
            return;
          update(withProgress(runRef.current, event));
        } else if (event.type === 'mt-finished') finish(event.summary, 'event');
      }),
    [finish, update],
  );

  /** Run a request now (the estimate, if any, was answered). */
  const send = useCallback(
    async (req: TranslateRequest) => {
      const { projectId } = req;
      setSummary(null);
      reset();
      update({ projectId, langs: req.langs, progress: {}, cancelling: false });
      try {
        finish(await api.translate(req), 'answer');
      } catch (e) {
        // (The ref changed during the await; TypeScript still narrows it to null from the check above.)
        if ((runRef.current as TranslateRun | null)?.projectId === projectId) {
          update(null);
          markLost(projectId);
        }
        optsRef.current.onNotice(notice('error', toApiError(e)));
      }
    },
    [finish, update, reset, markLost],
  );

  const { pending, starting, start, answer } = useEstimateGate(send, runRef, optsRef);

  const cancel = useCallback(() => {
    const current = runRef.current;
    if (!current || current.cancelling) return;
    update({ ...current, cancelling: true });
    api.cancelTranslation(current.projectId).catch((e: unknown) => {
      optsRef.current.onNotice(notice('error', toApiError(e)));
    });
  }, [update]);

  // Another project was opened: runs of the previous one (which go on at the Node side) are not shown.
  const mine = <T extends { projectId: string }>(x: T | null) =>
    x && x.projectId === opts.projectId ? x : null;
  return {
    run: mine(run),
    /**
     * DeepL is being asked for the open project's cells (a run starting or going on): an empty cell may say it
     * waits for DeepL. Once a run ended (refused key, used-up quota, no network, declined estimate) it does not.
     */
    awaitingMachine: mine(run) !== null || (starting !== null && starting === opts.projectId),
    summary: mine(summary),
    estimate: pending && pending.req.projectId === opts.projectId ? pending.estimate : null,
    answerEstimate: answer,
    start,
    cancel,
    dismissSummary: () => setSummary(null),
  };
}
