/**
 * The operations of the model-based integrity test, as fast-check arbitraries: what a reviewer and the system do
 * to a project (type, Esc/click, undo, redo, approve, approve row, unapprove, a memory match, replace all, XLIFF
 * export and import — edited, untouched or cut off — restart, and abandoning the process).
 */
import fc from 'fast-check';
import type { TargetLang } from '../../electron/contract';

export const ROWS = 3;
export const PEOPLE = [
  { id: 'lan', name: 'Lan', desk: '' },
  { id: 'minh', name: 'Minh', desk: '' },
] as const;

/** Texts people type: short, overlapping (so replace-all and the memory find them), the MT text back, empty. */
const TEXTS = ['Seoul ký', 'Seoul ký kết', 'Hà Nội', 'Seoul signed', '', 'MT', 'x\u0000y'];

export type Op =
  | { kind: 'type'; who: number; row: number; lang: TargetLang; text: string; ms: number }
  | { kind: 'esc'; who: number; row: number; lang: TargetLang; ms: number }
  | { kind: 'undo' | 'redo'; who: number; ms: number }
  | { kind: 'approve' | 'unapprove'; who: number; row: number; lang: TargetLang; ms: number }
  | { kind: 'approveRow'; who: number; row: number; ms: number }
  | { kind: 'memory'; who: number; row: number; lang: TargetLang; text: string; ms: number }
  | {
      kind: 'replaceAll';
      who: number;
      lang: TargetLang;
      find: string;
      replace: string;
      approved: boolean;
      ms: number;
    }
  | { kind: 'export'; who: number; lang: TargetLang; ms: number }
  | {
      kind: 'import';
      who: number;
      edits: Array<{ row: number; text?: string; approve: boolean }>;
      cut: number | null;
      theirs: boolean;
      ms: number;
    }
  | { kind: 'restart' | 'abandon'; ms: number };

const who = fc.integer({ min: 0, max: PEOPLE.length - 1 });
const row = fc.integer({ min: 0, max: ROWS - 1 });
const lang = fc.constantFrom<TargetLang>('vi', 'en');
// Time between operations: within a typing burst or well after it.
const ms = fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 4000, max: 60_000 }));
const text = fc.oneof(fc.constantFrom(...TEXTS), fc.string({ maxLength: 6 }));

/** One operation. */
export const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('type' as const), who, row, lang, text, ms }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('esc' as const), who, row, lang, ms }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constantFrom('undo' as const, 'redo' as const), who, ms }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constantFrom('approve' as const, 'unapprove' as const),
      who,
      row,
      lang,
      ms,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('approveRow' as const), who, row, ms }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('memory' as const), who, row, lang, text, ms }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('replaceAll' as const),
      who,
      lang,
      find: fc.constantFrom('Seoul', 'ký', 'Hà'),
      replace: fc.constantFrom('Busan', '', 'kí'),
      approved: fc.boolean(),
      ms,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('export' as const), who, lang, ms }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('import' as const),
      who,
      edits: fc.array(
        fc.record({
          row,
          text: fc.option(fc.constantFrom(...TEXTS.slice(0, 4)), { nil: undefined }),
          approve: fc.boolean(),
        }),
        { maxLength: 3 },
      ),
      cut: fc.option(
        fc.double({ min: 0.05, max: 0.95, noNaN: true }).map((x) => Math.round(x * 1000)),
        {
          nil: null,
          freq: 3,
        },
      ),
      theirs: fc.boolean(),
      ms,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('restart' as const, 'abandon' as const), ms }) },
);
