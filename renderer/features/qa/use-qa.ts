import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { checkRow, mergeTerms, type QaFinding, type QaTerm } from '../../../common/qa';
import type { GlossaryEntry, QaCheckId, QaContext, Segment, TargetLang } from '../../../electron/contract';
import { api } from '../../api';
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
  // The context is kept with the project it belongs to, so a stale one never shows for another project.
  const [state, setState] = useState<{ projectId: string; context: QaContext } | null>(null);
  const [version, setVersion] = useState(0);
  const context = state && state.projectId === projectId ? state.context : null;
  const errorRef = useRef(onError);
  useEffect(() => {
    errorRef.current = onError;
  }, [onError]);

  useEffect(() => {
    if (!projectId) return;
    let live = true;
    api.qaContext(projectId).then(
      (c) => live && setState({ projectId, context: c }),
      (e: unknown) => errorRef.current(e),
    );
    return () => {
      live = false;
    };
  }, [projectId, version]);

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
      setState({ projectId, context: await api.dismissQaIssue({ projectId, issueId, reason }) });
    },
    [projectId],
  );

  const setDisabled = useCallback(
    (checks: QaCheckId[]) =>
      setState((prev) => (prev ? { ...prev, context: { ...prev.context, disabledChecks: checks } } : prev)),
    [],
  );

  return { context, terms, disabled, cellFindings, rowFindings, dismiss, reload, setDisabled };
}
