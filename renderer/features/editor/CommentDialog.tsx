import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Segment, TargetLang } from '../../../electron/contract';
import { Dialog } from '../../components/Dialog';

/** Write, change or remove the reviewer's comment on one cell. Closes only once the comment is stored. */
export function CommentDialog(props: {
  segment: Segment;
  lang: TargetLang;
  row: number;
  onSave(comment: string): Promise<boolean>;
  onClose(): void;
}) {
  const { t } = useTranslation(['editor', 'common']);
  const [text, setText] = useState(props.segment.targets[props.lang].comment ?? '');
  const [busy, setBusy] = useState(false);
  const hint = useId();
  const save = async () => {
    setBusy(true);
    const ok = await props.onSave(text);
    setBusy(false);
    if (ok) props.onClose();
  };
  return (
    <Dialog
      title={t('editor:comment.title', { lang: t(`common:lang.${props.lang}`), row: props.row })}
      onClose={props.onClose}
      draft={text !== (props.segment.targets[props.lang].comment ?? '')}
      testId="comment-dialog"
      footer={
        <>
          <button type="button" onClick={props.onClose}>
            {t('common:actions.cancel')}
          </button>
          <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
            {t('common:actions.save')}
          </button>
        </>
      }
    >
      <label className="field">
        <span>{t('editor:comment.label')}</span>
        <textarea
          data-autofocus
          rows={4}
          value={text}
          aria-describedby={hint}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void save();
            }
          }}
        />
      </label>
      <p id={hint} className="muted">
        {t('editor:comment.hint')}
      </p>
    </Dialog>
  );
}
