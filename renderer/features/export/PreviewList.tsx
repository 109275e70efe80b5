import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportPreview, TargetLang } from '../../../electron/contract';

/** Before the export: approved / total per language, its sign-off line, and each gap as a jump to its row. */
export function PreviewList(props: {
  preview: ExportPreview | null;
  signoffLine(lang: TargetLang): ReactNode;
  onJump(segmentId: string, lang: TargetLang): void;
}) {
  const { t } = useTranslation(['export', 'common', 'review']);
  return (
    <section
      className="preview"
      aria-live="polite"
      aria-label={t('export:previewTitle')}
      data-testid="export-preview"
    >
      {props.preview === null ? (
        <p className="muted">{t('export:previewLoading')}</p>
      ) : (
        props.preview.perLang.map((p) => (
          <div key={p.lang} className="preview-lang" data-testid={`export-preview-${p.lang}`}>
            <p className={p.gaps.length === 0 ? 'preview-count complete' : 'preview-count'}>
              {t('export:counts', { lang: t(`common:lang.${p.lang}`), approved: p.approved, total: p.total })}
            </p>
            {props.signoffLine(p.lang)}
            {p.gaps.length === 0 ? (
              <p className="muted">{t('export:allApproved')}</p>
            ) : (
              <p className="gaps">
                <span>{t('export:gaps')}</span>{' '}
                {p.gaps.map((g, i) => (
                  <span key={g.segmentId}>
                    {i > 0 && ', '}
                    <button
                      type="button"
                      className={`link gap gap-${g.status}`}
                      title={t('export:gapHint', { row: g.index, status: t(`review:status.${g.status}`) })}
                      onClick={() => props.onJump(g.segmentId, p.lang)}
                    >
                      {g.index}
                    </button>
                  </span>
                ))}
              </p>
            )}
          </div>
        ))
      )}
    </section>
  );
}
