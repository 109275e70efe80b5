import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { type EXPORT_FORMATS, type Project, type Segment, type TargetCell } from '../../contract';
import { isAppError } from '../errors';
import { readXliff } from '../interchange/xliff-read';
import { buildExport, previewExport } from './index';
import { editDistance } from './report';

const SCHEMAS = resolve(import.meta.dirname, '../../../e2e/support/schemas');
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
const ctx = { now: new Date('2026-11-25T09:30:00Z'), reviewer: 'Lan Nguyen', appVersion: '0.1.0' };

const machine = (text: string): TargetCell => ({ text, mt: text, status: 'machine' });
const approved = (text: string, mt = text): TargetCell => ({
  text,
  mt,
  status: 'approved',
  approvedAt: '2026-11-25T09:00:00.000Z',
  approvedBy: 'Lan Nguyen',
  editMs: 42_000,
});
function seg(
  id: string,
  kind: Segment['kind'],
  source: string,
  vi: TargetCell,
  en: TargetCell,
  extra: Partial<Segment> = {},
): Segment {
  return { id, kind, source, translate: true, targets: { vi, en }, ...extra };
}

/** A sample-like project with every kind of row and every status. */
export function sampleProject(): Project {
  return {
    schemaVersion: 1,
    id: 'proj-1',
    name: '오세훈 "스마트 모빌리티 우수기업들, 베트남 진출 지원"',
    source: {
      fileName: 'article.txt',
      format: 'txt',
      encoding: 'utf-8',
      importedAt: '2026-11-25T08:00:00.000Z',
    },
    englishVariant: 'en-US',
    glossary: [],
    createdAt: '2026-11-25T08:00:00.000Z',
    updatedAt: '2026-11-25T09:10:00.000Z',
    segments: [
      seg(
        'h1',
        'headline',
        '오세훈 "스마트 모빌리티 우수기업들, 베트남 진출 지원"',
        approved('Oh Se-hoon: Hỗ trợ doanh nghiệp vào Việt Nam', 'Oh Se-hoon: hỗ trợ DN'),
        approved('Oh Se-hoon backs smart-mobility firms in Vietnam'),
      ),
      seg(
        's1',
        'subheadline',
        '서울시, 베트남 정부·대학과 공동 협력 선포',
        approved('Seoul tuyên bố hợp tác với Việt Nam'),
        machine('Seoul declares cooperation'),
      ),
      seg(
        'pic',
        'picture',
        '[호찌민=뉴시스] 오세훈 서울시장이 기념촬영을 하고 있다. photo@newsis.com',
        approved('[TP.HCM=Newsis] Thị trưởng Oh Se-hoon chụp ảnh. photo@newsis.com'),
        approved('[HCMC=Newsis] Mayor Oh poses. photo@newsis.com'),
        { imageUrl: 'https://img1.newsis.com/2022/08/03/a.jpg?rnd=1' },
      ),
      seg(
        'cap',
        'caption',
        '[호찌민=뉴시스] 오세훈 서울시장이 기념촬영을 하고 있다. [email protected]',
        approved('[TP.HCM=Newsis] Thị trưởng Oh Se-hoon chụp ảnh. photo@newsis.com'),
        approved('[HCMC=Newsis] Mayor Oh poses. photo@newsis.com'),
        { linkedTo: 'pic' },
      ),
      seg(
        'p1',
        'paragraph',
        '오 시장은 <과기부> & "NATEC"과 LOI를 체결했다. https://newsis.com',
        approved('Ông Oh ký LOI với <Bộ KH&CN> & "NATEC". https://newsis.com', 'Ông Oh ký LOI'),
        { ...machine('Mayor Oh signed an LOI'), comment: 'check NATEC' },
      ),
      seg(
        'p2',
        'paragraph',
        '이번 선포식은 기술기업 진출을 지원한다.',
        { text: 'Bản nháp của tôi', mt: 'Lễ công bố hỗ trợ', status: 'edited', editMs: 9000 },
        { text: '', status: 'empty' },
      ),
      seg(
        'p3',
        'paragraph',
        '또 시는 산학협력도 지원하기로 했다.',
        machine('Thành phố cũng hỗ trợ hợp tác'),
        { text: '', status: 'error', error: 'mt.serverError' },
      ),
      {
        ...seg(
          'c1',
          'credit',
          '◎공감언론 뉴시스 [email protected]',
          { text: '', status: 'empty' },
          { text: '', status: 'empty' },
        ),
        translate: false,
      },
      {
        ...seg(
          'c2',
          'copyright',
          'Copyright © NEWSIS.COM, 무단 전재 및 재배포 금지',
          { text: '', status: 'empty' },
          { text: '', status: 'empty' },
        ),
        translate: false,
      },
    ],
  };
}

async function build(
  project: Project,
  format: (typeof EXPORT_FORMATS)[number],
  lang: 'vi' | 'en' | 'all',
  policy: 'approved-only' | 'include-unapproved' = 'approved-only',
) {
  return buildExport(project, { lang, format, policy }, ctx);
}
// ignoreBOM keeps a byte-order mark in the decoded text, so tests can see it.
const text = (b: { data: Uint8Array }) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b.data);

async function xmllint(
  kind: 'xliff2' | 'xliff12' | 'tmx',
  content: string,
): Promise<{ status: number; stderr: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'xmllint-'));
  const file = join(dir, kind === 'tmx' ? 'out.tmx' : 'out.xlf');
  await writeFile(file, content);
  const args =
    kind === 'xliff2'
      ? ['--noout', '--nonet', '--schema', join(SCHEMAS, 'xliff-2.0/xliff_core_2.0.xsd'), file]
      : kind === 'xliff12'
        ? ['--noout', '--nonet', '--schema', join(SCHEMAS, 'xliff-1.2/xliff-core-1.2-strict.xsd'), file]
        : ['--noout', '--nonet', '--nowarning', '--dtdvalid', join(SCHEMAS, 'tmx-1.4b/tmx14.dtd'), file];
  const r = spawnSync('xmllint', args, {
    env: { ...process.env, XML_CATALOG_FILES: join(SCHEMAS, 'xliff-1.2/catalog.xml') },
    encoding: 'utf8',
  });
  return { status: r.status ?? -1, stderr: r.stderr };
}

/** The XML of a DOCX part (our own zip reader: stored or deflated entries, enough for files docx writes). */
function docxPart(zip: Uint8Array, name: string): string {
  const buf = Buffer.from(zip);
  let at = 0;
  while (at < buf.length - 30 && buf.readUInt32LE(at) === 0x04034b50) {
    const method = buf.readUInt16LE(at + 8);
    const size = buf.readUInt32LE(at + 18);
    const nameLen = buf.readUInt16LE(at + 26);
    const extra = buf.readUInt16LE(at + 28);
    const entry = buf.subarray(at + 30, at + 30 + nameLen).toString();
    const start = at + 30 + nameLen + extra;
    const data = buf.subarray(start, start + size);
    if (entry === name) return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    at = start + size;
  }
  throw new Error(`${name} not in zip`);
}

describe('preview', () => {
  it('counts reviewable rows and lists the gaps with their row numbers', () => {
    const p = previewExport(sampleProject(), 'all');
    expect(p.perLang.map((l) => [l.lang, l.approved, l.total, l.gaps.map((g) => g.index)])).toEqual([
      ['vi', 4, 6, [6, 7]],
      ['en', 2, 6, [2, 5, 6, 7]],
    ]);
  });
});

describe('publishing formats', () => {
  it('markdown: approved text only, pictures keep their link, gaps marked, credit verbatim', async () => {
    const md = text(await build(sampleProject(), 'md', 'vi'));
    expect(md).toContain('# Oh Se-hoon: Hỗ trợ doanh nghiệp vào Việt Nam');
    expect(md).toContain('## Seoul tuyên bố hợp tác với Việt Nam');
    expect(md).toContain('](<https://img1.newsis.com/2022/08/03/a.jpg?rnd=1>)');
    expect(md).toContain('\\<Bộ KH&CN>');
    expect(md).toContain('[CHƯA DUYỆT — hàng 6]');
    expect(md).not.toContain('Bản nháp của tôi');
    expect(md).not.toContain('Thành phố cũng hỗ trợ');
    expect(md).toContain('◎공감언론 뉴시스');
    const order = ['# Oh', '## Seoul', '![', 'Ông Oh', 'hàng 6', 'hàng 7', '◎', 'Copyright'].map((s) =>
      md.indexOf(s),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('include-unapproved marks drafts and never shows a cell with no text', async () => {
    const txt = text(await build(sampleProject(), 'txt', 'vi', 'include-unapproved'));
    // Markers in the document's language.
    expect(txt).toContain('[BẢN NHÁP] Bản nháp của tôi');
    expect(txt).toContain('[BẢN NHÁP] Thành phố cũng hỗ trợ');
    const en = text(await build(sampleProject(), 'txt', 'en', 'include-unapproved'));
    expect(en).toContain('[NOT APPROVED — row 6]');
    expect(en).toContain('https://img1.newsis.com/2022/08/03/a.jpg?rnd=1');
  });

  it('html: lang set, everything escaped, figure for pictures', async () => {
    const page = text(await build(sampleProject(), 'html', 'en'));
    expect(page).toContain('<html lang="en-US">');
    expect(page).toContain('<figure><img src="https://img1.newsis.com/2022/08/03/a.jpg?rnd=1"');
    expect(page).not.toContain('<Bộ');
    const vi = text(await build(sampleProject(), 'html', 'vi'));
    expect(vi).toContain('&lt;Bộ KH&amp;CN&gt; &amp; "NATEC"');
    expect(vi).toContain('<mark class="gap" data-row="6">');
  });

  it('docx: headings kept, document and runs tagged vi-VN, text readable by Word tools', async () => {
    const file = await build(sampleProject(), 'docx', 'vi');
    const raw = (await mammoth.extractRawText({ buffer: Buffer.from(file.data) })).value;
    expect(raw).toContain('Oh Se-hoon: Hỗ trợ doanh nghiệp vào Việt Nam');
    expect(raw).toContain('[CHƯA DUYỆT — hàng 6]');
    expect(raw).not.toContain('Bản nháp của tôi');
    const xml = docxPart(file.data, 'word/document.xml');
    expect(xml).toMatch(/<w:lang w:val="vi-VN"/);
    expect(xml).toContain('w:val="Heading1"');
    expect(docxPart(file.data, 'word/styles.xml')).toMatch(/<w:lang w:val="vi-VN"/);
  });

  it('review docx: one table row per segment with all three languages and statuses', async () => {
    const file = await build(sampleProject(), 'review-docx', 'all');
    const raw = (await mammoth.extractRawText({ buffer: Buffer.from(file.data) })).value;
    for (const s of [
      '한국어',
      'Tiếng Việt',
      'English',
      'vi: edited',
      'en: error',
      'check NATEC',
      '서울시, 베트남',
    ])
      expect(raw).toContain(s);
    expect(docxPart(file.data, 'word/document.xml')).toContain('w:val="ko-KR"');
  });
});

// xmllint comes with `npm run setup -- --test` (libxml2-utils); without it this block fails, it does not skip.
describe('interchange formats validate against the official schemas', () => {
  it('XLIFF 2.0: valid; states initial/translated/final; MT and comment as notes', async () => {
    const xml = text(await build(sampleProject(), 'xliff2', 'vi'));
    expect(await xmllint('xliff2', xml)).toMatchObject({ status: 0 });
    expect(xml).toContain('trgLang="vi-VN"');
    expect(xml).toMatch(/<unit id="p2"[\s\S]*?state="translated"/);
    expect(xml).toMatch(/<unit id="p3"[\s\S]*?state="initial"/);
    expect(xml).toMatch(/<unit id="h1"[\s\S]*?state="final"/);
    expect(xml).toContain('<note category="mt" id="mt">Lễ công bố hỗ trợ</note>');
  });

  it('XLIFF 1.2: valid (strict); mt-suggestion and alt-trans for machine output', async () => {
    const xml = text(await build(sampleProject(), 'xliff12', 'en'));
    expect(await xmllint('xliff12', xml)).toMatchObject({ status: 0 });
    expect(xml).toMatch(
      /<trans-unit id="s1"[^>]*><source xml:lang="ko">[^<]*<\/source><target xml:lang="en-US" state="needs-review-translation" state-qualifier="mt-suggestion">/,
    );
    expect(xml).toContain(
      '<alt-trans origin="DeepL"><target xml:lang="en-US">Mayor Oh signed an LOI</target></alt-trans>',
    );
    expect(xml).toMatch(/<trans-unit id="h1"[^>]*approved="yes"/);
  });

  it('TMX 1.4b: valid; approved rows only, three languages per unit, dates and reviewer', async () => {
    const xml = text(await build(sampleProject(), 'tmx', 'all'));
    expect(await xmllint('tmx', xml)).toMatchObject({ status: 0 });
    const units = xml.match(/<tu /g) ?? [];
    expect(units).toHaveLength(3); // h1, pic and its caption line: the only rows approved in both languages
    expect(xml).toContain('<tu tuid="cap"'); // caption rows are translations too
    expect(xml).toContain('<tu tuid="h1" creationdate="20261125T080000Z" creationid="Lan Nguyen"');
    expect(xml).toMatch(
      /<tuv xml:lang="ko-KR"><seg>[^<]+<\/seg><\/tuv><tuv xml:lang="vi-VN" changedate="20261125T090000Z" changeid="Lan Nguyen">/,
    );
    const viOnly = text(await build(sampleProject(), 'tmx', 'vi'));
    expect(await xmllint('tmx', viOnly)).toMatchObject({ status: 0 });
    expect(viOnly.match(/<tu /g)).toHaveLength(5);
  });

  it('an invalid file is detected by the same check (the validation can fail)', async () => {
    const xml = text(await build(sampleProject(), 'xliff2', 'vi')).replace('state="final"', 'state="done"');
    expect((await xmllint('xliff2', xml)).status).not.toBe(0);
  });
});

/** CSV rows as Python's csv module reads them (the reader data tools use). */
function readCsvWithPython(csv: string): string[][] {
  const code =
    'import csv,io,json,sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read().lstrip("\\ufeff"), newline="")))))';
  const run = spawnSync('/usr/bin/python3', ['-c', code], { input: csv, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as string[][];
}

describe('reports', () => {
  it('edit distance counts letters, however they were typed', () => {
    expect(editDistance('Việt', 'Viet')).toBe(1);
    expect(editDistance('Vie\u0302\u0323t', 'Việt')).toBe(0); // decomposed and precomposed are the same letter
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('CSV: one table (BOM, RFC 4180), rows and per-language totals told apart by `type`', async () => {
    const csv = text(await build(sampleProject(), 'report-csv', 'all'));
    expect(csv.startsWith('\uFEFFtype,row,lang,source,mt,final,edit_distance')).toBe(true);
    expect(csv).toContain('"Ông Oh ký LOI với <Bộ KH&CN> & ""NATEC"". https://newsis.com"');
    // Read as a spreadsheet program reads it (Python's csv module): every line has the header's columns.
    const rows = readCsvWithPython(csv);
    const [header, ...lines] = rows;
    expect(lines.every((l) => l.length === header!.length)).toBe(true);
    const totals = lines
      .filter((l) => l[0] === 'total')
      .map((l) => Object.fromEntries(l.map((v, i) => [header![i], v])));
    expect(totals.map((t) => [t.lang, t.rows, t.approved])).toEqual([
      ['vi', '6', '4'],
      ['en', '6', '2'],
    ]);
    expect(lines.filter((l) => l[0] === 'row')).toHaveLength(12);
    expect(lines.every((l) => l[0] === 'row' || l[0] === 'total')).toBe(true);
    // A cell that Excel would run as a formula is kept as text.
    const p = sampleProject();
    p.segments[4]!.targets.vi.comment = '=HYPERLINK("http://x")';
    expect(text(await build(p, 'report-csv', 'all'))).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('HTML: rows and totals, escaped', async () => {
    const page = text(await build(sampleProject(), 'report-html', 'all'));
    expect(page).toContain('&lt;Bộ KH&amp;CN&gt;');
    expect(page).toContain('<th scope="row">en</th><td>6</td><td>2</td>');
  });
});

describe('interchange text', () => {
  it('any Unicode text survives XLIFF and TMX export → import, or is refused — never an invalid file', async () => {
    const special = fc.constantFrom(
      '<',
      '>',
      '&',
      '"',
      "'",
      '\r',
      '\n',
      '\t',
      ' ',
      '\u0000',
      '\u0001',
      '\u001F',
      '\uFFFE',
      '\uD800',
      '\uDC00',
      '&#13;',
      ']]>',
      '😀',
      'ệ',
    );
    const arbitrary = fc
      .array(fc.oneof(fc.string({ unit: 'binary' }), special), { maxLength: 8 })
      .map((parts) => parts.join(''));
    let validated = 0;
    await fc.assert(
      fc.asyncProperty(arbitrary, fc.constantFrom('xliff2', 'xliff12', 'tmx'), async (value, format) => {
        const project = sampleProject();
        // One control-character policy for every format: a row holding one is refused, naming the row.
        project.segments[4]!.targets.vi = approved(value === '' ? 'x' : value, 'bản máy');
        const expected = project.segments[4]!.targets.vi.text;
        let xml: string;
        try {
          xml = text(await build(project, format, 'vi'));
        } catch (e) {
          expect(isAppError(e, 'export.invalidXmlChar')).toBe(true);
          // eslint-disable-next-line no-control-regex -- matching the characters XML cannot carry is the point
          expect(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/.test(expected)).toBe(
            true,
          );
          return;
        }
        // Occasionally run the real validator on what the property produced.
        // eslint-disable-next-line no-control-regex -- matching the characters XML cannot carry is the point
        if (hasXmllint && validated < 25 && /[<&\r\u0001"]/.test(expected)) {
          validated++;
          expect((await xmllint(format, xml)).status).toBe(0);
        }
        if (format === 'tmx') {
          const seg = /<tu tuid="p1"[\s\S]*?xml:lang="vi-VN"[^>]*><seg>([\s\S]*?)<\/seg>/.exec(xml)![1]!;
          expect(
            seg.replace(/&#13;/g, '\r').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'),
          ).toBe(expected);
          return;
        }
        // What another tool reads back is exactly the text (NFC, as every import normalizes).
        const unit = readXliff(new TextEncoder().encode(xml)).units.find((u) => u.id === 'p1')!;
        expect(unit.text).toBe(expected.normalize('NFC'));
      }),
      { numRuns: 300 },
    );
  });
});
