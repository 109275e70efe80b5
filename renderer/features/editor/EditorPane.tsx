import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LengthLimits, ReplaceRequest, TargetLang } from '../../../electron/contract';
import { api, toApiError } from '../../api';
import { notice, type Notice } from '../../components/notices';
import { CommentDialog } from './CommentDialog';
import { EditorGrid } from './EditorGrid';
import { FilterBar } from './FilterBar';
import { HistoryDialog } from './HistoryDialog';
import type { CellAside, GridDecor } from './GridRow';
import { isReviewable } from '../review/review-state';
import { useGridLabels } from './labels';
import { leadOf, LimitsContext } from './limits';
import { ReplaceDialog } from './ReplaceDialog';
import { ConcordanceDialog } from '../tm/ConcordanceDialog';
import { CellMenu } from './CellMenu';
import { insertIntoFocusedCell, selectedText } from './insert-text';
import { ShortcutSheet } from './ShortcutSheet';
import type { FocusRef, useEditor } from './use-editor';

/** A dialog the editor opens over the grid. */
export type EditorDialog =
  | { kind: 'comment'; ref: FocusRef }
  | { kind: 'history'; ref: FocusRef }
  | { kind: 'replace' }
  | { kind: 'concordance' }
  | { kind: 'cellMenu'; ref: FocusRef }
  | { kind: 'shortcuts' }
  | null;

/** The review workspace: filter and search bar, the virtualized grid, and the editor's own dialogs. */
export function EditorPane(props: {
  editor: ReturnType<typeof useEditor>;
  dialog: EditorDialog;
  setDialog(d: EditorDialog): void;
  searchRef: React.RefObject<HTMLInputElement | null>;
  awaitingMachine: boolean;
  onNotice(n: Notice): void;
  /** Rendered beside the focused cell (translation memory, QA findings). */
  aside?: CellAside;
  /** The desk's length limits per row kind. */
  limits?: LengthLimits;
  /** Drawn in every visible row (termbase terms, QA findings). */
  decor?: GridDecor;
}) {
  const { editor, dialog, setDialog, onNotice, aside, decor, searchRef } = props;
  const { t } = useTranslation(['editor', 'common']);
  const labels = useGridLabels();
  const project = editor.project;
  const leadId = project ? leadOf(project.segments) : null;
  const { limits } = props;
  const limitsValue = useMemo(() => ({ limits: limits ?? {}, leadId }), [limits, leadId]);
  if (!project) return null;
  const projectId = project.id;
  const close = () => setDialog(null);

  const replace = async (req: Omit<ReplaceRequest, 'projectId'>) => {
    if (!(await editor.queue.flush())) return false;
    try {
      const result = await api.replaceAll({ ...req, projectId });
      editor.store.applySegments(projectId, result.segments);
      onNotice(
        notice('info', {
          code: 'editor:replace.done',
          params: { count: result.replaced, skipped: result.skippedApproved },
        }),
      );
      return true;
    } catch (e) {
      onNotice(notice('error', toApiError(e)));
      return false;
    }
  };

  /** The cells of one language that find & replace looks at: reviewable rows, with their row numbers. */
  const replaceCells = (lang: TargetLang) =>
    project.segments.flatMap((s, i) =>
      isReviewable(s)
        ? [
            {
              id: s.id,
              row: i + 1,
              text: s.targets[lang].text,
              approved: s.targets[lang].status === 'approved',
            },
          ]
        : [],
    );

  const comment = dialog?.kind === 'comment' ? dialog.ref : null;
  const commented = comment ? editor.store.segment(comment.segmentId) : undefined;
  return (
    <LimitsContext value={limitsValue}>
      <FilterBar
        ref={searchRef}
        filter={editor.filter}
        onFilter={editor.setFilter}
        search={editor.search}
        onSearch={editor.setSearch}
        shown={editor.rows.length}
        total={project.segments.length}
        onReplace={() => setDialog({ kind: 'replace' })}
        onShortcuts={() => setDialog({ kind: 'shortcuts' })}
      />
      <EditorGrid
        store={editor.store}
        segments={project.segments}
        rows={editor.rows}
        focus={editor.core}
        needle={editor.needle}
        awaitingMachine={props.awaitingMachine}
        labels={labels}
        actions={editor.actions}
        emptyText={t('filter.none')}
        resetKey={`${editor.filter}|${editor.needle}|${projectId}`}
        handle={editor.attachGrid}
        {...(aside ? { aside } : {})}
        {...(decor ? { decor } : {})}
      />
      {dialog?.kind === 'shortcuts' && <ShortcutSheet onClose={close} />}
      {dialog?.kind === 'replace' && (
        <ReplaceDialog
          initialFind={editor.search.trim()}
          initialLang={editor.core.getFocus()?.lang ?? 'vi'}
          cells={replaceCells}
          onReplace={replace}
          onGoTo={(segmentId, lang) => {
            close();
            requestAnimationFrame(() => editor.focusCell(segmentId, lang));
          }}
          onClose={close}
        />
      )}
      {dialog?.kind === 'cellMenu' && (
        <CellMenu
          store={editor.store}
          segmentId={dialog.ref.segmentId}
          lang={dialog.ref.lang}
          actions={editor.core.commands}
          onConcordance={() => setDialog({ kind: 'concordance' })}
          onClose={() => {
            close();
            // Back into the cell's text box, which kept its place (the menu only took the focus).
            const { segmentId, lang } = dialog.ref;
            document.querySelector<HTMLElement>(`[data-testid="cell-${lang}-${segmentId}"]`)?.focus();
          }}
        />
      )}
      {dialog?.kind === 'concordance' && (
        <ConcordanceDialog
          initialPhrase={selectedText()}
          initialLang={editor.core.getFocus()?.lang ?? 'vi'}
          onInsert={(text, lang) => {
            close();
            // The dialog gives the focus back to the cell on closing; the text goes in at its cursor.
            requestAnimationFrame(() => {
              if (insertIntoFocusedCell(text, lang)) return;
              void navigator.clipboard?.writeText(text);
              onNotice(
                notice('info', { code: 'tm:concordance.copied', params: { lang: t(`common:lang.${lang}`) } }),
              );
            });
          }}
          onClose={close}
        />
      )}
      {dialog?.kind === 'history' && (
        <HistoryDialog
          projectId={projectId}
          segmentId={dialog.ref.segmentId}
          lang={dialog.ref.lang}
          row={editor.store.indexOf(dialog.ref.segmentId) + 1}
          onClose={close}
          onRestored={(s) => {
            editor.store.applySegments(projectId, [s]);
            onNotice(
              notice('info', {
                code: 'editor:history.restored',
                params: { row: editor.store.indexOf(s.id) + 1 },
              }),
            );
          }}
        />
      )}
      {comment && commented && (
        <CommentDialog
          segment={commented}
          lang={comment.lang}
          row={editor.store.indexOf(comment.segmentId) + 1}
          onClose={close}
          onSave={async (text) => {
            try {
              const s = await api.setComment({ projectId, ...comment, comment: text });
              editor.store.applySegments(projectId, [s]);
              onNotice(notice('info', { code: 'editor:comment.saved' }));
              return true;
            } catch (e) {
              onNotice(notice('error', toApiError(e)));
              return false;
            }
          }}
        />
      )}
    </LimitsContext>
  );
}
