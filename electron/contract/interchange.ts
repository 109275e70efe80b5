import type { CellStatus } from './model';

export type { ExportBaseline, ExportedUnit } from './model';

// Interchange: XLIFF round trip, OmegaT, imports.
// Types and constants only: the renderer bundles this (see ../contract.ts).

/** How TMX is segmented: per row (paragraph) or per sentence, for CAT tools with sentence segmentation. */
export type TmxSegmentation = 'paragraph' | 'sentence';

/** A cell changed both in the file and here since the export; the local version was kept. */
export interface InterchangeConflict {
  segmentId: string;
  local: string;
  incoming: string;
  localStatus?: CellStatus;
  incomingStatus?: CellStatus | null;
}

/**
 * A unit of an imported file that was not applied, and why: `inlineCode`, a placeholder with nothing to put back;
 * `partialTarget`, a unit split into sentences some of which the file leaves untranslated; `segmentOrder`, XLIFF
 * 2.0 `order` attributes that do not put the sentences in one valid order; `sourceChanged`, the file translates
 * another Korean text than the row holds now (the article was revised since the export).
 */
export interface InterchangeRefusal {
  segmentId: string;
  reason: 'inlineCode' | 'partialTarget' | 'segmentOrder' | 'sourceChanged';
}
