/** A piece of a text, and whether it is an occurrence of the searched phrase. */
export interface MarkedPart {
  text: string;
  hit: boolean;
}

/**
 * `text` cut at every occurrence of `phrase`, ignoring case and runs of white space (the memory compares the same
 * way), so a concordance hit can show where the phrase is. Unmarked when the phrase is empty or not found.
 */
export function markPhrase(text: string, phrase: string): MarkedPart[] {
  const words = phrase.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return [{ text, hit: false }];
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(escaped.join('\\s+'), 'giu');
  const parts: MarkedPart[] = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m[0] === '') continue;
    if (m.index > last) parts.push({ text: text.slice(last, m.index), hit: false });
    parts.push({ text: m[0], hit: true });
    last = m.index + m[0].length;
  }
  if (last < text.length || parts.length === 0) parts.push({ text: text.slice(last), hit: false });
  return parts;
}

/** What ↑/↓ and Enter do in the phrase box among `count` hits: pick another, insert the picked one, or nothing. */
export function concordanceKey(
  key: string,
  active: number,
  count: number,
): { pick: number } | 'insert' | null {
  if (count === 0) return null;
  const to = { ArrowDown: active + 1, ArrowUp: active - 1 }[key];
  if (to !== undefined) return { pick: Math.min(count - 1, Math.max(0, to)) };
  return key === 'Enter' ? 'insert' : null;
}
