import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../electron/contract';
import { toApiError } from '../../api';
import { signIn } from '../../api/desk-auth';
import { useMessage } from '../../i18n/messages';

/**
 * The team desk's sign-in page, shown when the desk server answers "not signed in". On success the page reloads,
 * so the app starts exactly as it does for a single user, with the session cookie now in place. The desktop app
 * working on a desk shows it too (`client`): it signs in through the app, names the desk, and offers to work on
 * this computer instead.
 */
export function LoginScreen(props: {
  onSignedIn: () => void;
  client?: {
    address: string;
    kept: number;
    signIn(name: string, password: string): Promise<void>;
    workLocally(): void;
  };
}) {
  const { t } = useTranslation('desk');
  const message = useMessage();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { name: useId(), password: useId(), error: useId() };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await (props.client ? props.client.signIn(name, password) : signIn(name, password));
      props.onSignedIn();
    } catch (err) {
      // The name stays; only the password is cleared, so a typo costs one field.
      setPassword('');
      setError(toApiError(err));
      setBusy(false);
    }
  };

  return (
    <main className="desk-login">
      <form className="desk-login-card" onSubmit={(e) => void submit(e)} data-testid="desk-login" noValidate>
        <h1>{t('login.title')}</h1>
        <p className="desk-login-intro">
          {props.client ? t('login.clientIntro', { address: props.client.address }) : t('login.intro')}
        </p>
        {props.client && props.client.kept > 0 && (
          <p className="desk-login-kept" role="status" data-testid="desk-login-kept">
            {t('login.kept', { count: props.client.kept })}
          </p>
        )}
        <label htmlFor={ids.name}>{t('login.name')}</label>
        <input
          id={ids.name}
          name="username"
          autoComplete="username"
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoFocus
          required
        />
        <label htmlFor={ids.password}>{t('login.password')}</label>
        <input
          id={ids.password}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-describedby={error ? ids.error : undefined}
          required
        />
        {error && (
          <p id={ids.error} className="desk-login-error" role="alert">
            {message(error)}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || !name.trim() || !password}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
        {props.client && (
          <button type="button" className="link-button" onClick={props.client.workLocally}>
            {t('login.workLocally')}
          </button>
        )}
      </form>
    </main>
  );
}
