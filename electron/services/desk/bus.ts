import { randomUUID } from 'node:crypto';
import type { QueryExecutorProvider } from 'kysely';
import pg from 'pg';
import type { ReviewEvent } from '../../contract';
import type { PostgresDatabase } from '../db/postgres';
import * as log from './outbox';
import { DESK_CHANNEL, MAX_BATCH, MAX_INLINE } from './outbox';

export { DESK_CHANNEL } from './outbox';
/** Most events one catch-up or replay reads; a break longer than that is a gap (the page reloads). */
export const MAX_REPLAY = 5000;
/** How long logged events are kept for replay. */
const KEEP_MS = 24 * 60 * 60 * 1000;
/** How often a process looks for outbox rows nobody moved (their process was killed between commit and move). */
const SWEEP_MS = 1000;
/**
 * Writes of the log start at most this often: under load one transaction then carries many changes' events (one
 * each took as many round trips as the change itself). An event after a quiet spell is written at once.
 */
const FLUSH_SPACING_MS = 25;

/**
 * Events that change what a page shows and must all arrive: logged with an id, replayed on reconnect. The rest
 * (translation progress, desktop-only notices) are fleeting and go out unlogged.
 */
export function isLogged(event: ReviewEvent): boolean {
  return (
    event.type === 'segments-updated' ||
    event.type === 'desk-access' ||
    event.type === 'presence' ||
    event.type === 'mt-finished'
  );
}

interface Envelope {
  /** The process that published it (an unlogged event: it already delivered it to its own clients). */
  o: string;
  e?: ReviewEvent;
  /** Id of the desk_event_log row of a logged event (its event inline when small enough). */
  id?: string;
}

/** A logged event and its id (ids grow in commit order). */
export interface LoggedEvent {
  id: number;
  event: ReviewEvent;
}

/**
 * Fan-out of UI events between desk server processes over PostgreSQL LISTEN/NOTIFY, with the database as the
 * record: a logged event (a cell changed, an article's access changed) is numbered and stored in
 * `desk_event_log` in the transaction that notifies (a change's own event first waits in the outbox, committed with
 * the change: see outbox.ts), and every process — the publisher too — delivers logged
 * events in id order, each once, reading what a notification did not bring (a lost LISTEN connection, a
 * PostgreSQL restart) from the log. A reconnecting page's stream replays from the log ({@link since}). The LISTEN
 * connection is dedicated (a pooled one would be handed to other queries) and reconnects by itself.
 */
export class PgEventBus {
  readonly origin = randomUUID();
  private client: pg.Client | null = null;
  private readonly listeners = new Set<(event: ReviewEvent, id?: number) => void>();
  private closed = false;
  private retry: NodeJS.Timeout | null = null;
  private backoffMs = 250;
  /** Id of the last logged event delivered to the listeners (from the log's newest at the first start). */
  private delivered = 0;
  private started = false;
  /** Deliveries of logged events, one after another. */
  private chain: Promise<void> = Promise.resolve();
  /** Logged events of this process waiting to be written, in order, and the writing under way. */
  private readonly waiting: Array<{ json: string | null; done: () => void; failed: (e: unknown) => void }> =
    [];
  private flushing: Promise<void> | null = null;
  private lastFlush = -Infinity;
  /** Events {@link record}ed in their change's transaction: their publishing moves the outbox on. */
  private readonly recorded = new WeakSet<ReviewEvent>();
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly database: PostgresDatabase,
    private readonly sweepMs = SWEEP_MS,
  ) {}

  /** Open the LISTEN connection; resolves once listening and caught up with the log. */
  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.database.url });
    client.on('notification', (n) => this.receive(n.payload));
    client.on('error', () => this.reconnect(client));
    client.on('end', () => this.reconnect(client));
    await client.connect();
    await client.query(`LISTEN ${DESK_CHANNEL}`);
    if (!this.started) {
      const { rows } = await this.database.pool.query<{ id: string | null }>(
        'SELECT max(id) AS id FROM desk_event_log',
      );
      this.delivered = Number(rows[0]?.id ?? 0);
      this.started = true;
    }
    this.client = client;
    this.backoffMs = 250;
    // What was logged while nobody listened (the database restarted) is delivered now.
    await this.catchUp(Number.MAX_SAFE_INTEGER);
    // News a killed process committed but never moved: now, and from time to time while this process runs.
    this.sweeper ??= setInterval(() => void this.sweep().catch(() => undefined), this.sweepMs).unref();
    await this.sweep().catch(() => undefined);
  }

  /** Whether this bus delivers `event` to this process's listeners (logged events: numbered, in order). */
  delivers(event: ReviewEvent): boolean {
    // An unlogged event too large to notify is logged as well (and so delivered like a logged one).
    return isLogged(event) || this.tooLarge(event);
  }

  private tooLarge(event: ReviewEvent): boolean {
    return Buffer.byteLength(JSON.stringify({ o: this.origin, e: event } satisfies Envelope)) > MAX_INLINE;
  }

  /** Id of the last logged event this process delivered: a new stream starts from here. */
  get lastId(): number {
    return this.delivered;
  }

  /**
   * Record a logged event in the transaction of the change it tells of (the outbox): committed with the change,
   * so a process killed before {@link publish} loses no news of it (any process moves it on; see {@link sweep}).
   * The same event object passed to {@link publish} afterwards only moves the outbox on.
   */
  async record(db: QueryExecutorProvider, event: ReviewEvent): Promise<void> {
    if (!this.delivers(event)) return;
    await log.recordInOutbox(db, JSON.stringify(event), new Date().toISOString());
    this.recorded.add(event);
  }

  /**
   * Publish `event`: a logged one is stored and numbered (one {@link record}ed is moved from the outbox), then
   * delivered by every process (this one too, through its listeners); an unlogged one reaches the other processes
   * only (this process delivers it itself). Logged events waiting together are written in one transaction, in
   * order; while the database is away they wait (up to a minute) and are published once it is back.
   */
  publish(event: ReviewEvent): Promise<void> {
    if (!this.delivers(event)) return this.notify(event);
    return this.enqueue(this.recorded.has(event) ? null : JSON.stringify(event));
  }

  /** Queue a logged event's JSON (null: move the outbox on) for the next write. */
  private enqueue(json: string | null): Promise<void> {
    return new Promise((done, failed) => {
      this.waiting.push({ json, done, failed });
      this.flushing ??= this.flush().finally(() => (this.flushing = null));
    });
  }

  /** Move outbox rows left behind (by a killed process, or not yet moved) into the log, if there are any. */
  async sweep(): Promise<void> {
    if (this.closed || this.flushing || !(await log.outboxWaiting(this.database.pool))) return;
    await this.enqueue(null);
  }

  private async notify(event: ReviewEvent): Promise<void> {
    const payload = JSON.stringify({ o: this.origin, e: event } satisfies Envelope);
    await this.database.pool.query('SELECT pg_notify($1, $2)', [DESK_CHANNEL, payload]);
  }

  /** Write what waits, a batch at a time, until nothing does. */
  private async flush(): Promise<void> {
    while (this.waiting.length) {
      const wait = this.lastFlush + FLUSH_SPACING_MS - performance.now();
      if (wait > 0 && !this.closed) await new Promise((ok) => setTimeout(ok, wait));
      this.lastFlush = performance.now();
      const batch = this.waiting.splice(0, MAX_BATCH);
      const events = batch.flatMap((w) => (w.json === null ? [] : [w.json]));
      try {
        await this.persist(events, batch.length > events.length);
        for (const w of batch) w.done();
      } catch (e) {
        for (const w of batch) w.failed(e);
      }
    }
  }

  /**
   * Log `events` (and, with `outbox`, move the whole outbox, a batch per transaction), retried while the
   * database restarts (up to a minute).
   */
  private async persist(events: string[], outbox: boolean): Promise<void> {
    for (let wait = 100; ; wait = Math.min(wait * 2, 5000)) {
      try {
        let moved = await log.logAndNotify(this.database.pool, this.origin, events, outbox);
        events = [];
        while (outbox && moved >= MAX_BATCH)
          moved = await log.logAndNotify(this.database.pool, this.origin, [], true);
        return;
      } catch (e) {
        if (this.closed || wait >= 5000 * 12) throw e;
        await new Promise((ok) => setTimeout(ok, wait));
      }
    }
  }

  /** Listen to events (logged ones with their id, every process's; unlogged ones of other processes). */
  subscribe(listener: (event: ReviewEvent, id?: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The logged events after `id`, in order, for a stream that reconnects; null when they cannot all be given
   * (older than the log keeps, more than {@link MAX_REPLAY}, or an id this database never handed out).
   */
  async since(id: number): Promise<LoggedEvent[] | null> {
    const { lo, hi } = await log.logBounds(this.database.pool);
    if (id > hi || (lo > 0 && id < lo - 1) || hi - id > MAX_REPLAY) return null;
    return this.read(id, hi);
  }

  /** Forget logged events older than a day (the newest is always kept: it tells how far ids went). */
  async prune(now = new Date()): Promise<void> {
    await log.pruneLog(this.database.pool, new Date(now.getTime() - KEEP_MS));
  }

  /** True while the LISTEN connection is up. */
  get connected(): boolean {
    return this.client !== null;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    if (this.sweeper) clearInterval(this.sweeper);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
    // Events still on their way are written before the database closes (their changes are committed already).
    await this.flushing?.catch(() => undefined);
  }

  private async read(after: number, upTo: number): Promise<LoggedEvent[]> {
    const rows = await log.readLog(this.database.pool, after, upTo, MAX_REPLAY);
    return rows.map((r) => ({ id: r.id, event: JSON.parse(r.payload) as ReviewEvent }));
  }

  private receive(payload: string | undefined): void {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(payload ?? '') as Envelope;
    } catch {
      return; // not ours
    }
    if (envelope.id === undefined) {
      if (envelope.o !== this.origin && envelope.e) this.deliver(envelope.e);
      return;
    }
    const id = Number(envelope.id);
    const event = envelope.e;
    this.chain = this.chain.then(async () => {
      if (id <= this.delivered) return;
      // The next one, brought whole: delivered as is; else read from the log with what came before it.
      if (event && id === this.delivered + 1) this.deliver(event, (this.delivered = id));
      else await this.drain(id);
    });
    this.chain = this.chain.catch(() => undefined);
  }

  /** After the deliveries queued so far, deliver what the log holds beyond the last delivered. */
  private catchUp(upTo: number): Promise<void> {
    const job = this.chain.then(() => this.drain(upTo));
    this.chain = job.catch(() => undefined);
    return job;
  }

  /** Deliver the logged events after the last delivered, up to `upTo`, in order (a failed read: next time). */
  private async drain(upTo: number): Promise<void> {
    for (;;) {
      const batch = await this.read(this.delivered, upTo).catch(() => []);
      for (const { id, event } of batch) if (id > this.delivered) this.deliver(event, (this.delivered = id));
      if (batch.length < MAX_REPLAY) return;
    }
  }

  private deliver(event: ReviewEvent, id?: number): void {
    for (const l of this.listeners) l(event, id);
  }

  private reconnect(dead: pg.Client): void {
    if (this.closed || this.client !== dead) return;
    this.client = null;
    void dead.end().catch(() => undefined);
    const attempt = () => {
      this.retry = null;
      if (this.closed) return;
      this.start().catch(() => {
        this.backoffMs = Math.min(this.backoffMs * 2, 5000);
        this.retry = setTimeout(attempt, this.backoffMs);
      });
    };
    this.retry = setTimeout(attempt, this.backoffMs);
  }
}
