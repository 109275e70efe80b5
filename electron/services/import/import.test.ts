import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../errors';
import {
  MAX_BYTES,
  MAX_SEGMENTS,
  parseArticle,
  parseText,
  readArticleFile,
  type ParsedArticle,
} from './index';
import { encodeEucKr, encodeUtf16, encodeUtf8, SAMPLE_PATH, sampleBytes } from '../../../test/support/import';

/** The AppError code a promise or call fails with (and the error, for params). */
async function failure(
  run: () => unknown,
): Promise<{ code: string; params?: Record<string, string | number> }> {
  try {
    await run();
  } catch (e) {
    if (isAppError(e)) return { code: e.code, ...(e.params ? { params: e.params } : {}) };
    throw e;
  }
  throw new Error('expected an AppError, but the call succeeded');
}

const kinds = (a: ParsedArticle) => a.segments.map((s) => s.kind);
const KOREAN = '서울시가 베트남과 협력한다.\n오 시장은 "기대한다"고 말했다.\n';

describe('the sample Newsis article', () => {
  let article: ParsedArticle;
  beforeAll(async () => {
    article = await parseArticle({ fileName: 'newsis.ko.txt', bytes: sampleBytes() });
  });

  it('has one row per non-empty line, with the right kinds (trailing blank lines ignored)', () => {
    const lines = readFileSync(SAMPLE_PATH, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
    expect(article.segments).toHaveLength(lines.length);
    expect(kinds(article)).toEqual([
      'headline',
      'subheadline',
      'subheadline',
      'subheadline',
      'picture',
      'caption',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'picture',
      'caption',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'credit',
      'copyright',
    ]);
  });

  it('reads the headline as title, format and encoding', () => {
    expect(article.title).toBe('오세훈 "스마트 모빌리티 우수기업들, 베트남 진출 지원"');
    expect(article.format).toBe('txt');
    expect(article.encoding).toBe('utf-8');
    // The sample was scraped from a page whose e-mail protection replaced the reporter's address.
    expect(article.warnings).toEqual(['import.emailProtected']);
  });

  it('splits pictures into caption and untouched image link, and links the repeated caption line', () => {
    const pictures = article.segments.filter((s) => s.kind === 'picture');
    expect(pictures.map((p) => p.imageUrl)).toEqual([
      'https://img1.newsis.com/2022/08/03/NISI20220803_0001056376_web.jpg?rnd=20220803203621',
      'https://img1.newsis.com/2022/08/03/NISI20220803_0001056377_web.jpg?rnd=20220803203810',
    ]);
    expect(pictures[0]!.source).toMatch(/^\[호찌민=뉴시스\] 오세훈 서울시장이 3일 오후/);
    expect(pictures[0]!.source).toContain('photo@newsis.com *재판매 및 DB 금지');
    const captions = article.segments.filter((s) => s.kind === 'caption');
    expect(captions.map((c) => c.linkedTo)).toEqual(pictures.map((p) => p.id));
    expect(captions[0]!.source).toContain('[email protected]');
    expect(captions.every((c) => c.translate)).toBe(true);
  });

  it('translates every row by default, credit and copyright too (source kept as is), with empty targets', () => {
    const credit = article.segments.find((s) => s.kind === 'credit')!;
    expect(credit.source).toBe('◎공감언론 뉴시스 [email protected]');
    expect(article.segments.some((s) => s.kind === 'copyright')).toBe(true);
    for (const s of article.segments) {
      expect(s.translate).toBe(true);
      expect(s.targets).toEqual({ vi: { text: '', status: 'empty' }, en: { text: '', status: 'empty' } });
    }
  });

  it('keeps the dateline inside its paragraph and every line exactly as written', () => {
    const text = readFileSync(SAMPLE_PATH, 'utf8');
    const paragraph = article.segments.find((s) => s.source.startsWith('오 시장은 3일(현지시각)'))!;
    expect(paragraph.kind).toBe('paragraph');
    for (const s of article.segments) if (s.kind !== 'picture') expect(text.split('\n')).toContain(s.source);
  });

  it('gives deterministic, unique ids: a re-import of the same file gives the same ids', async () => {
    const again = await parseArticle({ fileName: 'renamed.txt', bytes: sampleBytes() });
    expect(again.segments.map((s) => s.id)).toEqual(article.segments.map((s) => s.id));
    expect(new Set(article.segments.map((s) => s.id)).size).toBe(article.segments.length);
    for (const s of article.segments) expect(s.id).toMatch(/^p-[A-Za-z0-9]{10}(-\d+)?$/);
  });

  it('parses the same from pasted text (CRLF) as from the file', () => {
    const pasted = parseText(readFileSync(SAMPLE_PATH, 'utf8').replace(/\n/g, '\r\n'), { format: 'paste' });
    expect(pasted.format).toBe('paste');
    expect(pasted.segments).toEqual(article.segments);
  });
});

describe('text structure', () => {
  it('numbers repeated paragraphs instead of giving them the same id', () => {
    const a = parseText('제목이다\n같은 문단이 반복된다. 정말이다.\n같은 문단이 반복된다. 정말이다.\n');
    const [, first, second] = a.segments;
    expect(first!.source).toBe(second!.source);
    expect(second!.id).toBe(`${first!.id}-2`);
  });

  it('reads Markdown headings, lists, quotes and rules', () => {
    const md = [
      '# 오세훈, 베트남 방문',
      '## 스마트 모빌리티 협력',
      '[호찌민=뉴시스] 오 시장은 3일 협력을 선포했다. 이는 첫 사례다.',
      '## 주요 내용',
      '- 기술 제휴',
      '* 산학 협력',
      '1. 첫째 과제',
      '> 인용된 문장이다.',
      '---',
      '#해시태그 문단',
    ].join('\n');
    const a = parseText(md, { format: 'md' });
    expect(a.segments.map((s) => [s.kind, s.source])).toEqual([
      ['headline', '오세훈, 베트남 방문'],
      ['subheadline', '스마트 모빌리티 협력'],
      ['paragraph', '[호찌민=뉴시스] 오 시장은 3일 협력을 선포했다. 이는 첫 사례다.'],
      ['heading', '주요 내용'],
      ['list-item', '기술 제휴'],
      ['list-item', '산학 협력'],
      ['list-item', '1. 첫째 과제'],
      ['paragraph', '인용된 문장이다.'],
      ['paragraph', '#해시태그 문단'],
    ]);
    expect(a.format).toBe('md');
  });

  it('does not take body sentences or datelined leads as sub-headlines', () => {
    const a = parseText('제목\n[서울=뉴시스] 짧은 리드.\n두 번째 문단이다.\n');
    expect(kinds(a)).toEqual(['headline', 'paragraph', 'paragraph']);
    const b = parseText('제목\n서울시는 협력을 발표했다.\n');
    expect(kinds(b)).toEqual(['headline', 'paragraph']);
  });

  it('recognises reporter credits and copyright notices, but not body text that mentions them', () => {
    const a = parseText(
      [
        '제목',
        '본문 문단이다. 저작권(copyright) 논란이 있었다고 기자가 hong@example.com 으로 알렸다.',
        '홍길동 기자 hong@example.com',
        'kim@yna.co.kr',
        '<저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>',
        'ⓒ 뉴시스',
      ].join('\n'),
    );
    expect(kinds(a)).toEqual(['headline', 'paragraph', 'credit', 'credit', 'copyright', 'copyright']);
  });

  it('keeps e-mail addresses, URLs and inline links byte for byte', () => {
    const line =
      '자세한 내용은 [서울시](https://news.seoul.go.kr/a?b=1&c=%20d#x) 참조, 문의 a.b+c@seoul.go.kr 또는 http://x.kr/~y_(z)';
    const a = parseText(`제목\n${line}\n`);
    expect(a.segments[1]!.source).toBe(line);
  });

  it('takes a picture without caption as an untranslated picture row', () => {
    const a = parseText('제목이다\n![](https://x.kr/a.jpg)\n본문이다. 내용이 있다.\n');
    expect(a.segments[1]).toMatchObject({
      kind: 'picture',
      source: '',
      imageUrl: 'https://x.kr/a.jpg',
      translate: false,
    });
  });

  it('does not turn a script link into a picture (the line stays text, as written)', () => {
    const line = '![사진](javascript:alert(1))';
    const a = parseText(`제목이다\n${line}\n`);
    expect(a.segments[1]!.kind).not.toBe('picture');
    expect(a.segments[1]!.source).toBe(line);
    expect(a.segments[1]!.imageUrl).toBeUndefined();
  });

  it('does not link a line that merely follows a picture', () => {
    const a = parseText(
      '제목\n![서울시청 전경](https://x.kr/a.jpg)\n오 시장은 서울시청에서 기자회견을 열었다.\n',
    );
    expect(kinds(a)).toEqual(['headline', 'picture', 'paragraph']);
  });

  it('composes decomposed Hangul (NFD) so search and matching work', () => {
    const nfd = '한국어 제목'.normalize('NFD');
    expect(parseText(nfd).title).toBe('한국어 제목');
  });
});

describe('formats and encodings', () => {
  const expected = parseText(KOREAN).segments;

  it.each([
    ['utf-8', encodeUtf8(KOREAN), 'utf-8'],
    ['utf-8 with BOM', encodeUtf8(KOREAN, true), 'utf-8-bom'],
    ['utf-16le', encodeUtf16(KOREAN, 'le'), 'utf-16le'],
    ['utf-16be', encodeUtf16(KOREAN, 'be'), 'utf-16be'],
    ['euc-kr', encodeEucKr(KOREAN), 'cp949'],
    ['CRLF', encodeUtf8(KOREAN.replace(/\n/g, '\r\n')), 'utf-8'],
    ['old Mac CR', encodeUtf8(KOREAN.replace(/\n/g, '\r')), 'utf-8'],
  ])('decodes %s', async (_name, bytes, encoding) => {
    const a = await parseArticle({ fileName: 'a.txt', bytes });
    expect(a.encoding).toBe(encoding);
    expect(a.segments).toEqual(expected);
    expect(a.warnings).toEqual(encoding === 'cp949' ? ['import.encodingGuessed'] : []);
  });

  it('decodes the whole sample from EUC-KR (CP949) like the UTF-8 original', async () => {
    // © is not in KS X 1001; Korean sites write ⓒ in legacy pages.
    const text = readFileSync(SAMPLE_PATH, 'utf8').replace(/©/g, 'ⓒ');
    const a = await parseArticle({ fileName: 'old.txt', bytes: encodeEucKr(text) });
    expect(a.encoding).toBe('cp949');
    expect(a.segments).toEqual(parseText(text).segments);
  });

  it('lets a forced encoding override detection, and reports its canonical name', async () => {
    const bytes = encodeEucKr(KOREAN);
    const forced = await parseArticle({ fileName: 'a.txt', bytes, encoding: 'CP949' });
    expect(forced.encoding).toBe('cp949');
    expect(forced.warnings).toEqual([]);
    // Forcing the wrong one is obeyed, with a warning about the characters that did not decode.
    const wrong = await parseArticle({ fileName: 'a.txt', bytes, encoding: 'utf-8', acceptNonKorean: true });
    expect(wrong.encoding).toBe('utf-8');
    expect(wrong.warnings).toContain('import.decodeErrors');
  });

  it('refuses an unknown encoding name', async () => {
    expect(
      await failure(() =>
        parseArticle({ fileName: 'a.txt', bytes: encodeUtf8(KOREAN), encoding: 'klingon-8' }),
      ),
    ).toEqual({
      code: 'import.unknownEncoding',
      params: { encoding: 'klingon-8' },
    });
  });

  it('opens a UTF-8 file cut off in the middle of a character, with a warning', async () => {
    const bytes = encodeUtf8(KOREAN.trimEnd().replace(/\.$/, ''));
    expect(bytes[bytes.length - 1]).toBeGreaterThanOrEqual(0x80);
    const a = await parseArticle({ fileName: 'cut.txt', bytes: bytes.subarray(0, bytes.length - 1) });
    expect(a.encoding).toBe('utf-8');
    expect(a.warnings).toEqual(['import.decodeErrors']);
    expect(a.segments[0]!.source).toBe('서울시가 베트남과 협력한다.');
  });

  it('reads .md, .markdown and files without extension as text', async () => {
    expect((await parseArticle({ fileName: 'a.md', bytes: encodeUtf8(KOREAN) })).format).toBe('md');
    expect((await parseArticle({ fileName: 'a.markdown', bytes: encodeUtf8(KOREAN) })).format).toBe('md');
    expect((await parseArticle({ fileName: 'ARTICLE', bytes: encodeUtf8(KOREAN) })).format).toBe('txt');
  });
});

describe('bad input', () => {
  const utf8 = (s: string) => encodeUtf8(s);
  const cases: Array<[string, string, Uint8Array, string]> = [
    ['an empty file', 'a.txt', new Uint8Array(0), 'import.empty'],
    ['a BOM only', 'a.txt', Uint8Array.of(0xef, 0xbb, 0xbf), 'import.empty'],
    ['only whitespace', 'a.txt', utf8(' \n\t\r\n\u3000 \n'), 'import.onlyWhitespace'],
    ['only a rule', 'a.md', utf8('---\n***\n'), 'import.noText'],
    ['a PDF renamed .txt', 'a.txt', utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'import.binary'],
    [
      'a PNG renamed .txt',
      'a.txt',
      Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0),
      'import.binary',
    ],
    ['a JPEG renamed .md', 'a.md', Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), 'import.binary'],
    ['a GIF renamed .txt', 'a.txt', utf8('GIF89a\u0001'), 'import.binary'],
    ['a ZIP renamed .txt', 'a.txt', Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0), 'import.binary'],
    ['a ZIP renamed .html', 'a.html', Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0), 'import.binary'],
    ['text with NUL bytes', 'a.txt', utf8('서울\u0000\u0000\u0001시'), 'import.binary'],
    [
      'bytes neither UTF-8 nor EUC-KR',
      'a.txt',
      Uint8Array.of(0xff, 0xff, 0x80, 0xc0, 0xff, 0x41),
      'import.badEncoding',
    ],
    [
      'Latin-1 text',
      'a.txt',
      Uint8Array.from(Buffer.from('Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e, d\u00e9j\u00e0 vu', 'latin1')),
      'import.badEncoding',
    ],
    [
      'text without Hangul',
      'a.txt',
      utf8('Seoul and Vietnam sign a smart mobility deal.\n'),
      'import.notKorean',
    ],
    ['a text file named .docx', 'a.docx', utf8(KOREAN), 'import.corruptDocx'],
    [
      'a ZIP that is no Word file',
      'a.docx',
      Uint8Array.of(0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)),
      'import.corruptDocx',
    ],
  ];

  it.each(cases)('refuses %s', async (_name, fileName, bytes, code) => {
    expect((await failure(() => parseArticle({ fileName, bytes }))).code).toBe(code);
  });

  it('refuses unsupported extensions, and suggests .docx for word-processor files', async () => {
    expect(await failure(() => parseArticle({ fileName: 'photo.jpg', bytes: utf8(KOREAN) }))).toEqual({
      code: 'import.unsupported',
      params: { ext: 'jpg' },
    });
    expect(await failure(() => parseArticle({ fileName: '기사.HWP', bytes: utf8(KOREAN) }))).toEqual({
      code: 'import.saveAsDocx',
      params: { ext: 'hwp' },
    });
  });

  it('refuses a 50 MB text, giving the limit', async () => {
    const bytes = new Uint8Array(50 * 1024 * 1024).fill(0x41);
    const error = await failure(() => parseArticle({ fileName: 'big.txt', bytes }));
    expect(error).toEqual({
      code: 'import.tooLarge',
      params: { limitMb: MAX_BYTES / 1024 / 1024, sizeMb: 50 },
    });
    expect((await failure(() => parseText('가'.repeat(MAX_BYTES / 3 + 1)))).code).toBe('import.tooLarge');
  });

  it('refuses 100,000 lines, giving the limit, but accepts the limit itself', async () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `문단 ${i}`).join('\n');
    expect(await failure(() => parseText(lines(100_000)))).toEqual({
      code: 'import.tooManyParagraphs',
      params: { limit: MAX_SEGMENTS },
    });
    expect(parseText(lines(MAX_SEGMENTS)).segments).toHaveLength(MAX_SEGMENTS);
  });

  it('opens a text without Hangul when the user accepts, with the warning', async () => {
    const a = await parseArticle({
      fileName: 'en.txt',
      bytes: utf8('Seoul and Vietnam\nThe mayor said so.\n'),
      acceptNonKorean: true,
    });
    expect(a.warnings).toEqual(['import.notKoreanAccepted']);
    expect(a.title).toBe('Seoul and Vietnam');
  });
});

describe('readArticleFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'import-test-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads and parses a file from disk', async () => {
    const path = join(dir, '기사.txt');
    await writeFile(path, encodeEucKr(KOREAN));
    const a = await readArticleFile(path);
    expect(a.encoding).toBe('cp949');
    expect(a.segments.map((s) => s.source)).toEqual([
      '서울시가 베트남과 협력한다.',
      '오 시장은 "기대한다"고 말했다.',
    ]);
    expect((await readArticleFile(path, { encoding: 'euc-kr' })).warnings).toEqual([]);
  });

  it('turns a missing file into import.notFound and a folder into import.notRegularFile', async () => {
    expect((await failure(() => readArticleFile(join(dir, 'missing.txt')))).code).toBe('import.notFound');
    expect((await failure(() => readArticleFile(join(dir, 'nofolder', 'a.txt')))).code).toBe(
      'import.notFound',
    );
    await mkdir(join(dir, 'folder.txt'));
    expect((await failure(() => readArticleFile(join(dir, 'folder.txt')))).code).toBe(
      'import.notRegularFile',
    );
  });

  it('turns a permission error into import.unreadable', async () => {
    const path = join(dir, 'locked.txt');
    await writeFile(path, KOREAN);
    await chmod(path, 0o000);
    if (process.getuid?.() !== 0) {
      expect((await failure(() => readArticleFile(path))).code).toBe('import.unreadable');
      return;
    }
    // Root reads every file (CI runs as root) through its DAC capabilities: ask the same function in a child
    // process that has them dropped from its bounding set (util-linux `setpriv`), so file modes apply to it.
    const script = `import(${JSON.stringify(pathToFileURL(join(import.meta.dirname, 'index.ts')).href)})
      .then((m) => m.readArticleFile(process.argv[1]))
      .then(() => console.log('read'), (e) => console.log(e.code))`;
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;
    const { stdout } = await promisify(execFile)('setpriv', [
      '--bounding-set', '-dac_override,-dac_read_search', '--',
      process.execPath, '--import', tsx, '-e', script, path,
    ]); // prettier-ignore
    expect(stdout.trim()).toBe('import.unreadable');
  });

  it('refuses an unsupported file before reading it', async () => {
    expect((await failure(() => readArticleFile(join(dir, 'missing.pdf')))).code).toBe('import.saveAsDocx');
  });
});

describe('error and warning codes', () => {
  // Every code this module can raise must have a message in all three UI languages.
  const source = ['index.ts', 'decode.ts', 'docx.ts', 'html.ts', 'segment.ts', 'text.ts']
    .map((f) => readFileSync(join(import.meta.dirname, f), 'utf8'))
    .join('\n');
  const codes = [...new Set([...source.matchAll(/'import\.(\w+)'/g)].map((m) => m[1]!))];

  it.each(['en', 'ko', 'vi'])('are all in locales/%s/errors.json', (lng) => {
    const messages = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../../locales', lng, 'errors.json'), 'utf8'),
    ) as { import: Record<string, string> };
    expect(codes.length).toBeGreaterThan(15);
    for (const code of codes) expect(messages.import[code], `${lng} import.${code}`).toBeTruthy();
  });
});
