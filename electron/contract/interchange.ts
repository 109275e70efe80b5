import type { CellStatus, TargetLang } from './model';

// Interchange: XLIFF round trip, OmegaT, imports.
// Types and constants only: the renderer bundles this (see ../contract.ts).

/** How TMX is segmented: per row (paragraph) or per sentence, for CAT tools with sentence segmentation. */
export type TmxSegmentation = 'paragraph' | 'sentence';

/** What one XLIFF export wrote for one unit: the base of a three-way round trip. */
export interface ExportedUnit {
  text: string;
  status: CellStatus;
  /** The state token as written in the file (XLIFF 2.0 `state`, XLIFF 1.2 `approved`/`state`). */
  state: string;
}

/** One XLIFF export as recorded in the project. */
export interface ExportBaseline {
  /** Also written into the file, so the right export is found when several were made. */
  id: string;
  lang: TargetLang;
  format: 'xliff2' | 'xliff12';
  at: string;
  units: Record<string, ExportedUnit>;
}

/** A cell changed both in the file and here since the export; the local version was kept. */
export interface InterchangeConflict {
  segmentId: string;
  local: string;
  incoming: string;
  localStatus?: CellStatus;
  incomingStatus?: CellStatus | null;
}

/** A unit of an imported file that was not applied, and why (`inlineCode`: a placeholder with nothing to put back). */
export interface InterchangeRefusal {
  segmentId: string;
  reason: 'inlineCode';
}
