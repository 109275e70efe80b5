import { TARGET_LANGS, type LanguageProgress, type Project, type Segment } from '../../../electron/contract';

/** A row the reviewer signs off: translated, and not a caption (captions follow their picture). */
export function isReviewable(segment: Segment): boolean {
  return segment.translate && segment.kind !== 'caption';
}

/** Approved / total per language, counted over reviewable rows, as the header shows them. */
export function progressOf(segments: readonly Segment[]): LanguageProgress[] {
  const rows = segments.filter(isReviewable);
  return TARGET_LANGS.map((lang) => ({
    lang,
    approved: rows.filter((s) => s.targets[lang].status === 'approved').length,
    total: rows.length,
  }));
}

/** True when some reviewable cell is still empty, so opening the project should start machine translation. */
export function needsMachineTranslation(project: Project): boolean {
  return project.segments.some(
    (s) => isReviewable(s) && TARGET_LANGS.some((lang) => s.targets[lang].status === 'empty'),
  );
}

/** 1-based row number of each segment id. */
export function rowNumbers(segments: readonly Segment[]): Map<string, number> {
  return new Map(segments.map((s, i) => [s.id, i + 1]));
}
