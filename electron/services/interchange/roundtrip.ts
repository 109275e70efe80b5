/**
 * The XLIFF round trip, three-way: for every cell, base (what the export wrote, stored in the project), file (what
 * comes back) and local (the project now). The file's change is applied only where the project did not change
 * since the export; where both changed, the local version stays and the cell is listed as a conflict. A state
 * from the file is applied only when the file changed it, so an untouched file never undoes an approval made here.
 */
import { createHash } from 'node:crypto';
import type {
  CellStatus,
  InterchangeConflict,
  InterchangeImportSummary,
  InterchangeRefusal,
  Project,
  Segment,
  TargetCell,
} from '../../contract';
import { sameText } from '../../../common/text/canonical';
import { AppError } from '../errors';
import { baselineFor, statusOfToken } from './baseline';
import { readXliff, type FileUnit, type XliffFile } from './xliff-read';

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/**
 * Fingerprint of an exported target, written as an `x-baseline` note (read back when the project kept no export):
 * of its composed form, as the reader gives the file's text (exports before this hashed the text as stored).
 */
export function fingerprint(text: string): string {
  return sha(text.normalize('NFC'));
}

/** Largest XLIFF file taken back: a 10,000-row export is about 5 MB (a real article's, some 50 KB). */
export const MAX_XLIFF_BYTES = 16 * 1024 * 1024;

/** The summary of a round trip, without the project. */
export type RoundTripSummary = Omit<InterchangeImportSummary, 'project'> & { by: string };

/** What the comparison knows about a unit's export. */
interface Base {
  /** Exported text, or null when only a fingerprint (or nothing) is known. */
  text: string | null;
  hash: string | null;
  state: string | null;
  status: CellStatus | null;
}

/** What changed since the export: the file's text, the file's state, anything here. */
interface Sides {
  fileText: boolean;
  fileState: boolean;
  local: boolean;
}

/**
 * Whether `text` differs from what was exported: null when nothing of the export is known. Texts are compared
 * composed (NFC, see common/text/canonical): the reader composes every target, while a cell may be stored
 * decomposed, so an untouched unit must not look changed. A fingerprint is of the composed text (an older
 * export's, of a decomposed one).
 */
function changedFrom(base: Base, text: string): boolean | null {
  if (base.text !== null) return !sameText(text, base.text);
  if (base.hash === null) return null;
  return fingerprint(text) !== base.hash && sha(text.normalize('NFD')) !== base.hash;
}

/** Whether the file translates this Korean text (composed, white space as a CAT tool may have reflowed it). */
function sameSource(file: string, here: string): boolean {
  const flat = (t: string) => t.normalize('NFC').replace(/\s+/g, ' ').trim();
  return flat(file) === flat(here);
}

function compare(base: Base, file: FileUnit, local: TargetCell): Sides {
  // A unit without a target says nothing about the text (only an explicit empty target empties a cell).
  const fileText =
    file.text === null ? false : (changedFrom(base, file.text) ?? !sameText(file.text, local.text));
  // Without a stored export a state cannot be compared: it counts only together with a text change.
  const fileState = base.state !== null ? file.state !== null && file.state !== base.state : false;
  const localText = changedFrom(base, local.text);
  // Nothing to compare with: a cell the reviewer owns counts as changed, so it is never overwritten unasked.
  const localChanged =
    localText === null
      ? local.status === 'edited' || local.status === 'approved'
      : localText || (base.status !== null && local.status !== base.status);
  return { fileText, fileState, local: localChanged };
}

/** The cell as the file wants it (only called when the project did not change it since the export). */
function applyFile(
  cell: TargetCell,
  file: FileUnit,
  wanted: CellStatus | null,
  sides: Sides,
  ctx: { at: string; by: string },
): TargetCell {
  const text = sides.fileText && file.text !== null ? file.text : cell.text;
  let status: CellStatus = sides.fileState && wanted ? wanted : sides.fileText ? 'edited' : cell.status;
  if (text.trim() === '') status = 'empty';
  else if (status === 'empty' || status === 'error') status = 'edited';
  else if (status === 'machine' && (cell.mt === undefined || !sameText(text, cell.mt))) status = 'edited';
  const { approvedAt: _a, approvedBy: _b, error: _e, ...rest } = cell;
  const next: TargetCell = { ...rest, text, status, updatedAt: ctx.at };
  if (status === 'approved') {
    next.approvedAt = ctx.at;
    next.approvedBy = file.approvedBy ?? ctx.by;
  }
  return next;
}

function baseOf(
  project: Project,
  xliff: XliffFile,
): { bases: Map<string, Base>; basis: RoundTripSummary['basis'] } {
  const stored = baselineFor(project, xliff);
  const bases = new Map<string, Base>();
  for (const u of xliff.units) {
    const b = stored?.units[u.id];
    bases.set(
      u.id,
      b
        ? { text: b.text, hash: null, state: b.state, status: b.status }
        : { text: null, hash: u.fingerprint, state: null, status: null },
    );
  }
  const basis = stored ? 'baseline' : xliff.units.some((u) => u.fingerprint) ? 'file-notes' : 'none';
  return { bases, basis };
}

/**
 * Bring an XLIFF 1.2 or 2.0 file back into the project after another tool edited it (see the module comment).
 * Returns the new project (the input is not changed) and the summary: counts, conflicts, unknown ids, and `by`,
 * the name recorded for the change (the file's approver when it names one, else "imported from <file>").
 */
export function roundTrip(
  project: Project,
  fileName: string,
  bytes: Uint8Array,
  now: Date,
  resolutions: Resolutions = {},
): { project: Project; summary: RoundTripSummary } {
  checkXliffFile(fileName, bytes);
  return applyXliff(project, fileName, readXliff(bytes), now, resolutions);
}

/** The checks before a file is parsed: an XLIFF name, and a size that parses within seconds. */
export function checkXliffFile(fileName: string, bytes: Uint8Array): void {
  if (!/\.(xlf|xliff|xml|sdlxliff|mqxliff)$/i.test(fileName))
    throw new AppError('interchange.notXliffName', { name: fileName });
  if (bytes.length > MAX_XLIFF_BYTES)
    throw new AppError('interchange.tooLarge', { limitMb: MAX_XLIFF_BYTES / 1024 / 1024 });
}

/** How conflicts are resolved, by segment id (`ours` unless said). */
export type Resolutions = Readonly<Record<string, 'ours' | 'theirs'>>;

/** The running totals of one round trip. */
interface Tally {
  counts: { updated: number; unchanged: number; statusChanged: number };
  conflicts: InterchangeConflict[];
  tookTheirs: string[];
  refused: InterchangeRefusal[];
  emptied: string[];
}

/** One row through the round trip: the row as it leaves (the same object when nothing changes). */
function mergeRow(
  segment: Segment,
  file: FileUnit | undefined,
  env: {
    xliff: XliffFile;
    bases: Map<string, Base>;
    resolutions: Resolutions;
    ctx: { at: string; by: string };
  },
  tally: Tally,
): Segment {
  if (!file || !segment.translate || segment.kind === 'caption') return segment;
  const { lang, version } = env.xliff;
  if (file.refused) {
    tally.refused.push({ segmentId: segment.id, reason: file.refused });
    return segment;
  }
  const local = segment.targets[lang];
  const sides = compare(env.bases.get(segment.id)!, file, local);
  const wanted = statusOfToken(version, file.state);
  if (!sides.fileText && !sides.fileState) {
    tally.counts.unchanged++;
    return segment;
  }
  // The Korean was revised since the export: the file's work is on the earlier text, and the row awaits review.
  if (!sameSource(file.source, segment.source)) {
    tally.refused.push({ segmentId: segment.id, reason: 'sourceChanged' });
    return segment;
  }
  const incoming = file.text ?? local.text;
  if (sides.local) {
    const same = sameText(incoming, local.text) && (!sides.fileState || wanted === local.status);
    if (same) {
      tally.counts.unchanged++;
      return segment;
    }
    tally.conflicts.push({
      segmentId: segment.id,
      local: local.text,
      incoming,
      localStatus: local.status,
      incomingStatus: wanted,
    });
    if (env.resolutions[segment.id] !== 'theirs') return segment;
    tally.tookTheirs.push(segment.id);
  }
  const next = applyFile(local, file, wanted, sides, env.ctx);
  const textChanged = !sameText(next.text, local.text);
  if (!textChanged && next.status === local.status) {
    tally.counts.unchanged++;
    return segment;
  }
  if (textChanged) tally.counts.updated++;
  if (next.status !== local.status) tally.counts.statusChanged++;
  if (next.text === '' && local.text !== '') tally.emptied.push(segment.id);
  const updated: Segment = { ...segment, targets: { ...segment.targets, [lang]: next } };
  if (next.status === 'approved') delete updated.change;
  return updated;
}

/**
 * {@link roundTrip} with the file already parsed (the app parses it in the import worker). Conflicts stay as
 * here unless `resolutions` says `theirs`; refused units are never applied.
 */
export function applyXliff(
  project: Project,
  fileName: string,
  xliff: XliffFile,
  now: Date,
  resolutions: Resolutions = {},
): { project: Project; summary: RoundTripSummary } {
  const known = new Set(project.segments.map((s) => s.id));
  if (xliff.units.length > 0 && !xliff.units.some((u) => known.has(u.id)))
    throw new AppError('export.otherProject');
  const { bases, basis } = baseOf(project, xliff);
  const named = xliff.units.find((u) => u.approvedBy)?.approvedBy;
  const by = named ?? `imported from ${fileName}`;
  const env = { xliff, bases, resolutions, ctx: { at: now.toISOString(), by } };
  const byId = new Map(xliff.units.map((u) => [u.id, u]));
  const tally: Tally = {
    counts: { updated: 0, unchanged: 0, statusChanged: 0 },
    conflicts: [],
    tookTheirs: [],
    refused: [],
    emptied: [],
  };
  const segments = project.segments.map((s) => mergeRow(s, byId.get(s.id), env, tally));
  const { counts, ...lists } = tally;
  return {
    project: { ...project, segments },
    summary: {
      lang: xliff.lang,
      ...counts,
      ...lists,
      unknownIds: xliff.units.filter((u) => !known.has(u.id)).map((u) => u.id),
      basis,
      warnings: [...xliff.warnings, ...(lists.refused.length ? ['interchange.unitsRefused'] : [])],
      by,
    },
  };
}
