import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countText } from './limits';

describe('counts', () => {
  it('counts characters as a reader does (composed Vietnamese, Hangul, emoji) and words by spaces', () => {
    expect(countText('Thành phố Seoul')).toEqual({ chars: 15, words: 3 });
    // The same text typed with combining marks counts the same.
    expect(countText('Tha\u0300nh pho\u0302\u0301 Seoul')).toEqual({ chars: 15, words: 3 });
    expect(countText('서울시 👍')).toEqual({ chars: 5, words: 2 });
    expect(countText('  ')).toEqual({ chars: 0, words: 0 });
  });

  it('property: words never exceed characters, and joining words with one space keeps the counts', () => {
    const word = fc.string({ minLength: 1, maxLength: 8 }).filter((w) => /^\S+$/u.test(w));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 20 }), (words) => {
        const c = countText(words.join(' '));
        expect(c.words).toBe(words.length);
        expect(c.words).toBeLessThanOrEqual(c.chars);
      }),
    );
  });
});
