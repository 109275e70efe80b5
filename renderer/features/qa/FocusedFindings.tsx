import { memo, useCallback, useDeferredValue, useSyncExternalStore } from 'react';
import type { QaFinding } from '../../../common/qa';
import type { Segment, TargetLang } from '../../../electron/contract';
import type { QaGridLabels } from './grid-labels';
import { LiveCellFindings } from './LiveCellFindings';
import type { TypedTextSource } from './slots';

/**
 * Findings of the focused cell, following each keystroke: it subscribes to that cell's typed text alone, so
 * typing re-renders this list and nothing else of the grid.
 */
export const FocusedFindings = memo(function FocusedFindings(props: {
  source: TypedTextSource;
  segmentId: string;
  lang: TargetLang;
  check(segment: Segment, lang: TargetLang, text: string): QaFinding[];
  labels: QaGridLabels;
}) {
  const { source, segmentId, lang } = props;
  const subscribe = useCallback(
    (listener: () => void) => {
      const text = source.subscribeText(segmentId, lang, listener);
      const row = source.subscribeRow(segmentId, listener);
      return () => {
        text();
        row();
      };
    },
    [source, segmentId, lang],
  );
  const segment = useSyncExternalStore(subscribe, () => source.segment(segmentId));
  const text = useSyncExternalStore(
    subscribe,
    () => source.draft(segmentId, lang)?.text ?? segment?.targets[lang].text ?? '',
  );
  // The keystroke (and, on a focus move, the new cell) paints first; the findings follow at a lower priority, so
  // typing and Ctrl+Enter never wait for the checker.
  const deferred = useDeferredValue<string | null>(text, null);
  if (!segment || deferred === null) return null;
  return (
    <LiveCellFindings
      segment={segment}
      lang={lang}
      text={deferred}
      check={props.check}
      labels={props.labels}
    />
  );
});

/**
 * A checker that remembers its answer per row object, language and text: rows scrolled back into view, or
 * re-rendered for something else, are not checked again, and the approve question reuses what the focused cell
 * showed. Row objects are replaced on every change, so a stale answer cannot be returned (a WeakMap lets them go;
 * the texts typed into one row stay until its save replaces it).
 */
export function cachedCheck(
  check: (segment: Segment, lang: TargetLang, text: string) => QaFinding[],
): (segment: Segment, lang: TargetLang, text: string) => QaFinding[] {
  return perSegment(check, (lang, text) => `${lang}\u0000${text}`);
}

/** {@link cachedCheck} for the row's own findings, per row object and the two texts. */
export function cachedRowCheck(
  check: (segment: Segment, texts: Record<TargetLang, string>) => QaFinding[],
): (segment: Segment, texts: Record<TargetLang, string>) => QaFinding[] {
  return perSegment(check, (texts) => `${texts.vi}\u0000${texts.en}`);
}

function perSegment<A extends unknown[]>(
  check: (segment: Segment, ...args: A) => QaFinding[],
  keyOf: (...args: A) => string,
): (segment: Segment, ...args: A) => QaFinding[] {
  const cache = new WeakMap<Segment, Map<string, QaFinding[]>>();
  return (segment, ...args) => {
    let bySegment = cache.get(segment);
    if (!bySegment) cache.set(segment, (bySegment = new Map()));
    const key = keyOf(...args);
    let found = bySegment.get(key);
    if (!found) bySegment.set(key, (found = check(segment, ...args)));
    return found;
  };
}
