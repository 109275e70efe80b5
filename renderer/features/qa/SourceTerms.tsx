import { memo, useMemo, type ReactNode } from 'react';
import { findKoreanTerm, type QaTerm } from '../../../common/qa';
import type { QaGridLabels } from './grid-labels';

/** The Korean source with termbase terms highlighted; hovering (or focusing) a term shows its translations. */
export const SourceTerms = memo(function SourceTerms(props: {
  source: string;
  terms: readonly QaTerm[];
  labels: QaGridLabels;
}) {
  const { labels } = props;
  const parts = useMemo(() => {
    const source = props.source.normalize('NFC');
    const hits: Array<{ start: number; end: number; term: QaTerm }> = [];
    for (const term of props.terms)
      for (const at of findKoreanTerm(source, term.ko))
        if (!hits.some((h) => at < h.end && at + term.ko.length > h.start))
          hits.push({ start: at, end: at + term.ko.length, term });
    if (!hits.length) return [source];
    hits.sort((a, b) => a.start - b.start);
    const out: ReactNode[] = [];
    let pos = 0;
    for (const h of hits) {
      out.push(source.slice(pos, h.start));
      const title = labels.hover(h.term.vi, h.term.en);
      out.push(
        <mark key={h.start} className="term" title={title} tabIndex={0} aria-label={`${h.term.ko}: ${title}`}>
          {source.slice(h.start, h.end)}
        </mark>,
      );
      pos = h.end;
    }
    out.push(source.slice(pos));
    return out;
  }, [props.source, props.terms, labels]);
  return <>{parts}</>;
});

/** Terms longest first, so a longer term wins over one it contains (sort once per termbase, not per row). */
export function longestFirst(terms: readonly QaTerm[]): QaTerm[] {
  return [...terms].sort((a, b) => b.ko.length - a.ko.length);
}
