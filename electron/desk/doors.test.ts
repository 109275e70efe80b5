import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../services/db/postgres';
import { DeskDirectory } from '../services/desk/directory';
import { isAppError } from '../services/errors';
import { MAX_STREAMS_PER_PERSON } from './server';
import { openEvents, signIn, startTestDesk, type EventStream, type TestDesk } from '../../test/support/desk';
import { ALL_MIGRATIONS } from '../core/migrations';

/** One sign-in attempt's HTTP status. */
async function attempt(base: string, name: string, password: string): Promise<number> {
  const res = await fetch(new URL('/auth/login', base), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  await res.arrayBuffer();
  return res.status;
}

const count = (xs: number[], status: number) => xs.filter((x) => x === status).length;

// The desk's doors: look-alike names, streams per account, and sign-in attempts counted before the hash.
describe('desk doors', () => {
  let desk: TestDesk;
  beforeAll(async () => {
    desk = await startTestDesk('doors', [
      { name: 'Boss', role: 'editor', password: 'boss-password' },
      { name: 'lan', role: 'reviewer', password: 'reviewer-password' },
    ]);
  }, 60_000);
  afterAll(async () => desk?.close());

  it('refuses user names that differ from another only by case or look-alike letters', async () => {
    const db = await openPostgres(desk.url, ALL_MIGRATIONS, { poolSize: 1 });
    const directory = new DeskDirectory(db);
    try {
      for (const name of ['boss', 'BOSS', 'bоss' /* Cyrillic о */, 'b0ss', 'Ｂｏｓｓ'])
        await expect(
          directory.createUser({ name, role: 'reviewer', password: 'another-password' }),
        ).rejects.toSatisfy((e) => isAppError(e, 'desk.userExists'));
      // Vietnamese diacritics make another name.
      await expect(
        directory.createUser({ name: 'Lân', role: 'reviewer', password: 'another-password' }),
      ).resolves.toMatchObject({ name: 'Lân' });
    } finally {
      await db.close();
    }
    const me = await signIn(desk.server.url, 'BOSS', 'boss-password');
    expect((await me.call<{ name: string }>('deskWhoAmI')).value!.name).toBe('Boss');
  }, 30_000);

  it('caps the event streams one account may hold; others still connect', async () => {
    const boss = await signIn(desk.server.url, 'Boss', 'boss-password');
    const lan = await signIn(desk.server.url, 'lan', 'reviewer-password');
    const open: EventStream[] = [];
    try {
      for (let i = 0; i < MAX_STREAMS_PER_PERSON; i++)
        open.push(await openEvents(desk.server.url, boss.cookie));
      await expect(openEvents(desk.server.url, boss.cookie)).rejects.toThrow('HTTP 429');
      open.push(await openEvents(desk.server.url, lan.cookie));
    } finally {
      for (const s of open) s.close();
    }
  }, 30_000);

  it('counts parallel guesses before hashing: per name (look-alikes included), then per address', async () => {
    const variants = ['Boss', 'boss', 'BOSS', 'bоss'];
    const byName = await Promise.all(
      Array.from({ length: 40 }, (_, i) => attempt(desk.server.url, variants[i % 4]!, `wrong-${i}`)),
    );
    expect(count(byName, 401)).toBe(5);
    expect(count(byName, 429)).toBe(35);
    // 120 at once from one address, each for another name: only what is left of the address's 50 is hashed.
    const byAddress = await Promise.all(
      Array.from({ length: 120 }, (_, i) => attempt(desk.server.url, `nobody${i}`, `wrong-${i}`)),
    );
    expect(count(byAddress, 401)).toBe(45);
    expect(count(byAddress, 429)).toBe(75);
  }, 120_000);
});
