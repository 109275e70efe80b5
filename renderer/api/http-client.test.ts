import { afterEach, describe, expect, it, vi } from 'vitest';
import { API_ERROR_PREFIX } from '../../electron/contract';
import { createHttpApi } from './http-client';

// The browser mode's transport: the session rides in the HttpOnly cookie, never in page-readable state.
describe('HTTP transport', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends our request header with the cookie and no token', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ value: { mode: 'browser' } })));
    vi.stubGlobal('fetch', fetchMock);
    await expect(createHttpApi().getAppInfo()).resolves.toEqual({ mode: 'browser' });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/app:info');
    expect(init.credentials).toBe('same-origin');
    expect(init.headers).toEqual({ 'Content-Type': 'application/json', 'X-Review-Request': '1' });
  });

  it('turns a 401 (host restarted, session gone) into api.sessionExpired', async () => {
    vi.stubGlobal(
      'fetch',
      async () => new Response('{"error":{"code":"api.sessionExpired"}}', { status: 401 }),
    );
    await expect(createHttpApi().listProjects()).rejects.toThrow(
      API_ERROR_PREFIX + JSON.stringify({ code: 'api.sessionExpired' }),
    );
  });

  it("passes a desk's 401 code on, so the page shows the desk's sign-in screen", async () => {
    vi.stubGlobal(
      'fetch',
      async () => new Response('{"error":{"code":"desk.notSignedIn"}}', { status: 401 }),
    );
    await expect(createHttpApi().listProjects()).rejects.toThrow(
      API_ERROR_PREFIX + JSON.stringify({ code: 'desk.notSignedIn' }),
    );
  });
});
