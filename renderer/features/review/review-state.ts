import {
  TARGET_LANGS,
  type LanguageProgress,
  type Project,
  type Segment,
  type TargetLang,
} from '../../../electron/contract';

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

/**
 * Replace rows by id with newer versions pushed by the Node side or returned by a call. Rows the update does not
 * mention keep their identity, so their cells do not re-render.
 */
export function mergeSegments(project: Project, updates: readonly Segment[]): Project {
  if (updates.length === 0) return project;
  const byId = new Map(updates.map((s) => [s.id, s]));
  let changed = false;
  const segments = project.segments.map((s) => {
    const next = byId.get(s.id);
    // Pushed updates often repeat what is on screen; equal rows keep their identity and do not re-render.
    if (!next || next === s || JSON.stringify(next) === JSON.stringify(s)) return s;
    changed = true;
    return next;
  });
  return changed ? { ...project, segments } : project;
}

/**
 * The cell to go to after approving `fromId`: the next reviewable row below it whose cell in `lang` is not
 * approved, wrapping around to the top; null when every cell of that language is approved.
 */
export function nextUnapproved(
  segments: readonly Segment[],
  fromId: string,
  lang: TargetLang,
): Segment | null {
  const from = segments.findIndex((s) => s.id === fromId);
  const order = from < 0 ? segments : [...segments.slice(from + 1), ...segments.slice(0, from)];
  return order.find((s) => isReviewable(s) && s.targets[lang].status !== 'approved') ?? null;
}

/** The neighbouring editable cell of the same language, for Alt+↑ / Alt+↓. */
export function neighbourCell(
  segments: readonly Segment[],
  fromId: string,
  direction: 1 | -1,
): Segment | null {
  const from = segments.findIndex((s) => s.id === fromId);
  if (from < 0) return null;
  for (let i = from + direction; i >= 0 && i < segments.length; i += direction) {
    const s = segments[i]!;
    if (isReviewable(s)) return s;
  }
  return null;
}

/** 1-based row number of each segment id. */
export function rowNumbers(segments: readonly Segment[]): Map<string, number> {
  return new Map(segments.map((s, i) => [s.id, i + 1]));
}
