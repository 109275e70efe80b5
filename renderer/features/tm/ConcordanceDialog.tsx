import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TARGET_LANGS, type TargetLang } from '../../../electron/contract';
import { Dialog } from '../../components/Dialog';
import { useNumberFormat } from '../../i18n/format';
import { useMessage } from '../../i18n/messages';
import { concordanceKey } from './concordance';
import { ConcordanceHits } from './ConcordanceHits';
import { useConcordance, type ConcordanceFound } from './use-concordance';
import './tm.css';

/** Which translations are looked in (a Korean phrase is always looked for in the sources). */
function LangField(props: { lang: TargetLang; onChange(lang: TargetLang): void }) {
  const { t } = useTranslation(['tm', 'common']);
  return (
    <label className="field">
      <span>{t('tm:concordance.lang')}</span>
      <select value={props.lang} onChange={(e) => props.onChange(e.target.value as TargetLang)}>
        {TARGET_LANGS.map((l) => (
          <option key={l} value={l}>
            {t(`common:lang.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The status line: a hint before the first search, else how many hits (and whether there are more). */
function useConcordanceStatus(result: ConcordanceFound | null): string {
  const { t } = useTranslation(['tm']);
  const n = useNumberFormat();
  const count = result?.hits.length ?? 0;
  if (!result) return t('tm:concordance.hint');
  if (count === 0) return t('tm:concordance.none', { phrase: result.phrase });
  return result.more
    ? t('tm:concordance.more', { count, shown: n(count) })
    : t('tm:concordance.count', { count, shown: n(count) });
}

/**
 * Concordance (Ctrl+K): "how did we translate this before?" A Korean phrase is looked for in the memory's sources,
 * a Vietnamese or English one in its translations; hits come newest first with their article, reviewer and date.
 * ↑/↓ pick a hit and Enter puts its translation into the cell that had the focus (at the cursor).
 */
export function ConcordanceDialog(props: {
  initialPhrase: string;
  initialLang: TargetLang;
  /** Put a translation into the cell that had the focus (the dialog is closed by then). */
  onInsert(text: string, lang: TargetLang): void;
  onClose(): void;
}) {
  const { t } = useTranslation(['tm', 'common']);
  const message = useMessage();
  const listId = useId();
  const [phrase, setPhrase] = useState(props.initialPhrase);
  const [lang, setLang] = useState(props.initialLang);
  const { found, error, active, setActive } = useConcordance(phrase, lang);

  // An emptied box shows the hint again, not the last search's hits.
  const result = phrase.trim() ? found : null;
  const hits = result?.hits ?? [];
  const insert = (i: number) => {
    const hit = hits[i];
    if (hit) props.onInsert(hit.target, hit.lang);
  };
  const onKey = (e: React.KeyboardEvent) => {
    const action = concordanceKey(e.key, active, hits.length);
    if (action === null) return;
    e.preventDefault();
    if (action === 'insert') insert(active);
    else setActive(action.pick);
  };
  const status = useConcordanceStatus(result);

  return (
    <Dialog
      title={t('tm:concordance.title')}
      onClose={props.onClose}
      wide
      testId="concordance-dialog"
      footer={
        <>
          <span className="muted" role="status" data-testid="concordance-status">
            {status}
          </span>
          <span className="spacer" />
          <button type="button" onClick={props.onClose}>
            {t('common:actions.close')}
          </button>
          <button type="button" className="primary" disabled={!hits.length} onClick={() => insert(active)}>
            {t('tm:concordance.insert')}
          </button>
        </>
      }
    >
      <div className="concordance-fields">
        <label className="field grow">
          <span>{t('tm:concordance.phrase')}</span>
          <input
            type="search"
            data-autofocus
            value={phrase}
            maxLength={200}
            role="combobox"
            aria-expanded={hits.length > 0}
            aria-controls={listId}
            aria-activedescendant={hits.length ? `${listId}-${active}` : undefined}
            onChange={(e) => setPhrase(e.target.value)}
            onKeyDown={onKey}
          />
        </label>
        <LangField lang={lang} onChange={setLang} />
      </div>
      {error && (
        <p className="cell-error" role="alert">
          {message(error)}
        </p>
      )}
      <ConcordanceHits listId={listId} result={result} active={active} onPick={setActive} onInsert={insert} />
    </Dialog>
  );
}
