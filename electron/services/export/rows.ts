import type { ApprovalPolicy, Project, Segment, TargetLang } from '../../contract';
import { docStrings, fill } from './doc-strings';

/** How one row appears in a publishing format. */
export type RowText =
  | { kind: 'verbatim'; text: string }
  | { kind: 'approved'; text: string }
  | { kind: 'draft'; text: string }
  | { kind: 'gap'; text: '' };

/**
 * The text a row publishes in `lang`. Rows marked "do not translate" go out as written; otherwise only approved
 * text is used, and anything else is a visible gap or (when asked) a marked draft — never silent machine output.
 */
export function rowText(segment: Segment, lang: TargetLang, policy: ApprovalPolicy): RowText {
  if (!segment.translate) return { kind: 'verbatim', text: segment.source };
  const cell = segment.targets[lang];
  if (cell.status === 'approved') return { kind: 'approved', text: cell.text };
  if (policy === 'include-unapproved' && cell.text.trim() !== '') return { kind: 'draft', text: cell.text };
  return { kind: 'gap', text: '' };
}

/** The marker a gap leaves in a file, naming its row so an editor can find it, in the document's language. */
export function gapMarker(row: number, lang: TargetLang): string {
  return fill(docStrings(lang).notApproved, { row });
}

/** The marker in front of unapproved text included on request, in the document's language. */
export function draftMarker(lang: TargetLang): string {
  return docStrings(lang).draft;
}

/** Rows in order with their 1-based number, the unit all exporters iterate over. */
export function numbered(project: Project): Array<{ segment: Segment; row: number }> {
  return project.segments.map((segment, i) => ({ segment, row: i + 1 }));
}

/** BCP 47 tag of a target language in this project (English follows the project's variant). */
export function langTag(project: Project, lang: TargetLang): string {
  return lang === 'vi' ? 'vi-VN' : project.englishVariant;
}
