import { sql, type QueryExecutorProvider } from 'kysely';
import type pg from 'pg';

/**
 * The SQL of the desk's event log and its outbox (the bus in bus.ts decides when it runs).
 *
 * A change's event is recorded, un-numbered, in `desk_event_outbox` inside the change's own transaction: once
 * the change is committed, so is the news of it, whatever happens to the process afterwards. The bus then moves
 * outbox rows into `desk_event_log` in batches, numbering them under one advisory lock (ids committed in the order
 * they are handed out) and notifying every process in the same transaction. Edits never wait for that lock.
 */

/** The NOTIFY channel every desk server process listens on. */
export const DESK_CHANNEL = 'desk_events';
// NOTIFY payloads must stay under 8000 bytes; a larger event is read from desk_event_log by its id.
export const MAX_INLINE = 7000;
/** Serializes the numbering of logged events, so ids are committed in the order they are handed out. */
const LOG_LOCK = 0x6465736b; // 'desk'
/** Most events written (or moved from the outbox) in one transaction. */
export const MAX_BATCH = 200;

/** Record an event (JSON) in the transaction of the change it tells of. */
export async function recordInOutbox(db: QueryExecutorProvider, payload: string, at: string): Promise<void> {
  await sql`INSERT INTO desk_event_outbox (payload, at) VALUES (${payload}, ${at})`.execute(db);
}

/** Whether the outbox holds committed rows (a cheap look before taking the numbering lock). */
export async function outboxWaiting(pool: pg.Pool): Promise<boolean> {
  const { rows } = await pool.query<{ some: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM desk_event_outbox) AS some',
  );
  return rows[0]?.some === true;
}

/**
 * In one transaction under the numbering lock: move up to {@link MAX_BATCH} outbox rows (oldest first) into the
 * log when `outbox`, log `events`, and notify each with its id. Returns how many outbox rows moved.
 */
export async function logAndNotify(
  pool: pg.Pool,
  origin: string,
  events: string[],
  outbox: boolean,
): Promise<number> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    // Moved rows were durable in the outbox and direct events tell of changes durable already: their log record
    // need not wait for the disk (a crash of PostgreSQL itself may lose the last few: pages reload what they miss).
    await c.query('SET LOCAL synchronous_commit = off');
    await c.query('SELECT pg_advisory_xact_lock($1)', [LOG_LOCK]);
    const rows: Array<{ id: string; payload: string }> = [];
    let moved = 0;
    if (outbox) {
      const r = await c.query<{ id: string; payload: string }>(
        `WITH moved AS (
           DELETE FROM desk_event_outbox WHERE id IN (SELECT id FROM desk_event_outbox ORDER BY id LIMIT $1)
           RETURNING id, payload, at)
         INSERT INTO desk_event_log (payload, at) SELECT payload, at FROM moved ORDER BY id RETURNING id, payload`,
        [MAX_BATCH],
      );
      rows.push(...r.rows);
      moved = r.rows.length;
    }
    if (events.length) {
      const r = await c.query<{ id: string; payload: string }>(
        `INSERT INTO desk_event_log (payload, at)
         SELECT p, $2 FROM unnest($1::text[]) WITH ORDINALITY AS t(p, n) ORDER BY n RETURNING id, payload`,
        [events, new Date().toISOString()],
      );
      rows.push(...r.rows);
    }
    await notifyLogged(c, origin, rows);
    await c.query('COMMIT');
    c.release();
    return moved;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    c.release(e instanceof Error ? e : true);
    throw e;
  }
}

/** Notify logged rows in id order: the event inline when small enough, else only its id. */
async function notifyLogged(
  c: pg.PoolClient,
  origin: string,
  rows: Array<{ id: string; payload: string }>,
): Promise<void> {
  if (!rows.length) return;
  const payloads = rows
    .sort((x, y) => Number(x.id) - Number(y.id))
    .map(({ id, payload }) => {
      const inline = `{"o":${JSON.stringify(origin)},"id":"${id}","e":${payload}}`;
      return Buffer.byteLength(inline) > MAX_INLINE ? JSON.stringify({ o: origin, id }) : inline;
    });
  await c.query('SELECT pg_notify($1, p) FROM unnest($2::text[]) WITH ORDINALITY AS t(p, n) ORDER BY n', [
    DESK_CHANNEL,
    payloads,
  ]);
}

/** The oldest and newest ids the log holds (0 when empty). */
export async function logBounds(pool: pg.Pool): Promise<{ lo: number; hi: number }> {
  const { rows } = await pool.query<{ lo: string | null; hi: string | null }>(
    'SELECT min(id) AS lo, max(id) AS hi FROM desk_event_log',
  );
  return { lo: Number(rows[0]?.lo ?? 0), hi: Number(rows[0]?.hi ?? 0) };
}

/** Logged events after `after` up to `upTo`, in id order, at most `limit`. */
export async function readLog(
  pool: pg.Pool,
  after: number,
  upTo: number,
  limit: number,
): Promise<Array<{ id: number; payload: string }>> {
  const { rows } = await pool.query<{ id: string; payload: string }>(
    'SELECT id, payload FROM desk_event_log WHERE id > $1 AND id <= $2 ORDER BY id LIMIT $3',
    [after, upTo, limit],
  );
  return rows.map((r) => ({ id: Number(r.id), payload: r.payload }));
}

/** Forget logged events older than `before` (the newest is always kept: it tells how far ids went). */
export async function pruneLog(pool: pg.Pool, before: Date): Promise<void> {
  await pool.query('DELETE FROM desk_event_log WHERE at < $1 AND id < (SELECT max(id) FROM desk_event_log)', [
    before.toISOString(),
  ]);
}
