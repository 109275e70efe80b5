import fc from 'fast-check';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { TARGET_LANGS, type TmBadge } from '../contract';
import type { Core } from '../handlers';
import { featureCore, type FeatureCore } from '../../test/support/project';

let core: Core;
let fixture: FeatureCore;
beforeEach(async () => {
  fixture = await featureCore({
    prefix: 'core-tm-bulk-',
    reviewer: 'Trần Lan',
    now: () => new Date('2026-11-25T08:00:00.000Z'),
  });
  await fixture.settings.update({ memory: { badgeThreshold: 75 } });
  ({ core } = fixture);
});
afterEach(() => fixture.close());

const WORDS = ['서울시는', '베트남', '하노이시와', '협력을', '체결했다', '밝혔다', '코스피', '지수는'];
const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 8 }).map((w) => w.join(' '));
const SAME = '서울시는 베트남 하노이시와 협력을 체결했다';
/** A cell's action: leave it, type a text, or type and approve it (which puts it into the memory). */
const action = fc.record({
  lang: fc.constantFrom(...TARGET_LANGS),
  text: fc.constantFrom('A', 'B', 'C', 'D'),
  approve: fc.boolean(),
});

it('the grid badges from one bulk lookup are the per-row lookups, cell by cell (property)', async () => {
  const h = core.handlers;
  let offered = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.tuple(sentence, fc.option(action, { nil: undefined })), { minLength: 1, maxLength: 10 }),
      async (rows) => {
        const { project } = await h.importText({ text: rows.map(([s]) => s).join('\n') });
        for (const [i, [, act]] of rows.entries()) {
          const s = project.segments[i];
          if (!act || !s) continue;
          const ref = { projectId: project.id, segmentId: s.id, lang: act.lang };
          await h.updateCell({ ...ref, text: act.text });
          if (act.approve) await h.approveCell(ref);
        }
        const now = await h.openProject(project.id);
        const ids = now.segments.map((s) => s.id);
        // Per row: the first match of the single lookup, from the threshold on, unless the cell holds its text.
        const expected: TmBadge[] = [];
        for (const s of now.segments.filter((x) => x.translate))
          for (const lang of TARGET_LANGS) {
            if (s.targets[lang].status === 'approved') continue;
            const [best] = await h.tmLookup({ projectId: project.id, segmentId: s.id, lang });
            if (best && best.score >= 75 && best.target !== s.targets[lang].text)
              expected.push({ segmentId: s.id, lang, score: best.score, target: best.target });
          }
        offered += expected.length;
        expect(await h.tmBadges({ projectId: project.id, segmentIds: ids })).toEqual(expected);
      },
    ),
    // The first run always offers one: a row approved, and the same sentence again below it.
    {
      numRuns: 25,
      examples: [
        [
          [
            [SAME, { lang: 'vi', text: 'A', approve: true }],
            [SAME, undefined],
          ],
        ],
      ],
    },
  );
  // Not vacuous: the memory offered badges in these runs.
  expect(offered).toBeGreaterThan(0);
});
