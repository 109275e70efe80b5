import type { InterchangeRefusal } from '../../../electron/contract';

/** The message of each reason a unit of an imported XLIFF file was not applied. */
export const REFUSAL_KEY = {
  inlineCode: 'export:preview.refused',
  partialTarget: 'export:preview.refusedPartialTarget',
  segmentOrder: 'export:preview.refusedSegmentOrder',
  sourceChanged: 'export:preview.refusedSourceChanged',
} as const satisfies Record<InterchangeRefusal['reason'], string>;
