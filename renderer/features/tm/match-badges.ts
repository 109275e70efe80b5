import type { TargetLang, TmBadge } from '../../../electron/contract';
import { TM_BADGE_ROWS } from '../../../electron/contract';

/** Rows that ask within this window go to the memory in one request (a grid scrolled into view asks at once). */
const GATHER_MS = 60;

/**
 * The memory's best match per cell for the grid's badges, asked for the rows the grid shows (it mounts only those):
 * rows are gathered for a moment and sent in one request, answers are kept for the project, and a failed request
 * is simply asked again when those rows show next (a badge is a hint, never a blocker).
 */
export class BadgeLoader {
  private readonly badges = new Map<string, TmBadge>();
  private readonly asked = new Set<string>();
  private readonly waiting = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly fetch: (segmentIds: string[]) => Promise<TmBadge[]>) {}

  /** The badge of a cell; undefined while unknown or when there is none. */
  get(segmentId: string, lang: TargetLang): TmBadge | undefined {
    return this.badges.get(`${segmentId}|${lang}`);
  }

  /** A row is shown: ask for its cells' badges unless asked already. */
  want(segmentId: string): void {
    if (this.asked.has(segmentId)) return;
    this.asked.add(segmentId);
    this.waiting.add(segmentId);
    this.timer ??= setTimeout(() => void this.flush(), GATHER_MS);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private async flush(): Promise<void> {
    this.timer = null;
    const ids = [...this.waiting].slice(0, TM_BADGE_ROWS);
    for (const id of ids) this.waiting.delete(id);
    if (this.waiting.size) this.timer = setTimeout(() => void this.flush(), 0);
    try {
      for (const b of await this.fetch(ids)) this.badges.set(`${b.segmentId}|${b.lang}`, b);
      for (const l of this.listeners) l();
    } catch {
      for (const id of ids) this.asked.delete(id);
    }
  }
}
