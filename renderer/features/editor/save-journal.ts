import type { CellEdit, TargetLang } from '../../../electron/contract';
import type { SaveQueueDeps, TypingBase } from './save-types';

type JournalDeps = Pick<SaveQueueDeps, 'journal' | 'onFailure' | 'store'>;

/**
 * The save queue's copy of unacknowledged typing in the page journal (browser storage): kept with the revision it
 * builds on until the host has the text; a journal that cannot keep it is said once.
 */
export class JournalCopy {
  private warned = false;

  constructor(private readonly deps: JournalDeps) {}

  /** Keep the cell's typing, with the revision it builds on. */
  keep(
    projectId: string | null,
    cell: { segmentId: string; lang: TargetLang; text: string },
    base?: TypingBase,
  ) {
    const journal = this.deps.journal;
    if (!projectId || !journal) return;
    journal.record({ projectId, ...cell, ...(base ? { baseRev: base.rev, sent: base.sent } : {}) });
    if (!journal.working && !this.warned) {
      this.warned = true;
      this.deps.onFailure({ code: 'editor:journal.unavailable' });
    }
  }

  /**
   * The journal's typing for the open project (from before a restart, reload or sign-in) goes to `restore`; entries
   * the host already has are forgotten, entries for rows not in this version of the project are kept. Returns how
   * many cells got typing back.
   */
  restoreAll(
    projectId: string | null,
    restore: (
      edit: Pick<CellEdit, 'segmentId' | 'lang' | 'text' | 'baseRev'> & { sent?: string[] },
    ) => boolean,
  ): number {
    const journal = this.deps.journal;
    if (!projectId || !journal) return 0;
    let restored = 0;
    for (const entry of journal.entries(projectId)) {
      const cell = this.deps.store.segment(entry.segmentId)?.targets[entry.lang];
      if (!cell) continue; // not in this version of the project: kept, never dropped silently
      if (cell.text === entry.text) journal.forget(projectId, entry.segmentId, entry.lang, entry.text);
      else if (restore(entry)) restored++;
    }
    return restored;
  }
}
