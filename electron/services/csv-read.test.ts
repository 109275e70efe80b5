import { describe, expect, it } from 'vitest';
import { isUnclosedQuote, parseCsv, sniffDelimiter } from './csv-read';

describe('the CSV reader', () => {
  it('reads what spreadsheets and editors write: BOM, quoted commas, quotes and line breaks, any line end', () => {
    const text = '\uFEFFko,vi\r\n"서울, 시","Seoul ""city"""\n"a\r\nb",c\rlast,row';
    expect(parseCsv(text)).toEqual([
      ['ko', 'vi'],
      ['서울, 시', 'Seoul "city"'],
      ['a\r\nb', 'c'],
      ['last', 'row'],
    ]);
  });

  it('keeps rows of any length and a stray quote inside a field, and drops rows of blanks', () => {
    expect(parseCsv('a\n\n , \t\nb,c,d\nHe said "hi",x\n')).toEqual([
      ['a'],
      ['b', 'c', 'd'],
      ['He said "hi"', 'x'],
    ]);
  });

  it('refuses a quote that is never closed, with an error its callers can name', () => {
    let error: unknown;
    try {
      parseCsv('ko,vi\n"서울,Seoul\n부산,Busan\n');
    } catch (e) {
      error = e;
    }
    expect(isUnclosedQuote(error)).toBe(true);
    expect(isUnclosedQuote(new Error('other'))).toBe(false);
  });
});

describe('the delimiter of a CSV without a header', () => {
  it.each([
    ['semicolons, a comma in every quoted note', 'a;b;"x, y"\r\nc;d;"z, w"\r\n', ';'],
    ['semicolons, decimal commas unquoted', 'a;12,5;x\nb;3,4;y\n', ';'],
    ['tabs, commas and semicolons inside', 'a\tb, c\td; e\nf\tg, h\ti; j\n', '\t'],
    ['commas, a semicolon in every row', 'a,b,c; d\ne,f,g; h\n', ','],
    ['commas, rows of different lengths', 'a,b\nc,d,e\nf,g,h,i\n', ','],
    ['one column', 'a\nb\n', ','],
    ['a semicolon row among comma rows', 'a,b,c\nd,e,f\ng;h\n', ','],
  ])('%s', (_what, text, delimiter) => {
    expect(sniffDelimiter(text)).toBe(delimiter);
  });
});

describe('the delimiter of a CSV without a header, with a quote never closed', () => {
  it.each([
    ['in the first row of a semicolon file', 'a;"b;c\nd;e;f\n', ';'],
    [
      'in a later row of a semicolon file whose notes hold commas',
      'a;b;"x, y"\nc;d;"z, w"\ne;"f, g;h\n',
      ';',
    ],
    ['in a comma file', 'a,b\nc,"d\n', ','],
  ])('%s: the delimiter that leaves it open, so the file is refused', (_what, text, delimiter) => {
    expect(sniffDelimiter(text)).toBe(delimiter);
    expect(() => parseCsv(text, sniffDelimiter(text))).toThrow();
  });
});
