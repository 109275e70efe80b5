import { EXPORT_FORMATS, type ExportFormat } from '../../../electron/contract';

/** Formats that carry both targets at once. */
export const BOTH: ReadonlySet<ExportFormat> = new Set(['review-docx', 'tmx', 'report-html', 'report-csv']);

/** The format list, grouped the way a desk thinks of them; every format of the contract appears once. */
export const GROUPS: Array<{ key: 'publish' | 'review' | 'interchange'; formats: ExportFormat[] }> = [
  { key: 'publish', formats: ['md', 'txt', 'html', 'docx'] },
  { key: 'review', formats: ['review-docx', 'report-html', 'report-csv'] },
  { key: 'interchange', formats: ['xliff2', 'xliff12', 'tmx', 'omegat'] },
];

/** Formats whose translation memory can be segmented by sentence. */
export const SEGMENTABLE: ReadonlySet<ExportFormat> = new Set(['tmx', 'omegat']);

const grouped = new Set(GROUPS.flatMap((g) => g.formats));
/** Formats of the contract that no group names (shown after the groups, so none is ever hidden). */
export const OTHER: readonly ExportFormat[] = EXPORT_FORMATS.filter((f) => !grouped.has(f));
