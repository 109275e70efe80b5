import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../electron/contract';
import { toApiError } from '../../api';
import { signIn } from '../../api/desk-auth';
import { useMessage } from '../../i18n/messages';

/**
 * The team desk's sign-in page, shown when the desk server answers "not signed in". On success the page reloads,
 * so the app starts exactly as it does for a single user, with the session cookie now in place.
 */
export function LoginScreen(props: { onSignedIn: () => void }) {
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
      await signIn(name, password);
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
        <p className="desk-login-intro">{t('login.intro')}</p>
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
      </form>
    </main>
  );
}
