import type { TargetLang } from '../../../electron/contract';

/** Typing in one cell that the host has not acknowledged yet, as kept in the browser. */
export interface JournalEntry {
  projectId: string;
  segmentId: string;
  lang: TargetLang;
  text: string;
  /** The cell revision the typing started from: sent with it, so a change made meanwhile is a conflict. */
  baseRev?: number;
  /** Texts sent from that revision whose answer never came (the host may have stored one before it went away). */
  sent?: string[];
}

/** The part of the Web Storage API the journal uses (`localStorage`; a map in tests). */
export interface KeyValueStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const PREFIX = 'bilingual-review.unsaved.v2:';

/** A stored entry and whose it is (the desk account that typed it; '' in the single-user app). */
type Stored = JournalEntry & { owner: string };

function parse(raw: string | null): Stored | null {
  if (raw === null) return null;
  try {
    const e = JSON.parse(raw) as Partial<JournalEntry>;
    if (typeof e.projectId !== 'string' || typeof e.segmentId !== 'string' || typeof e.text !== 'string')
      return null;
    if (e.lang !== 'vi' && e.lang !== 'en') return null;
    return {
      owner: typeof (e as { owner?: unknown }).owner === 'string' ? (e as { owner: string }).owner : '',
      projectId: e.projectId,
      segmentId: e.segmentId,
      lang: e.lang,
      text: e.text,
      ...(typeof e.baseRev === 'number' ? { baseRev: e.baseRev } : {}),
      ...(Array.isArray(e.sent) ? { sent: e.sent.filter((t): t is string => typeof t === 'string') } : {}),
    };
  } catch {
    return null;
  }
}

/**
 * The page's own copy of typing the host has not acknowledged (one entry per project, cell and base revision), so
 * a host restart, a reload or a new sign-in loses nothing: the entries come back into their cells and are sent
 * with their base revision. An entry goes only when the host has stored exactly its text, or when the person
 * drops the typing (Esc, "keep theirs"). The browser refusing to store (quota, private mode) is not an error: the
 * typing still goes to the host as usual; {@link PageJournal.working} says whether the copy is kept. Entries are
 * the signed-in person's (`owner`, the desk account): another account signing in on the same browser never gets
 * them back as its own.
 */
export class PageJournal {
  private ok = true;

  constructor(
    private readonly storage: KeyValueStorage | null = defaultStorage(),
    private readonly owner: () => string = () => '',
  ) {}

  private keyOf(projectId: string, segmentId: string, lang: TargetLang): string {
    return `${PREFIX}${JSON.stringify([this.owner(), projectId, segmentId, lang])}`;
  }

  /** False once the browser refused to keep an entry (or there is no storage at all). */
  get working(): boolean {
    return this.ok && this.storage !== null;
  }

  /** Keep (or replace) the typing of one cell. */
  record(entry: JournalEntry): void {
    if (!this.storage) return;
    try {
      const key = this.keyOf(entry.projectId, entry.segmentId, entry.lang);
      this.storage.setItem(key, JSON.stringify({ ...entry, owner: this.owner() }));
      this.ok = true;
    } catch {
      this.ok = false;
    }
  }

  /** The kept typing of one cell, if any. */
  get(projectId: string, segmentId: string, lang: TargetLang): JournalEntry | null {
    const entry = parse(this.read(this.keyOf(projectId, segmentId, lang)));
    return entry && strip(entry);
  }

  /**
   * Forget a cell's typing. With `text`, only when the kept entry holds exactly that text (the host stored it);
   * newer typing kept meanwhile stays.
   */
  forget(projectId: string, segmentId: string, lang: TargetLang, text?: string): void {
    if (!this.storage) return;
    const key = this.keyOf(projectId, segmentId, lang);
    if (text !== undefined && parse(this.read(key))?.text !== text) return;
    try {
      this.storage.removeItem(key);
    } catch {
      // nothing to do: a stale entry is sent again and found equal to what is stored
    }
  }

  /** Every kept entry of a project. */
  entries(projectId: string): JournalEntry[] {
    if (!this.storage) return [];
    const out: JournalEntry[] = [];
    try {
      for (let i = 0; i < this.storage.length; i++) {
        const key = this.storage.key(i);
        if (!key?.startsWith(PREFIX)) continue;
        const entry = parse(this.read(key));
        if (entry?.projectId === projectId && entry.owner === this.owner()) out.push(strip(entry));
      }
    } catch {
      return out;
    }
    return out;
  }

  private read(key: string): string | null {
    try {
      return this.storage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }
}

function strip({ owner: _o, ...entry }: Stored): JournalEntry {
  return entry;
}

function defaultStorage(): KeyValueStorage | null {
  try {
    return typeof globalThis.localStorage === 'undefined' ? null : globalThis.localStorage;
  } catch {
    return null;
  }
}
