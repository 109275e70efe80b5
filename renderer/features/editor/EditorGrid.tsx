import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { Segment, TargetLang } from '../../../electron/contract';
import type { EditorActions } from './actions';
import { GridHead } from './GridHead';
import { GridRow, type CellAside, type GridDecor } from './GridRow';
import type { GridLabels } from './labels';
import type { ReviewStore } from './store';

/** First guess of a row's height before it is measured; close to a two-line paragraph. */
const ESTIMATED_ROW_PX = 110;
/** Rows rendered beyond the viewport on each side, so fast scrolling shows no blank gaps. */
const OVERSCAN = 10;

/** What the editor controller may ask of the grid. */
export interface GridHandle {
  /** Bring a row (article index) into view. */
  scrollToRow(index: number): void;
}

/** What the grid shows and how it reports back. */
interface EditorGridProps {
  store: ReviewStore;
  segments: readonly Segment[];
  /** Article indexes of the rows to show (after filter and search). */
  rows: readonly number[];
  /** Where the focused cell is read from (subscribed here, so a focus move does not re-render the app). */
  focus: {
    subscribeFocus(l: () => void): () => void;
    getFocus(): { segmentId: string; lang: TargetLang } | null;
  };
  needle: string;
  awaitingMachine: boolean;
  labels: GridLabels;
  actions: EditorActions;
  aside?: CellAside;
  decor?: GridDecor;
  emptyText: string;
  /** Changes when the filter or search changes: the list starts again at the top. */
  resetKey: string;
  /** Receives the grid's handle (scroll a row into view). */
  handle(handle: GridHandle | null): void;
}

/**
 * The article as a virtualized table: only the rows near the viewport exist in the DOM, each measured after it
 * renders (heights vary with the text), and each a memoized {@link GridRow} subscribed to its own data.
 *
 * Keep this file to this one `memo(...)` component: React's lint looks at a file only when it has a top-level
 * function named like a component or hook, and would then report `useVirtualizer` as a library its compiler
 * cannot memoize (we do not use the compiler; the rows are memoized by hand). Helpers go in files of their own.
 */
export const EditorGrid = memo(function EditorGrid(props: EditorGridProps) {
  const { rows, segments, labels } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const focus = useSyncExternalStore(props.focus.subscribeFocus, props.focus.getFocus);
  const positionOf = useMemo(() => new Map(rows.map((index, k) => [index, k])), [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: OVERSCAN,
    // A first guess of the viewport, so the first rows paint before the scroller has been measured.
    initialRect: { width: 1200, height: 800 },
    getItemKey: (k) => segments[rows[k]!]!.id,
  });

  const { handle } = props;
  useEffect(() => {
    handle({
      scrollToRow(index) {
        const k = positionOf.get(index);
        if (k !== undefined) virtualizer.scrollToIndex(k, { align: 'auto' });
      },
    });
    return () => handle(null);
  }, [handle, positionOf, virtualizer]);

  // A filter or search change starts at the top of the new list.
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [props.resetKey]);

  const items = virtualizer.getVirtualItems();
  return (
    <div
      ref={scroller}
      className="editor-grid grid"
      role="table"
      aria-label={labels.grid.label}
      aria-rowcount={segments.length + 1}
      data-testid="grid"
    >
      <GridHead labels={labels} />
      {rows.length === 0 && <p className="grid-empty">{props.emptyText}</p>}
      <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const index = rows[item.index]!;
          const s = segments[index]!;
          return (
            <div
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              className="grid-slot"
              role="presentation"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <GridRow
                store={props.store}
                id={s.id}
                row={index + 1}
                pictureRow={s.linkedTo ? props.store.indexOf(s.linkedTo) + 1 || null : null}
                focusLang={focus?.segmentId === s.id ? focus.lang : null}
                needle={props.needle}
                awaitingMachine={props.awaitingMachine}
                labels={labels}
                actions={props.actions}
                aside={props.aside}
                decor={props.decor}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
});
