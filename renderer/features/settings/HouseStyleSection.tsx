import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEEPL_STYLE_SUPPORT,
  MAX_CUSTOM_INSTRUCTIONS,
  MAX_INSTRUCTION_LENGTH,
  TARGET_LANGS,
  type HouseStyle,
  type HouseStyleView,
  type TargetLang,
} from '../../../electron/contract';
import { api } from '../../api';
import { useApi, valueOf } from '../../api/use-api';
import { Field } from '../../components/Field';
import { useCan } from '../desk/desk-session';
import { useSaveTogether } from './save-together';

/** A language's house style as typed: the instructions one per line. */
interface Draft {
  styleId: string;
  instructions: string;
  translationMemoryId: string;
}
type Drafts = Record<TargetLang, Draft>;

const toDrafts = (s: HouseStyle): Drafts =>
  Object.fromEntries(
    TARGET_LANGS.map((l) => [
      l,
      {
        styleId: s[l].styleId,
        instructions: s[l].customInstructions.join('\n'),
        translationMemoryId: s[l].translationMemoryId,
      },
    ]),
  ) as Drafts;

const toStyle = (d: Drafts): HouseStyle =>
  Object.fromEntries(
    TARGET_LANGS.map((l) => [
      l,
      {
        styleId: d[l].styleId,
        customInstructions: d[l].instructions.split('\n').filter((i) => i.trim()),
        translationMemoryId: d[l].translationMemoryId,
      },
    ]),
  ) as HouseStyle;

/** One language's fields; a part DeepL does not support for the language is shown off, with a plain statement. */
function LangStyle(props: { lang: TargetLang; draft: Draft; disabled: boolean; set(d: Draft): void }) {
  const { t } = useTranslation(['settings', 'common']);
  const { lang, draft } = props;
  const support = DEEPL_STYLE_SUPPORT[lang];
  const lines = draft.instructions.split('\n').filter((i) => i.trim()).length;
  return (
    <fieldset className="field-set" data-testid={`house-style-${lang}`}>
      <legend>{t(`common:lang.${lang}`)}</legend>
      {!support.styleRule && (
        <p className="hint" data-testid={`house-style-unsupported-${lang}`}>
          {t('settings:houseStyle.notSupported', { lang })}
        </p>
      )}
      <Field label={t('settings:houseStyle.styleId')} hint={t('settings:houseStyle.styleIdHint')}>
        {(c) => (
          <input
            {...c}
            value={draft.styleId}
            disabled={props.disabled || !support.styleRule}
            onChange={(e) => props.set({ ...draft, styleId: e.target.value })}
          />
        )}
      </Field>
      <Field
        label={t('settings:houseStyle.instructions')}
        hint={t('settings:houseStyle.instructionsHint', {
          n: lines,
          max: MAX_CUSTOM_INSTRUCTIONS,
          chars: MAX_INSTRUCTION_LENGTH,
        })}
      >
        {(c) => (
          <textarea
            {...c}
            rows={3}
            value={draft.instructions}
            disabled={props.disabled || !support.customInstructions}
            onChange={(e) => props.set({ ...draft, instructions: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('settings:houseStyle.memoryId')} hint={t('settings:houseStyle.memoryIdHint')}>
        {(c) => (
          <input
            {...c}
            value={draft.translationMemoryId}
            disabled={props.disabled || !support.translationMemory}
            onChange={(e) => props.set({ ...draft, translationMemoryId: e.target.value })}
          />
        )}
      </Field>
    </fieldset>
  );
}

/**
 * Settings › House style: per target language, the DeepL style rule list, custom instructions and DeepL
 * translation memory sent with every machine translation. The desk's while the app works on one (an editor
 * changes it), else this computer's. Stored by the dialog's Save when changed, and shown only as stored.
 */
export function HouseStyleSection(props: { onError(e: unknown): void }) {
  const { t } = useTranslation('settings');
  const may = useCan()('setHouseStyle');
  const onError = useRef(props.onError);
  useEffect(() => {
    onError.current = props.onError;
  });
  // Read once when Settings opens: a new error callback on a re-render must not reset what is being typed.
  const read = useApi(() => api.getHouseStyle(), [], props.onError);
  // The style as last stored by Save, else as read; what is typed, else that style.
  const [saved, setSaved] = useState<HouseStyleView | null>(null);
  const view = saved ?? valueOf(read) ?? null;
  const [typed, setDrafts] = useState<Drafts | null>(null);
  const drafts = typed ?? (view ? toDrafts(view.style) : null);

  // Stored by the Settings dialog's Save, only when changed; a refusal keeps the dialog and what was typed.
  const changed = !!drafts && !!view && JSON.stringify(toStyle(drafts)) !== JSON.stringify(view.style);
  useSaveTogether(
    may && changed
      ? () =>
          api.setHouseStyle(toStyle(drafts)).then(
            (v) => {
              setSaved(v);
              setDrafts(null);
              return true;
            },
            (e: unknown) => {
              onError.current(e);
              return false;
            },
          )
      : null,
  );

  return (
    <fieldset className="field-set" data-testid="house-style">
      <legend>{t('houseStyle.title')}</legend>
      <p className="hint">{t('houseStyle.hint')}</p>
      {drafts &&
        TARGET_LANGS.map((lang) => (
          <LangStyle
            key={lang}
            lang={lang}
            draft={drafts[lang]}
            disabled={!may}
            set={(d) => setDrafts({ ...drafts, [lang]: d })}
          />
        ))}
      {!may && <p className="hint">{t('houseStyle.editorsOnly')}</p>}
      {view?.updatedAt && (
        <p className="hint">
          {t('houseStyle.updated', { by: view.updatedBy, at: view.updatedAt.slice(0, 10) })}
        </p>
      )}
    </fieldset>
  );
}
