/**
 * Edits the desk could not take, kept on this computer until it does. One entry per cell (the latest typing wins,
 * with the revision the typing started from), per desk and account, in one JSON file written atomically: the
 * app says "kept on this computer" only once the entry is on disk.
 */
import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { CellEdit, CellRef, KeptEdit } from '../../contract';
import { writeFileAtomic } from '../files';

/** The file in the data folder. */
export const OUTBOX_FILE = 'desk-outbox.json';

interface Entry extends KeptEdit {
  /** Whose edit, on which desk: another account signing in here never sends it. */
  address: string;
  user: string;
}

interface OutboxFile {
  version: 1;
  edits: Entry[];
}

const sameCell = (a: CellRef, b: CellRef) =>
  a.projectId === b.projectId && a.segmentId === b.segmentId && a.lang === b.lang;

/** The kept edits of one data folder. Writes run one after another. */
export class Outbox {
  private entries: Entry[] | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataDir: string,
    private readonly now: () => Date,
  ) {}

  /** Keep `edit` for `user` on `address` (replacing an older one of the same cell); resolves once on disk. */
  keep(address: string, user: string, edit: CellEdit): Promise<void> {
    return this.change((list) => {
      const rest = list.filter((e) => !(e.address === address && e.user === user && sameCell(e, edit)));
      return [...rest, { ...edit, address, user, keptAt: this.now().toISOString() }];
    });
  }

  /** Forget the kept edit of a cell: it reached the desk, or the person dropped it. */
  forget(address: string, user: string, ref: CellRef): Promise<void> {
    return this.change((list) =>
      list.filter((e) => !(e.address === address && e.user === user && sameCell(e, ref))),
    );
  }

  /** The kept edits of `user` (null: anyone's) on `address`, of one project or all. */
  async list(address: string, user: string | null, projectId?: string): Promise<KeptEdit[]> {
    await this.queue;
    const all = await this.load();
    return all
      .filter(
        (e) =>
          e.address === address &&
          (user === null || e.user === user) &&
          (!projectId || e.projectId === projectId),
      )
      .map(({ address: _a, user: _u, ...edit }) => edit);
  }

  private change(fn: (list: Entry[]) => Entry[]): Promise<void> {
    const run = this.queue.then(async () => {
      const before = await this.load();
      const after = fn(before);
      if (after.length === before.length && after.every((e, i) => e === before[i])) return;
      const file: OutboxFile = { version: 1, edits: after };
      await writeFileAtomic(join(this.dataDir, OUTBOX_FILE), Buffer.from(JSON.stringify(file)), {
        overwrite: true,
      });
      this.entries = after;
    });
    // One failed write must not block the next ones; the caller of this one gets the error.
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async load(): Promise<Entry[]> {
    if (this.entries) return this.entries;
    try {
      const file = JSON.parse(await readFile(join(this.dataDir, OUTBOX_FILE), 'utf8')) as OutboxFile;
      this.entries = Array.isArray(file.edits) ? file.edits.filter(isEntry) : [];
    } catch (e) {
      if (e instanceof SyntaxError) {
        // A damaged file (a disk fault): set it aside, never overwrite it, and go on with an empty outbox.
        const file = join(this.dataDir, OUTBOX_FILE);
        await rename(file, `${file}.damaged-${this.now().getTime()}`).catch(() => undefined);
      } else if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      this.entries = [];
    }
    return this.entries;
  }
}

function isEntry(e: unknown): e is Entry {
  const x = e as Partial<Entry> | null;
  return Boolean(
    x &&
    typeof x.address === 'string' &&
    typeof x.user === 'string' &&
    typeof x.projectId === 'string' &&
    typeof x.segmentId === 'string' &&
    (x.lang === 'vi' || x.lang === 'en') &&
    typeof x.text === 'string',
  );
}
