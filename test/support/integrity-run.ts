/**
 * Runs operations of the model-based integrity test against the real core and store (embedded SQLite in a data
 * folder, reopened on restart) and the reference model, and checks after every operation: every cell as the model
 * says (so no operation empties or approves a cell it should not), every cell's history entry by entry (origin,
 * person, text, status: no entry without a change, none in the other language), undo naming exactly the cells it
 * restored, and the whole state again after a restart (read back from the database).
 *
 * The parts: this runner (the project, the faults — restart, and abandoning the process with a change in
 * flight), the operations on both sides (integrity-steps.ts), the verification (integrity-check.ts).
 */
import type { Project, TargetLang } from '../../electron/contract';
import type { Core } from '../../electron/handlers';
import { LANGS, Model, keyOf, typed } from './integrity-model';
import { ROWS, type Op } from './integrity-ops';
import { row, testCore } from './project';
import { ALL_MIGRATIONS } from '../../electron/core/migrations';
import { openPostgres } from '../../electron/services/db/postgres';
import type { Exported } from './integrity-xliff';
import { PROJECT_ID, cellRef, checkAgainstModel } from './integrity-check';
import {
  approval,
  approveRow,
  exportXliff,
  importXliff,
  replaceAll,
  resend,
  typeText,
  undoRedo,
  type RunState,
} from './integrity-steps';

const mtOf = (r: number, lang: TargetLang) => (lang === 'vi' ? `Seoul ký MT ${r}` : `Seoul signed MT ${r}`);

/** The run's project: {@link ROWS} rows, each cell holding its machine translation. */
function modelProject(now: number): Project {
  const segments = Array.from({ length: ROWS }, (_, r) => {
    const s = row(`r${r}`, `서울시는 ${r}일 협약을 맺었다.`);
    for (const l of LANGS) s.targets[l] = { text: mtOf(r, l), mt: mtOf(r, l), status: 'machine', rev: 0 };
    return s;
  });
  const at = new Date(now).toISOString();
  return {
    schemaVersion: 1,
    id: PROJECT_ID,
    name: 'model',
    source: { fileName: 'a.txt', format: 'txt', encoding: 'utf-8', importedAt: at },
    englishVariant: 'en-US',
    segments,
    glossary: [],
    createdAt: at,
    updatedAt: at,
  };
}

/** One run: a fresh data folder, a project of {@link ROWS} machine-translated rows, the model beside it. */
export class Run implements RunState {
  model = new Model(ROWS, mtOf);
  exports = new Map<TargetLang, Exported>();
  private constructor(
    public core: Core,
    readonly dir: string,
    readonly clock: { t: number },
    /** The desk's PostgreSQL database the run's store is on (the embedded SQLite of `dir` when absent). */
    readonly pgUrl?: string,
  ) {}

  /** A core on the run's data folder, and on its PostgreSQL database when it has one. */
  private static async open(dir: string | undefined, clock: { t: number }, pgUrl?: string) {
    return testCore(dir, clock, pgUrl ? await openPostgres(pgUrl, ALL_MIGRATIONS) : undefined);
  }

  static async start(pgUrl?: string): Promise<Run> {
    const clock = { t: Date.parse('2026-11-25T10:00:00Z') };
    const t = await Run.open(undefined, clock, pgUrl);
    const run = new Run(t.core, t.dir, clock, pgUrl);
    await run.core.store.insert(modelProject(clock.t));
    return run;
  }

  async close(): Promise<void> {
    await this.core.close();
  }

  /** Run one operation on both sides, then check everything. `log` gets a line per operation. */
  async step(op: Op, log?: (line: string) => void): Promise<void> {
    this.clock.t += op.ms;
    log?.(JSON.stringify(op));
    try {
      await this.apply(op);
      await this.check(op.kind === 'restart' || op.kind === 'abandon');
    } catch (e) {
      const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      throw new Error(`after ${JSON.stringify(op)}: ${detail}`, { cause: e });
    }
  }

  /** Everything as the model says: cells, and each cell's history entry by entry. */
  check(fromDisk: boolean): Promise<void> {
    return checkAgainstModel(this.core, this.model, fromDisk);
  }

  private async apply(op: Op): Promise<void> {
    switch (op.kind) {
      case 'type':
      case 'memory':
        return typeText(this, op);
      case 'esc':
        return resend(this, op);
      case 'approve':
      case 'unapprove':
        return approval(this, op);
      case 'approveRow':
        return approveRow(this, op);
      case 'undo':
      case 'redo':
        return undoRedo(this, op);
      case 'replaceAll':
        return replaceAll(this, op);
      case 'export':
        return exportXliff(this, op);
      case 'import':
        return importXliff(this, op);
      case 'restart':
        await this.core.close();
        return this.reopen();
      case 'abandon':
        return this.abandon();
    }
  }

  /** The process goes away with a change in flight: only what was acknowledged must survive. */
  private async abandon(): Promise<void> {
    const now = this.clock.t;
    const k = keyOf(0, 'vi');
    const pending = this.core.handlers.updateCell({ ...cellRef(0, 'vi'), text: `abandoned ${now}` });
    const closing = this.core.close();
    const acked = await pending.then(
      () => true,
      () => false,
    );
    if (acked)
      this.model.commit(
        'local',
        'Lan',
        'typing',
        new Map([[k, typed(this.model.cell(k), `abandoned ${now}`)]]),
        now,
      );
    await closing;
    return this.reopen();
  }

  /** A new core on the same data folder (and database); the restart ends everyone's typing burst. */
  private async reopen(): Promise<void> {
    this.core = (await Run.open(this.dir, this.clock, this.pgUrl)).core;
    for (const steps of this.model.done.values()) for (const s of steps) delete s.burst;
  }
}
