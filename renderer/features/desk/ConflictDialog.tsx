import { useId, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import type { SaveConflict } from '../editor/save-queue';

/** What the person chose: keep the stored text, or save a text (their own, or merged by hand). */
export type ConflictChoice = { keep: 'theirs' } | { text: string };

/**
 * Someone else saved this cell while this person was typing. Both texts are shown; the person keeps theirs,
 * keeps their own, or merges by hand in the box (which starts as their own text, so nothing typed is lost).
 * Closing the dialog decides nothing: the typing stays in the cell, marked not saved.
 */
export function ConflictDialog(props: {
  conflict: SaveConflict;
  row?: number;
  onChoose(choice: ConflictChoice | null): void;
}) {
  const { t } = useTranslation('desk');
  const { conflict, onChoose } = props;
  const [merged, setMerged] = useState(conflict.mine);
  const ids = { theirs: useId(), mine: useId(), merged: useId() };
  const lang = conflict.lang.toUpperCase();
  return (
    <Dialog
      title={t('conflict.title', { lang, row: props.row ?? '?' })}
      onClose={() => onChoose(null)}
      wide
      alert
      draft={merged !== conflict.mine}
      testId="desk-conflict"
      footer={
        <>
          <button data-testid="conflict-theirs" onClick={() => onChoose({ keep: 'theirs' })}>
            {t('conflict.keepTheirs')}
          </button>
          <button data-testid="conflict-mine" onClick={() => onChoose({ text: conflict.mine })}>
            {t('conflict.keepMine')}
          </button>
          <button
            className="primary"
            data-testid="conflict-merge"
            disabled={!merged.trim()}
            onClick={() => onChoose({ text: merged })}
          >
            {t('conflict.saveMerged')}
          </button>
        </>
      }
    >
      <p>{t('conflict.intro')}</p>
      <div className="desk-conflict-texts">
        <label htmlFor={ids.theirs}>{t('conflict.theirs')}</label>
        <textarea
          id={ids.theirs}
          data-testid="conflict-theirs-text"
          readOnly
          value={conflict.theirs}
          rows={4}
        />
        <label htmlFor={ids.mine}>{t('conflict.mine')}</label>
        <textarea id={ids.mine} data-testid="conflict-mine-text" readOnly value={conflict.mine} rows={4} />
        <label htmlFor={ids.merged}>{t('conflict.merged')}</label>
        <textarea
          id={ids.merged}
          data-testid="conflict-merged-text"
          data-autofocus
          value={merged}
          rows={4}
          onChange={(e) => setMerged(e.target.value)}
        />
      </div>
    </Dialog>
  );
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Ask the person about one conflict; resolves with their choice (null: closed without one). The dialog mounts
 * itself over the page, one conflict at a time, so the save queue's error path needs no place in the app's tree.
 */
export function showConflict(conflict: SaveConflict, row?: number): Promise<ConflictChoice | null> {
  const asked = queue.then(
    () =>
      new Promise<ConflictChoice | null>((resolve) => {
        const host = document.body.appendChild(document.createElement('div'));
        const root = createRoot(host);
        const done = (choice: ConflictChoice | null) => {
          root.unmount();
          host.remove();
          resolve(choice);
        };
        root.render(<ConflictDialog conflict={conflict} row={row} onChoose={done} />);
      }),
  );
  queue = asked;
  return asked;
}
