import { describe, expect, it } from 'vitest';
import { parseArticle, parseText } from './index';

// CP949 (Unified Hangul Code) byte pairs for syllables that plain EUC-KR (KS X 1001) cannot encode, taken from the
// Microsoft code page 949 table, not from the decoder under test: 똠 U+B620 = 8C 63, 햏 U+D74F = C1 64,
// 뷁 U+BDC1 = 94 EE. 한 = C7 D1, 국 = B1 B9 are in both.
const UHC = Uint8Array.of(0x8c, 0x63, 0xc1, 0x64, 0x94, 0xee, 0x20, 0xc7, 0xd1, 0xb1, 0xb9, 0x0a);

describe('CP949 and Unicode normalization on the way in', () => {
  it('detects CP949 with UHC-only syllables (똠, 햏, 뷁) and says which encoding it used', async () => {
    const a = await parseArticle({ fileName: 'old.txt', bytes: UHC });
    expect(a.segments[0]!.source).toBe('똠햏뷁 한국');
    expect(a.encoding).toBe('cp949');
    expect(a.warnings).toEqual(['import.encodingGuessed']);
  });

  it.each(['cp949', 'euc-kr', 'ms949', 'UHC'])(
    'decodes them when forced as %s, without errors',
    async (label) => {
      const a = await parseArticle({ fileName: 'old.txt', bytes: UHC, encoding: label });
      expect(a.segments[0]!.source).toBe('똠햏뷁 한국');
      expect(a.encoding).toBe('cp949');
      expect(a.warnings).toEqual([]);
    },
  );

  it('composes decomposed (NFD) Hangul and Vietnamese from every format', async () => {
    const nfd = '서울시 똠방각하 Việt Nam'.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    const want = '서울시 똠방각하 Việt Nam'.normalize('NFC');
    const text = await parseArticle({ fileName: 'a.txt', bytes: new TextEncoder().encode(nfd) });
    const html = await parseArticle({ fileName: 'a.html', bytes: new TextEncoder().encode(`<p>${nfd}</p>`) });
    expect(text.segments[0]!.source).toBe(want);
    expect(html.segments[0]!.source).toBe(want);
    expect(parseText(nfd).segments[0]!.source).toBe(want);
  });

  it('removes control characters with a warning (one policy for every format)', async () => {
    const a = await parseArticle({
      fileName: 'a.html',
      bytes: new TextEncoder().encode('<p>서울\u0007시 기사\u001b</p><p>\u0001</p>'),
    });
    expect(a.segments.map((s) => s.source)).toEqual(['서울시 기사']);
    expect(a.warnings).toEqual(['import.controlCharsRemoved']);
  });

  it('flags the "[email protected]" left by a scraped page', () => {
    expect(parseText('기자 [email protected]\n본문이다.').warnings).toEqual(['import.emailProtected']);
    expect(parseText('기자 a@b.com\n본문이다.').warnings).toEqual([]);
  });
});
