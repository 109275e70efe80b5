import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Asked once at first start (not a modal: the article is already usable): the name that goes on approvals,
 * comments and exports instead of "unknown". Settings can change it later.
 */
export function ReviewerPrompt(props: { onSave(name: string): Promise<boolean>; onLater(): void }) {
  const { t } = useTranslation('editor');
  const [name, setName] = useState('');
  return (
    <form
      className="reviewer-prompt banner"
      data-testid="reviewer-prompt"
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) void props.onSave(name.trim());
      }}
    >
      <span>{t('reviewer.prompt')}</span>
      <input
        aria-label={t('reviewer.label')}
        placeholder={t('reviewer.label')}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit" className="primary" disabled={!name.trim()}>
        {t('reviewer.save')}
      </button>
      <button type="button" onClick={props.onLater}>
        {t('reviewer.later')}
      </button>
    </form>
  );
}
