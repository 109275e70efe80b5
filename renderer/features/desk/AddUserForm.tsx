import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, DeskRole, DeskUser } from '../../../electron/contract';
import { api, toApiError } from '../../api';
import { DESK_ROLES } from './users-model';

/** Admin: the form that adds an account; on a refusal the form keeps what was typed. */
export function AddUserForm(props: { onCreated(user: DeskUser): void; onRefused(error: ApiError): void }) {
  const { t } = useTranslation('desk');
  const [name, setName] = useState('');
  const [role, setRole] = useState<DeskRole>('reviewer');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const ids = { name: useId(), role: useId(), password: useId(), hint: useId() };

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const user = await api.deskCreateUser({ name: name.trim(), role, password });
      setName('');
      setPassword('');
      props.onCreated(user);
    } catch (err) {
      props.onRefused(toApiError(err)); // the form keeps what was typed
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="desk-add-user" onSubmit={(e) => void create(e)}>
      <h3>{t('users.add')}</h3>
      <div className="desk-add-fields">
        <label htmlFor={ids.name}>{t('users.name')}</label>
        <input id={ids.name} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        <label htmlFor={ids.role}>{t('users.role')}</label>
        <select id={ids.role} value={role} onChange={(e) => setRole(e.target.value as DeskRole)}>
          {DESK_ROLES.map((r) => (
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
  );
}
