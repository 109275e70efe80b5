// Quality checks and termbase.
// Types and constants only: the renderer bundles this (see ../contract.ts).

/** The quality checks, each switchable in Settings (mirrors common/qa QA_CHECKS; a test keeps them equal). */
export const QA_CHECK_IDS = [
  'values',
  'order',
  'protected',
  'placeholder',
  'hangul',
  'terms',
  'forbidden',
  'omission',
  'truncated',
  'crossValues',
  'crossNames',
] as const;
/** One quality check. */
export type QaCheckId = (typeof QA_CHECK_IDS)[number];

/** A "not an error" mark: who, why, when. */
export interface QaDismissal {
  by: string;
  at: string;
  reason: string;
}

/** Mark a finding "not an error" (with a reason), or take the mark back (`reason: null`). */
export interface QaDismissRequest {
  projectId: string;
  issueId: string;
  reason: string | null;
}

/** A termbase entry: shared by the desk (`scope: 'desk'`) or added for one project. */
export interface TermEntry {
  id: string;
  scope: 'desk' | 'project';
  projectId?: string;
  ko: string;
  /** Required translations; alternatives separated by `;`. */
  vi: string;
  en: string;
  note?: string;
  /** Variants a translation must not use. */
  forbiddenVi: string[];
  forbiddenEn: string[];
  updatedAt: string;
  updatedBy: string;
}

/** A new or changed term (`id` absent: new). */
export type TermInput = Omit<TermEntry, 'id' | 'updatedAt' | 'updatedBy'> & { id?: string };

/** Termbase exchange formats. */
export type TermFileFormat = 'csv' | 'tbx';

/** What the renderer needs to check cells as the reviewer types. */
export interface QaContext {
  terms: TermEntry[];
  disabledChecks: QaCheckId[];
  /** Dismissed finding ids with their marks. */
  dismissals: Record<string, QaDismissal>;
}
