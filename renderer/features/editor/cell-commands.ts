import { TARGET_LANGS, type Segment, type TargetLang } from '../../../electron/contract';
import { api, toApiError } from '../../api';
import { notice } from '../../components/notices';
import { revisionOf } from '../../../common/revision';
import { isReviewable } from '../review/review-state';
import type { EditorActions } from './actions';
import { neighbourRow, nextOpenCell } from './grid-model';
import type { Command } from './keymap';
import { ChangeKeys } from './change-keys';
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

/**
 * The editor's actions, built once per store. Replies go through {@link ReviewStore.applySegments}, so a late
 * reply never undoes a newer state; focus moves at once (the reviewer never waits for the disk to move on), but a
 * status shows "Approved" only once the Node side has it stored.
 */
export function cellCommands(d: Deps): CellCommands {
  const { store, queue } = d;
  const projectId = () => store.getProject()?.id ?? '';
  const fail = (e: unknown) => d.opts().onNotice(notice('error', toApiError(e)));
  // Changes sent again after no answer carry the same key (the host does not apply them twice).
  const keys = new ChangeKeys();
  const keyed = <T>(change: string, segmentId: string, call: (key: string) => Promise<T>) =>
    keys.send(`${change}:${segmentId}`, store.segment(segmentId), call);
  const apply = (s: Segment | Segment[]) => store.applySegments(projectId(), Array.isArray(s) ? s : [s]);
  const segments = () => store.getProject()?.segments ?? [];

  const history = revertAndUndo({ ...d, goTo: (segmentId, lang) => goTo(segmentId, lang), fail });
  const setFocus = (next: FocusRef | null) => {
    history.moved(next);
    d.setFocus(next);
  };
  const goTo = (segmentId: string, lang: TargetLang) => setFocus({ segmentId, lang });
  // The cell Esc left: focus lands on its text without reopening the editor (Enter or a click does).
  let parked: string | null = null;

  /**
   * A language that still owes the review of a revised row (its own mark: the other language's approval does not
   * settle it) is approved only after the row's Korean diff has been on screen.
   */
  const mustSeeDiff = (segmentId: string, langs: readonly TargetLang[]): boolean => {
    const s = store.segment(segmentId);
    if (!s || !langs.some((l) => revisionOf(s, l) === 'changed') || store.diffSeen(segmentId)) return false;
    store.toggleDiff(segmentId, true);
    const row = store.indexOf(segmentId) + 1;
    d.opts().onNotice(notice('warning', { code: 'editor:diff.lookFirst', params: { row } }));
    return true;
  };

  async function approveOne(segmentId: string, lang: TargetLang): Promise<void> {
    if (!(await queue.flushCell(segmentId, lang))) return;
    try {
      apply(
        await keyed(`approve:${lang}`, segmentId, (key) =>
          api.approveCell({ projectId: projectId(), segmentId, lang, key }),
        ),
      );
    } catch (e) {
      fail(e);
    }
  }

  /** Run `then` once the app agrees to approving these cells of a row (at once when it has nothing to ask). */
  function gate(segmentId: string, langs: readonly TargetLang[], then: () => void): void {
    const answer = d.opts().beforeApprove?.(segmentId, langs) ?? true;
    if (answer === true) then();
    else if (answer !== false) void answer.then((yes) => yes && then(), fail);
  }

  function approve(segmentId: string, lang: TargetLang): void {
    if (mustSeeDiff(segmentId, [lang])) return;
    gate(segmentId, [lang], () => {
      const focused = d.focus();
      if (focused?.segmentId === segmentId && focused.lang === lang) {
        const next = nextOpenCell(segments(), d.rows(), store.indexOf(segmentId), lang, segmentId);
        if (next !== null) goTo(segments()[next]!.id, lang);
      }
      void approveOne(segmentId, lang);
    });
  }

  function approveRow(segmentId: string, lang: TargetLang): void {
    const s = store.segment(segmentId);
    if (!s) return;
    const open = TARGET_LANGS.filter((l) => s.targets[l].status !== 'approved');
    if (mustSeeDiff(segmentId, open)) return;
    const index = store.indexOf(segmentId);
    // One question naming each language's open errors; then both languages are approved, or neither.
    gate(segmentId, open, () => {
      const next = d
        .rows()
        .find(
          (i) =>
            i > index &&
            isReviewable(segments()[i]!) &&
            TARGET_LANGS.some((l) => segments()[i]!.targets[l].status !== 'approved'),
        );
      if (next !== undefined) goTo(segments()[next]!.id, lang);
      void approveBoth(segmentId, open);
    });
  }

  /** The row's open languages approved on the host as one change (one undo step): all of them or none. */
  async function approveBoth(segmentId: string, langs: readonly TargetLang[]): Promise<void> {
    if (!langs.length) return;
    for (const l of langs) if (!(await queue.flushCell(segmentId, l))) return;
    try {
      apply(
        await keyed(`approveRow:${langs.join('+')}`, segmentId, (key) =>
          api.approveRow({ projectId: projectId(), segmentId, langs: [...langs], key }),
        ),
      );
    } catch (e) {
      fail(e);
    }
  }

  function move(segmentId: string, lang: TargetLang, command: Command): void {
    const index = store.indexOf(segmentId);
    const rowStep = (dir: 1 | -1, l: TargetLang) => {
      const next = neighbourRow(segments(), d.rows(), index, dir);
      if (next !== null) goTo(segments()[next]!.id, l);
    };
    if (command === 'nextRow') rowStep(1, lang);
    else if (command === 'prevRow') rowStep(-1, lang);
    else if (command === 'nextCell') {
      if (lang === 'vi') goTo(segmentId, 'en');
      else rowStep(1, 'vi');
    } else if (command === 'prevCell') {
      if (lang === 'en') goTo(segmentId, 'vi');
      else rowStep(-1, 'en');
    }
  }

  /**
   * Esc: revert the cell to its last saved text (an undoable step, see {@link revertAndUndo}); with nothing to
   * revert, leave the editor for the cell (Tab then walks the page).
   */
  function revert(segmentId: string, lang: TargetLang): void {
    if (history.canRevert(segmentId, lang)) return void history.revert(segmentId, lang);
    parked = `${lang}:${segmentId}`;
    setFocus(null);
    requestAnimationFrame(() =>
      document
        .querySelector<HTMLElement>(`[data-testid="cell-${lang}-${segmentId}"]`)
        ?.focus({ preventScroll: true }),
    );
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
    useSuggestion(segmentId, lang) {
      const status = store.segment(segmentId)?.targets[lang].status;
      const ask = d.opts().confirmSuggestion;
      // Human text is never replaced by machine output in one click: edited or approved cells ask first.
      const agreed =
        ask && (status === 'edited' || status === 'approved') ? ask(segmentId, lang) : Promise.resolve(true);
      void agreed
        .then(async (yes) => {
          if (!yes || !(await queue.flushCell(segmentId, lang))) return;
          apply(
            await keyed(`suggestion:${lang}`, segmentId, (key) =>
              api.acceptSuggestion({ projectId: projectId(), segmentId, lang, key }),
            ),
          );
        })
        .catch(fail);
    },
    retry: (segmentId, lang) => d.opts().retry(segmentId, lang),
    comment: (segmentId, lang) => d.opts().onComment({ segmentId, lang }),
    history: (segmentId, lang) => d.opts().onHistory?.({ segmentId, lang }),
    toggleDiff: (segmentId) => store.toggleDiff(segmentId),
    toggleTranslate(segmentId) {
      const s = store.segment(segmentId);
      if (s)
        void keyed(`translate:${!s.translate}`, segmentId, (key) =>
          api.setTranslatable({ projectId: projectId(), segmentId, translate: !s.translate, key }),
        ).then(apply, fail);
    },
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
