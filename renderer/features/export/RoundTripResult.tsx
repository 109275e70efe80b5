import { useTranslation } from 'react-i18next';
import type { InterchangeImportSummary } from '../../../electron/contract';
import { REFUSAL_KEY } from './refusal';

/** What reading a translated XLIFF back did: cells updated, conflicts kept for review, ids it did not know. */
export function RoundTripResult(props: {
  summary: Omit<InterchangeImportSummary, 'project'>;
  /** 1-based row of a segment, for messages. */
  rowOf(segmentId: string): number;
}) {
  const { t } = useTranslation(['export', 'common']);
  const { summary } = props;
  return (
    <section className="preview" role="status" data-testid="round-trip">
      <p>
        {t('export:roundTripDone', {
          lang: t(`common:lang.${summary.lang}`),
          updated: summary.updated,
          statusChanged: summary.statusChanged,
          unchanged: summary.unchanged,
        })}
      </p>
      {summary.conflicts
        .filter((c) => !summary.tookTheirs?.includes(c.segmentId))
        .map((c) => (
          <p key={c.segmentId} className="cell-error">
            {t('export:conflicts', { row: props.rowOf(c.segmentId), incoming: c.incoming })}
          </p>
        ))}
      {(summary.refused ?? []).map((r) => (
        <p key={r.segmentId} className="cell-error">
          {t(REFUSAL_KEY[r.reason], {
            row: props.rowOf(r.segmentId),
            lang: t(`common:lang.${summary.lang}`),
          })}
        </p>
      ))}
      {summary.basis && summary.basis !== 'baseline' && (
        <p className="muted">{t(`export:basis.${summary.basis}`)}</p>
      )}
      {summary.unknownIds.length > 0 && <p>{t('export:unknownIds', { count: summary.unknownIds.length })}</p>}
    </section>
  );
}
