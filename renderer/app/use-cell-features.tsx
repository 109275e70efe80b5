import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetLang } from '../../electron/contract';
import { api } from '../api';
import type { CellAside, GridDecor } from '../features/editor/GridRow';
import type { useEditor } from '../features/editor/use-editor';
import { useQaReview } from '../features/qa/use-qa-review';
import { TmAssist } from '../features/tm/TmAssist';
import { MatchBadge } from '../features/tm/MatchBadge';
import { BadgeLoader } from '../features/tm/match-badges';

type Editor = ReturnType<typeof useEditor>;
type Ask = (q: { title: string; message: string; confirm: string }) => Promise<boolean>;

/**
 * What other features add to the editor's grid, wired together: termbase terms in the Korean and QA findings
 * under every visible cell (decor), memory matches and live findings beside the focused cell (aside), the
 * questions before approving a cell with an open error and before a suggestion replaces human text.
 */
export function useCellFeatures(opts: {
  editor: Editor;
  confirm: Ask;
  fail(e: unknown): void;
  jump(segmentId: string, lang: TargetLang): void;
  /** The rows with a finding as shown in the grid, live (the grid's "has a check finding" filter). */
  onLiveRows(rows: ReadonlySet<string>): void;
}) {
  const { editor, confirm, fail, jump, onLiveRows } = opts;
  const { store, queue, project } = editor;
  const { t } = useTranslation(['editor', 'common', 'review']);
  const qa = useQaReview({ project, cells: store, fail, confirm, jump, onLiveRows });
  const projectId = project?.id ?? '';

  /** A memory match taken: typing in the cell is saved first, then the match is stored as an edit from the TM. */
  const takeMatch = useCallback(
    async (segmentId: string, lang: TargetLang, text: string) => {
      if (!(await queue.flushCell(segmentId, lang))) return;
      const s = await api.updateCell({ projectId, segmentId, lang, text, origin: 'tm' });
      store.applySegments(projectId, [s]);
    },
    [queue, store, projectId],
  );

  const { focused } = qa;
  const aside: CellAside = useCallback(
    ({ segmentId, lang }) => (
      <>
        {focused(segmentId, lang)}
        {projectId && (
          <TmAssist
            projectId={projectId}
            segmentId={segmentId}
            source={store.segment(segmentId)?.source ?? ''}
            lang={lang}
            take={(text) => takeMatch(segmentId, lang, text)}
          />
        )}
      </>
    ),
    [focused, projectId, store, takeMatch],
  );
  // The memory's best match of every shown cell, as a chip (one loader per project: its answers are that project's).
  const badges = useMemo(
    () => new BadgeLoader((segmentIds) => api.tmBadges({ projectId, segmentIds })),
    [projectId],
  );
  const decor: GridDecor = useMemo(
    () => ({
      ...qa.slots,
      chip: (segment, lang, text) => <MatchBadge loader={badges} segment={segment} lang={lang} text={text} />,
    }),
    [qa.slots, badges],
  );

  const confirmSuggestion = useCallback(
    (segmentId: string, lang: TargetLang) => {
      const status = store.segment(segmentId)?.targets[lang].status ?? 'edited';
      return confirm({
        title: t('editor:suggestion.title'),
        message: t('editor:suggestion.body', {
          lang: t(`common:lang.${lang}`),
          row: store.indexOf(segmentId) + 1,
          status: t(`review:status.${status}`),
        }),
        confirm: t('editor:suggestion.confirm'),
      });
    },
    [store, confirm, t],
  );

  return {
    qa,
    aside,
    decor,
    beforeApprove: qa.beforeApprove,
    confirmSuggestion,
  };
}
