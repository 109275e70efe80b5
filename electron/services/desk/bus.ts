import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { ReviewEvent } from '../../contract';
import type { PostgresDatabase } from '../db/postgres';

/** The NOTIFY channel every desk server process listens on. */
export const DESK_CHANNEL = 'desk_events';
// NOTIFY payloads must stay under 8000 bytes; larger events go through desk_event_log.
const MAX_INLINE = 7000;

interface Envelope {
  /** The process that published it: it already delivered the event to its own clients. */
  o: string;
  e?: ReviewEvent;
  /** Id of a desk_event_log row holding the event when it was too large to inline. */
  ref?: string;
}

/**
 * Fan-out of UI events between desk server processes over PostgreSQL LISTEN/NOTIFY: what one process emits (a
 * cell changed, someone moved to another row) reaches the SSE clients of every other process within milliseconds.
 * The LISTEN connection is dedicated (a pooled one would be handed to other queries) and reconnects by itself
 * when the server restarts.
 */
export class PgEventBus {
  readonly origin = randomUUID();
  private client: pg.Client | null = null;
  private readonly listeners = new Set<(event: ReviewEvent) => void>();
  private closed = false;
  private retry: NodeJS.Timeout | null = null;
  private backoffMs = 250;

  constructor(private readonly database: PostgresDatabase) {}

  /** Open the LISTEN connection; resolves once listening. */
  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.database.url });
    client.on('notification', (n) => void this.receive(n.payload));
    client.on('error', () => this.reconnect(client));
    client.on('end', () => this.reconnect(client));
    await client.connect();
    await client.query(`LISTEN ${DESK_CHANNEL}`);
    this.client = client;
    this.backoffMs = 250;
  }

  /** Deliver `event` to every other process's listeners (this process delivers to its own clients itself). */
  async publish(event: ReviewEvent): Promise<void> {
    const inline = JSON.stringify({ o: this.origin, e: event } satisfies Envelope);
    let payload = inline;
    if (Buffer.byteLength(inline) > MAX_INLINE) {
      const row = await this.database.db
        .insertInto('desk_event_log')
        .values({ payload: JSON.stringify(event), at: new Date().toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      payload = JSON.stringify({ o: this.origin, ref: String(row.id) } satisfies Envelope);
    }
    await this.database.pool.query('SELECT pg_notify($1, $2)', [DESK_CHANNEL, payload]);
  }

  /** Listen to events published by other processes; returns the unsubscribe function. */
  subscribe(listener: (event: ReviewEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** True while the LISTEN connection is up. */
  get connected(): boolean {
    return this.client !== null;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async receive(payload: string | undefined): Promise<void> {
    if (!payload) return;
    let envelope: Envelope;
    try {
      envelope = JSON.parse(payload) as Envelope;
    } catch {
      return; // not ours
    }
    if (envelope.o === this.origin) return;
    let event = envelope.e;
    if (!event && envelope.ref) {
      const row = await this.database.db
        .selectFrom('desk_event_log')
        .select('payload')
        .where('id', '=', envelope.ref)
        .executeTakeFirst()
        .catch(() => undefined);
      if (row) event = JSON.parse(row.payload as string) as ReviewEvent;
    }
    if (event) for (const l of this.listeners) l(event);
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
