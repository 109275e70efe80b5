/**
 * The desktop app as a team desk's client (Settings › Desk). While a desk is set, the app's API calls go to the
 * desk instead of the local data folder; its live events come back through the same event stream as local ones.
 * When the desk does not answer, the app says so, typing is kept on this computer ({@link Outbox}) and sent again
 * by the editor's save queue once the desk is back (a change made meanwhile by someone else shows the usual
 * conflict choice).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  ApiMethod,
  CellEdit,
  CellRef,
  DeskConnection,
  DeskLinkState,
  DeskUser,
  KeptEdit,
  ReviewEvent,
} from '../../contract';
import { writeFileAtomic } from '../files';
import { AppError } from '../errors';
import { normaliseDeskAddress } from './address';
import { DeskLink, isUnreachable, type DeskLinkOptions } from './link';
import { Outbox } from './outbox';

/** Remembers which desk this app works on (never the password or the session). */
export const CLIENT_FILE = 'desk-client.json';

/**
 * The desk's events this app passes on to its UI. Others are this app's own business (its link state, its menu)
 * and are never taken from a server.
 */
const RELAYED: ReadonlySet<ReviewEvent['type']> = new Set([
  'segments-updated',
  'presence',
  'mt-progress',
  'mt-finished',
  'desk-access',
  // The stream came back after more than the desk could replay: the UI reads the article again.
  'events-missed',
]);

/** Reconnecting the event stream waits this long, doubling up to {@link MAX_RETRY_MS}. */
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 10_000;

/** What a {@link DeskClient} needs from the app. */
export interface DeskClientOptions extends DeskLinkOptions {
  dataDir: string;
  /** Push an event to this app's UI (the desk's live events and the link's state). */
  emit(event: ReviewEvent): void;
  now(): Date;
}

/** The link from this app to one desk (or none), its state, and the edits kept for it. */
export class DeskClient {
  private address: string | null = null;
  private link: DeskLink | null = null;
  private user: DeskUser | null = null;
  private state: DeskLinkState = 'local';
  private kept = 0;
  private listening: AbortController | null = null;
  private readonly outbox: Outbox;

  constructor(private readonly opts: DeskClientOptions) {
    this.outbox = new Outbox(opts.dataDir, opts.now);
  }

  /** Read which desk this app works on; it starts signed out (sessions are not stored). */
  async load(): Promise<void> {
    try {
      const saved = JSON.parse(await readFile(join(this.opts.dataDir, CLIENT_FILE), 'utf8')) as {
        address?: unknown;
      };
      if (typeof saved.address === 'string') {
        this.address = normaliseDeskAddress(saved.address);
        this.state = 'signed-out';
        await this.countKept();
      }
    } catch {
      // No file (the usual single-user app) or a damaged one: work on this computer.
    }
  }

  /** True while calls go to a desk rather than the local data folder. */
  get active(): boolean {
    return this.address !== null;
  }

  /** The link as the UI sees it. */
  connection(): DeskConnection {
    return { address: this.address, state: this.state, user: this.user, kept: this.kept, canConnect: true };
  }

  /** Sign in to the desk at `address` and work on it; the app stays as it was when this fails. */
  async connect(address: string, name: string, password: string): Promise<DeskConnection> {
    const origin = normaliseDeskAddress(address);
    const link = new DeskLink(origin, { fetch: this.opts.fetch });
    await link.signIn(name, password);
    const user = (await link.call('deskWhoAmI', [])) as DeskUser | null;
    if (!user) throw new AppError('deskClient.notADesk', { address: origin });
    await this.saveAddress(origin);
    await this.stopListening();
    if (this.link && this.link !== link) await this.link.signOut();
    Object.assign(this, { address: origin, link, user });
    await this.countKept();
    this.setState('online');
    this.startListening();
    return this.connection();
  }

  /** Sign out and work on this computer again. Kept edits stay kept for the next sign-in to that desk. */
  async disconnect(): Promise<DeskConnection> {
    await this.stopListening();
    await this.link?.signOut();
    await this.saveAddress(null);
    Object.assign(this, { address: null, link: null, user: null, kept: 0 });
    this.setState('local');
    return this.connection();
  }

  /**
   * Call `method` on the desk. A cell edit the desk could not take is kept on this computer before the error
   * goes back (so "kept" is true when the UI says it); one it took, or answered definitively, is forgotten.
   */
  async call(method: ApiMethod, args: unknown[]): Promise<unknown> {
    const link = this.link;
    if (!link || !link.signedIn) {
      // The session ended (or the app just started): typing waits on disk for the next sign-in.
      if (method === 'updateCell') await this.keep(args[0] as CellEdit);
      this.setState('signed-out');
      throw new AppError('desk.notSignedIn');
    }
    try {
      const value = await link.call(method, args);
      if (this.state !== 'online') this.setState('online');
      if (method === 'updateCell') await this.settle(args[0] as CellEdit);
      return value;
    } catch (e) {
      if (isUnreachable(e)) {
        if (method === 'updateCell') await this.keep(args[0] as CellEdit);
        this.setState('unreachable');
        this.startListening(); // finds out when the desk is back
      } else if (e instanceof AppError && e.code === 'desk.notSignedIn') {
        if (method === 'updateCell') await this.keep(args[0] as CellEdit);
        this.setState('signed-out');
      }
      throw e;
    }
  }

  /** Kept edits of a project, for this desk and account. */
  keptEdits(projectId: string): Promise<KeptEdit[]> {
    if (!this.address || !this.user) return Promise.resolve([]);
    return this.outbox.list(this.address, this.user.name, projectId);
  }

  /** The person dropped a kept edit (kept theirs after a conflict, or Esc). */
  async forgetKept(ref: CellRef): Promise<void> {
    if (!this.address || !this.user) return;
    await this.outbox.forget(this.address, this.user.name, ref);
    await this.countKept(true);
  }

  /** Stop listening (the app is closing); the session ends with the process. */
  async close(): Promise<void> {
    await this.stopListening();
  }

  private async keep(edit: CellEdit): Promise<void> {
    if (!this.address || !this.user) return;
    try {
      await this.outbox.keep(this.address, this.user.name, edit);
    } catch {
      // The disk refused: the typing is still in the editor, which keeps retrying; it is just not kept here.
      return;
    }
    await this.countKept(true);
  }

  private async settle(edit: CellEdit): Promise<void> {
    if (!this.address || !this.user || this.kept === 0) return;
    // The editor sends one cell's saves one after another, so nothing newer of this cell was kept meanwhile.
    await this.outbox.forget(this.address, this.user.name, edit).catch(() => undefined);
    await this.countKept(true);
  }

  private async countKept(announce = false): Promise<void> {
    const before = this.kept;
    // Signed out, the count is everyone's on this desk (who typed it is known once someone signs in).
    this.kept = this.address
      ? (await this.outbox.list(this.address, this.user?.name ?? null).catch(() => [])).length
      : 0;
    if (announce && before !== this.kept) this.announce();
  }

  private setState(state: DeskLinkState): void {
    if (this.state === state) return;
    this.state = state;
    this.announce();
  }

  private announce(): void {
    this.opts.emit({ type: 'desk-connection', connection: this.connection() });
  }

  private async saveAddress(address: string | null): Promise<void> {
    const data = Buffer.from(JSON.stringify({ address }));
    await writeFileAtomic(join(this.opts.dataDir, CLIENT_FILE), data, { overwrite: true });
  }

  /** Keep the desk's event stream open, reconnecting with back-off; a reconnect means the desk is back. */
  private startListening(): void {
    const link = this.link;
    if (this.listening || !link) return;
    const control = new AbortController();
    this.listening = control;
    void (async () => {
      let wait = FIRST_RETRY_MS;
      while (!control.signal.aborted && link.signedIn) {
        try {
          await link.listen(
            control.signal,
            () => {
              wait = FIRST_RETRY_MS;
              this.setState('online');
            },
            (event) => RELAYED.has(event.type) && this.opts.emit(event),
          );
        } catch (e) {
          if (control.signal.aborted) break;
          if (e instanceof AppError && e.code === 'desk.notSignedIn') {
            this.setState('signed-out');
            break;
          }
          this.setState('unreachable');
        }
        await new Promise((r) => setTimeout(r, wait).unref?.());
        wait = Math.min(wait * 2, MAX_RETRY_MS);
      }
      if (this.listening === control) this.listening = null;
    })();
  }

  private async stopListening(): Promise<void> {
    this.listening?.abort();
    this.listening = null;
  }
}
