/**
 * A termbase CSV as spreadsheets of any locale save it: comma-separated, semicolon-separated (Excel where the
 * decimal mark is a comma: Vietnamese, German, French) and tab-separated (Excel's "Unicode text", UTF-16). The
 * header line tells the delimiter; every term comes in as written, none split at a comma inside a note.
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
