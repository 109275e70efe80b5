import { API_ERROR_PREFIX } from '../../electron/contract';

// Signing in and out are not API methods: they set and clear the session cookie, which only the desk server's
// own routes may do. Errors carry an ApiError like every API call, so the UI shows them through toApiError.

async function post(path: string, body: unknown): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new Error(API_ERROR_PREFIX + JSON.stringify({ code: 'api.hostUnreachable' }));
  }
  if (response.ok) return;
  const reply = (await response.json().catch(() => ({}))) as { error?: unknown };
  throw new Error(API_ERROR_PREFIX + JSON.stringify(reply.error ?? { code: 'api.hostUnreachable' }));
}

/** Sign in to the team desk; the session cookie is set by the server (HttpOnly: scripts never see it). */
export function signIn(name: string, password: string): Promise<void> {
  return post('/auth/login', { name, password });
}

/** End the session on the server and drop its cookie. */
export function signOut(): Promise<void> {
  return post('/auth/logout', {});
}
