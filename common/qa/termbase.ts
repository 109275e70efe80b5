import type { QaTerm } from './types';

/** A termbase entry as stored (structurally the contract's TermEntry, without importing it). */
export interface StoredTerm {
  scope: 'desk' | 'project';
  ko: string;
  vi: string;
  en: string;
  forbiddenVi?: readonly string[];
  forbiddenEn?: readonly string[];
}

/** The checker's term from a termbase entry or a legacy glossary line ({ko, vi, en}). */
export function toQaTerm(t: Omit<StoredTerm, 'scope'>): QaTerm {
  return {
    ko: t.ko,
    vi: t.vi,
    en: t.en,
    forbidden: { vi: [...(t.forbiddenVi ?? [])], en: [...(t.forbiddenEn ?? [])] },
  };
}

/**
 * The terms a project is checked and translated with: the project's glossary (kept for projects made before the
 * termbase), then the desk's terms, then the project's own; a later one with the same Korean wins.
 */
export function mergeTerms(
  glossary: ReadonlyArray<{ ko: string; vi: string; en: string }>,
  terms: readonly StoredTerm[] = [],
): QaTerm[] {
  const byKo = new Map<string, QaTerm>();
  for (const g of glossary) byKo.set(g.ko.normalize('NFC'), toQaTerm(g));
  for (const scope of ['desk', 'project'] as const)
    for (const t of terms) if (t.scope === scope) byKo.set(t.ko.normalize('NFC'), toQaTerm(t));
  return [...byKo.values()];
}
