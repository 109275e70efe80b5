import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTermFile } from '../qa/termfiles';
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

  it('opens a CP949 file cut off mid-character, as a cut UTF-8 file: the text, a � and both warnings', async () => {
    // The CP949 article written for the tests, cut inside its last two-byte syllable (a download that stopped).
    const path = join(import.meta.dirname, '../../../test/fixtures/articles/namwon-festival.cp949.txt');
    const whole = readFileSync(path);
    const cut = whole.subarray(0, whole.indexOf('412') + 4); // inside 억, after 412
    const a = await parseArticle({ fileName: 'namwon.txt', bytes: cut });
    expect(a.encoding).toBe('cp949');
    expect(a.warnings).toEqual(['import.encodingGuessed', 'import.decodeErrors']);
    expect(a.segments.at(-1)!.source).toBe('시는 축제 기간 지역 경제 파급 효과를 약 412�');
    // Bytes of no Korean code page at all are still refused.
    const latin1 = Buffer.from('Caf\xe9 cr\xe8me \xe0 la fran\xe7aise, na\xefve.\n', 'latin1');
    await expect(parseArticle({ fileName: 'fr.txt', bytes: latin1 })).rejects.toMatchObject({
      code: 'import.badEncoding',
    });
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

  describe('a UTF-16 file cut off mid-character or holding half a surrogate pair is never read as clean text', () => {
    const utf16 = (s: string, bom: number[], enc: 'utf16le' | 'utf16be') => {
      const body = Buffer.from(s, 'utf16le');
      if (enc === 'utf16be') body.swap16();
      return Buffer.concat([Buffer.from(bom), body]);
    };
    const LE = utf16('서울시는 4일 베트남과 협약을 맺었다.\n부산', [0xff, 0xfe], 'utf16le');
    const BE = utf16('서울시는 4일 베트남과 협약을 맺었다.\n부산', [0xfe, 0xff], 'utf16be');
    const HALF = Buffer.concat([LE, Buffer.from([0x3d, 0xd8]), Buffer.from('항', 'utf16le')]);
    it.each([
      ['UTF-16LE cut off', LE.subarray(0, LE.length - 1)],
      ['UTF-16BE cut off', BE.subarray(0, BE.length - 1)],
      ['half a surrogate pair', HALF],
    ])('%s: the article says some bytes did not decode', async (_what, bytes) => {
      const a = await parseArticle({ fileName: 'a.txt', bytes });
      expect(a.warnings).toContain('import.decodeErrors');
    });

    it('a termbase CSV cut off mid-character is refused, no term gets a replacement character', () => {
      const csv = utf16('ko,vi,en\n서울,Seoul,Seoul\n부산,Busan,Busan', [0xff, 0xfe], 'utf16le');
      expect(parseTermFile('t.csv', csv)[1]).toMatchObject({ en: 'Busan' });
      expect(() => parseTermFile('t.csv', csv.subarray(0, csv.length - 1))).toThrow(
        expect.objectContaining({ code: 'qa.termFileEncoding' }),
      );
    });
  });
});
