import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { TargetLang, TranslateRequest } from '../../electron/contract';
import { api } from '../api';
import type { Notice } from '../components/notices';
import type { EditorDialog } from '../features/editor/EditorDialogs';
import { selectedText } from '../features/editor/insert-text';
import { useEditor } from '../features/editor/use-editor';
import { useTranslationRun } from '../features/translate/use-translation-run';
import { useCellFeatures } from './use-cell-features';

type Ask = (q: { title: string; message: string; confirm: string }) => Promise<boolean>;

/**
 * The editor, the machine-translation run and the features that decorate the grid, wired together. They need
 * each other (the editor asks the QA feature before approving and the run to retry a cell; the features read the
 * editor), so the editor reaches the two later ones through refs — here only, in one place.
 */
export function useReviewWiring(o: {
  push(n: Notice): void;
  fail(e: unknown): void;
  confirm: Ask;
  searchRef: RefObject<HTMLInputElement | null>;
  setEditorDialog(d: EditorDialog): void;
  /** A dialog of the app (not the editor's) closes when a jump moves the focus to a cell. */
  closeDialog(): void;
}) {
  const { push, fail, confirm, setEditorDialog, closeDialog, searchRef } = o;
  // Rows with a finding as the grid shows them, kept live by the QA feature as the reviewer types.
  const [qaRows, setQaRows] = useState<ReadonlySet<string>>(() => new Set());
  const features = useRef<ReturnType<typeof useCellFeatures> | null>(null);
  const translationStart = useRef<(r: TranslateRequest) => Promise<unknown>>(async () => undefined);

  const editor = useEditor({
    onNotice: push,
    onCommand: (command) => {
      if (command === 'search') searchRef.current?.focus();
      // The memory search starts from the text selected when it is asked for.
      else if (command === 'concordance') setEditorDialog({ kind: command, phrase: selectedText() });
      else setEditorDialog({ kind: command });
    },
    onComment: (ref) => setEditorDialog({ kind: 'comment', ref }),
    onCellMenu: (ref) => {
      const anchor = document
        .querySelector(`[data-testid="cell-${ref.lang}-${ref.segmentId}"]`)
        ?.getBoundingClientRect();
      setEditorDialog({ kind: 'cellMenu', ref, phrase: selectedText(), anchor });
    },
    onHistory: (ref) => setEditorDialog({ kind: 'history', ref }),
    beforeApprove: (id, langs) => features.current?.beforeApprove(id, langs) ?? true,
    confirmSuggestion: (id, lang) => features.current?.confirmSuggestion(id, lang) ?? Promise.resolve(true),
    retry: (segmentId, lang) =>
      void translationStart.current({
        projectId: editor.project?.id ?? '',
        langs: [lang],
        segmentIds: [segmentId],
      }),
    qaRows,
  });
  const { store, focusCell } = editor;

  const translation = useTranslationRun({
    projectId: editor.project?.id ?? null,
    onNotice: push,
    // Pushed updates may still be in flight when the run's answer arrives; read the project once more.
    onFinished: (summary) => {
      api.openProject(summary.projectId).then((p) => store.applySegments(p.id, p.segments), fail);
    },
  });
  const { start: startTranslation } = translation;
  useEffect(() => {
    translationStart.current = startTranslation;
  }, [startTranslation]);

  const jump = useCallback(
    (segmentId: string, lang: TargetLang = 'vi') => {
      closeDialog();
      requestAnimationFrame(() => {
        focusCell(segmentId, lang);
        // A closing dialog gives the focus back to what opened it; the cell takes it after that.
        requestAnimationFrame(() =>
          document.querySelector<HTMLElement>(`[data-testid="cell-${lang}-${segmentId}"]`)?.focus(),
        );
      });
    },
    [focusCell, closeDialog],
  );

  const cellFeatures = useCellFeatures({ editor, confirm, fail, jump, onLiveRows: setQaRows });
  useEffect(() => {
    features.current = cellFeatures;
  });
  return { editor, translation, cellFeatures, jump };
}
