import { api, toApiError } from '../../api';
import { notice } from '../../components/notices';
import { showConflict } from '../desk/ConflictDialog';
import { deskMeNow } from '../desk/desk-session';
import { cellCommands, type CellCommands } from './cell-commands';
import { PageJournal } from './journal';
import type { GridHandle } from './EditorGrid';
import { SaveQueue } from './save-queue';
import { ReviewStore } from './store';
import type { EditorOptions, FocusRef } from './editor-types';

/**
 * The editor's long-lived parts, made once per app: the store, the save queue and the commands. What changes with
 * rendering (visible rows, focus, the app's callbacks, the grid) is handed in after each render, so commands built
 * once always see the current values without re-creating anything a memoized row holds.
 */
export class EditorCore {
  readonly store = new ReviewStore();
  readonly queue: SaveQueue;
  readonly commands: CellCommands;
  private rows: readonly number[] = [];
  private focus: FocusRef | null = null;
  private grid: GridHandle | null = null;
  private focusListeners = new Set<() => void>();

  constructor(private opts: EditorOptions) {
    this.queue = new SaveQueue(() => this.store.getProject()?.id ?? null, {
      store: this.store,
      updateCell: (edit) => api.updateCell(edit),
      toError: toApiError,
      // Typing the host has not acknowledged is also kept in the page (browser storage) until it has.
      journal: new PageJournal(undefined, () => deskMeNow()?.id ?? ''),
      // A restarted host has a new token: every save is refused until the page is reloaded, so say that.
      // A desk that is away has its own banner (desk/DeskLinkBanner), which also counts what waits.
      onFailure: (error) =>
        error.code !== 'deskClient.unreachable' &&
        this.opts.onNotice(
          notice('error', error.code === 'api.forbidden' ? { code: 'editor:reload.needed' } : error),
        ),
      // Someone else saved the cell meanwhile: the person chooses (desk/ConflictDialog); closing leaves the typing.
      onConflict: (c) =>
        void showConflict(c, this.store.indexOf(c.segmentId) + 1).then((choice) => {
          if (choice) void this.queue.resolveConflict(c, choice);
          else this.queue.conflictClosed(c);
        }),
      // Typing kept on this computer for a desk that was away goes when the person drops it here.
      onDropped: (segmentId, lang) => {
        const projectId = this.store.getProject()?.id;
        if (projectId) void api.deskForgetKept({ projectId, segmentId, lang }).catch(() => undefined);
      },
    });
    this.commands = cellCommands({
      store: this.store,
      queue: this.queue,
      rows: () => this.rows,
      focus: () => this.focus,
      setFocus: (f) => this.setFocus(f),
      opts: () => this.opts,
    });
  }

  /** The latest render's values (called from an effect). */
  sync(view: { opts: EditorOptions; rows: readonly number[] }): void {
    this.opts = view.opts;
    this.rows = view.rows;
  }

  /**
   * The visible rows, keeping the previous array when nothing changed: a save must not hand the grid a new list
   * (it would re-index 10,000 rows for nothing). Under the same filter and search (`query`), the row being edited
   * (`editing`, an index) stays while it was shown: typing that no longer matches the search, or that takes an
   * approval back under "approved", must not pull the row from under the cursor (the keys would go nowhere).
   */
  stableRows(found: number[], query = '', editing: number | null = null): readonly number[] {
    const prev = this.lastRows;
    const keep =
      query === this.lastQuery && editing !== null && prev.includes(editing) && !found.includes(editing);
    const next = keep ? [...found, editing].sort((a, b) => a - b) : found;
    this.lastQuery = query;
    if (prev.length === next.length && prev.every((v, i) => v === next[i])) return prev;
    this.lastRows = next;
    return next;
  }
  private lastRows: readonly number[] = [];
  private lastQuery = '';

  /**
   * The focused cell lives here, not in React state of the app: moving it re-renders the two rows concerned, not
   * the header and the whole screen.
   */
  subscribeFocus = (listener: () => void): (() => void) => {
    this.focusListeners.add(listener);
    return () => this.focusListeners.delete(listener);
  };
  getFocus = (): FocusRef | null => this.focus;

  /** The grid registers its handle (ref callback). */
  attachGrid = (handle: GridHandle | null): void => {
    this.grid = handle;
  };

  /** Move the focus; leaving a cell saves it. */
  setFocus(next: FocusRef | null): void {
    const before = this.focus;
    if (before && (before.segmentId !== next?.segmentId || before.lang !== next?.lang))
      void this.queue.flush();
    this.focus = next;
    for (const l of this.focusListeners) l();
    if (next) this.grid?.scrollToRow(this.store.indexOf(next.segmentId));
  }

  /** Hand a command to the app (search field, replace dialog, shortcut sheet). */
  command(c: Parameters<EditorOptions['onCommand']>[0]): void {
    this.opts.onCommand(c);
  }

  /** Show a cell's actions as a menu (Shift+F10 in the cell). */
  cellMenu(ref: FocusRef): void {
    this.opts.onCellMenu?.(ref);
  }
}
