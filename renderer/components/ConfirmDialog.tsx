import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';

interface Question {
  title: string;
  message: string;
  confirm: string;
  resolve(answer: boolean): void;
}

/**
 * An in-app yes/no question (one paragraph per line of `message`) (never `window.confirm`, which blocks the page and cannot be styled or translated
 * consistently). Returns the asking function and the element to render.
 */
export function useConfirm(): [(q: Omit<Question, 'resolve'>) => Promise<boolean>, ReactNode] {
  const { t } = useTranslation();
  const [question, setQuestion] = useState<Question | null>(null);
  const ask = useCallback(
    (q: Omit<Question, 'resolve'>) => new Promise<boolean>((resolve) => setQuestion({ ...q, resolve })),
    [],
  );
  const answer = (value: boolean) => {
    question?.resolve(value);
    setQuestion(null);
  };
  const element = question && (
    <Dialog
      title={question.title}
      alert
      testId="confirm-dialog"
      onClose={() => answer(false)}
      footer={
        <>
          {/* The safe choice has the focus: Enter never confirms; confirming takes Tab or a click. */}
          <button type="button" data-autofocus data-testid="confirm-cancel" onClick={() => answer(false)}>
            {t('actions.cancel')}
          </button>
          <button type="button" className="primary" data-testid="confirm-ok" onClick={() => answer(true)}>
            {question.confirm}
          </button>
        </>
      }
    >
      {question.message.split('\n').map((line, i) => (
        <p key={i}>{line}</p>
      ))}
    </Dialog>
  );
  return [ask, element];
}
