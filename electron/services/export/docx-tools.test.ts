/**
 * Word files read with python-docx (what scripts and many converters use to read .docx), names of exported files,
 * and the words of exported documents in the right language. LibreOffice is not installed on the test machines.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { python } from '../../../test/support/real-tools';
import type { ExportFormat, Project, Segment, TargetCell } from '../../contract';
import { buildExport, type BuildRequest } from './index';

const ctx = { now: new Date('2026-11-25T09:30:00Z'), reviewer: 'Lan Nguyen', appVersion: '0.1.0' };
const ok = (text: string): TargetCell => ({
  text,
  status: 'approved',
  approvedAt: '2026-11-25T09:00:00.000Z',
});
const row = (id: string, kind: Segment['kind'], source: string, vi: TargetCell, en: TargetCell): Segment => ({
  id,
  kind,
  source,
  translate: true,
  targets: { vi, en },
});

function project(): Project {
  return {
    schemaVersion: 1,
    id: 'p',
    name: '부산시, 2030년까지 전기차 50만대',
    source: { fileName: 'a.txt', format: 'txt', encoding: 'utf-8', importedAt: '2026-11-25T08:00:00.000Z' },
    englishVariant: 'en-GB',
    glossary: [],
    createdAt: '2026-11-25T08:00:00.000Z',
    updatedAt: '2026-11-25T08:00:00.000Z',
    segments: [
      row(
        'h',
        'headline',
        '부산시, 2030년까지 전기차 50만대',
        ok('Busan hướng tới 500.000 xe điện vào năm 2030'),
        ok('Busan targets 500,000 electric cars by 2030'),
      ),
      row(
        'c',
        'paragraph',
        '사진: 뉴시스\n편집: 김민지',
        ok('Ảnh: Newsis\nBiên tập: Kim Min-ji'),
        ok('Photo: Newsis\nEditor: Kim Min-ji'),
      ),
      row('g', 'paragraph', '미승인 문단', { text: 'nháp', status: 'edited' }, { text: '', status: 'empty' }),
    ],
  };
}

async function build(format: ExportFormat, lang: BuildRequest['lang'], extra: Partial<BuildRequest> = {}) {
  return buildExport(project(), { lang, format, policy: 'approved-only', ...extra }, ctx);
}

const READ_DOCX = `
import json, sys, docx
d = docx.Document(sys.argv[1])
cp = d.core_properties
print(json.dumps({
  'title': cp.title, 'language': cp.language,
  'paragraphs': [p.text for p in d.paragraphs],
  'tables': [[[c.text for c in r.cells] for r in t.rows] for t in d.tables],
}, ensure_ascii=False))
`;

interface DocxRead {
  title: string;
  language: string;
  paragraphs: string[];
  tables: string[][][];
}

async function readDocx(data: Uint8Array): Promise<DocxRead> {
  const file = join(await mkdtemp(join(tmpdir(), 'docx-')), 'f.docx');
  await writeFile(file, data);
  return JSON.parse(python(READ_DOCX, [file])) as DocxRead;
}

async function documentXml(data: Uint8Array): Promise<string> {
  return (await JSZip.loadAsync(data)).file('word/document.xml')!.async('string');
}

describe('DOCX read by python-docx', () => {
  it.each([
    ['vi', 'Busan hướng tới 500.000 xe điện vào năm 2030', 'vi-VN', 'Ảnh: Newsis\nBiên tập: Kim Min-ji'],
    ['en', 'Busan targets 500,000 electric cars by 2030', 'en-GB', 'Photo: Newsis\nEditor: Kim Min-ji'],
  ] as const)(
    '%s: title and language are the document’s; a two-line credit stays two lines',
    async (lang, title, tag, credit) => {
      const file = await build('docx', lang);
      const doc = await readDocx(file.data);
      expect(doc).toMatchObject({ title, language: tag });
      expect(doc.paragraphs).toContain(credit);
      const xml = await documentXml(file.data);
      expect(xml).toContain('<w:br/>');
      expect(xml).not.toMatch(/<w:t[^>]*>[^<]*\n/); // never a newline inside text, which Word joins
    },
  );

  it('the document markers are in its language', async () => {
    const doc = await readDocx((await build('docx', 'vi')).data);
    expect(doc.paragraphs).toContain('[CHƯA DUYỆT — hàng 3]');
  });

  it('the review table speaks the interface language and keeps line breaks in its cells', async () => {
    const file = await build('review-docx', 'all', { uiLanguage: 'vi' });
    const doc = await readDocx(file.data);
    const [table] = doc.tables;
    expect(table![0]).toEqual(['#', '한국어', 'Tiếng Việt', 'English', 'Trạng thái', 'Ghi chú']);
    expect(table![2]!.slice(1, 4)).toEqual([
      '사진: 뉴시스\n편집: 김민지',
      'Ảnh: Newsis\nBiên tập: Kim Min-ji',
      'Photo: Newsis\nEditor: Kim Min-ji',
    ]);
    expect(table![3]![4]).toBe('vi: đã sửa · en: trống');
    expect(doc).toMatchObject({ title: '부산시, 2030년까지 전기차 50만대 — duyệt bài', language: 'vi-VN' });
    const ko = await readDocx((await build('review-docx', 'all', { uiLanguage: 'ko' })).data);
    expect(ko.tables[0]![0]).toEqual(['#', '한국어', 'Tiếng Việt', 'English', '상태', '코멘트']);
  });
});

describe('report page', () => {
  it('is written in the interface language', async () => {
    const page = new TextDecoder().decode((await build('report-html', 'all', { uiLanguage: 'ko' })).data);
    expect(page).toContain('<html lang="ko">');
    expect(page).toContain('<h1>검토 보고서</h1>');
    expect(page).toContain('<h2>언어별 합계</h2>');
    const en = new TextDecoder().decode((await build('report-html', 'all')).data);
    expect(en).toContain('<h1>Review report</h1>');
  });
});

describe('file names', () => {
  it.each([
    ['md', 'vi', 'busansi-2030nyeonkkaji-jeongicha-50mandae.vi.md'],
    ['docx', 'en', 'busansi-2030nyeonkkaji-jeongicha-50mandae.en.docx'],
    ['xliff2', 'vi', 'busansi-2030nyeonkkaji-jeongicha-50mandae.vi.xliff20.xlf'],
    ['xliff12', 'en', 'busansi-2030nyeonkkaji-jeongicha-50mandae.en.xliff12.xlf'],
    ['tmx', 'all', 'busansi-2030nyeonkkaji-jeongicha-50mandae.tmx'],
    ['report-csv', 'all', 'busansi-2030nyeonkkaji-jeongicha-50mandae.report.csv'],
    ['omegat', 'vi', 'busansi-2030nyeonkkaji-jeongicha-50mandae.vi.omegat.zip'],
  ] as const)(
    '%s (%s): the project name as a safe ASCII slug, one extension per format',
    async (format, lang, name) => {
      expect((await build(format, lang)).fileName).toBe(name);
    },
  );

  it('a name typed in the dialog is used, made safe', async () => {
    expect((await build('md', 'vi', { name: 'Bản tin sáng: Đà Nẵng / 07.12' })).fileName).toBe(
      'ban-tin-sang-da-nang-07-12.vi.md',
    );
    const zip = await JSZip.loadAsync((await build('omegat', 'vi', { name: 'Bản tin' })).data);
    expect(Object.keys(zip.files).every((f) => f.startsWith('ban-tin.vi/'))).toBe(true);
  });
});
