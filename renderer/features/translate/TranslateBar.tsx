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
  const num = useNumberFormat();
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
  if (!summary || summary.error) return null;
  const n = totals(summary);
  const fromMemory = (summary.memory ?? []).reduce((k, l) => k + l.context + l.exact, 0);
  return (
    <section className="mt-bar done" role="status" data-testid="mt-summary">
      <span>
        {summary.cancelled
          ? t('translate:cancelled')
          : n.requested === 0 && fromMemory > 0
            ? null
            : n.requested === 0
              ? t('translate:nothingToDo')
              : t('translate:done', {
                  count: n.count,
                  cached: n.cached,
                  requests: n.requests,
                  chars: num(n.chars),
                })}
      </span>
      {fromMemory > 0 && <span data-testid="mt-memory">{t('translate:memory', { count: fromMemory })}</span>}
      {n.failed > 0 && (
        <>
          <span className="mt-failed">{t('translate:someFailed', { count: n.failed })}</span>
          <button type="button" className="small" onClick={props.onRetryFailed}>
            {t('translate:retryFailed')}
          </button>
        </>
      )}
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
