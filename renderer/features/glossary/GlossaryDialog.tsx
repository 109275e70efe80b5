import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlossaryEntry } from '../../../electron/contract';
import { Dialog } from '../../components/Dialog';
import { useCan } from '../desk/desk-session';

/**
 * The project glossary: Korean term → required Vietnamese and English. It is sent to DeepL as one multilingual
 * glossary before the next translation, and the checks flag rows that do not use it. On a team desk only an editor
 * changes it: anyone else reads it.
 */
export function GlossaryDialog(props: {
  entries: GlossaryEntry[];
  onSave(entries: GlossaryEntry[]): Promise<boolean>;
  onClose(): void;
}) {
  const { t } = useTranslation(['translate', 'common']);
  const mayEdit = useCan()('updateGlossary');
  const [rows, setRows] = useState<GlossaryEntry[]>(
    props.entries.length ? props.entries : [{ ko: '', vi: '', en: '' }],
  );
  const set = (i: number, field: keyof GlossaryEntry, value: string) =>
    setRows((list) => list.map((r, j) => (j === i ? { ...r, [field]: value } : r)));
  return (
    <Dialog
      title={t('translate:glossary.title')}
      onClose={props.onClose}
      wide
      testId="glossary-dialog"
      footer={
        <>
          {mayEdit && (
            <button type="button" onClick={() => setRows((list) => [...list, { ko: '', vi: '', en: '' }])}>
              {t('translate:glossary.add')}
            </button>
          )}
          <span className="spacer" />
          <button type="button" onClick={props.onClose}>
            {mayEdit ? t('common:actions.cancel') : t('common:actions.close')}
          </button>
          {mayEdit && (
            <button
              type="button"
              className="primary"
              onClick={() => void props.onSave(rows).then((ok) => ok && props.onClose())}
            >
              {t('common:actions.save')}
            </button>
          )}
        </>
      }
    >
      <p className="field-hint">{t('translate:glossary.hint')}</p>
      <table className="glossary">
        <thead>
          <tr>
            <th>{t('common:lang.ko')}</th>
            <th>{t('common:lang.vi')}</th>
            <th>{t('common:lang.en')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {(['ko', 'vi', 'en'] as const).map((field) => (
                <td key={field}>
                  <input
                    type="text"
                    lang={field}
                    aria-label={t('translate:glossary.term', { lang: t(`common:lang.${field}`), row: i + 1 })}
                    value={r[field]}
                    readOnly={!mayEdit}
                    onChange={(e) => set(i, field, e.target.value)}
                  />
                </td>
              ))}
              <td>
                {mayEdit && (
                  <button
                    type="button"
                    className="link"
                    onClick={() => setRows((list) => list.filter((_, j) => j !== i))}
                  >
                    {t('translate:glossary.remove')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
