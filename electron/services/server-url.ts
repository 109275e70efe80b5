import { AppError } from './errors';

/** True for addresses that never leave this computer (where plain http cannot be read by anyone else). */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h);
}

/**
 * Check and normalise a DeepL-compatible server address from Settings. Only `https://` is accepted, except for
 * loopback addresses (a local proxy or test server): over plain http anyone on the network path would read the
 * key. User names and passwords in the address are refused (they would end up in logs). Empty means DeepL itself.
 */
export function normaliseServerUrl(url: string | null): string | null {
  if (url === null || url.trim() === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new AppError('settings.badServerUrl');
  }
  const secure =
    parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname));
  if (!secure || parsed.username || parsed.password) throw new AppError('settings.badServerUrl');
  return parsed.toString().replace(/\/$/, '');
}

/** How a server is named to the person asked to confirm sending the key there (null: DeepL itself). */
export function describeServer(url: string | null): string {
  return url ?? 'api.deepl.com';
}
