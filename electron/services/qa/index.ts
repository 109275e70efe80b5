import { checkRow, findKoreanTerm, mergeTerms, type QaFinding, type QaTerm } from '../../../common/qa';
import type {
  GlossaryEntry,
  Project,
  QaCheckId,
  QaDismissal,
  QaIssue,
  Segment,
  TargetLang,
  TermEntry,
} from '../../contract';
import { TARGET_LANGS } from '../../contract';
import { isReviewable } from '../project/cells';

/**
 * The Node-side runner of the quality checks: the pure checker (common/qa, also run in the UI as the reviewer
 * types) over a whole project, with the desk and project termbase, switched-off checks and "not an error" marks.
 */

/** What a run checks with. */
export interface QaRunContext {
  terms?: readonly TermEntry[];
  disabled?: readonly QaCheckId[];
  dismissals?: Readonly<Record<string, QaDismissal>>;
}

/**
 * The terms a project is checked and translated with: the desk's, the project's own, and the project's glossary
 * (kept for projects made before the termbase). A project term overrides a desk term with the same Korean.
 */
export function effectiveTerms(
  project: Pick<Project, 'glossary'>,
  terms: readonly TermEntry[] = [],
): QaTerm[] {
  return mergeTerms(project.glossary, terms);
}

/** The glossary sent to DeepL: one required translation per term and language (the first alternative). */
export function glossaryFromTerms(terms: readonly QaTerm[]): GlossaryEntry[] {
  const first = (s: string) => s.split(/\s*[;|]\s*/u)[0]?.trim() ?? '';
  return terms.map((t) => ({ ko: t.ko, vi: first(t.vi), en: first(t.en) })).filter((g) => g.vi || g.en);
}

/** One finding as the contract carries it. */
export function toIssue(f: QaFinding, dismissals?: Readonly<Record<string, QaDismissal>>): QaIssue {
  const issue: QaIssue = {
    id: f.id,
    segmentId: f.segmentId,
    lang: f.lang,
    check: f.check,
    code: f.code,
    params: f.params,
    severity: f.severity,
  };
  const d = dismissals?.[f.id];
  if (d) issue.dismissal = d;
  return issue;
}

/** The checker's view of a row: the Korean (a picture's caption) and both targets. */
export function rowOf(segment: Segment) {
  return {
    id: segment.id,
    source: segment.source,
    targets: Object.fromEntries(TARGET_LANGS.map((l) => [l, segment.targets[l].text])) as Record<
      TargetLang,
      string
    >,
  };
}

/** Every finding of a project, dismissed ones included (marked), in row order. */
export function checkProject(project: Project, ctx: QaRunContext = {}): QaIssue[] {
  const terms = effectiveTerms(project, ctx.terms);
  const disabled = new Set(ctx.disabled ?? []);
  const out: QaIssue[] = [];
  for (const segment of project.segments) {
    if (!isReviewable(segment)) continue;
    for (const f of checkRow(rowOf(segment), { terms, disabled })) out.push(toIssue(f, ctx.dismissals));
  }
  return out;
}

/** Errors nobody marked "not an error": what blocks a clean export and makes the CLI exit non-zero. */
export function openErrors(issues: readonly QaIssue[]): QaIssue[] {
  return issues.filter((i) => i.severity === 'error' && !i.dismissal);
}

/**
 * Machine cells (never edited or approved ones) whose Korean holds one of the changed terms, per language: what
 * Translate asks again after a termbase change.
 */
export function cellsHoldingTerms(
  project: Project,
  changedKo: readonly string[],
): Record<TargetLang, string[]> {
  const out: Record<TargetLang, string[]> = { vi: [], en: [] };
  if (!changedKo.length) return out;
  for (const s of project.segments) {
    if (!isReviewable(s) || !changedKo.some((ko) => findKoreanTerm(s.source, ko).length > 0)) continue;
    for (const lang of TARGET_LANGS) if (s.targets[lang].status === 'machine') out[lang].push(s.id);
  }
  return out;
}
