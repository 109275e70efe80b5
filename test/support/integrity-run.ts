/**
 * Runs operations of the model-based integrity test against the real core and store (embedded SQLite in a data
 * folder, reopened on restart) and the reference model, and checks after every operation: every cell as the model
 * says (so no operation empties or approves a cell it should not), every cell's history entry by entry (origin,
 * person, text, status: no entry without a change, none in the other language), undo naming exactly the cells it
 * restored, and the whole state again after a restart (read back from the database).
 */
import assert from 'node:assert/strict';
import type { Project, TargetLang } from '../../electron/contract';
import { runAsActor } from '../../electron/core/actor';
import { composePipeline } from '../../electron/core/pipeline';
import type { Core } from '../../electron/handlers';
import { isAppError } from '../../electron/services/errors';
import { LANGS, Model, approved, keyOf, same, typed, unapproved, type MCell } from './integrity-model';
import { PEOPLE, ROWS, type Op } from './integrity-ops';
import { row, testCore } from './project';
import { ALL_MIGRATIONS } from '../../electron/core/migrations';
import { openPostgres } from '../../electron/services/db/postgres';
import { applyFile, type Exported } from './integrity-xliff';

const ID = 'model-project';
const mtOf = (r: number, lang: TargetLang) => (lang === 'vi' ? `Seoul ký MT ${r}` : `Seoul signed MT ${r}`);

/** One run: a fresh data folder, a project of {@link ROWS} machine-translated rows, the model beside it. */
export class Run {
  model = new Model(ROWS, mtOf);
  exports = new Map<TargetLang, Exported>();
  clock = { t: Date.parse('2026-11-25T10:00:00Z') };
  private constructor(
    public core: Core,
    readonly dir: string,
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
    const run = new Run(t.core, t.dir, pgUrl);
    run.clock = clock;
    const segments = Array.from({ length: ROWS }, (_, r) => {
      const s = row(`r${r}`, `서울시는 ${r}일 협약을 맺었다.`);
      for (const l of LANGS) s.targets[l] = { text: mtOf(r, l), mt: mtOf(r, l), status: 'machine', rev: 0 };
      return s;
    });
    const p: Project = {
      schemaVersion: 1,
      id: ID,
      name: 'model',
      source: {
        fileName: 'a.txt',
        format: 'txt',
        encoding: 'utf-8',
        importedAt: new Date(run.clock.t).toISOString(),
      },
      englishVariant: 'en-US',
      segments,
      glossary: [],
      createdAt: new Date(run.clock.t).toISOString(),
      updatedAt: new Date(run.clock.t).toISOString(),
    };
    await run.core.store.insert(p);
    return run;
  }

  private async reopen(old: Core | null): Promise<{ core: Core }> {
    await old?.close();
    const t = await Run.open(this.dir, this.clock, this.pgUrl);
    return { core: t.core };
  }

  async close(): Promise<void> {
    await this.core.close();
  }

  private as<T>(who: number, fn: () => Promise<T>): Promise<T> {
    return runAsActor(PEOPLE[who]!, fn);
  }

  private ref(r: number, lang: TargetLang) {
    return { projectId: ID, segmentId: `r${r}`, lang };
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

  private async apply(op: Op): Promise<void> {
    const m = this.model;
    const now = this.clock.t;
    switch (op.kind) {
      case 'type':
      case 'memory': {
        const k = keyOf(op.row, op.lang);
        const origin = op.kind === 'memory' ? 'tm' : 'typing';
        const call = this.as(op.who, () =>
          // Through the transports' pipeline: typed text is validated as the app's page sends it.
          composePipeline({ handle: this.core.handle })(
            'updateCell',
            [{ ...this.ref(op.row, op.lang), text: op.text, ...(origin === 'tm' ? { origin } : {}) }],
            undefined,
          ),
        );
        if (op.text.includes('\u0000')) {
          await refused(call, (e) => isAppError(e, 'text.controlCharacter'));
          return;
        }
        await call;
        const p = PEOPLE[op.who]!;
        m.commit(p.id, p.name, origin, new Map([[k, typed(m.cell(k), op.text.normalize('NFC'))]]), now);
        return;
      }
      case 'esc': {
        // Esc (back to the last saved text) or a click: the saved text sent again changes nothing.
        const k = keyOf(op.row, op.lang);
        await this.as(op.who, () =>
          this.core.handlers.updateCell({ ...this.ref(op.row, op.lang), text: m.cell(k).text }),
        );
        return;
      }
      case 'approve':
      case 'unapprove':
        return this.approval(op);
      case 'approveRow':
        return this.approveRow(op);
      case 'undo':
      case 'redo':
        return this.undoRedo(op);
      case 'replaceAll':
        return this.replaceAll(op);
      case 'export':
        this.exports.set(op.lang, {
          lang: op.lang,
          xml: Buffer.from(
            (
              await this.as(op.who, () =>
                this.core.handlers.buildExport({
                  projectId: ID,
                  lang: op.lang,
                  format: 'xliff2',
                  policy: 'include-unapproved',
                }),
              )
            ).dataBase64,
            'base64',
          ).toString('utf8'),
          snap: new Map(
            [...m.cells].filter(([k]) => k.endsWith(`/${op.lang}`)).map(([k, c]) => [k, { ...c }]),
          ),
        });
        return;
      case 'import':
        return this.importXliff(op);
      case 'restart':
        this.core = (await this.reopen(this.core)).core;
        return this.endBursts();
      case 'abandon': {
        // The process goes away with a change in flight: only what was acknowledged must survive.
        const k = keyOf(0, 'vi');
        const pending = this.core.handlers.updateCell({ ...this.ref(0, 'vi'), text: `abandoned ${now}` });
        const closing = this.core.close();
        const acked = await pending.then(
          () => true,
          () => false,
        );
        if (acked)
          m.commit('local', 'Lan', 'typing', new Map([[k, typed(m.cell(k), `abandoned ${now}`)]]), now);
        await closing;
        this.core = (await this.reopen(null)).core;
        return this.endBursts();
      }
    }
  }

  private endBursts(): void {
    for (const steps of this.model.done.values()) for (const s of steps) delete s.burst;
  }

  private async approval(op: Extract<Op, { kind: 'approve' | 'unapprove' }>): Promise<void> {
    const m = this.model;
    const k = keyOf(op.row, op.lang);
    const p = PEOPLE[op.who]!;
    const ref = this.ref(op.row, op.lang);
    if (op.kind === 'approve') {
      const next = approved(m.cell(k), p.name);
      const call = this.as(op.who, () => this.core.handlers.approveCell(ref));
      if (!next) {
        await refused(call, (e) => isAppError(e, 'project.nothingToApprove'));
        return;
      }
      await call;
      m.commit(p.id, p.name, 'approval', new Map([[k, next]]), this.clock.t);
    } else {
      await this.as(op.who, () => this.core.handlers.unapproveCell(ref));
      m.commit(p.id, p.name, 'unapproval', new Map([[k, unapproved(m.cell(k))]]), this.clock.t);
    }
  }

  /** Both languages of the row approved as one step, or neither (an empty one is named in the refusal). */
  private async approveRow(op: Extract<Op, { kind: 'approveRow' }>): Promise<void> {
    const m = this.model;
    const p = PEOPLE[op.who]!;
    const next = new Map(
      LANGS.map((lang) => [keyOf(op.row, lang), approved(m.cell(keyOf(op.row, lang)), p.name)]),
    );
    const empty = LANGS.find((lang) => !next.get(keyOf(op.row, lang)));
    const call = this.as(op.who, () =>
      this.core.handlers.approveRow({ projectId: ID, segmentId: `r${op.row}`, langs: [...LANGS] }),
    );
    if (empty) {
      await refused(call, (e) => isAppError(e, 'project.nothingToApproveRow') && e.params?.lang === empty);
      return;
    }
    await call;
    m.commit(p.id, p.name, 'approval', next as Map<string, MCell>, this.clock.t);
  }

  private async undoRedo(op: Extract<Op, { kind: 'undo' | 'redo' }>): Promise<void> {
    const m = this.model;
    const p = PEOPLE[op.who]!;
    const from = m.stack(op.kind === 'undo' ? m.done : m.undone, p.id);
    const to = m.stack(op.kind === 'undo' ? m.undone : m.done, p.id);
    // Asking for an undo or redo ends the person's typing burst; a step that changed nothing by value (a typing
    // burst back where it started) is passed over for the one before it.
    for (const s of m.stack(m.done, p.id)) delete s.burst;
    while (from.length && [...from[from.length - 1]!.cells.values()].every((c) => same(c.before, c.after)))
      from.pop();
    const step = from[from.length - 1];
    const call = this.as(op.who, () => this.core.handlers[op.kind](ID));
    const side = op.kind === 'undo' ? 'after' : 'before';
    if (step && [...step.cells].some(([k, c]) => !same(m.cell(k), c[side]))) {
      // Someone changed these cells since: refused, nothing changes.
      await refused(call, (e) => isAppError(e, 'history.conflict'));
      return;
    }
    const result = await call;
    if (!step) {
      assert.equal(result.origin, null);
      return;
    }
    const want = new Map([...step.cells].map(([k, c]) => [k, op.kind === 'undo' ? c.before : c.after]));
    const named = result.cells.map((c) => keyOf(Number(c.segmentId.slice(1)), c.lang)).sort();
    assert.deepEqual(named, [...want.keys()].sort(), `${op.kind} names the cells it put back`);
    m.commit(p.id, p.name, op.kind, want, this.clock.t, false);
    from.pop();
    to.push(step);
  }

  private async replaceAll(op: Extract<Op, { kind: 'replaceAll' }>): Promise<void> {
    const m = this.model;
    const p = PEOPLE[op.who]!;
    await this.as(op.who, () =>
      this.core.handlers.replaceAll({
        projectId: ID,
        lang: op.lang,
        find: op.find,
        replace: op.replace,
        matchCase: true,
        includeApproved: op.approved,
      }),
    );
    const next = new Map<string, MCell>();
    for (let r = 0; r < ROWS; r++) {
      const k = keyOf(r, op.lang);
      const c = m.cell(k);
      if (!c.text.includes(op.find) || (c.status === 'approved' && !op.approved)) continue;
      next.set(k, typed(c, c.text.split(op.find).join(op.replace)));
    }
    m.commit(p.id, p.name, 'replace-all', next, this.clock.t);
  }

  private async importXliff(op: Extract<Op, { kind: 'import' }>): Promise<void> {
    const exported = [...this.exports.values()][op.who % Math.max(1, this.exports.size)];
    if (!exported) return;
    const file = applyFile(exported, op.edits, op.cut);
    const p = PEOPLE[op.who]!;
    const send = (dryRun: boolean) =>
      this.as(op.who, () =>
        this.core.handlers.importInterchange({
          projectId: ID,
          fileName: 'back.xlf',
          dataBase64: Buffer.from(file.xml).toString('base64'),
          ...(dryRun ? { dryRun } : {}),
          ...(op.theirs
            ? { resolutions: Object.fromEntries(file.rows.map((r) => [`r${r}`, 'theirs' as const])) }
            : {}),
        }),
      );
    if (op.cut !== null) {
      await refused(send(false), (e) => isAppError(e) && e.code.startsWith('xml.'));
      return;
    }
    await send(true); // the preview changes nothing (checked after the step)
    await this.check(false);
    const summary = await send(false);
    const next = file.expected(this.model, op.theirs);
    const changed = this.model.commit(p.id, 'imported from back.xlf', 'xliff-import', next, this.clock.t);
    assert.equal(summary.updated + summary.statusChanged > 0, changed.length > 0, 'import counts');
  }

  /** Everything as the model says: cells, and each cell's history entry by entry. */
  async check(fromDisk: boolean): Promise<void> {
    const project = fromDisk ? await this.core.handlers.openProject(ID) : await this.core.store.get(ID);
    for (let r = 0; r < ROWS; r++)
      for (const lang of LANGS) {
        const k = keyOf(r, lang);
        const real = project.segments[r]!.targets[lang];
        assert.deepEqual(
          { cell: k, text: real.text, status: real.status, approvedBy: real.approvedBy },
          {
            cell: k,
            text: this.model.cell(k).text,
            status: this.model.cell(k).status,
            approvedBy: this.model.cell(k).approvedBy,
          },
        );
        const history = await this.core.handlers.cellHistory(this.ref(r, lang));
        assert.deepEqual(
          {
            cell: k,
            history: history.map((v) => ({ origin: v.origin, by: v.by, text: v.text, status: v.status })),
          },
          { cell: k, history: this.model.history.get(k) },
        );
      }
  }
}

/** The call is refused, with an error `is` accepts. */
async function refused(call: Promise<unknown>, is: (e: unknown) => boolean): Promise<void> {
  const outcome = await call.then(
    () => 'resolved',
    (e: unknown) => e,
  );
  assert.ok(outcome !== 'resolved' && is(outcome), `expected a refusal, got ${String(outcome)}`);
}
