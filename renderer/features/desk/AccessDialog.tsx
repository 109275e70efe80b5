import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TARGET_LANGS, type DeskProjectAccess, type TargetLang } from '../../../electron/contract';
import { api, toApiError } from '../../api';
import { useApi, useApiState, valueOf } from '../../api/use-api';
import { Dialog } from '../../components/Dialog';
import { useMessage } from '../../i18n/messages';

/** Editor: who reviews each language of this article, and signing a language off (locking it for export). */
export function AccessDialog(props: { projectId: string; onClose(): void }) {
  const { t } = useTranslation('desk');
  const message = useMessage();
  const [error, setError] = useState<string | null>(null);
  const fail = useCallback((e: unknown) => setError(message(toApiError(e))), [message]);
  const { projectId } = props;

  // Who reviews what and the sign-offs, replaced by each change's answer.
  const [read, setAccess] = useApiState(() => api.deskProjectAccess(projectId), [projectId], fail);
  const access = valueOf(read) ?? null;
  const users = useApi(() => api.deskListUsers(), [], fail);
  const reviewers = (valueOf(users) ?? []).filter((u) => !u.disabled);

  const run = (p: Promise<DeskProjectAccess>) => {
    setError(null);
    p.then((next) => setAccess(() => next), fail);
  };
  const assigned = (lang: TargetLang, userId: string) =>
    access?.assignments.some((a) => a.lang === lang && a.userId === userId) ?? false;

  return (
    <Dialog
      title={t('access.title')}
      onClose={props.onClose}
      wide
      testId="desk-access"
      footer={<button onClick={props.onClose}>{t('access.close')}</button>}
    >
      <table className="desk-users">
        <thead>
          <tr>
            <th scope="col">{t('access.lang')}</th>
            <th scope="col">{t('access.assigned')}</th>
            <th scope="col">{t('access.signoff')}</th>
          </tr>
        </thead>
        <tbody>
          {TARGET_LANGS.map((lang) => {
            const signed = access?.signoffs.find((s) => s.lang === lang);
            const code = lang.toUpperCase();
            return (
              <tr key={lang} data-testid={`desk-access-${lang}`}>
                <th scope="row">{code}</th>
                <td>
                  {reviewers.length === 0 && <span className="muted">{t('access.noReviewers')}</span>}
                  {reviewers.map((u) => (
                    <label key={u.id} className="inline desk-assignee">
                      <input
                        type="checkbox"
                        checked={assigned(lang, u.id)}
                        onChange={(e) =>
                          run(api.deskAssign({ projectId, lang, userId: u.id, assigned: e.target.checked }))
                        }
                      />
                      {u.name}
                    </label>
                  ))}
                </td>
                <td>
                  <span className="desk-signoff">
                    {signed ? t('access.signedBy', { by: signed.by }) : t('access.open_')}
                  </span>{' '}
                  <button
                    className="small"
                    onClick={() => run(api.deskSignOff({ projectId, lang, signed: !signed }))}
                  >
                    {signed ? t('access.reopen', { lang: code }) : t('access.signOff', { lang: code })}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {error && (
        <p className="desk-status error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
