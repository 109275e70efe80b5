import type { ReactNode } from 'react';
import type { Segment, TargetLang } from '../../../electron/contract';

/**
 * What the QA feature renders inside the grid: the Korean source with its terms highlighted, and the findings
 * under each visible target cell (its text as shown). Same shape as the editor's `GridDecor`.
 */
export interface GridQaSlots {
  source(segment: Segment): ReactNode;
  cell(segment: Segment, lang: TargetLang, text: string): ReactNode;
  /** Under the Korean: the row's findings that no cell owns (a name the two translations write differently). */
  row(segment: Segment): ReactNode;
}

/**
 * Where the focused cell's text as typed is read from (the editor's store fits): findings follow every keystroke
 * of that one cell without re-rendering its row.
 */
export interface TypedTextSource {
  segment(id: string): Segment | undefined;
  /** The row's index in the article (0-based), for messages that name the row. */
  indexOf(id: string): number;
  draft(segmentId: string, lang: TargetLang): { text: string } | undefined;
  subscribeRow(id: string, listener: () => void): () => void;
  subscribeText(segmentId: string, lang: TargetLang, listener: () => void): () => void;
}
