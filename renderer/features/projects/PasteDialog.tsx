import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';

/** Paste an article's text to start a project from it. */
export function PasteDialog(props: { onCreate(text: string): Promise<boolean>; onClose(): void }) {
  const { t } = useTranslation(['projects', 'common']);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const hintId = useId();
  const fieldId = useId();
  const create = async () => {
    setBusy(true);
    const ok = await props.onCreate(text);
    setBusy(false);
    if (ok) props.onClose();
  };
  return (
    <Dialog
      title={t('projects:pasteTitle')}
      onClose={props.onClose}
      wide
      draft={text.trim() !== ''}
      testId="paste-dialog"
      footer={
        <>
          <button type="button" onClick={props.onClose}>
            {t('common:actions.cancel')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={text.trim() === '' || busy}
            onClick={() => void create()}
          >
            {t('projects:create')}
          </button>
        </>
      }
    >
      <div className="field">
        <label className="field-label" htmlFor={fieldId}>
          {t('projects:pasteLabel')}
        </label>
        <textarea
          id={fieldId}
          lang="ko"
          rows={14}
          value={text}
          aria-describedby={hintId}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && text.trim()) {
              e.preventDefault();
              void create();
            }
          }}
        />
        <span className="field-hint" id={hintId}>
          {t('projects:pasteHint')}
        </span>
      </div>
    </Dialog>
  );
}
