import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, DeskConnection } from '../../../electron/contract';
import { api, toApiError } from '../../api';
import { Field } from '../../components/Field';
import { useMessage } from '../../i18n/messages';

/**
 * Settings › Desk: work on a team desk instead of this computer's own data (address, user name, password), or go
 * back. Signing in is tried before anything changes, so a wrong address or password leaves the app as it was.
 * `onSwitched` restarts the app on the new data (the caller saves pending typing first).
 */
export function DeskSettings(props: { link: DeskConnection | null; onSwitched(): void }) {
  const link = props.link;
  if (!link?.canConnect) return null;
  return link.address ? (
    <DeskConnected link={link} address={link.address} onSwitched={props.onSwitched} />
  ) : (
    <DeskConnect onSwitched={props.onSwitched} />
  );
}

/**
 * A switch of desk (or back to this computer): while it runs the buttons wait; once done the app restarts; a
 * failure is shown and leaves everything as it was.
 */
function useSwitch(onSwitched: () => void, onFailed?: () => void) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      onSwitched();
    } catch (e) {
      onFailed?.();
      setError(toApiError(e));
      setBusy(false);
    }
  };
  return { error, busy, run };
}

/** Working on a desk: which one, as whom, and the way back to this computer's data. */
function DeskConnected(props: { link: DeskConnection; address: string; onSwitched(): void }) {
  const { t } = useTranslation('desk');
  const message = useMessage();
  const { link, address } = props;
  // A failed disconnect says why here, as a failed sign-in does in the form below.
  const { error, busy, run } = useSwitch(props.onSwitched);
  return (
    <fieldset className="field-set" data-testid="desk-settings">
      <legend>{t('settings.legend')}</legend>
      <p className="field-hint" data-testid="desk-settings-state">
        {link.user
          ? t('settings.connectedAs', { address, name: link.user.name, role: t(`roles.${link.user.role}`) })
          : t('settings.connected', { address })}{' '}
        {link.state !== 'local' && t(`settings.state_${link.state}`)}
      </p>
      <button type="button" disabled={busy} onClick={() => void run(() => api.deskDisconnect())}>
        {t('settings.disconnect')}
      </button>
      <span className="field-hint">{t('settings.disconnectHint')}</span>
      {error && (
        <p className="field-error" role="alert" data-testid="desk-settings-error">
          {message(error)}
        </p>
      )}
    </fieldset>
  );
}

/** Not on a desk: its address, the user name and password; signing in switches the app to it. */
function DeskConnect(props: { onSwitched(): void }) {
  const { t } = useTranslation('desk');
  const message = useMessage();
  const [address, setAddress] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  // A failed sign-in empties the password (it is typed again), nothing else.
  const { error, busy, run } = useSwitch(props.onSwitched, () => setPassword(''));
  const errorId = useId();
  return (
    <fieldset className="field-set" data-testid="desk-settings">
      <legend>{t('settings.legend')}</legend>
      <p className="field-hint">{t('settings.intro')}</p>
      <Field label={t('settings.address')}>
        {(c) => (
          <input
            {...c}
            type="url"
            inputMode="url"
            placeholder="https://desk.example.org"
            value={address}
            onChange={(e) => setAddress(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('login.name')}>
        {(c) => (
          <input
            {...c}
            type="text"
            autoComplete="username"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('login.password')} describedBy={error ? errorId : undefined}>
        {(c) => (
          <input
            {...c}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        )}
      </Field>
      {error && (
        <p id={errorId} className="field-error" role="alert" data-testid="desk-settings-error">
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
