import { useTranslation } from 'react-i18next';
import type { DeskRole, DeskUser } from '../../../electron/contract';
import { DESK_ROLES } from './users-model';

/** The desk's accounts with their role and status; an admin changes another's role or disables them (not their own). */
export function UsersTable(props: {
  users: DeskUser[];
  me: DeskUser;
  onUpdate(user: DeskUser, patch: { role?: DeskRole; disabled?: boolean }): void;
}) {
  const { t } = useTranslation('desk');
  return (
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
        {props.users.map((u) => {
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
                  onChange={(e) => props.onUpdate(u, { role: e.target.value as DeskRole })}
                >
                  {DESK_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`roles.${r}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>{u.disabled ? t('users.disabled') : t('users.active')}</td>
              <td>
                {!self && (
                  <button className="small" onClick={() => props.onUpdate(u, { disabled: !u.disabled })}>
                    {u.disabled ? t('users.enable') : t('users.disable')}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
