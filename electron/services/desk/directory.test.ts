import { beforeAll, describe, expect, it } from 'vitest';
import { migratedPostgres } from '../../../test/support/pg-database';
import { isAppError } from '../errors';
import { DeskDirectory, SESSION_TTL_MS } from './directory';
import { hashPassword, verifyPassword } from './passwords';

describe('passwords', () => {
  it('are salted scrypt hashes that verify only the right password', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b); // fresh salt every time
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('correct horse battery', 'scrypt$1$1$1$x$y')).toBe(false);
    expect(await verifyPassword('x', 'plain')).toBe(false);
  });
});

describe('desk accounts and sessions on PostgreSQL', () => {
  const pg = migratedPostgres('people');
  let clock = new Date('2026-01-01T08:00:00Z');
  let dir: DeskDirectory;
  beforeAll(() => {
    dir = new DeskDirectory(pg.database, () => clock);
  });

  it('creates accounts with a role and refuses duplicates, bad names and short passwords', async () => {
    const lan = await dir.createUser({ name: 'lan', role: 'reviewer', password: 'mật-khẩu-dài-1' });
    expect(lan).toMatchObject({ name: 'lan', role: 'reviewer', desk: 'main', disabled: false });
    const row = await pg.database.db
      .selectFrom('desk_users')
      .selectAll()
      .where('id', '=', lan.id)
      .executeTakeFirst();
    expect(row!.password_hash).toMatch(/^scrypt\$/);
    expect(row!.password_hash).not.toContain('mật-khẩu');
    const code = async (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: unknown) => (isAppError(e) ? e.code : e),
      );
    expect(await code(dir.createUser({ name: 'lan', role: 'editor', password: '0123456789' }))).toBe(
      'desk.userExists',
    );
    expect(await code(dir.createUser({ name: 'a b', role: 'editor', password: '0123456789' }))).toBe(
      'desk.badUserName',
    );
    expect(await code(dir.createUser({ name: 'minh', role: 'editor', password: 'short' }))).toBe(
      'desk.passwordTooShort',
    );
  });

  it('signs in with the right password only; the session is stored hashed and expires', async () => {
    await dir.createUser({ name: 'minh', role: 'editor', password: 'editor-password' });
    expect(await dir.login('minh', 'wrong-password')).toBeNull();
    expect(await dir.login('nobody', 'editor-password')).toBeNull();
    const s = (await dir.login('minh', 'editor-password'))!;
    expect(s.principal).toMatchObject({ name: 'minh', role: 'editor' });
    const stored = await pg.database.db.selectFrom('desk_sessions').select('id_hash').execute();
    expect(stored.map((r) => r.id_hash)).not.toContain(s.token);
    expect((await dir.session(s.token))?.name).toBe('minh');
    expect(await dir.session(s.token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))).toBeNull();
    clock = new Date(clock.getTime() + SESSION_TTL_MS + 1);
    expect(await dir.session(s.token)).toBeNull();
    expect(await dir.pruneSessions()).toBeGreaterThanOrEqual(1);
  });

  it('ends the sessions of a disabled account, and signs out', async () => {
    const s = (await dir.login('lan', 'mật-khẩu-dài-1'))!;
    expect(await dir.session(s.token)).not.toBeNull();
    await dir.logout(s.token);
    expect(await dir.session(s.token)).toBeNull();
    const again = (await dir.login('lan', 'mật-khẩu-dài-1'))!;
    await dir.updateUser('main', again.principal.id, { disabled: true });
    expect(await dir.session(again.token)).toBeNull();
    expect(await dir.login('lan', 'mật-khẩu-dài-1')).toBeNull();
  });
});
