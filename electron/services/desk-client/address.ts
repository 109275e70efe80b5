import { AppError } from '../errors';
import { isLoopbackHost } from '../server-url';

/**
 * Check and normalise a desk address typed in Settings › Desk: `https://` (the password and the session travel
 * over it), or plain `http://` only to this computer (a desk started locally, or a tunnel). No user name, password,
 * path, query or fragment: the address names a desk, and anything else would end up in logs. Returns the origin.
 */
export function normaliseDeskAddress(address: string): string {
  let url: URL;
  try {
    url = new URL(
      /^[a-z][a-z0-9+.-]*:\/\//i.test(address.trim()) ? address.trim() : `https://${address.trim()}`,
    );
  } catch {
    throw new AppError('deskClient.badAddress');
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  if (!secure) throw new AppError('deskClient.insecureAddress');
  if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash)
    throw new AppError('deskClient.badAddress');
  return url.origin;
}
