import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, DeskRole, DeskUser } from '../../../electron/contract';
import { api, toApiError } from '../../api';
import { Dialog } from '../../components/Dialog';
import { useMessage } from '../../i18n/messages';

const ROLES: DeskRole[] = ['reviewer', 'editor', 'admin'];

/** Admin: the desk's accounts, their roles, enable/disable, and a form to add one. */
export function UsersDialog(props: { me: DeskUser; onClose(): void }) {
  const { t } = useTranslation('desk');
  const message = useMessage();
  const [users, setUsers] = useState<DeskUser[]>([]);
  const [status, setStatus] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [name, setName] = useState('');
  const [role, setRole] = useState<DeskRole>('reviewer');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const ids = { name: useId(), role: useId(), password: useId(), hint: useId() };

  const fail = useCallback(
    (e: unknown) => setStatus({ kind: 'error', text: message(toApiError(e)) }),
    [message],
  );
  const reload = useCallback(() => api.deskListUsers().then(setUsers, fail), [fail]);
  useEffect(() => void reload(), [reload]);

  const update = async (user: DeskUser, patch: { role?: DeskRole; disabled?: boolean }) => {
    try {
      await api.deskUpdateUser({ userId: user.id, ...patch });
      setStatus({ kind: 'info', text: t('users.updated', { name: user.name }) });
      await reload();
    } catch (e) {
      fail(e);
    }
  };

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const user = await api.deskCreateUser({ name: name.trim(), role, password });
      setStatus({
        kind: 'info',
        text: t('users.created', { name: user.name, role: t(`roles.${user.role}`) }),
      });
      setName('');
      setPassword('');
      await reload();
    } catch (err) {
      setStatus({ kind: 'error', text: message(toApiError(err) as ApiError) }); // the form keeps what was typed
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('users.title')}
      onClose={props.onClose}
      wide
      testId="desk-users"
      footer={<button onClick={props.onClose}>{t('users.close')}</button>}
    >
      <table className="desk-users">
        <thead>
          <tr>
            <th scope="col">{t('users.name')}</th>
            <th scope="col">{t('users.role')}</th>
            <th scope="col">{t('users.status')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {users.map((u) => {
            const self = u.id === props.me.id;
            return (
              <tr key={u.id} data-testid={`desk-user-${u.name}`}>
                <td>
                  {u.name} {self && <span className="muted">{t('users.you')}</span>}
                </td>
                <td>
                  <select
                    aria-label={`${t('users.role')}: ${u.name}`}
                    value={u.role}
                    disabled={self}
                    onChange={(e) => void update(u, { role: e.target.value as DeskRole })}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`roles.${r}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>{u.disabled ? t('users.disabled') : t('users.active')}</td>
                <td>
                  {!self && (
                    <button className="small" onClick={() => void update(u, { disabled: !u.disabled })}>
                      {u.disabled ? t('users.enable') : t('users.disable')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <form className="desk-add-user" onSubmit={(e) => void create(e)}>
        <h3>{t('users.add')}</h3>
        <div className="desk-add-fields">
          <label htmlFor={ids.name}>{t('users.name')}</label>
          <input id={ids.name} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
          <label htmlFor={ids.role}>{t('users.role')}</label>
          <select id={ids.role} value={role} onChange={(e) => setRole(e.target.value as DeskRole)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
          <label htmlFor={ids.password}>{t('users.password')}</label>
          <input
            id={ids.password}
            type="password"
            autoComplete="new-password"
            value={password}
            aria-describedby={ids.hint}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <p id={ids.hint} className="field-hint">
          {t('users.passwordHint')}
        </p>
        <button type="submit" className="primary" disabled={busy || !name.trim() || !password}>
          {t('users.create')}
        </button>
      </form>
      {status && (
        <p className={status.kind === 'error' ? 'desk-status error' : 'desk-status'} role="status">
          {status.text}
        </p>
      )}
    </Dialog>
  );
}
