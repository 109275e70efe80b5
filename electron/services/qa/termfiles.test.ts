/**
 * A termbase CSV as spreadsheets of any locale save it: comma-separated, semicolon-separated (Excel where the
 * decimal mark is a comma: Vietnamese, German, French) and tab-separated (Excel's "Unicode text", UTF-16). The
 * header line tells the delimiter; without one, how the first rows split does. Every term comes in as written, none
 * split at a comma inside a note.
 */
import { describe, expect, it } from 'vitest';
import { parseTermFile } from './termfiles';

const utf8 = (s: string) => new TextEncoder().encode(s);
const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);

const TERMS = [
  {
    ko: '서울시',
    vi: 'Thành phố Seoul',
    en: 'Seoul Metropolitan Government',
    note: 'Thủ đô, không phải tỉnh',
    forbiddenVi: ['Seoul-si'],
    forbiddenEn: [],
  },
  { ko: '부산', vi: 'Busan', en: 'Busan', note: '', forbiddenVi: [], forbiddenEn: ['Pusan', 'Fusan'] },
];

describe('termbase CSV delimiters', () => {
  it.each([
    [
      'semicolons (Excel in a Vietnamese locale)',
      'terms.csv',
      utf8(
        '\uFEFFko;vi;en;note;forbidden_vi;forbidden_en\r\n' +
          '서울시;Thành phố Seoul;Seoul Metropolitan Government;Thủ đô, không phải tỉnh;Seoul-si;\r\n' +
          '부산;Busan;Busan;;;"Pusan; Fusan"\r\n',
      ),
    ],
    [
      'tabs, in UTF-16 (Excel "Unicode text")',
      'terms.csv',
      utf16le(
        'ko\tvi\ten\tnote\tforbidden_vi\tforbidden_en\r\n' +
          '서울시\tThành phố Seoul\tSeoul Metropolitan Government\tThủ đô, không phải tỉnh\tSeoul-si\t\r\n' +
          '부산\tBusan\tBusan\t\t\tPusan; Fusan\r\n',
      ),
    ],
    [
      'commas, a quoted note holding a comma',
      'terms.csv',
      utf8(
        'ko,vi,en,note,forbidden_vi,forbidden_en\n' +
          '서울시,Thành phố Seoul,Seoul Metropolitan Government,"Thủ đô, không phải tỉnh",Seoul-si,\n' +
          '부산,Busan,Busan,,,Pusan; Fusan\n',
      ),
    ],
  ])('%s', (_what, name, bytes) => {
    expect(parseTermFile(name, bytes)).toEqual(TERMS);
  });
});

describe('termbase CSV without a header line', () => {
  // Notes that hold commas on every row (a decimal comma too): read at commas, each row would split somewhere.
  const NOTED = [
    { ...TERMS[0]!, note: 'Thủ đô, không phải tỉnh, viết "Thành phố"' },
    { ...TERMS[1]!, note: 'Cảng lớn thứ hai, 3,4 triệu dân' },
  ];
  const NOTE_1 = '"Thủ đô, không phải tỉnh, viết ""Thành phố"""';

  it.each([
    [
      'semicolons, quoted notes with commas, CRLF (Excel in a Vietnamese locale)',
      utf8(
        `\uFEFF서울시;Thành phố Seoul;Seoul Metropolitan Government;${NOTE_1};Seoul-si;\r\n` +
          '부산;Busan;Busan;"Cảng lớn thứ hai, 3,4 triệu dân";;"Pusan; Fusan"\r\n',
      ),
    ],
    [
      'tabs, in UTF-16 (Excel "Unicode text")',
      utf16le(
        `서울시\tThành phố Seoul\tSeoul Metropolitan Government\t${NOTE_1}\tSeoul-si\t\r\n` +
          '부산\tBusan\tBusan\tCảng lớn thứ hai, 3,4 triệu dân\t\tPusan; Fusan\r\n',
      ),
    ],
    [
      'commas, the variants written "a; b" unquoted',
      utf8(
        `서울시,Thành phố Seoul,Seoul Metropolitan Government,${NOTE_1},Seoul-si,\n` +
          '부산,Busan,Busan,"Cảng lớn thứ hai, 3,4 triệu dân",,Pusan; Fusan\n',
      ),
    ],
  ])('%s', (_what, bytes) => {
    expect(parseTermFile('terms.csv', bytes)).toEqual(NOTED);
  });

  it('a quote never closed is still refused, whatever the delimiter', () => {
    for (const text of [
      '서울시;"Thành phố Seoul;Seoul\r\n부산;Busan;Busan\r\n',
      '서울시,"Seoul\n부산,Busan\n',
    ])
      expect(() => parseTermFile('terms.csv', utf8(text))).toThrow(
        expect.objectContaining({ code: 'qa.termCsvQuote' }),
      );
  });
});
