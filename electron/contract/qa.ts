import { QA_CHECKS, type QaCheck } from '../../common/qa/types';
// Quality checks and termbase.
// Types and constants only: the renderer bundles this (see ../contract.ts).

/** The quality checks, each switchable in Settings: the checker's own list (common/qa is pure, like this file). */
export const QA_CHECK_IDS = QA_CHECKS;
/** One quality check. */
export type QaCheckId = QaCheck;

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
export const TERM_FILE_FORMATS = ['csv', 'tbx', 'tbx-v3'] as const;
/** One termbase exchange format. */
export type TermFileFormat = (typeof TERM_FILE_FORMATS)[number];

/** What the renderer needs to check cells as the reviewer types. */
export interface QaContext {
  terms: TermEntry[];
  disabledChecks: QaCheckId[];
  /** Dismissed finding ids with their marks. */
  dismissals: Record<string, QaDismissal>;
}
