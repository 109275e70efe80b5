import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TARGET_LANGS, type ReplaceRequest, type TargetLang } from '../../../electron/contract';
import { Dialog } from '../../components/Dialog';

/** Find & replace within one target language; approved cells are left alone unless the reviewer asks. */
export function ReplaceDialog(props: {
  initialFind: string;
  initialLang: TargetLang;
  onReplace(req: Omit<ReplaceRequest, 'projectId'>): Promise<boolean>;
  onClose(): void;
}) {
  const { t } = useTranslation(['editor', 'common']);
  const [lang, setLang] = useState<TargetLang>(props.initialLang);
  const [find, setFind] = useState(props.initialFind);
  const [replace, setReplace] = useState('');
  const [matchCase, setMatchCase] = useState(false);
  const [wholeWord, setWholeWord] = useState(false);
  const [includeApproved, setIncludeApproved] = useState(false);
  const [error, setError] = useState(false);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (find === '') return setError(true);
    setBusy(true);
    const ok = await props.onReplace({ lang, find, replace, matchCase, wholeWord, includeApproved });
    setBusy(false);
    if (ok) props.onClose();
  };
  return (
    <Dialog
      title={t('editor:replace.title')}
      onClose={props.onClose}
      testId="replace-dialog"
      footer={
        <>
          <button type="button" onClick={props.onClose}>
            {t('common:actions.cancel')}
          </button>
          <button type="button" className="primary" disabled={busy} onClick={() => void run()}>
            {t('editor:replace.run')}
          </button>
        </>
      }
    >
      <label className="field">
        <span>{t('editor:replace.lang')}</span>
        <select value={lang} onChange={(e) => setLang(e.target.value as TargetLang)}>
          {TARGET_LANGS.map((l) => (
            <option key={l} value={l}>
              {t(`common:lang.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('editor:replace.find')}</span>
        <input
          data-autofocus
          value={find}
          aria-invalid={error}
          onChange={(e) => {
            setFind(e.target.value);
            setError(false);
          }}
        />
      </label>
      {error && (
        <p className="field-error" role="alert">
          {t('editor:replace.empty')}
        </p>
      )}
      <label className="field">
        <span>{t('editor:replace.with')}</span>
        <input value={replace} onChange={(e) => setReplace(e.target.value)} />
      </label>
      <label className="check">
        <input type="checkbox" checked={matchCase} onChange={(e) => setMatchCase(e.target.checked)} />
        {t('editor:replace.matchCase')}
      </label>
      <label className="check">
        <input type="checkbox" checked={wholeWord} onChange={(e) => setWholeWord(e.target.checked)} />
        {t('editor:replace.wholeWord')}
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={includeApproved}
          onChange={(e) => setIncludeApproved(e.target.checked)}
        />
        {t('editor:replace.includeApproved')}
      </label>
    </Dialog>
  );
}
