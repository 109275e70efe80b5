import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Project } from '../../../electron/contract';
import { api } from '../../api';
import { loadDeskMe } from '../desk/desk-session';
import { notice } from '../../components/notices';
import type { EditorActions } from './actions';
import { EditorCore } from './editor-core';
import { normalizeSearch, visibleRows, type RowFilter } from './grid-model';
import { commandOf, type Command } from './keymap';
import type { AppCommand, EditorOptions } from './editor-types';
import { useProject } from './use-store';

export type { AppCommand, EditorOptions, FocusRef } from './editor-types';

/**
 * The review editor's state and behaviour: the store, the save queue, the focused cell, filter and search, and
 * every action a row or key can trigger. Saves are flushed on blur, cell change, project switch, unmount, page
 * hide and when the tab is hidden (browser mode), so nothing typed is lost when the reviewer leaves.
 */
export function useEditor(opts: EditorOptions) {
  const [core] = useState(() => new EditorCore(opts));
  const { store, queue, commands } = core;
  const project = useProject(store);
  const [filter, setFilter] = useState<RowFilter>('all');
  const [search, setSearch] = useState('');
  // The row being edited, followed only while the rows shown are narrowed by a filter or a search (a focus move
  // must not re-render the screen otherwise): there it stays while the reviewer types and leaves once the focus
  // moves to another row.
  const narrowed = filter !== 'all' || normalizeSearch(search) !== '';
  const editing = useSyncExternalStore(core.subscribeFocus, () =>
    narrowed ? (core.getFocus()?.segmentId ?? null) : null,
  );
  const rows = useMemo(() => {
    const query = { filter, search, qaRows: opts.qaRows, editing };
    if (!project) return core.stableRows([]);
    const at = editing === null ? -1 : project.segments.findIndex((s) => s.id === editing);
    const found = visibleRows(project.segments, query);
    return core.stableRows(found, `${filter}\n${normalizeSearch(search)}`, at < 0 ? null : at);
  }, [core, project, filter, search, opts.qaRows, editing]);
  useEffect(() => core.sync({ opts, rows }), [core, opts, rows]);

  const actions: EditorActions = useMemo(
    () => ({
      ...commands,
      keyDown(e, segmentId, lang) {
        const command = commandOf(e, true);
        if (command === null) return;
        if ((command === 'undo' || command === 'redo') && queue.hasUnsaved(segmentId, lang)) return; // native
        e.preventDefault();
        e.stopPropagation();
        if (isAppCommand(command)) core.command(command);
        else if (command === 'cellMenu') core.cellMenu({ segmentId, lang });
        else commands.run(command, segmentId, lang);
      },
    }),
    [commands, queue, core],
  );

  useGlobalKeys(core, opts);
  useFlushOnLeave(core);
  useDeskComeback(core);

  return {
    store,
    queue,
    project,
    rows,
    core,
    filter,
    setFilter,
    search,
    setSearch,
    needle: normalizeSearch(search),
    attachGrid: core.attachGrid,
    actions,
    undo: commands.undo,
    focusCell: commands.goTo,
    /** Show another project after saving everything typed in this one. */
    show: async (next: Project | null) => {
      await queue.flush();
      core.setFocus(null);
      store.setProject(next);
      if (!next) return;
      // Typing this browser kept from before a restart, reload or new sign-in goes back into its cells and is sent
      // (the signed-in person's own: the desk account is known first).
      void loadDeskMe().then(() => {
        if (store.getProject()?.id !== next.id) return;
        const restored = queue.restoreJournal();
        if (restored > 0)
          opts.onNotice(notice('info', { code: 'editor:journal.restored', params: { count: restored } }));
      });
      // Typing a desk could not take in an earlier session is sent again (the desk client kept it on disk).
      void api.deskKeptEdits(next.id).then(
        (kept) => store.getProject()?.id === next.id && kept.forEach((e) => queue.restore(e)),
        () => undefined,
      );
    },
  };
}

/** Commands the app answers (a search box or a dialog), not the grid. */
const isAppCommand = (c: Command): c is AppCommand =>
  c === 'search' || c === 'replace' || c === 'concordance' || c === 'shortcuts';

/** Keys outside the cell editor: search, replace, the memory search, the shortcut sheet, undo/redo. */
function useGlobalKeys(core: EditorCore, opts: EditorOptions) {
  const { onCommand } = opts;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const target = e.target instanceof HTMLElement ? e.target : null;
      if (target?.closest('[role="dialog"], [role="alertdialog"]')) return;
      const typing = !!target?.closest('input, textarea, select, [contenteditable="true"]');
      const command = commandOf(e, false);
      // `?` types a question mark in a field; F1 opens the sheet from anywhere.
      if (command && isAppCommand(command) && (command !== 'shortcuts' || !typing || e.key === 'F1')) {
        e.preventDefault();
        onCommand(command);
      } else if ((command === 'undo' || command === 'redo') && !typing) {
        e.preventDefault();
        void core.commands.undo(command === 'redo');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [core, onCommand]);
}

/**
 * The desk answers again, or the person comes back to this tab (perhaps after signing in again in another one):
 * send what waited now, not at the next back-off retry.
 */
function useDeskComeback(core: EditorCore) {
  useEffect(() => {
    const back = () => document.visibilityState === 'visible' && core.queue.retryNow();
    window.addEventListener('focus', back);
    document.addEventListener('visibilitychange', back);
    const stop = api.onEvent((event) => {
      if (event.type === 'desk-connection' && event.connection.state === 'online') core.queue.retryNow();
    });
    return () => {
      stop();
      window.removeEventListener('focus', back);
      document.removeEventListener('visibilitychange', back);
    };
  }, [core]);
}

/** Leaving: save what was typed (tab hidden, page closed or reloaded, app unmounted). */
function useFlushOnLeave(core: EditorCore) {
  useEffect(() => {
    const flush = () => void core.queue.flush();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
      core.queue.dispose();
    };
  }, [core]);
}
