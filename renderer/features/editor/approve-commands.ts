import { TARGET_LANGS, type Segment, type TargetLang } from '../../../electron/contract';
import { api } from '../../api';
import { notice } from '../../components/notices';
import { revisionOf } from '../../../common/revision';
import { nextOpenCell, nextOpenRow } from './grid-model';
import type { SaveQueue } from './save-queue';
import type { ReviewStore } from './store';
import type { EditorOptions, FocusRef } from './editor-types';

/** What the approve commands need from the editor's actions. */
export interface ApproveDeps {
  store: ReviewStore;
  queue: SaveQueue;
  rows(): readonly number[];
  focus(): FocusRef | null;
  opts(): EditorOptions;
  goTo(segmentId: string, lang: TargetLang): void;
  /** Put the host's reply into the store. */
  apply(s: Segment | Segment[]): void;
  fail(e: unknown): void;
  /** Send a change of a row with its key (the same while it goes unanswered, see ChangeKeys). */
  keyed<T>(change: string, segmentId: string, call: (key: string) => Promise<T>): Promise<T>;
}

/**
 * Ctrl+Enter (approve a cell and move to the next open one) and Ctrl+Shift+Enter (approve the row's open languages
 * as one change). The focus moves at once; a status shows "Approved" only once the Node side has it stored.
 */
export function approveCommands(d: ApproveDeps) {
  const { store, queue } = d;
  const projectId = () => store.getProject()?.id ?? '';
  const segments = () => store.getProject()?.segments ?? [];

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
      d.apply(
        await d.keyed(`approve:${lang}`, segmentId, (key) =>
          api.approveCell({ projectId: projectId(), segmentId, lang, key }),
        ),
      );
    } catch (e) {
      d.fail(e);
    }
  }

  /** The row's open languages approved on the host as one change (one undo step): all of them or none. */
  async function approveBoth(segmentId: string, langs: readonly TargetLang[]): Promise<void> {
    if (!langs.length) return;
    for (const l of langs) if (!(await queue.flushCell(segmentId, l))) return;
    try {
      d.apply(
        await d.keyed(`approveRow:${langs.join('+')}`, segmentId, (key) =>
          api.approveRow({ projectId: projectId(), segmentId, langs: [...langs], key }),
        ),
      );
    } catch (e) {
      d.fail(e);
    }
  }

  /** Run `then` once the app agrees to approving these cells of a row (at once when it has nothing to ask). */
  function gate(segmentId: string, langs: readonly TargetLang[], then: () => void): void {
    const answer = d.opts().beforeApprove?.(segmentId, langs) ?? true;
    if (answer === true) then();
    else if (answer !== false) void answer.then((yes) => yes && then(), d.fail);
  }

  function approve(segmentId: string, lang: TargetLang): void {
    if (mustSeeDiff(segmentId, [lang])) return;
    gate(segmentId, [lang], () => {
      const focused = d.focus();
      if (focused?.segmentId === segmentId && focused.lang === lang) {
        const next = nextOpenCell(segments(), d.rows(), store.indexOf(segmentId), lang, segmentId);
        if (next !== null) d.goTo(segments()[next]!.id, lang);
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
      const next = nextOpenRow(segments(), d.rows(), index);
      if (next !== undefined) d.goTo(segments()[next]!.id, lang);
      void approveBoth(segmentId, open);
    });
  }

  return { approve, approveRow };
}
