import type { EnglishVariant, Project, Segment, TargetLang } from '../../contract';

/** The DeepL target code of a project language. */
export function deeplTarget(lang: TargetLang, variant: EnglishVariant): 'vi' | 'en-US' | 'en-GB' {
  return lang === 'vi' ? 'vi' : variant;
}

/** True for rows the machine translates: translatable, not a caption (it mirrors its picture), with text. */
export function isMachineTranslatable(s: Segment): boolean {
  return s.translate && s.kind !== 'caption' && s.source.trim() !== '';
}

/** The rows of a job for one language, in document order. */
export function pendingSegments(
  project: Project,
  lang: TargetLang,
  opts: { segmentIds?: readonly string[]; refresh?: boolean },
): Segment[] {
  const only = opts.segmentIds ? new Set(opts.segmentIds) : null;
  return project.segments.filter((s) => {
    if (!isMachineTranslatable(s)) return false;
    if (only) return only.has(s.id);
    const status = s.targets[lang].status;
    return opts.refresh || status === 'empty' || status === 'error';
  });
}

/**
 * Longest piece of context taken from one row. Context rides along in every request's body, so an overlong lead
 * would crowd the texts out of the 128 KiB budget; its opening carries what matters anyway.
 */
export const MAX_CONTEXT_PART_CHARS = 1_500;

const contextPart = (s: Segment | undefined) => s?.source.trim().slice(0, MAX_CONTEXT_PART_CHARS);

/** The article's context for DeepL: its headline and lead paragraph (not billed, steers terms and tone). */
export function articleContext(segments: readonly Segment[]): string {
  const headline = contextPart(segments.find((s) => s.kind === 'headline' && s.source.trim()));
  const lead = contextPart(segments.find((s) => s.kind === 'paragraph' && s.source.trim()));
  return [headline, lead].filter(Boolean).join('\n');
}

const PROSE_KINDS = new Set(['headline', 'subheadline', 'heading', 'paragraph', 'list-item']);

/** Paragraph-context mode: the prose rows just before and after row `index`. */
export function neighbourContext(segments: readonly Segment[], index: number): string {
  const prose = (s: Segment | undefined) =>
    s !== undefined && PROSE_KINDS.has(s.kind) && s.source.trim() !== '';
  let before: Segment | undefined;
  for (let i = index - 1; i >= 0 && !before; i--) if (prose(segments[i])) before = segments[i];
  let after: Segment | undefined;
  for (let i = index + 1; i < segments.length && !after; i++) if (prose(segments[i])) after = segments[i];
  return [contextPart(before), contextPart(after)].filter(Boolean).join('\n');
}
