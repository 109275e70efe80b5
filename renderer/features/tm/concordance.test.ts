import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concordanceKey, markPhrase } from './concordance';

describe('markPhrase', () => {
  it('marks every occurrence, ignoring case and runs of white space', () => {
    expect(markPhrase('Đà Nẵng và  đà nẵng', 'đà nẵng')).toEqual([
      { text: 'Đà Nẵng', hit: true },
      { text: ' và  ', hit: false },
      { text: 'đà nẵng', hit: true },
    ]);
    expect(markPhrase('업무협약을 체결', '협약')).toEqual([
      { text: '업무', hit: false },
      { text: '협약', hit: true },
      { text: '을 체결', hit: false },
    ]);
  });

  it('treats regular-expression characters as text', () => {
    expect(markPhrase('tăng 0,51% (KOSPI)', '51% (K').filter((p) => p.hit)).toEqual([
      { text: '51% (K', hit: true },
    ]);
  });

  it('always gives back the text it was given', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (text, phrase) => {
        expect(
          markPhrase(text, phrase)
            .map((p) => p.text)
            .join(''),
        ).toBe(text);
      }),
    );
  });
});

describe('concordanceKey', () => {
  it('↑/↓ pick a hit within the list, Enter inserts the picked one, nothing happens without hits', () => {
    expect(concordanceKey('ArrowDown', 0, 3)).toEqual({ pick: 1 });
    expect(concordanceKey('ArrowDown', 2, 3)).toEqual({ pick: 2 });
    expect(concordanceKey('ArrowUp', 0, 3)).toEqual({ pick: 0 });
    expect(concordanceKey('Enter', 1, 3)).toBe('insert');
    expect(concordanceKey('Enter', 0, 0)).toBeNull();
    expect(concordanceKey('ArrowDown', 0, 0)).toBeNull();
    expect(concordanceKey('a', 0, 3)).toBeNull();
  });
});
