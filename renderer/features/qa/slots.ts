import type { ReactNode } from 'react';
import type { Segment, TargetLang } from '../../../electron/contract';

/**
 * What the QA feature renders inside the grid: the Korean source with its terms highlighted, and the findings
 * under a target cell (`text` is the cell's text as typed, not yet saved, so findings follow every keystroke).
 */
export interface GridQaSlots {
  source(segment: Segment): ReactNode;
  cell(segment: Segment, lang: TargetLang, text: string): ReactNode;
}
