import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { TargetLang } from '../../electron/contract';
import type { ApprovedRow, TranslationMemory } from '../../electron/services/tm/memory';

/** Words of a small vocabulary: random sentences of them share trigrams, so fuzzy matches are common. */
const WORDS = [
  '서울시는',
  '베트남',
  '하노이시와',
  '협력을',
  '체결했다',
  '밝혔다',
  '코스피',
  '지수는',
  '12.34',
];
const AT = ['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'];

const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 9 }).map((w) => w.join(' '));
const lang = fc.constantFrom<TargetLang>('en', 'vi');
const unit = fc.record({
  source: sentence,
  target: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G'),
  lang,
  at: fc.constantFrom(...AT),
  previous: fc.option(sentence, { nil: undefined }),
  next: fc.option(sentence, { nil: undefined }),
});

/** A stored source with one word changed (or a random word where the memory is empty): a fuzzy match. */
const edit = fc.record({ unit: fc.nat(), at: fc.nat(), word: fc.constantFrom(...WORDS) });
function edited(units: readonly ApprovedRow[], e: { unit: number; at: number; word: string }): string {
  if (units.length === 0) return e.word;
  const words = units[e.unit % units.length]!.source.split(' ');
  words[e.at % words.length] = e.word;
  return words.join(' ');
}

let desks = 0;

/**
 * Bulk lookups, run against every engine: `lookupMany` over an article gives every row exactly what `lookup` gives
 * it alone. Each run uses a desk of its own, so runs never see each other's units.
 */
export function bulkLookupCases(memory: () => TranslationMemory, numRuns: number): void {
  it('looks an article up in bulk with the same matches as row by row (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(unit, { maxLength: 25 }),
        fc.array(fc.oneof(sentence, fc.constant(''), fc.constant('  '), edit, edit), { maxLength: 12 }),
        lang,
        async (units: ApprovedRow[], article, l) => {
          const tm = memory();
          const desk = `bulk-${desks++}`;
          await tm.remember(desk, units);
          // Some rows are stored sources with their stored neighbours (101 %), the others random sentences.
          const sources = article.map((a) => (typeof a === 'string' ? a : edited(units, a)));
          const rows = [...units.slice(0, 4).map((u) => u.source), ...sources].map((source, i, all) => ({
            source,
            previous: all[i - 1],
            next: all[i + 1],
          }));
          const bulk = await tm.lookupMany(desk, l, rows);
          const single = await Promise.all(rows.map((r) => tm.lookup(desk, { ...r, lang: l })));
          expect(bulk).toEqual(single);
        },
      ),
      { numRuns },
    );
  });
}
