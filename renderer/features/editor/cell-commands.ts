import type { Segment, TargetLang } from '../../../electron/contract';
import { api, toApiError } from '../../api';
import { notice } from '../../components/notices';
import type { EditorActions } from './actions';
import { approveCommands, type ApproveDeps } from './approve-commands';
import { ChangeKeys, rowChangeSender } from './change-keys';
import { moveTarget } from './grid-model';
import type { Command } from './keymap';
import { revertAndUndo } from './revert-undo';
import type { SaveQueue } from './save-queue';
import type { ReviewStore } from './store';
import type { EditorOptions, FocusRef } from './editor-types';

interface Deps {
  store: ReviewStore;
  queue: SaveQueue;
  rows(): readonly number[];
  focus(): FocusRef | null;
  setFocus(next: FocusRef | null): void;
  opts(): EditorOptions;
}

/** Row and cell actions plus the keyboard commands that run in the focused cell. */
export type CellCommands = Omit<EditorActions, 'keyDown'> & {
  run(command: Command, segmentId: string, lang: TargetLang): void;
  undo(redo?: boolean): Promise<void>;
  /** Focus a cell and bring it into view (jumps from dialogs, search results). */
  goTo(segmentId: string, lang: TargetLang): void;
};

/** Put the machine suggestion into a cell; human text (edited or approved) is replaced only once the app agrees. */
function takeSuggestion(d: ApproveDeps, segmentId: string, lang: TargetLang): void {
  const status = d.store.segment(segmentId)?.targets[lang].status;
  const ask = d.opts().confirmSuggestion;
  // Human text is never replaced by machine output in one click: edited or approved cells ask first.
  const agreed =
    ask && (status === 'edited' || status === 'approved') ? ask(segmentId, lang) : Promise.resolve(true);
  void agreed
    .then(async (yes) => {
      if (!yes || !(await d.queue.flushCell(segmentId, lang))) return;
      const projectId = d.store.getProject()?.id ?? '';
      d.apply(
        await d.keyed(`suggestion:${lang}`, segmentId, (key) =>
          api.acceptSuggestion({ projectId, segmentId, lang, key }),
        ),
      );
    })
    .catch(d.fail);
}

/** Keep original / Translate this row. */
function toggleTranslate(d: ApproveDeps, segmentId: string): void {
  const s = d.store.segment(segmentId);
  if (!s) return;
  const projectId = d.store.getProject()?.id ?? '';
  // The typing so far is saved first: Keep original is the step after it, the one Ctrl+Z takes back alone.
  void d.queue
    .flush()
    .then(() =>
      d.keyed(`translate:${!s.translate}`, segmentId, (key) =>
        api.setTranslatable({ projectId, segmentId, translate: !s.translate, key }),
      ),
    )
    .then(d.apply, d.fail);
}

/** Focus a cell's text (not its editor) without scrolling. */
function focusCellText(segmentId: string, lang: TargetLang): void {
  document
    .querySelector<HTMLElement>(`[data-testid="cell-${lang}-${segmentId}"]`)
    ?.focus({ preventScroll: true });
}

/**
 * The editor's actions, built once per store. Replies go through {@link ReviewStore.applySegments}, so a late
 * reply never undoes a newer state; focus moves at once (the reviewer never waits for the disk to move on), but a
 * status shows "Approved" only once the Node side has it stored.
 */
export function cellCommands(d: Deps): CellCommands {
  const { store, queue } = d;
  const projectId = () => store.getProject()?.id ?? '';
  const fail = (e: unknown) => d.opts().onNotice(notice('error', toApiError(e)));
  const apply = (s: Segment | Segment[]) => store.applySegments(projectId(), Array.isArray(s) ? s : [s]);
  const segments = () => store.getProject()?.segments ?? [];
  const keyed = rowChangeSender(new ChangeKeys(), (segmentId) => store.segment(segmentId));

  const history = revertAndUndo({ ...d, goTo: (segmentId, lang) => goTo(segmentId, lang), fail, keyed });
  const setFocus = (next: FocusRef | null) => {
    history.moved(next);
    d.setFocus(next);
  };
  const goTo = (segmentId: string, lang: TargetLang) => setFocus({ segmentId, lang });
  // The cell Esc left: focus lands on its text without reopening the editor (Enter or a click does).
  let parked: string | null = null;

  const { approve, approveRow } = approveCommands({ ...d, goTo, apply, fail, keyed });

  /** Alt+↑/↓, Tab, Shift+Tab: move the focus to the neighbouring cell. */
  function move(segmentId: string, lang: TargetLang, command: Command): void {
    const from = { index: store.indexOf(segmentId), segmentId, lang };
    const to = moveTarget(segments(), d.rows(), from, command);
    if (to) goTo(to.segmentId, to.lang);
  }

  /**
   * Esc: revert the cell to its last saved text (an undoable step, see {@link revertAndUndo}); with nothing to
   * revert, leave the editor for the cell (Tab then walks the page).
   */
  function revert(segmentId: string, lang: TargetLang): void {
    if (history.canRevert(segmentId, lang)) return void history.revert(segmentId, lang);
    parked = `${lang}:${segmentId}`;
    setFocus(null);
    requestAnimationFrame(() => focusCellText(segmentId, lang));
  }

  return {
    focusCell(segmentId, lang, how = 'open') {
      const key = `${lang}:${segmentId}`;
      if (how === 'focus' && parked === key) return;
      parked = null;
      goTo(segmentId, lang);
    },
    goTo,
    type(segmentId, lang, text, elapsedMs) {
      history.typing(segmentId, lang);
      queue.edit(segmentId, lang, text, elapsedMs);
    },
    blur: () => void queue.flush(),
    approve,
    unapprove: (segmentId, lang) =>
      void keyed(`unapprove:${lang}`, segmentId, (key) =>
        api.unapproveCell({ projectId: projectId(), segmentId, lang, key }),
      ).then(apply, fail),
    useSuggestion: (segmentId, lang) => takeSuggestion({ ...d, goTo, apply, fail, keyed }, segmentId, lang),
    retry: (segmentId, lang) => d.opts().retry(segmentId, lang),
    comment: (segmentId, lang) => d.opts().onComment({ segmentId, lang }),
    history: (segmentId, lang) => d.opts().onHistory?.({ segmentId, lang }),
    toggleDiff: (segmentId) => store.toggleDiff(segmentId),
    toggleTranslate: (segmentId) => toggleTranslate({ ...d, goTo, apply, fail, keyed }, segmentId),
    undo: history.undo,
    run(command, segmentId, lang) {
      if (command === 'approve') approve(segmentId, lang);
      else if (command === 'approveRow') approveRow(segmentId, lang);
      else if (command === 'revert') revert(segmentId, lang);
      else if (command === 'undo' || command === 'redo') void history.undo(command === 'redo');
      else if (command === 'changes') store.toggleDiff(segmentId);
      else if (command === 'comment') d.opts().onComment({ segmentId, lang });
      else if (command === 'history') d.opts().onHistory?.({ segmentId, lang });
      else move(segmentId, lang, command);
    },
  };
}
