import { memo, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { findKoreanTerm, type QaTerm } from '../../../common/qa';

/** The Korean source with termbase terms highlighted; hovering (or focusing) a term shows its translations. */
export const SourceTerms = memo(function SourceTerms(props: { source: string; terms: readonly QaTerm[] }) {
  const { t } = useTranslation('qa');
  const parts = useMemo(() => {
    const source = props.source.normalize('NFC');
    const hits: Array<{ start: number; end: number; term: QaTerm }> = [];
    for (const term of [...props.terms].sort((a, b) => b.ko.length - a.ko.length))
      for (const at of findKoreanTerm(source, term.ko))
        if (!hits.some((h) => at < h.end && at + term.ko.length > h.start))
          hits.push({ start: at, end: at + term.ko.length, term });
    hits.sort((a, b) => a.start - b.start);
    const out: ReactNode[] = [];
    let pos = 0;
    for (const h of hits) {
      out.push(source.slice(pos, h.start));
      const title = t('termbase.hover', { vi: h.term.vi || '–', en: h.term.en || '–' });
      out.push(
        <mark key={h.start} className="term" title={title} tabIndex={0} aria-label={`${h.term.ko}: ${title}`}>
          {source.slice(h.start, h.end)}
        </mark>,
      );
      pos = h.end;
    }
    out.push(source.slice(pos));
    return out;
  }, [props.source, props.terms, t]);
  return <>{parts}</>;
});
