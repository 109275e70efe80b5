import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratedPostgres } from '../../../test/support/pg-database';
import { DESK_CHANNEL, logAndNotify, MAX_INLINE, readLog, recordInOutbox } from './outbox';

const ORIGIN = 'origin-"\\-\u00e9';

/** An event's JSON as the bus writes it: any text, sometimes too large to notify inline. */
const eventJson = fc
  .tuple(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom(0, 0, 0, MAX_INLINE - 40, MAX_INLINE))
  .map(([text, pad]) => JSON.stringify({ type: 'x', text: text + 'ứ'.repeat(pad / 3) }));

// The log's transaction (one round trip of several statements, values quoted into its text): whatever the events
// hold, the log keeps each byte for byte, numbers the outbox's first and then the direct ones, and notifies each in
// id order, inline exactly as the bus reads it or by id alone when too large.
describe('desk event log: moving the outbox and notifying in one round trip', () => {
  const db = migratedPostgres('outbox');
  let listener: pg.Client;
  const told: string[] = [];

  beforeAll(async () => {
    listener = new pg.Client({ connectionString: db.database.url });
    listener.on('notification', (n) => told.push(n.payload ?? ''));
    await listener.connect();
    await listener.query(`LISTEN ${DESK_CHANNEL}`);
  });
  afterAll(() => listener?.end());

  async function notified(n: number): Promise<string[]> {
    // A no-op notification after the transaction's: once it arrives, every earlier one has (one session's order).
    await db.database.pool.query(`SELECT pg_notify('${DESK_CHANNEL}', 'fence')`);
    await expect.poll(() => told.includes('fence'), { timeout: 10_000 }).toBe(true);
    const got = told.splice(0).filter((p) => p !== 'fence');
    expect(got).toHaveLength(n);
    return got;
  }

  it('logs and notifies any events, outbox first, in order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventJson, { maxLength: 4 }),
        fc.array(eventJson, { maxLength: 4 }),
        async (queued, direct) => {
          const before = (await db.database.pool.query('SELECT max(id) AS id FROM desk_event_log')).rows[0];
          const after = Number(before.id ?? 0);
          for (const q of queued) await recordInOutbox(db.database.db, q, new Date().toISOString());
          const moved = await logAndNotify(db.database.pool, ORIGIN, direct, true);
          expect(moved).toBe(queued.length);
          const logged = await readLog(db.database.pool, after, Number.MAX_SAFE_INTEGER, 100);
          expect(logged.map((r) => r.payload)).toEqual([...queued, ...direct]);
          const expected = logged.map(({ id, payload }) => {
            const inline = `{"o":${JSON.stringify(ORIGIN)},"id":"${id}","e":${payload}}`;
            return Buffer.byteLength(inline) > MAX_INLINE
              ? JSON.stringify({ o: ORIGIN, id: String(id) })
              : inline;
          });
          expect(await notified(logged.length)).toEqual(expected);
        },
      ),
      { numRuns: 30 },
    );
  }, 120_000);

  it('leaves the outbox alone when not asked to move it', async () => {
    await recordInOutbox(db.database.db, '{"type":"kept"}', new Date().toISOString());
    expect(await logAndNotify(db.database.pool, ORIGIN, ['{"type":"direct"}'], false)).toBe(0);
    await notified(1);
    expect(await logAndNotify(db.database.pool, ORIGIN, [], true)).toBe(1);
    await notified(1);
  });
});
