import { useTranslation } from 'react-i18next';
import type { ReplaceRequest, TargetLang } from '../../../electron/contract';
import { api, toApiError } from '../../api';
import { notice, type Notice } from '../../components/notices';
import { isReviewable } from '../review/review-state';
import { ConcordanceDialog } from '../tm/ConcordanceDialog';
import { CellMenu } from './CellMenu';
import { ChangeKeys } from './change-keys';
import { CommentDialog } from './CommentDialog';
import { HistoryDialog } from './HistoryDialog';
import { insertIntoFocusedCell } from './insert-text';
import { ReplaceDialog } from './ReplaceDialog';
import { ShortcutSheet } from './ShortcutSheet';
import type { FocusRef, useEditor } from './use-editor';

/** A dialog the editor opens over the grid. A phrase is the text selected when it was asked for. */
export type EditorDialog =
  | { kind: 'comment'; ref: FocusRef }
  | { kind: 'history'; ref: FocusRef }
  | { kind: 'replace' }
  | { kind: 'concordance'; phrase: string }
  | { kind: 'cellMenu'; ref: FocusRef; phrase: string; anchor?: DOMRect | undefined }
  | { kind: 'shortcuts' }
  | null;

type Editor = ReturnType<typeof useEditor>;
interface DialogProps {
  editor: Editor;
  projectId: string;
  close(): void;
  onNotice(n: Notice): void;
}

/** The editor's dialogs over the grid: shortcuts, find & replace, the cell menu, concordance, history, comment. */
export function EditorDialogs(props: {
  editor: Editor;
  dialog: EditorDialog;
  setDialog(d: EditorDialog): void;
  onNotice(n: Notice): void;
}) {
  const { editor, dialog, setDialog } = props;
  const projectId = editor.project?.id;
  if (!projectId || !dialog) return null;
  const common: DialogProps = { editor, projectId, close: () => setDialog(null), onNotice: props.onNotice };
  switch (dialog.kind) {
    case 'shortcuts':
      return <ShortcutSheet onClose={common.close} />;
    case 'replace':
      return <Replace {...common} />;
    case 'cellMenu':
      return (
        <CellMenu
          store={editor.store}
          segmentId={dialog.ref.segmentId}
          lang={dialog.ref.lang}
          actions={editor.core.commands}
          anchor={dialog.anchor}
          onConcordance={() => setDialog({ kind: 'concordance', phrase: dialog.phrase })}
          onClose={() => {
            common.close();
            // Back into the cell's text box, which kept its place (the menu only took the focus).
            const { segmentId, lang } = dialog.ref;
            document.querySelector<HTMLElement>(`[data-testid="cell-${lang}-${segmentId}"]`)?.focus();
          }}
        />
      );
    case 'concordance':
      return <Concordance {...common} phrase={dialog.phrase} />;
    case 'history':
      return <History {...common} cell={dialog.ref} />;
    case 'comment':
      return <Comment {...common} cell={dialog.ref} />;
  }
}

/** A replacement sent again after no answer (the same find, replace and rows) is the same change to the host. */
const replaceKeys = new ChangeKeys();

/** Find & replace over the reviewable rows of one language; typing is saved first. */
function Replace({ editor, projectId, close, onNotice }: DialogProps) {
  const replace = async (req: Omit<ReplaceRequest, 'projectId'>) => {
    if (!(await editor.queue.flush())) return false;
    try {
      const change = `replace:${projectId}:${JSON.stringify(req)}`;
      const result = await replaceKeys.send(change, projectId, (key) =>
        api.replaceAll({ ...req, projectId, key }),
      );
      editor.store.applySegments(projectId, result.segments);
      const params = { count: result.replaced, skipped: result.skippedApproved };
      onNotice(notice('info', { code: 'editor:replace.done', params }));
      return true;
    } catch (e) {
      onNotice(notice('error', toApiError(e)));
      return false;
    }
  };
  /** The cells of one language that find & replace looks at: reviewable rows, with their row numbers. */
  const cells = (lang: TargetLang) =>
    (editor.project?.segments ?? []).flatMap((s, i) =>
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
  return (
    <ReplaceDialog
      initialFind={editor.search.trim()}
      initialLang={editor.core.getFocus()?.lang ?? 'vi'}
      cells={cells}
      onReplace={replace}
      onGoTo={(segmentId, lang) => {
        close();
        requestAnimationFrame(() => editor.focusCell(segmentId, lang));
      }}
      onClose={close}
    />
  );
}

/** The memory search; a result goes into the focused cell at its cursor, or to the clipboard. */
function Concordance({ editor, close, onNotice, phrase }: DialogProps & { phrase: string }) {
  const { t } = useTranslation(['editor', 'common']);
  return (
    <ConcordanceDialog
      initialPhrase={phrase}
      initialLang={editor.core.getFocus()?.lang ?? 'vi'}
      onInsert={(text, lang) => {
        close();
        // The dialog gives the focus back to the cell on closing; the text goes in at its cursor.
        requestAnimationFrame(() => {
          if (insertIntoFocusedCell(text, lang)) return;
          void navigator.clipboard?.writeText(text);
          const params = { lang: t(`common:lang.${lang}`) };
          onNotice(notice('info', { code: 'tm:concordance.copied', params }));
        });
      }}
      onClose={close}
    />
  );
}

function History({ editor, projectId, close, onNotice, cell }: DialogProps & { cell: FocusRef }) {
  return (
    <HistoryDialog
      projectId={projectId}
      segmentId={cell.segmentId}
      lang={cell.lang}
      row={editor.store.indexOf(cell.segmentId) + 1}
      onClose={close}
      onRestored={(s) => {
        editor.store.applySegments(projectId, [s]);
        const params = { row: editor.store.indexOf(s.id) + 1 };
        onNotice(notice('info', { code: 'editor:history.restored', params }));
      }}
    />
  );
}

/** A comment saved again after no answer, over the same row, is the same change to the host. */
const commentKeys = new ChangeKeys();

function Comment({ editor, projectId, close, onNotice, cell }: DialogProps & { cell: FocusRef }) {
  const segment = editor.store.segment(cell.segmentId);
  if (!segment) return null;
  return (
    <CommentDialog
      segment={segment}
      lang={cell.lang}
      row={editor.store.indexOf(cell.segmentId) + 1}
      onClose={close}
      onSave={async (text) => {
        try {
          const change = `comment:${projectId}:${cell.lang}:${cell.segmentId}:${text}`;
          const s = await commentKeys.send(change, segment, (key) =>
            api.setComment({ projectId, ...cell, comment: text, key }),
          );
          editor.store.applySegments(projectId, [s]);
          onNotice(notice('info', { code: 'editor:comment.saved' }));
          return true;
        } catch (e) {
          onNotice(notice('error', toApiError(e)));
          return false;
        }
      }}
    />
  );
}
