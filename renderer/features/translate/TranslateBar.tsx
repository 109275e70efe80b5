import { useTranslation } from 'react-i18next';
import type { TranslateSummary } from '../../../electron/contract';
import { useNumberFormat } from '../../i18n/format';
import type { TranslateRun } from './use-translation-run';

function totals(summary: TranslateSummary) {
  const sum = (k: 'requested' | 'translated' | 'fromCache' | 'failed' | 'requests' | 'billedCharacters') =>
    summary.perLang.reduce((n, l) => n + l[k], 0);
  return {
    requested: sum('requested'),
    count: sum('translated'),
    cached: sum('fromCache'),
    failed: sum('failed'),
    requests: sum('requests'),
    chars: sum('billedCharacters'),
  };
}

/** Machine translation under the header: a progress bar per language with Cancel, then the run's summary. */
export function TranslateBar(props: {
  run: TranslateRun | null;
  summary: TranslateSummary | null;
  onCancel(): void;
  onDismiss(): void;
  /** Translate again the cells the run could not translate. */
  onRetryFailed(): void;
}) {
  const { t } = useTranslation(['translate', 'common']);
  const { run, summary } = props;
  if (run)
    return (
      <section
        className="mt-bar running"
        role="status"
        aria-label={t('translate:running')}
        data-testid="mt-progress"
      >
        <span className="mt-title">{t('translate:running')}</span>
        {run.langs.map((lang) => {
          const p = run.progress[lang];
          const name = t(`common:lang.${lang}`);
          return (
            <div key={lang} className="mt-lang" data-testid={`mt-progress-${lang}`}>
              <span>
                {p
                  ? t('translate:progress', { lang: name, done: p.done, total: p.total })
                  : t('translate:waiting', { lang: name })}
              </span>
              <progress aria-label={name} max={p?.total || 1} value={p ? p.done : undefined} />
            </div>
          );
        })}
        <span className="spacer" />
        <button type="button" onClick={props.onCancel} disabled={run.cancelling}>
          {run.cancelling ? t('translate:cancelling') : t('translate:cancel')}
        </button>
      </section>
    );
  // A run that went through is reported in the status bar (see TranslateSummaryNote): only failures take a line.
  if (!summary || summary.error || totals(summary).failed === 0) return null;
  const n = totals(summary);
  return (
    <section className="mt-bar done" role="status" data-testid="mt-summary">
      <SummaryText summary={summary} />
      <span className="mt-failed">{t('translate:someFailed', { count: n.failed })}</span>
      <button type="button" className="small" onClick={props.onRetryFailed}>
        {t('translate:retryFailed')}
      </button>
      <span className="spacer" />
      <button
        type="button"
        className="icon"
        aria-label={t('common:actions.dismiss')}
        title={t('common:actions.dismiss')}
        onClick={props.onDismiss}
      >
        ×
      </button>
    </section>
  );
}

/** The last run's summary in the status bar, until the next run: it informs and takes no room from the grid. */
export function TranslateSummaryNote(props: { summary: TranslateSummary | null }) {
  const { summary } = props;
  if (!summary || summary.error || totals(summary).failed > 0) return null;
  return (
    <span className="statusbar-note" role="status" data-testid="mt-summary">
      <SummaryText summary={summary} />
    </span>
  );
}

function SummaryText(props: { summary: TranslateSummary }) {
  const { t } = useTranslation(['translate', 'common']);
  const num = useNumberFormat();
  const n = totals(props.summary);
  // Cells the translation memory filled before anything went to DeepL.
  const fromMemory = (props.summary.memory ?? []).reduce((k, l) => k + l.context + l.exact, 0);
  const memory = fromMemory > 0 ? `${t('translate:memory', { count: num(fromMemory) })} ` : '';
  return (
    <span>
      {memory}
      {props.summary.cancelled
        ? t('translate:cancelled')
        : n.requested === 0 && memory
          ? null
          : n.requested === 0
            ? t('translate:nothingToDo')
            : t('translate:done', {
                count: num(n.count),
                cached: num(n.cached),
                requests: num(n.requests),
                chars: num(n.chars),
              })}
    </span>
  );
}
