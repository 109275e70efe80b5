import { useEffect, useMemo, useRef, useState } from 'react';
import type { Project, TargetLang } from '../../../electron/contract';
import { api, toApiError } from '../../api';
import { notice, type Notice } from '../../components/notices';
import type { EditorActions } from './actions';
import type { GridHandle } from './EditorGrid';
import { visibleRows, normalizeSearch, type RowFilter } from './grid-model';
import { commandOf, type Command } from './keymap';
import { cellCommands } from './cell-commands';
import { SaveQueue } from './save-queue';
import { ReviewStore } from './store';
import { useProject } from './use-store';

/** The focused cell. */
export interface FocusRef {
  segmentId: string;
  lang: TargetLang;
}

/** Commands the editor hands to the app (they open dialogs or fields the app owns). */
export type AppCommand = Extract<Command, 'search' | 'replace' | 'shortcuts'>;

/** What the app needs from the editor. */
export interface EditorOptions {
  onNotice(n: Notice): void;
  onCommand(command: AppCommand): void;
  onComment(ref: FocusRef): void;
  retry(segmentId: string, lang: TargetLang): void;
  qaRows: ReadonlySet<string>;
}

/**
 * The review editor's state and behaviour: the store, the save queue, the focused cell, filter and search, and
 * every action a row or key can trigger. Saves are flushed on blur, cell change, project switch, unmount, page
 * hide and when the tab is hidden (browser mode), so nothing typed is lost when the reviewer leaves.
 */
export function useEditor(opts: EditorOptions) {
  const [store] = useState(() => new ReviewStore());
  const optsRef = useRef(opts);
  useEffect(() => {
    optsRef.current = opts;
  });
  const [queue] = useState(
    () =>
      new SaveQueue(() => store.getProject()?.id ?? null, {
        store,
        updateCell: (edit) => api.updateCell(edit),
        toError: toApiError,
        onFailure: (error) =>
          optsRef.current.onNotice(
            notice('error', error.code === 'api.forbidden' ? { code: 'editor:reload.needed' } : error),
          ),
      }),
  );
  const project = useProject(store);
  const [focus, setFocusState] = useState<FocusRef | null>(null);
  const [filter, setFilter] = useState<RowFilter>('all');
  const [search, setSearch] = useState('');
  const grid = useRef<GridHandle>(null);

  const rows = useMemo(
    () => (project ? visibleRows(project.segments, { filter, search, qaRows: opts.qaRows }) : []),
    [project, filter, search, opts.qaRows],
  );
  const rowsRef = useRef(rows);
  const focusRef = useRef(focus);
  useEffect(() => {
    rowsRef.current = rows;
    focusRef.current = focus;
  });

  const actions = useMemo(() => {
    const setFocus = (next: FocusRef | null) => {
      const before = focusRef.current;
      if (before && (before.segmentId !== next?.segmentId || before.lang !== next?.lang)) void queue.flush();
      focusRef.current = next;
      setFocusState(next);
      if (next) grid.current?.scrollToRow(store.indexOf(next.segmentId));
    };
    return cellCommands({ store, queue, rows: () => rowsRef.current, focus: () => focusRef.current, setFocus, opts: () => optsRef.current });
  }, [store, queue]);

  const editorActions: EditorActions = useMemo(
    () => ({
      ...actions,
      keyDown(e, segmentId, lang) {
        const command = commandOf(e, true);
        if (command === null) return;
        if ((command === 'undo' || command === 'redo') && queue.hasUnsaved(segmentId, lang)) return; // native
        e.preventDefault();
        e.stopPropagation();
        if (command === 'search' || command === 'replace' || command === 'shortcuts')
          optsRef.current.onCommand(command);
        else actions.run(command, segmentId, lang);
      },
    }),
    [actions, queue],
  );

  // Keys outside the cell editor: search, replace, the shortcut sheet, undo/redo, Esc back to the grid.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const target = e.target instanceof HTMLElement ? e.target : null;
      if (target?.closest('[role="dialog"], [role="alertdialog"]')) return;
      const typing = !!target?.closest('input, textarea, select, [contenteditable="true"]');
      const command = commandOf(e, false);
      if (command === 'search' || command === 'replace' || (command === 'shortcuts' && !typing)) {
        e.preventDefault();
        optsRef.current.onCommand(command);
      } else if ((command === 'undo' || command === 'redo') && !typing) {
        e.preventDefault();
        void actions.undo(command === 'redo');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);

  // Leaving: save what was typed (tab hidden, page closed or reloaded, app unmounted).
  useEffect(() => {
    const flush = () => void queue.flush();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
      queue.dispose();
    };
  }, [queue]);

  /** Show another project after saving everything typed in this one. */
  const show = async (next: Project | null) => {
    await queue.flush();
    focusRef.current = null;
    setFocusState(null);
    store.setProject(next);
  };

  return {
    store,
    queue,
    project,
    rows,
    focus,
    filter,
    setFilter,
    search,
    setSearch,
    needle: normalizeSearch(search),
    grid,
    actions: editorActions,
    undo: actions.undo,
    focusCell: actions.goTo,
    show,
  };
}
