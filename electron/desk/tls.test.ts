import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPgTestCluster, type PgTestCluster } from '../../test/support/pg-cluster';
import { openPostgres } from '../services/db/postgres';
import { DeskDirectory } from '../services/desk/directory';
import { DeskLink } from '../services/desk-client/link';
import { isAppError } from '../services/errors';
import { startDeskServer, type DeskServer } from './server';
import { ALL_MIGRATIONS } from '../core/migrations';

// Built-in TLS: the desk answers over HTTPS and its session cookie is Secure and __Host- prefixed.
describe('desk server over TLS', () => {
  let cluster: PgTestCluster;
  let work: string;
  let desk: DeskServer;
  beforeAll(async () => {
    cluster = await startPgTestCluster();
    const url = await cluster.createDatabase('tls');
    work = await mkdtemp(join(tmpdir(), 'desk-tls-'));
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=127.0.0.1', '-keyout', join(work, 'key.pem'), '-out', join(work, 'cert.pem'),
    ], { stdio: 'ignore' }); // prettier-ignore
    await mkdir(join(work, 'renderer'));
    await writeFile(join(work, 'renderer', 'index.html'), '<html><head></head></html>');
    const db = await openPostgres(url, ALL_MIGRATIONS, { poolSize: 1 });
    await new DeskDirectory(db).createUser({ name: 'hoa', role: 'admin', password: 'admin-password' });
    await db.close();
    desk = await startDeskServer({
      databaseUrl: url,
      listen: '127.0.0.1:0',
      tls: { certFile: join(work, 'cert.pem'), keyFile: join(work, 'key.pem') },
      dataDir: join(work, 'data'),
      rendererDir: join(work, 'renderer'),
      env: {},
    });
  }, 60_000);
  afterAll(async () => {
    await desk?.close();
    await cluster?.stop();
    await rm(work, { recursive: true, force: true });
  });

  it('signs in over HTTPS with a Secure __Host- cookie', async () => {
    expect(desk.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
    const { status, cookie } = await new Promise<{ status: number; cookie: string }>((ok, fail) => {
      const req = request(
        new URL('/auth/login', desk.url),
        { method: 'POST', headers: { 'Content-Type': 'application/json' }, rejectUnauthorized: false },
        (res) => {
          res.resume();
          ok({ status: res.statusCode ?? 0, cookie: String(res.headers['set-cookie']?.[0] ?? '') });
        },
      );
      req.on('error', fail);
      req.end(JSON.stringify({ name: 'hoa', password: 'admin-password' }));
    });
    expect(status).toBe(200);
    expect(cookie).toMatch(
      /^__Host-desk_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+; Secure$/,
    );
  });

  it("is refused by the app's desk client while its certificate is not trusted here", async () => {
    const link = new DeskLink(new URL(desk.url).origin);
    const error = await link.signIn('hoa', 'admin-password').catch((e: unknown) => e);
    // Self-signed: the app says so (retrying would not help) and sends nothing.
    expect(isAppError(error, 'deskClient.untrusted')).toBe(true);
    expect(link.signedIn).toBe(false);
  });

  it('refuses to listen beyond loopback without the public origin', async () => {
    await expect(
      startDeskServer({
        databaseUrl: 'postgres://x@127.0.0.1:1/x',
        listen: '0.0.0.0:0',
        dataDir: work,
        rendererDir: work,
      }),
    ).rejects.toThrow(/--origin/);
  });
});
