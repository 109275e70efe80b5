import type {
  LanguageProgress,
  MemoryFill,
  MtStyleUsed,
  Segment,
  TargetCell,
  TargetLang,
} from '../../contract';
import { TARGET_LANGS } from '../../contract';
import { nfc, sameText } from '../../../common/text/canonical';

/** A fresh, untranslated cell. */
export function emptyCell(): TargetCell {
  return { text: '', status: 'empty' };
}

/** True when the reviewer owns the cell's text, so machine output must never replace it. */
export function isReviewerText(cell: TargetCell): boolean {
  return cell.status === 'edited' || cell.status === 'approved';
}

/**
 * Apply a machine translation to a cell. A cell the reviewer edited or approved keeps its text; the machine text
 * becomes a suggestion shown beside it (unless it says the same thing). Text enters composed (NFC), as every way
 * into a cell stores it, and is compared as composed (see common/text/canonical).
 */
export function applyMachineText(
  cell: TargetCell,
  machineText: string,
  at: string,
  style?: MtStyleUsed,
): TargetCell {
  const text = nfc(machineText);
  const used = style ? { mtStyle: style } : {};
  if (isReviewerText(cell)) {
    const { suggestion: _old, ...rest } = cell;
    if (!sameText(text, cell.text)) return { ...rest, suggestion: text };
    return cell.mt === undefined ? { ...rest, mt: text, ...used } : rest;
  }
  const { error: _e, suggestion: _s, mtStyle: _m, ...rest } = cell;
  return { ...rest, text, mt: text, ...used, status: 'machine', updatedAt: at };
}

/**
 * Fill a cell from a translation-memory match (pre-translation). Only an empty or failed cell is filled: a machine,
 * edited or approved text is never replaced. The cell counts as the reviewer's own text (a later machine run only
 * suggests), but is not approved unless `approveAs` names who approves it (the opt-in for 101 % matches).
 */
export function applyMemoryText(
  cell: TargetCell,
  fill: MemoryFill,
  at: string,
  approveAs?: string,
): TargetCell {
  if (cell.status !== 'empty' && cell.status !== 'error') return cell;
  const { error: _e, suggestion: _s, approvedAt: _a, approvedBy: _b, ...rest } = cell;
  const text = nfc(fill.text);
  const filled: TargetCell = { ...rest, text, status: 'edited', tm: { ...fill, text }, updatedAt: at };
  return approveAs ? { ...filled, status: 'approved', approvedAt: at, approvedBy: approveAs } : filled;
}

/** True while a cell still holds the text the memory filled it with (its badge shows). */
export function isMemoryText(cell: TargetCell): boolean {
  return cell.tm !== undefined && cell.text === cell.tm.text;
}

/** Record a machine-translation failure. Text the cell already has (machine or reviewer's) stays. */
export function applyMachineError(cell: TargetCell, code: string): TargetCell {
  if (cell.status !== 'empty' && cell.status !== 'error') return cell;
  return { ...cell, status: 'error', error: code };
}

/**
 * The reviewer typed into a cell. Any change of text makes it `edited` (an approved cell drops its approval);
 * typing the machine text back exactly returns the cell to `machine`, so the report does not count a non-edit.
 * The text is stored composed (NFC); the same text in another form (a decomposed paste) is no change.
 */
export function applyReviewerText(cell: TargetCell, typed: string, at: string, elapsedMs = 0): TargetCell {
  const text = nfc(typed);
  const editMs = (cell.editMs ?? 0) + Math.max(0, Math.round(elapsedMs));
  if (sameText(text, cell.text)) return editMs === (cell.editMs ?? 0) ? cell : { ...cell, editMs };
  const { approvedAt: _a, approvedBy: _b, error: _e, ...rest } = cell;
  let status: TargetCell['status'] = 'edited';
  if (text === '') status = 'empty';
  else if (cell.mt !== undefined && sameText(text, cell.mt)) status = 'machine';
  return { ...rest, text, status, updatedAt: at, editMs };
}

/**
 * Set or clear (blank) a cell's comment, by `by` at `at`. Stored composed (NFC) and trimmed, as cell texts are; the
 * same comment in another form (a decomposed paste from a Mac) is no change: its author and time stay.
 */
export function applyComment(cell: TargetCell, typed: string, by: string, at: string): TargetCell {
  const comment = nfc(typed).trim();
  const { comment: was, commentBy: _b, commentAt: _a, ...rest } = cell;
  if (!comment) return was === undefined ? cell : rest;
  if (was !== undefined && sameText(comment, was)) return cell;
  return { ...rest, comment, commentBy: by, commentAt: at };
}

/** What a version's text comes with (see {@link restoreVersion}). */
const WITH_TEXT = ['text', 'status', 'mt', 'mtStyle', 'error', 'approvedAt', 'approvedBy', 'tm'] as const;

/**
 * A version of a cell put back (Restore, Esc's revert): its text and status with what came with them (approval,
 * machine text and style, memory match, error). What was added to the cell since stays as it is now: the comment
 * (a colleague's too), a machine suggestion, the time spent and the revision mark.
 */
export function restoreVersion(cell: TargetCell, version: TargetCell, at: string): TargetCell {
  const out: Record<string, unknown> = { ...cell };
  for (const k of WITH_TEXT) {
    if (version[k] === undefined) delete out[k];
    else out[k] = version[k];
  }
  return { ...(out as unknown as TargetCell), rev: cell.rev, updatedAt: at };
}

/** Approve a cell. Empty cells cannot be approved: there is nothing to publish. */
export function approve(cell: TargetCell, at: string, by: string): TargetCell | null {
  if (cell.text.trim() === '') return null;
  // Approving again changes nothing (and records nothing): the first approval stands, with its person and time.
  if (cell.status === 'approved') return cell;
  const { error: _e, ...rest } = cell;
  return { ...rest, status: 'approved', approvedAt: at, approvedBy: by, updatedAt: at };
}

/** Withdraw an approval; the text stays and counts as the reviewer's. */
export function unapprove(cell: TargetCell, at: string): TargetCell {
  if (cell.status !== 'approved') return cell;
  const { approvedAt: _a, approvedBy: _b, ...rest } = cell;
  return { ...rest, status: 'edited', updatedAt: at };
}

/** Take the pending machine suggestion as the new text (the reviewer chose it, so it counts as edited). */
export function acceptSuggestion(cell: TargetCell, at: string): TargetCell {
  if (cell.suggestion === undefined) return cell;
  const { suggestion, approvedAt: _a, approvedBy: _b, ...rest } = cell;
  return { ...rest, text: suggestion, mt: suggestion, status: 'machine', updatedAt: at };
}

/** Rows whose cells the reviewer works on: translated rows that do not mirror a picture. */
export function isReviewable(segment: Segment): boolean {
  return segment.translate && segment.kind !== 'caption';
}

/** Approved / total per language, over reviewable rows. */
export function progressOf(segments: readonly Segment[]): LanguageProgress[] {
  const reviewable = segments.filter(isReviewable);
  return TARGET_LANGS.map((lang: TargetLang) => ({
    lang,
    approved: reviewable.filter((s) => s.targets[lang].status === 'approved').length,
    total: reviewable.length,
  }));
}

/**
 * Caption rows repeat their picture's caption, so they carry the picture's translations. Returns the segments that
 * changed (captions whose targets now mirror their picture).
 */
export function mirrorCaptions(segments: Segment[], pictureIds?: ReadonlySet<string>): Segment[] {
  // One pass to find the captions concerned (an article has few or none), a second only when there are some:
  // a cell saved in a long article does not index all its rows.
  const captions: number[] = [];
  segments.forEach((s, i) => {
    if (s.kind === 'caption' && s.linkedTo && (!pictureIds || pictureIds.has(s.linkedTo))) captions.push(i);
  });
  const changed: Segment[] = [];
  if (!captions.length) return changed;
  const linked = new Set(captions.map((i) => segments[i]!.linkedTo!));
  const pictures = new Map(segments.filter((s) => linked.has(s.id)).map((s) => [s.id, s]));
  for (const i of captions) {
    const s = segments[i]!;
    const picture = pictures.get(s.linkedTo!);
    if (!picture) continue;
    if (JSON.stringify(s.targets) === JSON.stringify(picture.targets)) continue;
    const next = { ...s, targets: structuredClone(picture.targets) };
    segments[i] = next;
    changed.push(next);
  }
  return changed;
}
