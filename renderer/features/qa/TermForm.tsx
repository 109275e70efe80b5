import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TermEntry, TermInput } from '../../../electron/contract';

const split = (s: string) =>
  s
    .split(';')
    .map((v) => v.trim())
    .filter(Boolean);

const EMPTY: TermInput = {
  scope: 'desk',
  ko: '',
  vi: '',
  en: '',
  note: '',
  forbiddenVi: [],
  forbiddenEn: [],
};

/** The text fields of the term form, as one string to compare. */
const typedText = (d: TermInput, forbidden: { vi: string; en: string }) =>
  JSON.stringify([d.ko, d.vi, d.en, d.note ?? '', forbidden.vi, forbidden.en]);

/** The term being typed (new, or one taken from the table to edit); forbidden variants as typed, `;`-separated. */
export function useTermDraft(projectId: string) {
  const [draft, setDraft] = useState<TermInput>(EMPTY);
  const [forbidden, setForbidden] = useState({ vi: '', en: '' });
  // The form's text as last filled (empty, or a term taken from the table): typing is what differs from it.
  const [base, setBase] = useState(() => typedText(EMPTY, forbidden));
  return {
    draft,
    forbidden,
    setDraft,
    setForbidden,
    /** The form holds typing not saved as a term. */
    typed: typedText(draft, forbidden) !== base,
    edit(term: TermEntry) {
      const next = { ...term, note: term.note ?? '' };
      const variants = { vi: term.forbiddenVi.join('; '), en: term.forbiddenEn.join('; ') };
      setDraft(next);
      setForbidden(variants);
      setBase(typedText(next, variants));
    },
    reset() {
      setDraft(EMPTY);
      setForbidden({ vi: '', en: '' });
      setBase(typedText(EMPTY, { vi: '', en: '' }));
    },
    /** What to store: a desk term belongs to no project; an article's term to this one. */
    input(): TermInput {
      const input: TermInput = {
        ...draft,
        forbiddenVi: split(forbidden.vi),
        forbiddenEn: split(forbidden.en),
        ...(draft.scope === 'project' ? { projectId } : {}),
      };
      if (draft.scope === 'desk') delete input.projectId;
      return input;
    },
  };
}

/** The form for one term: scope, Korean, Vietnamese, English, note, forbidden variants per language. */
export function TermForm(props: { term: ReturnType<typeof useTermDraft>; onSave(): void }) {
  const { t } = useTranslation(['qa', 'common']);
  const { draft, setDraft, forbidden, setForbidden } = props.term;
  const field = (key: 'ko' | 'vi' | 'en' | 'note', label: string) => (
    <label>
      {label}
      <input
        value={draft[key] ?? ''}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
        data-testid={`term-${key}`}
      />
    </label>
  );
  return (
    <form
      className="term-form"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave();
      }}
    >
      <label>
        <select
          aria-label={t('termbase.scope')}
          value={draft.scope}
          onChange={(e) => setDraft({ ...draft, scope: e.target.value as TermInput['scope'] })}
        >
          <option value="desk">{t('termbase.desk')}</option>
          <option value="project">{t('termbase.project')}</option>
        </select>
      </label>
      {field('ko', t('termbase.ko'))}
      {field('vi', t('termbase.vi'))}
      {field('en', t('termbase.en'))}
      {field('note', t('termbase.note'))}
      <label>
        {t('termbase.forbiddenVi')}
        <input value={forbidden.vi} onChange={(e) => setForbidden({ ...forbidden, vi: e.target.value })} />
      </label>
      <label>
        {t('termbase.forbiddenEn')}
        <input value={forbidden.en} onChange={(e) => setForbidden({ ...forbidden, en: e.target.value })} />
      </label>
      <span className="hint">{t('termbase.variantsHint')}</span>
      <button type="submit" className="primary">
        {draft.id ? t('termbase.save') : t('termbase.add')}
      </button>
    </form>
  );
}
