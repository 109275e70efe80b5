import { describe, expect, it } from 'vitest';
import { flagged } from './flagged';

/** Errors and warnings of one row (notes aside). */

describe('month spans as news writes them', () => {
  it.each([
    ['1~10월 수출', '10 tháng đầu năm', 'the first 10 months'],
    ['1~10월 수출', 'từ tháng 1 đến tháng 10', 'January-October'],
    ['1월~9월 수출', '9 tháng đầu năm', 'the first nine months'],
    ['1월부터 9월까지 수출', 'từ tháng 1 đến tháng 9', 'from January through September'],
    ['올해 1~10월 수출', '10 tháng đầu năm nay', 'exports through October this year'],
    ['상반기 수출', '6 tháng đầu năm', 'the first half'],
    ['하반기 수출', 'nửa cuối năm', 'the second half'],
  ])('%s = "%s" = "%s": nothing flagged', (ko, vi, en) => {
    expect(flagged(ko, vi, en)).toEqual([]);
  });

  it.each([
    ['1~10월 수출', '9 tháng đầu năm', 'the first 10 months', 'vi:values:10월'],
    ['1~10월 수출', '10 tháng đầu năm', 'the first 11 months', 'en:values:10월'],
    ['1~10월 수출', 'từ tháng 1 đến tháng 9', 'January-October', 'vi:values:10월'],
  ])('%s = "%s" / "%s": the wrong month is flagged', (ko, vi, en, finding) => {
    expect(flagged(ko, vi, en)).toContain(finding);
  });
});
