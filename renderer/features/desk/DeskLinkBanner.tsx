import { useTranslation } from 'react-i18next';
import type { DeskConnection } from '../../../electron/contract';

/**
 * Says when the desk this app works on cannot take changes: unreachable (typing is kept on this computer and sent
 * when it is back) or signed out (sign in again; kept typing waits). Nothing while all is well or without a desk.
 */
export function DeskLinkBanner(props: { link: DeskConnection | null; onSignIn(): void }) {
  const { t } = useTranslation('desk');
  const link = props.link;
  if (!link?.address || link.state === 'online' || link.state === 'local') return null;
  return (
    <div className="desk-link-banner" role="status" data-testid="desk-link-banner" data-state={link.state}>
      {link.state === 'unreachable' ? (
        <span>{t('link.unreachable', { address: link.address, count: link.kept })}</span>
      ) : (
        <>
          <span>{t('link.signedOut', { address: link.address, count: link.kept })}</span>{' '}
          <button className="small" onClick={props.onSignIn}>
            {t('link.signIn')}
          </button>
        </>
      )}
    </div>
  );
}
