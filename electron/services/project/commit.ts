import type { ChangeOrigin, Project, ReviewEvent, Segment, TargetLang } from '../../contract';
import { TARGET_LANGS } from '../../contract';
import { isAppError } from '../errors';
import type { StorageHealth } from '../storage/faults';
import { staleOf } from './concurrency';
import { advance, changesStructure, planChange, type Plan, type Written } from './plan';
import * as repo from './repository';
import { actorOf, type Actor, type CommitOptions, type StoreOptions } from './store-options';
import { writePlan, type GroupSpec } from './write';

/** Typing into the same cell, from the same tab, within this window is one undo step. */
const BURST_MS = 4000;

/**
 * What fills cells without the reviewer doing it (DeepL, the memory's pre-translation on opening or Translate): not
 * an undo step, as pre-translation is in no CAT tool's undo list. Ctrl+Z takes back the reviewer's own last step;
 * a fill only ever writes empty, failed or machine cells, so no human text depends on undoing it.
 */
const AUTOMATIC: ReadonlySet<ChangeOrigin> = new Set(['machine', 'memory']);

/**
 * One person's open typing burst: its group, cells, when it last wrote, the revisions it left them at and the tab
 * or window it came from.
 */
interface Burst {
  id: number;
  rows: string;
  at: number;
  revs: string;
  sender: string | undefined;
}

/** The history group of one change, and what the burst bookkeeping needs once it is written. */
interface Step {
  group: GroupSpec;
  origin: ChangeOrigin;
  /** True for typing into cells (only typing goes on a burst). */
  typing: boolean;
  rows: string;
  now: number;
  /** The revisions the change leaves its cells at. */
  next: string;
  sender: string | undefined;
}

/**
 * Writes changes: a project is diffed against its baseline and only what differs is written, in one transaction
 * with its history group; then the baseline moves on and the app is told. Keeps each person's typing burst (one
 * undo step) and whether they have anything to redo.
 */
export class ChangeWriter {
  /** Each person's open typing burst, by project + actor. */
  private readonly bursts = new Map<string, Burst>();
  /** project + actor pairs known to have nothing to redo. */
  private readonly noRedo = new Set<string>();

  constructor(
    private readonly db: repo.ProjectDb,
    private readonly opts: StoreOptions,
    private readonly health: StorageHealth,
  ) {}

  /** Write what `p` changed against `base` (only the rows at `candidates`, when known); the rows changed. */
  async commit(
    p: Project,
    base: Written,
    candidates: number[] | null,
    options: CommitOptions,
  ): Promise<Segment[]> {
    p.updatedAt = this.opts.now().toISOString();
    const plan = planChange(base, p, candidates);
    if (!plan.changes.length && !plan.metaChanged) return [];
    const actor = actorOf(this.opts);
    const key = `${p.id}\n${actor.id}`;
    const step = this.step(p, plan, actor, key, options);
    const event: ReviewEvent | null = plan.changed.length
      ? { type: 'segments-updated', projectId: p.id, segments: plan.changed }
      : null;
    const groupId = await this.write(p, plan, step.group, base, options, event);
    advance(base, plan);
    this.written(key, step, groupId);
    if (event) this.opts.emit?.(event);
    return plan.changed;
  }

  /** The acting person's typing burst in a project ends (they asked for an undo or redo). */
  endBurst(projectId: string, actorId: string): void {
    this.bursts.delete(`${projectId}\n${actorId}`);
  }

  /** The history group of a change: typing goes on the person's burst while that burst goes on. */
  private step(p: Project, plan: Plan, actor: Actor, key: string, options: CommitOptions): Step {
    const origin = options.origin ?? 'typing';
    // Only typing said to be typing, into cells alone: a change of rows (Keep original…) is never a burst.
    const typing = options.origin === 'typing' && plan.cellUpdates.length > 0 && !changesStructure(plan);
    const { sender } = options;
    // A typing burst is one cell's: typing in the row's other language is a step of its own.
    const rows = [
      ...plan.cellUpdates.map((c) => `${c.segment.id}/${c.lang}`),
      ...plan.rowUpdates.map((u) => u.segment.id),
    ].join('\n');
    const burst = this.bursts.get(key);
    const now = this.opts.now().getTime();
    const group: GroupSpec = {
      actorId: actor.id,
      actorName: options.by ?? actor.name,
      origin,
      at: p.updatedAt,
      state: options.state ?? (AUTOMATIC.has(origin) ? 'auto' : 'done'),
      dropRedo: !this.noRedo.has(key),
    };
    // The burst goes on only while its cell is as it left it: a change by someone else in between (typing, an
    // undo, a file) ends it, so undoing the burst never takes their change with it.
    const revs = plan.cellUpdates.map((c) => c.baseRev).join();
    const next = plan.cellUpdates.map((c) => c.baseRev + 1).join();
    // Another tab or window of the same person is another burst: its typing is a step of its own.
    const goesOn =
      typing &&
      burst?.rows === rows &&
      burst.revs === revs &&
      burst.sender === sender &&
      now - burst.at < BURST_MS;
    if (goesOn) group.appendTo = burst.id;
    return { group, origin, typing, rows, now, next, sender };
  }

  /** The plan's transaction: the desk's checks, the rows and history, the caller's extra, the event's record. */
  private async write(
    p: Project,
    plan: Plan,
    group: GroupSpec,
    base: Written,
    options: CommitOptions,
    event: ReviewEvent | null,
  ): Promise<number | null> {
    let groupId: number | null;
    try {
      groupId = await repo.transact(this.db, async (trx) => {
        await this.opts.beforeWrite?.(trx, p.id, langsOf(plan));
        const gid = await writePlan(trx, p, plan, group, base);
        await options.within?.(trx, gid);
        if (event) await this.opts.record?.(trx, event);
        return gid;
      });
    } catch (e) {
      throw staleOf(e) ?? (isAppError(e) ? e : this.health.failed(e));
    }
    this.health.succeeded();
    return groupId;
  }

  /** After the write: whether the person has anything to redo, and their typing burst. */
  private written(key: string, step: Step, groupId: number | null): void {
    const { group, origin, rows, now, next, sender } = step;
    // Only a written step dropped the redo stack (a change of project fields alone, e.g. an export's record, did not).
    if (group.state === 'done' && groupId !== null) this.noRedo.add(key);
    else if (origin === 'undo') this.noRedo.delete(key);
    // An automatic fill is not the person's step: their typing burst goes on past it (its cell's revisions decide).
    if (groupId === null || group.state === 'auto') return;
    if (step.typing) this.bursts.set(key, { id: groupId, rows, at: now, revs: next, sender });
    else this.bursts.delete(key);
  }
}

/** The languages whose cells a plan may change: all of them when rows change, else those of its cells. */
function langsOf(plan: Plan): ReadonlySet<TargetLang> {
  if (plan.inserted.length || plan.rowUpdates.length || plan.deleted.length || plan.positions.length)
    return new Set(TARGET_LANGS);
  return new Set(plan.cellUpdates.map((c) => c.lang));
}
