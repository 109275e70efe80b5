import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, StorageStatus } from '../../../electron/contract';
import { api, toApiError } from '../../api';
import { useMessage } from '../../i18n/messages';

/**
 * The start-up screen when the data folder's database could not be opened (read-only or full disk, locked,
 * corrupt, written by a newer version). Says why in the UI language and offers the backups; restoring keeps the
 * current file aside (never deletes it) and reopens the app.
 */
export function StorageRecovery(props: { status: StorageStatus; onRestored: () => void }) {
  const { t, i18n } = useTranslation('storage');
  const message = useMessage();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const when = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  const size = (bytes: number) =>
    new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(bytes / 1024);

  async function restore(b: BackupInfo) {
    setBusy(b.name);
    setError(null);
    try {
      const next = await api.restoreBackup(b.name);
      if (next.ok) props.onRestored();
      else if (next.error) setError(message(next.error));
    } catch (e) {
      setError(message(toApiError(e)));
    } finally {
      setBusy(null);
      setConfirming(null);
    }
  }

  return (
    <main className="start-failed storage-recovery" role="alert" aria-labelledby="storage-title">
      <h1 id="storage-title">{t('recovery.title')}</h1>
      <p data-testid="storage-error">{props.status.error ? message(props.status.error) : ''}</p>
      <p>{t('recovery.untouched')}</p>
      {props.status.backups.length === 0 ? (
        <p data-testid="no-backups">{t('recovery.none')}</p>
      ) : (
        <>
          <h2>{t('recovery.backups')}</h2>
          <ul className="backup-list">
            {props.status.backups.map((b) => (
              <li key={b.name}>
                <span>
                  {when(b.at)} · {t(`reason.${b.reason}`)} · {t('recovery.size', { kb: size(b.bytes) })}
                </span>
                <button type="button" disabled={busy !== null} onClick={() => setConfirming(b)}>
                  {t('recovery.restore')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {confirming && (
        <div className="confirm-restore" role="group" aria-label={t('recovery.confirmTitle')}>
          <p>{t('recovery.confirm', { when: when(confirming.at) })}</p>
          <button type="button" disabled={busy !== null} onClick={() => void restore(confirming)}>
            {busy ? t('recovery.restoring') : t('recovery.restoreNow')}
          </button>
          <button type="button" disabled={busy !== null} onClick={() => setConfirming(null)}>
            {t('recovery.cancel')}
          </button>
        </div>
      )}
      {error && <p className="error-text">{error}</p>}
    </main>
  );
}
