import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Segment } from '../../../electron/contract';
import { signOut } from '../../api/desk-auth';
import { AccessDialog } from './AccessDialog';
import { refreshDeskAccess, useDeskAccessTracking } from './desk-access';
import { useDeskMe } from './desk-session';
import { usePresence } from './use-presence';
import { UsersDialog } from './UsersDialog';

/**
 * The team desk's strip under the header: who is signed in, who else is on this article and where,
 * Assignments… for editors, Users… for admins, Sign out. Renders nothing in the single-user app (no desk account).
 */
export function DeskBar(props: {
  projectId: string | null;
  segments: readonly Segment[];
  /** How to sign out when not the desk page's own cookie (the desktop app working on a desk). */
  signOut?: () => Promise<unknown>;
}) {
  const { t } = useTranslation('desk');
  const { me } = useDeskMe();
  const [open, setOpen] = useState<'users' | 'access' | null>(null);
  const others = usePresence(me ? props.projectId : null, me?.id ?? null);
  useDeskAccessTracking(me ? props.projectId : null);
  if (!me) return null;

  const rowOf = (segmentId: string | null) =>
    segmentId ? props.segments.findIndex((s) => s.id === segmentId) + 1 : 0;
  return (
    <nav className="desk-bar" aria-label={t('bar.label')} data-testid="desk-bar">
      <span>{t('bar.signedInAs', { name: me.name, role: t(`roles.${me.role}`) })}</span>
      {others.length > 0 && (
        <span className="desk-presence" data-testid="desk-presence">
          {t('bar.here')}{' '}
          {others.map((p) => {
            const row = rowOf(p.segmentId);
            return (
              <span key={p.userId} className="desk-person">
                {row > 0 && p.lang
                  ? t('bar.onRow', { name: p.userName, row, lang: p.lang.toUpperCase() })
                  : t('bar.onProject', { name: p.userName })}
              </span>
            );
          })}
        </span>
      )}
      <span className="desk-bar-actions">
        {me.role !== 'reviewer' && props.projectId && (
          <button className="small" onClick={() => setOpen('access')}>
            {t('access.open')}
          </button>
        )}
        {me.role === 'admin' && (
          <button className="small" onClick={() => setOpen('users')}>
            {t('bar.users')}
          </button>
        )}
        <button
          className="small"
          onClick={() => void (props.signOut ?? signOut)().finally(() => window.location.reload())}
        >
          {t('bar.signOut')}
        </button>
      </span>
      {open === 'users' && <UsersDialog me={me} onClose={() => setOpen(null)} />}
      {open === 'access' && props.projectId && (
        <AccessDialog
          projectId={props.projectId}
          onClose={() => {
            setOpen(null);
            refreshDeskAccess();
          }}
        />
      )}
    </nav>
  );
}
