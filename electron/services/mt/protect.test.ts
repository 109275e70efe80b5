import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeXml, protect, restore, unescapeXml } from './protect';

describe('protect / restore', () => {
  it('wraps e-mail addresses and URLs, not the Korean particle or the full stop after them', () => {
    const { xml, tokens } = protect(
      '기사 문의는 photo@newsis.com으로, 자료는 https://www.newsis.com/view?id=1&a=2.',
    );
    expect(tokens).toEqual(['photo@newsis.com', 'https://www.newsis.com/view?id=1&a=2']);
    expect(xml).toBe(
      '기사 문의는 <x id="1">photo@newsis.com</x>으로, 자료는 <x id="2">https://www.newsis.com/view?id=1&amp;a=2</x>.',
    );
  });

  it('keeps a URL with balanced parentheses and drops an unbalanced closing one', () => {
    expect(protect('(https://en.wikipedia.org/wiki/Seoul_(city))').tokens).toEqual([
      'https://en.wikipedia.org/wiki/Seoul_(city)',
    ]);
    expect(protect('(www.example.com)').tokens).toEqual(['www.example.com']);
  });

  it('leaves text without tokens as escaped text', () => {
    expect(protect('a < b && c > d').xml).toBe('a &lt; b &amp;&amp; c &gt; d');
    expect(protect('[email protected]').tokens).toEqual([]);
  });

  it('restores tokens wherever DeepL moved them, whatever it did inside, and unescapes the rest', () => {
    const { tokens } = protect('연락 a@b.kr 및 http://x.kr');
    const answer =
      'See <x id="2">HTTP://X.KR</x> &amp; contact <x id="1">a @ b.kr</x> &lt;now&gt; &#39;ok&#x27;';
    expect(restore(answer, tokens)).toBe("See http://x.kr & contact a@b.kr <now> 'ok'");
  });

  it('appends a token whose element DeepL dropped, so nothing is lost', () => {
    const { tokens } = protect('메일 a@b.kr 참고');
    expect(restore('Refer to the mail', tokens)).toBe('Refer to the mail a@b.kr');
    expect(restore('mail <x id="1"/> here', tokens)).toBe('mail a@b.kr here');
  });

  it('round-trips any text exactly when DeepL returns the markup unchanged', () => {
    const piece = fc.oneof(
      fc.string(),
      fc.constantFrom('<', '>', '&', '&amp;', '&lt;', '"', "'", '<x id="1">', '</x>', ' ', '서울시', '\n'),
      fc.constantFrom(
        'photo@newsis.com',
        'https://img1.newsis.com/a.jpg?rnd=1&b=2',
        'www.seoul.go.kr',
        'a.b+c@d-e.co.kr',
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const { xml, tokens } = protect(text);
        expect(restore(xml, tokens)).toBe(text);
        for (const t of tokens) expect(text).toContain(t);
      }),
      { numRuns: 500 },
    );
  });

  it('escape and unescape are inverse', () => {
    fc.assert(fc.property(fc.string(), (s) => unescapeXml(escapeXml(s)) === s));
  });
});
