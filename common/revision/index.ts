// Structurally the contract's Segment/TargetCell (common/ imports nothing from electron/, see eslint.config.js).

/** What a revision merge left a language to review in a row: a new paragraph, or a changed one. */
export type RevisionMark = 'new' | 'changed';
/** The target languages (mirrors electron/contract's TARGET_LANGS). */
type Lang = 'vi' | 'en';
const LANGS: readonly Lang[] = ['vi', 'en'];

interface CellLike {
  revision?: RevisionMark;
}
interface RowLike<C extends CellLike = CellLike> {
  change?: string;
  targets: Record<Lang, C>;
}

const pendingRow = (s: RowLike): RevisionMark | undefined =>
  s.change === 'new' || s.change === 'changed' ? s.change : undefined;

/**
 * Whether `lang` still owes a review of the revised Korean in this row. Each language keeps its own mark (set by
 * the revision merge, cleared when that language is approved). Rows stored before marks were per language carry
 * only the row's `change`: then every language owes it (the row flag used to go at the first approval).
 */
export function revisionOf(s: RowLike, lang: Lang): RevisionMark | undefined {
  const own = s.targets[lang].revision;
  if (own) return own;
  const row = pendingRow(s);
  return row && !LANGS.some((l) => s.targets[l].revision) ? row : undefined;
}

/** The row's targets with every language's mark written out (rows stored before marks were per language). */
export function markedTargets<C extends CellLike>(s: RowLike<C>): Record<Lang, C> {
  const out = { ...s.targets };
  for (const lang of LANGS) {
    const mark = revisionOf(s, lang);
    if (mark && out[lang].revision !== mark) out[lang] = { ...out[lang], revision: mark };
  }
  return out;
}

/**
 * `lang` was approved: its mark goes, the other language keeps its own; the row's `change` goes with the last
 * mark (the Korean diff stays available through `previousSource`).
 */
export function clearRevision<C extends CellLike, S extends RowLike<C>>(s: S, lang: Lang): S {
  if (!revisionOf(s, lang)) return s;
  const targets = markedTargets<C>(s);
  const { revision: _r, ...cell } = targets[lang];
  targets[lang] = cell as C;
  const next: S = { ...s, targets };
  if (!LANGS.some((l) => targets[l].revision)) delete next.change;
  return next;
}
