import type { TargetLang, TranslateSummary, UsageView } from '../../../electron/contract';
import { notice, type Notice } from '../../components/notices';

// The pure part of a machine-translation run on screen: its progress and what its end says.

/** A machine-translation run on screen: progress per language, as pushed by `mt-progress` events. */
export interface TranslateRun {
  projectId: string;
  langs: TargetLang[];
  progress: Partial<Record<TargetLang, { done: number; total: number }>>;
  cancelling: boolean;
}

/**
 * The run with one language's progress: `current`, or a new run when none is shown (a run started elsewhere —
 * another window, the desktop menu — is shown too).
 */
export function withProgress(
  current: TranslateRun | null,
  event: { projectId: string; lang: TargetLang; done: number; total: number },
): TranslateRun {
  const run = current ?? { projectId: event.projectId, langs: [], progress: {}, cancelling: false };
  return {
    ...run,
    langs: run.langs.includes(event.lang) ? run.langs : [...run.langs, event.lang],
    progress: { ...run.progress, [event.lang]: { done: event.done, total: event.total } },
  };
}

/** What a finished run tells the person, in order: its error, the term refresh, the house style's fate. */
export function summaryNotices(result: TranslateSummary): Notice[] {
  const out: Notice[] = [];
  if (result.error) out.push(notice('error', result.error));
  // Say which machine cells were asked again because a term changed (issue #10).
  if (result.termRefresh)
    out.push(
      notice('info', {
        code: 'qa:termbase.refreshed',
        params: { cells: result.termRefresh.cells, terms: result.termRefresh.terms.join(', ') },
      }),
    );
  // A house style DeepL refused, or parts it does not support for a target: said, never dropped silently.
  for (const style of result.style ?? []) {
    if (style.refused) out.push(notice('warning', { code: style.refused, params: { lang: style.lang } }));
    if (style.unsupported.length)
      out.push(notice('info', { code: 'translate:houseStyle.unsupported', params: { lang: style.lang } }));
  }
  return out;
}

/** Whether the account's balance is worth asking after a run: it billed characters and was not cancelled. */
export const billed = (result: TranslateSummary) =>
  !result.cancelled && result.perLang.some((l) => l.billedCharacters > 0);

/** The warning before the account runs dry, not after; null while there is room. */
export function usageWarning(usage: UsageView): Notice | null {
  if (!usage.nearLimit || usage.characterLimit === null) return null;
  return notice('warning', {
    code: 'translate:usage.near',
    params: { left: usage.characterLimit - usage.characterCount },
  });
}
