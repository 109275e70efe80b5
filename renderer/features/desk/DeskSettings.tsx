import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, DeskConnection } from '../../../electron/contract';
import { api, toApiError } from '../../api';
import { useMessage } from '../../i18n/messages';

/**
 * Settings › Desk: work on a team desk instead of this computer's own data (address, user name, password), or go
 * back. Signing in is tried before anything changes, so a wrong address or password leaves the app as it was.
 * `onSwitched` restarts the app on the new data (the caller saves pending typing first).
 */
export function DeskSettings(props: { link: DeskConnection | null; onSwitched(): void }) {
  const { t } = useTranslation('desk');
  const message = useMessage();
  const [address, setAddress] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { address: useId(), name: useId(), password: useId(), error: useId() };
  const link = props.link;
  if (!link?.canConnect) return null;

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      props.onSwitched();
    } catch (e) {
      setPassword('');
      setError(toApiError(e));
      setBusy(false);
    }
  };

  if (link.address)
    return (
      <fieldset className="field-set" data-testid="desk-settings">
        <legend>{t('settings.legend')}</legend>
        <p className="field-hint" data-testid="desk-settings-state">
          {link.user
            ? t('settings.connectedAs', {
                address: link.address,
                name: link.user.name,
                role: t(`roles.${link.user.role}`),
              })
            : t('settings.connected', { address: link.address })}{' '}
          {link.state !== 'local' && t(`settings.state_${link.state}`)}
        </p>
        <button type="button" disabled={busy} onClick={() => void run(() => api.deskDisconnect())}>
          {t('settings.disconnect')}
        </button>
        <span className="field-hint">{t('settings.disconnectHint')}</span>
      </fieldset>
    );

  return (
    <fieldset className="field-set" data-testid="desk-settings">
      <legend>{t('settings.legend')}</legend>
      <p className="field-hint">{t('settings.intro')}</p>
      <Field id={ids.address} label={t('settings.address')}>
        <input
          id={ids.address}
          type="url"
          inputMode="url"
          placeholder="https://desk.example.org"
          value={address}
          onChange={(e) => setAddress(e.target.value)}
        />
      </Field>
      <Field id={ids.name} label={t('login.name')}>
        <input
          id={ids.name}
          type="text"
          autoComplete="username"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      <Field id={ids.password} label={t('login.password')}>
        <input
          id={ids.password}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-describedby={error ? ids.error : undefined}
        />
      </Field>
      {error && (
        <p id={ids.error} className="field-error" role="alert" data-testid="desk-settings-error">
          {message(error)}
        </p>
      )}
      <button
        type="button"
        disabled={busy || !address.trim() || !name.trim() || !password}
        onClick={() => void run(() => api.deskConnect({ address, name, password }))}
      >
        {busy ? t('login.busy') : t('settings.connect')}
      </button>
    </fieldset>
  );
}

/** A labelled field of the settings form. */
function Field(props: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={props.id}>
        {props.label}
      </label>
      {props.children}
    </div>
  );
}
