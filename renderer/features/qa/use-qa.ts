import { useCallback, useMemo, useState } from 'react';
import { checkRow, mergeTerms, type QaFinding, type QaTerm } from '../../../common/qa';
import type { GlossaryEntry, QaCheckId, QaContext, Segment, TargetLang } from '../../../electron/contract';
import { api } from '../../api';
import { useApiState, valueOf } from '../../api/use-api';
import { cellPart, rowPart } from './placement';

/** The QA state of the open project the review screen shares: terms, switched-off checks, "not an error" marks. */
export interface QaState {
  context: QaContext | null;
  terms: QaTerm[];
  disabled: ReadonlySet<QaCheckId>;
  /** Open findings of one cell (its language, cross-language ones it disagrees in), with `text` as typed. */
  cellFindings(segment: Segment, lang: TargetLang, text?: string): QaFinding[];
  /** Open findings of the row that no cell owns (a name written two ways), for the texts as typed. */
  rowFindings(segment: Segment, texts: Record<TargetLang, string>): QaFinding[];
  /** Mark a finding "not an error" (reason) or reopen it (null). */
  dismiss(issueId: string, reason: string | null): Promise<void>;
  reload(): Promise<void>;
  /** The checks switched off, as the Node side just stored them. */
  setDisabled(checks: QaCheckId[]): void;
}

/** Load and keep the QA context of a project; checks run locally (common/qa) as the reviewer types. */
export function useQa(
  projectId: string | null,
  glossary: GlossaryEntry[],
  onError: (e: unknown) => void,
): QaState {
  // The context is kept with the project it belongs to, so a stale one never shows for another project; a failed
  // re-read keeps the one shown (the notice tells of the failure).
  const [version, setVersion] = useState(0);
  const [read, update] = useApiState(
    projectId ? async () => ({ projectId, context: await api.qaContext(projectId) }) : null,
    [projectId, version],
    onError,
    { keep: true },
  );
  const kept = valueOf(read);
  const context = kept && kept.projectId === projectId ? kept.context : null;

  const reload = useCallback(async () => setVersion((v) => v + 1), []);

  const terms = useMemo(() => mergeTerms(glossary, context?.terms ?? []), [glossary, context]);
  const disabled = useMemo(() => new Set(context?.disabledChecks ?? []), [context]);

  const openFindings = useCallback(
    (segment: Segment, targets: Record<TargetLang, string>) => {
      const dismissed = context?.dismissals ?? {};
      return checkRow({ id: segment.id, source: segment.source, targets }, { terms, disabled }).filter(
        (f) => !dismissed[f.id],
      );
    },
    [terms, disabled, context],
  );
  const cellFindings = useCallback(
    (segment: Segment, lang: TargetLang, text?: string) => {
      const targets = {
        vi: segment.targets.vi.text,
        en: segment.targets.en.text,
        [lang]: text ?? segment.targets[lang].text,
      };
      return cellPart(openFindings(segment, targets), lang);
    },
    [openFindings],
  );
  const rowFindings = useCallback(
    (segment: Segment, texts: Record<TargetLang, string>) => rowPart(openFindings(segment, texts)),
    [openFindings],
  );

  const dismiss = useCallback(
    async (issueId: string, reason: string | null) => {
      if (!projectId) return;
      const next = await api.dismissQaIssue({ projectId, issueId, reason });
      update(() => ({ projectId, context: next }));
    },
    [projectId, update],
  );

  const setDisabled = useCallback(
    (checks: QaCheckId[]) =>
      update((now) => now && { ...now, context: { ...now.context, disabledChecks: checks } }),
    [update],
  );

  return { context, terms, disabled, cellFindings, rowFindings, dismiss, reload, setDisabled };
}
