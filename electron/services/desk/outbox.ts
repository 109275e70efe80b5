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
 *
 * The whole transaction is one round trip (a simple-protocol query of several statements, each with its own
 * snapshot, so the numbering lock is held before the outbox is read): under load it runs every few milliseconds
 * on every process, and six round trips each took as much CPU as a cell's save.
 */
export async function logAndNotify(
  pool: pg.Pool,
  origin: string,
  events: string[],
  outbox: boolean,
): Promise<number> {
  const c = await pool.connect();
  try {
    const results = (await c.query(logTransaction(c, origin, events, outbox))) as unknown as pg.QueryResult[];
    c.release();
    return Number((results[3]?.rows[0] as { moved?: string } | undefined)?.moved ?? 0);
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    c.release(e instanceof Error ? e : true);
    throw e;
  }
}

/**
 * The SQL of {@link logAndNotify}. Moved rows were durable in the outbox and direct events tell of changes durable
 * already: their log record need not wait for the disk (a crash of PostgreSQL itself may lose the last few: pages
 * reload what they miss). Each logged event is notified in id order: inline when small enough, else only its id.
 * Values are quoted by the driver (a simple-protocol query takes no parameters).
 */
function logTransaction(c: pg.PoolClient, origin: string, events: string[], outbox: boolean): string {
  const direct = events.length
    ? `ARRAY[${events.map((e) => c.escapeLiteral(e)).join(',')}]::text[]`
    : 'NULL::text[]';
  const envelope = `'{"o":' || ${c.escapeLiteral(JSON.stringify(origin))} || ',"id":"' || id || '"'`;
  return `BEGIN;
SET LOCAL synchronous_commit = off;
SELECT pg_advisory_xact_lock(${LOG_LOCK});
WITH moved AS (
  DELETE FROM desk_event_outbox
  WHERE ${outbox} AND id IN (SELECT id FROM desk_event_outbox ORDER BY id LIMIT ${MAX_BATCH})
  RETURNING id, payload, at),
queued AS (
  SELECT payload, at, 0 AS part, id AS n FROM moved
  UNION ALL
  SELECT p, ${c.escapeLiteral(new Date().toISOString())}, 1, n FROM unnest(${direct}) WITH ORDINALITY AS t(p, n)),
logged AS (
  INSERT INTO desk_event_log (payload, at) SELECT payload, at FROM queued ORDER BY part, n RETURNING id, payload),
told AS (
  SELECT pg_notify('${DESK_CHANNEL}', CASE WHEN octet_length(inline) > ${MAX_INLINE} THEN short ELSE inline END)
  FROM (SELECT id, ${envelope} || ',"e":' || payload || '}' AS inline, ${envelope} || '}' AS short FROM logged) AS l
  ORDER BY id)
SELECT (SELECT count(*) FROM moved) AS moved, (SELECT count(*) FROM told) AS told;
COMMIT;`;
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
