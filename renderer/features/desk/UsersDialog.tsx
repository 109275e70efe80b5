import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, DeskRole, DeskUser } from '../../../electron/contract';
import { api, toApiError } from '../../api';
import { useApi, valueOf } from '../../api/use-api';
import { Dialog } from '../../components/Dialog';
import { useMessage } from '../../i18n/messages';
import { AddUserForm } from './AddUserForm';
import { UsersTable } from './UsersTable';

/** Admin: the desk's accounts, their roles, enable/disable, and a form to add one. */
export function UsersDialog(props: { me: DeskUser; onClose(): void }) {
  const { t } = useTranslation('desk');
  const message = useMessage();
  const [status, setStatus] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const failed = (error: ApiError) => setStatus({ kind: 'error', text: message(error) });
  // Read again after each change made here; the shown list stays meanwhile.
  const [version, setVersion] = useState(0);
  const listed = useApi(() => api.deskListUsers(), [version], failed, { keep: true });
  const users = valueOf(listed) ?? [];
  const changed = () => setVersion((v) => v + 1);

  const update = async (user: DeskUser, patch: { role?: DeskRole; disabled?: boolean }) => {
    try {
      await api.deskUpdateUser({ userId: user.id, ...patch });
      setStatus({ kind: 'info', text: t('users.updated', { name: user.name }) });
      changed();
    } catch (e) {
      failed(toApiError(e));
    }
  };

  const created = (user: DeskUser) => {
    setStatus({ kind: 'info', text: t('users.created', { name: user.name, role: t(`roles.${user.role}`) }) });
    changed();
  };

  return (
    <Dialog
      title={t('users.title')}
      onClose={props.onClose}
      wide
      testId="desk-users"
      footer={<button onClick={props.onClose}>{t('users.close')}</button>}
    >
      <UsersTable users={users} me={props.me} onUpdate={(u, patch) => void update(u, patch)} />
      <AddUserForm onCreated={created} onRefused={failed} />
      {status && (
        <p className={status.kind === 'error' ? 'desk-status error' : 'desk-status'} role="status">
          {status.text}
        </p>
      )}
    </Dialog>
  );
}
