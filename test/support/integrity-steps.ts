/**
 * The operations of the model-based integrity test done on both sides: through the real core's handlers, as the
 * person named, and on the reference model — or, where the core must refuse, checked to be refused with the
 * model left as it was. Restart and abandon are the run's own (integrity-run.ts).
 */
import assert from 'node:assert/strict';
import type { TargetLang } from '../../electron/contract';
import { runAsActor } from '../../electron/core/actor';
import { composePipeline } from '../../electron/core/pipeline';
import type { Core } from '../../electron/handlers';
import { isAppError } from '../../electron/services/errors';
import { PROJECT_ID, cellRef, refused } from './integrity-check';
import { LANGS, approved, keyOf, same, typed, unapproved, type MCell, type Model } from './integrity-model';
import { PEOPLE, ROWS, type Op } from './integrity-ops';
import { applyFile, type Exported } from './integrity-xliff';

/** What the operations work on: a run's core, model, clock and XLIFF exports. */
export interface RunState {
  readonly core: Core;
  readonly model: Model;
  readonly clock: { t: number };
  readonly exports: Map<TargetLang, Exported>;
  /** Everything as the model says (`fromDisk`: read back as a restarted app reads it). */
  check(fromDisk: boolean): Promise<void>;
}

type OpOf<K extends Op['kind']> = Extract<Op, { kind: K }>;

/** `fn` done as person `who` of {@link PEOPLE}. */
function as<T>(who: number, fn: () => Promise<T>): Promise<T> {
  return runAsActor(PEOPLE[who]!, fn);
}

/** Typing or a memory match, through the transports' pipeline: typed text is validated as the page sends it. */
export async function typeText(run: RunState, op: OpOf<'type' | 'memory'>): Promise<void> {
  const m = run.model;
  const k = keyOf(op.row, op.lang);
  const origin = op.kind === 'memory' ? 'tm' : 'typing';
  const call = as(op.who, () =>
    composePipeline({ handle: run.core.handle })(
      'updateCell',
      [{ ...cellRef(op.row, op.lang), text: op.text, ...(origin === 'tm' ? { origin } : {}) }],
      undefined,
    ),
  );
  if (op.text.includes('\u0000')) {
    await refused(call, (e) => isAppError(e, 'text.controlCharacter'));
    return;
  }
  await call;
  const p = PEOPLE[op.who]!;
  m.commit(p.id, p.name, origin, new Map([[k, typed(m.cell(k), op.text.normalize('NFC'))]]), run.clock.t);
}

/** Esc (back to the last saved text) or a click: the saved text sent again changes nothing. */
export async function resend(run: RunState, op: OpOf<'esc'>): Promise<void> {
  const text = run.model.cell(keyOf(op.row, op.lang)).text;
  await as(op.who, () => run.core.handlers.updateCell({ ...cellRef(op.row, op.lang), text }));
}

/** Approve (refused when the cell is empty) or take the approval back. */
export async function approval(run: RunState, op: OpOf<'approve' | 'unapprove'>): Promise<void> {
  const m = run.model;
  const k = keyOf(op.row, op.lang);
  const p = PEOPLE[op.who]!;
  const ref = cellRef(op.row, op.lang);
  if (op.kind === 'approve') {
    const next = approved(m.cell(k), p.name);
    const call = as(op.who, () => run.core.handlers.approveCell(ref));
    if (!next) {
      await refused(call, (e) => isAppError(e, 'project.nothingToApprove'));
      return;
    }
    await call;
    m.commit(p.id, p.name, 'approval', new Map([[k, next]]), run.clock.t);
  } else {
    await as(op.who, () => run.core.handlers.unapproveCell(ref));
    m.commit(p.id, p.name, 'unapproval', new Map([[k, unapproved(m.cell(k))]]), run.clock.t);
  }
}

/** Both languages of the row approved as one step, or neither (an empty one is named in the refusal). */
export async function approveRow(run: RunState, op: OpOf<'approveRow'>): Promise<void> {
  const m = run.model;
  const p = PEOPLE[op.who]!;
  const next = new Map(
    LANGS.map((lang) => [keyOf(op.row, lang), approved(m.cell(keyOf(op.row, lang)), p.name)]),
  );
  const empty = LANGS.find((lang) => !next.get(keyOf(op.row, lang)));
  const call = as(op.who, () =>
    run.core.handlers.approveRow({ projectId: PROJECT_ID, segmentId: `r${op.row}`, langs: [...LANGS] }),
  );
  if (empty) {
    await refused(call, (e) => isAppError(e, 'project.nothingToApproveRow') && e.params?.lang === empty);
    return;
  }
  await call;
  m.commit(p.id, p.name, 'approval', next as Map<string, MCell>, run.clock.t);
}

/** The person's last step undone (or redone), refused when someone changed its cells since. */
export async function undoRedo(run: RunState, op: OpOf<'undo' | 'redo'>): Promise<void> {
  const m = run.model;
  const p = PEOPLE[op.who]!;
  const from = m.stack(op.kind === 'undo' ? m.done : m.undone, p.id);
  const to = m.stack(op.kind === 'undo' ? m.undone : m.done, p.id);
  // Asking for an undo or redo ends the person's typing burst; a step that changed nothing by value (a typing
  // burst back where it started) is passed over for the one before it.
  for (const s of m.stack(m.done, p.id)) delete s.burst;
  while (from.length && [...from[from.length - 1]!.cells.values()].every((c) => same(c.before, c.after)))
    from.pop();
  const step = from[from.length - 1];
  const call = as(op.who, () => run.core.handlers[op.kind](PROJECT_ID));
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
  m.commit(p.id, p.name, op.kind, want, run.clock.t, false);
  from.pop();
  to.push(step);
}

export async function replaceAll(run: RunState, op: OpOf<'replaceAll'>): Promise<void> {
  const m = run.model;
  const p = PEOPLE[op.who]!;
  await as(op.who, () =>
    run.core.handlers.replaceAll({
      projectId: PROJECT_ID,
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
  m.commit(p.id, p.name, 'replace-all', next, run.clock.t);
}

/** An XLIFF 2.0 export of one language, kept with the model's cells of that language as they were. */
export async function exportXliff(run: RunState, op: OpOf<'export'>): Promise<void> {
  const built = await as(op.who, () =>
    run.core.handlers.buildExport({
      projectId: PROJECT_ID,
      lang: op.lang,
      format: 'xliff2',
      policy: 'include-unapproved',
    }),
  );
  const snap = [...run.model.cells].filter(([k]) => k.endsWith(`/${op.lang}`)).map(([k, c]) => [k, { ...c }]);
  run.exports.set(op.lang, {
    lang: op.lang,
    xml: Buffer.from(built.dataBase64, 'base64').toString('utf8'),
    snap: new Map(snap as Array<[string, MCell]>),
  });
}

/** One of the exports, edited (or cut off), imported back: previewed first, then applied three-way. */
export async function importXliff(run: RunState, op: OpOf<'import'>): Promise<void> {
  const exported = [...run.exports.values()][op.who % Math.max(1, run.exports.size)];
  if (!exported) return;
  const file = applyFile(exported, op.edits, op.cut);
  const p = PEOPLE[op.who]!;
  const send = (dryRun: boolean) =>
    as(op.who, () =>
      run.core.handlers.importInterchange({
        projectId: PROJECT_ID,
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
  await run.check(false);
  const summary = await send(false);
  const next = file.expected(run.model, op.theirs);
  const changed = run.model.commit(p.id, 'imported from back.xlf', 'xliff-import', next, run.clock.t);
  assert.equal(summary.updated + summary.statusChanged > 0, changed.length > 0, 'import counts');
}
