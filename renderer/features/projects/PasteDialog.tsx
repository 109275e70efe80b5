import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';

/** Paste an article's text to start a project from it. */
export function PasteDialog(props: { onCreate(text: string): Promise<boolean>; onClose(): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  return (
    <Dialog title={t('projects.pasteTitle')} onClose={props.onClose} wide>
      <label className="form">
        {t('projects.pasteLabel')}
        <textarea lang="ko" rows={14} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <div className="actions">
        <button type="button" onClick={props.onClose}>
          {t('projects.cancel')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={text.trim() === ''}
          onClick={() => void props.onCreate(text).then((ok) => ok && props.onClose())}
        >
          {t('projects.create')}
        </button>
      </div>
    </Dialog>
  );
}
