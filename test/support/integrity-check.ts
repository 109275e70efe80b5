/**
 * The verification of the model-based integrity test: the project as the store (or, after a restart, the database
 * read back by a new core) holds it, against the reference model — every cell, and every cell's history entry by
 * entry — and refusals that must leave everything as it was.
 */
import assert from 'node:assert/strict';
import type { TargetLang } from '../../electron/contract';
import type { Core } from '../../electron/handlers';
import { LANGS, keyOf, type Model } from './integrity-model';
import { ROWS } from './integrity-ops';

/** The id of the one project a run works on. */
export const PROJECT_ID = 'model-project';

/** The cell of row `r` in `lang`, as the handlers name it. */
export function cellRef(r: number, lang: TargetLang) {
  return { projectId: PROJECT_ID, segmentId: `r${r}`, lang };
}

/**
 * Everything as the model says: each cell's text, status and approver, and its history (origin, person, text,
 * status; no entry without a change, none in the other language). `fromDisk`: the project read through
 * `openProject`, as a restarted app reads it, rather than from the store's copy.
 */
export async function checkAgainstModel(core: Core, model: Model, fromDisk: boolean): Promise<void> {
  const project = fromDisk ? await core.handlers.openProject(PROJECT_ID) : await core.store.get(PROJECT_ID);
  for (let r = 0; r < ROWS; r++)
    for (const lang of LANGS) {
      const k = keyOf(r, lang);
      const real = project.segments[r]!.targets[lang];
      const want = model.cell(k);
      assert.deepEqual(
        { cell: k, text: real.text, status: real.status, approvedBy: real.approvedBy },
        { cell: k, text: want.text, status: want.status, approvedBy: want.approvedBy },
      );
      const history = await core.handlers.cellHistory(cellRef(r, lang));
      assert.deepEqual(
        {
          cell: k,
          history: history.map((v) => ({ origin: v.origin, by: v.by, text: v.text, status: v.status })),
        },
        { cell: k, history: model.history.get(k) },
      );
    }
}

/** The call is refused, with an error `is` accepts. */
export async function refused(call: Promise<unknown>, is: (e: unknown) => boolean): Promise<void> {
  const outcome = await call.then(
    () => 'resolved',
    (e: unknown) => e,
  );
  assert.ok(outcome !== 'resolved' && is(outcome), `expected a refusal, got ${String(outcome)}`);
}
