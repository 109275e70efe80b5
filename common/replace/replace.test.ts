import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPattern, planReplace, type ReplaceCell } from './index';

const cell = (id: string, text: string, approved = false): ReplaceCell => ({ id, text, approved });

describe('find & replace plan', () => {
  it('counts every match, leaves approved cells out unless asked, and limits to the chosen cells', () => {
    const cells = [
      cell('a', 'Seoul, Seoul'),
      cell('b', 'seoul'),
      cell('c', 'Seoul', true),
      cell('d', 'Busan'),
    ];
    const plan = planReplace(cells, { find: 'Seoul', replace: 'Sơ-un' });
    expect(plan.hits.map((h) => [h.id, h.after])).toEqual([
      ['a', 'Sơ-un, Sơ-un'],
      ['b', 'Sơ-un'],
    ]);
    expect(plan).toMatchObject({ replaced: 3, skippedApproved: 1 });
    expect(planReplace(cells, { find: 'Seoul', replace: 'x', includeApproved: true }).replaced).toBe(4);
    expect(planReplace(cells, { find: 'Seoul', replace: 'x', matchCase: true }).replaced).toBe(2);
    expect(planReplace(cells, { find: 'Seoul', replace: 'x', only: ['b'] }).hits.map((h) => h.id)).toEqual([
      'b',
    ]);
  });

  it('a whole word is not found inside another word, in any script', () => {
    const p = findPattern({ find: 'bus', wholeWord: true });
    expect('a bus, buses'.match(p)).toHaveLength(1);
    expect('xe buýt'.match(findPattern({ find: 'xe', wholeWord: true }))).toHaveLength(1);
  });

  it('compares composed: a find pasted decomposed finds the word, "e" is never the letter under the marks of "ệ"', () => {
    const nfd = 'Việt Nam'.normalize('NFD');
    const after = (text: string, find: string) =>
      planReplace([cell('x', text)], { find, replace: 'Viet', matchCase: true }).hits.map((h) => h.after);
    expect(after('Việt Nam', 'Việt'.normalize('NFD'))).toEqual(['Viet Nam']);
    // A cell stored decomposed (an older project) is found and replaced as composed.
    expect(after(nfd, 'Việt')).toEqual(['Viet Nam']);
    expect(after(nfd, 'e')).toEqual([]);
  });

  it('property: the text after equals the text with every literal occurrence replaced', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string({ minLength: 1, maxLength: 3 }),
        fc.string(),
        (text, find, replace) => {
          const plan = planReplace([cell('x', text)], { find, replace, matchCase: true });
          const expected = text.split(find).join(replace);
          expect(plan.hits[0]?.after ?? text).toBe(expected);
          expect(plan.replaced).toBe(expected === text ? 0 : text.split(find).length - 1);
        },
      ),
    );
  });
});
