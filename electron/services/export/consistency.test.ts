import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, type Project, type TargetCell } from '../../contract';
import { buildExport } from './index';

const ctx = { now: new Date('2026-11-25T09:30:00Z'), reviewer: 'Lan Nguyen', appVersion: '0.1.0' };
const ok = (text: string): TargetCell => ({
  text,
  status: 'approved',
  approvedAt: '2026-11-25T09:00:00.000Z',
});

function project(): Project {
  const caption = '[호찌민=뉴시스] 오세훈 시장이 기념촬영을 하고 있다.';
  return {
    schemaVersion: 1,
    id: 'p',
    name: '서울시',
    source: { fileName: 'a.txt', format: 'txt', encoding: 'utf-8', importedAt: '2026-11-25T08:00:00.000Z' },
    englishVariant: 'en-US',
    glossary: [],
    createdAt: '2026-11-25T08:00:00.000Z',
    updatedAt: '2026-11-25T08:00:00.000Z',
    segments: [
      {
        id: 'h1',
        kind: 'headline',
        source: '서울시 제목',
        translate: true,
        targets: { vi: ok('Tiêu đề'), en: ok('Headline') },
      },
      {
        id: 'pic',
        kind: 'picture',
        source: caption,
        imageUrl: 'https://img.example/a.jpg',
        translate: true,
        targets: { vi: ok('Chú thích ảnh'), en: ok('Photo caption') },
      },
      {
        id: 'cap',
        kind: 'caption',
        source: caption,
        linkedTo: 'pic',
        translate: true,
        targets: { vi: ok('Chú thích ảnh'), en: ok('Photo caption') },
      },
    ],
  };
}

const langOf = (f: string) =>
  ['review-docx', 'report-html', 'report-csv', 'tmx'].includes(f) ? 'all' : 'vi';

describe('one policy for every format', () => {
  it.each(EXPORT_FORMATS)('%s refuses a row with a control character, naming the row', async (format) => {
    const p = project();
    p.segments[2]!.targets.vi = ok('Chú thích\u0007 ảnh');
    await expect(
      buildExport(p, { lang: langOf(format), format, policy: 'approved-only' }, ctx),
    ).rejects.toMatchObject({ code: 'export.invalidXmlChar', params: { row: 3 } });
  });

  it('txt prints a picture caption once', async () => {
    const file = await buildExport(project(), { lang: 'vi', format: 'txt', policy: 'approved-only' }, ctx);
    const text = new TextDecoder().decode(file.data);
    expect(text.split('Chú thích ảnh')).toHaveLength(2);
    expect(text).toContain('https://img.example/a.jpg');
  });

  it('md shows a picture caption once, under the picture (and as its alt text, which is not shown)', async () => {
    const file = await buildExport(project(), { lang: 'vi', format: 'md', policy: 'approved-only' }, ctx);
    expect(new TextDecoder().decode(file.data)).toBe(
      '# Tiêu đề\n\n![Chú thích ảnh](<https://img.example/a.jpg>)\n\nChú thích ảnh\n',
    );
  });

  it('TMX carries the caption (once, as its picture says the same)', async () => {
    const file = await buildExport(project(), { lang: 'vi', format: 'tmx', policy: 'approved-only' }, ctx);
    const xml = new TextDecoder().decode(file.data);
    expect(xml).toContain('<tu tuid="pic"');
    expect(xml.split('Chú thích ảnh')).toHaveLength(2);
  });
});
