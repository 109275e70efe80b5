import { createContext, useContext } from 'react';
import type { LengthLimits, Segment } from '../../../electron/contract';

/** Characters (as a reader counts them: code points of the composed text) and words of a cell's text. */
export function countText(text: string): { chars: number; words: number } {
  const clean = text.normalize('NFC').trim();
  return { chars: [...clean].length, words: clean === '' ? 0 : clean.split(/\s+/u).length };
}

/** The row kinds a desk may limit, and the one a row is (the lead is the article's first paragraph). */
export function limitKind(segment: Segment, leadId: string | null): keyof LengthLimits | null {
  if (segment.id === leadId) return 'lead';
  if (segment.kind === 'headline' || segment.kind === 'subheadline') return segment.kind;
  if (segment.kind === 'picture') return 'caption';
  return null;
}

/** The first paragraph of an article: the lead a desk may limit. */
export function leadOf(segments: readonly Segment[]): string | null {
  return segments.find((s) => s.kind === 'paragraph')?.id ?? null;
}

/** The desk's length limits and the lead row, for every cell of the grid. */
export const LimitsContext = createContext<{ limits: LengthLimits; leadId: string | null }>({
  limits: {},
  leadId: null,
});

/** The limit that applies to a row, or undefined. */
export function useLimit(segment: Segment): { kind: keyof LengthLimits; max: number } | undefined {
  const { limits, leadId } = useContext(LimitsContext);
  const kind = limitKind(segment, leadId);
  const max = kind ? limits[kind] : undefined;
  return kind && max ? { kind, max } : undefined;
}
