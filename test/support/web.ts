import type { WebHost } from '../../electron/web';

/** What a signed-in test client sends with every API call: the session cookie and our request header. */
export interface SignedIn {
  headers: Record<string, string>;
  /** POST a channel with the session; `headers` override (e.g. a foreign Origin). */
  call(channel: string, args: unknown[], headers?: Record<string, string>): Promise<Response>;
}

/**
 * Sign a test client in the way a browser does: open a one-time link from `host.url`, keep the cookie the host
 * sets. For unit tests of the loopback host (and of anything behind it) without a browser.
 */
export async function signIn(host: WebHost): Promise<SignedIn> {
  const res = await fetch(host.url, { redirect: 'manual' });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (res.status !== 303 || !cookie) throw new Error(`sign-in failed: ${res.status}`);
  const headers = { Cookie: cookie, 'X-Review-Request': '1', 'Content-Type': 'application/json' };
  return {
    headers,
    call: (channel, args, extra = {}) =>
      fetch(new URL(`/api/${channel}`, host.origin), {
        method: 'POST',
        headers: { ...headers, ...extra },
        body: JSON.stringify(args),
      }),
  };
}
