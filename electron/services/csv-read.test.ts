import { describe, expect, it } from 'vitest';
import { isUnclosedQuote, parseCsv } from './csv-read';

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
