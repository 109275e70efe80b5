/**
 * What a web page or Word file held that the article does not keep is said, not dropped in silence: a link's
 * address (its words are kept), the end of a page cut off while saving or copying, a table's layout. The files:
 * the HTML and Word articles written for these tests (`test/fixtures/articles/`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from './index';

const PAGE = readFileSync(
  join(import.meta.dirname, '../../../test/fixtures/articles/busan-fare.ko.html'),
  'utf8',
);
const html = (text: string) => ({ fileName: 'a.html', bytes: new TextEncoder().encode(text) });

describe('a web page', () => {
  it('whose article links to an address its words do not show: imported with a warning', async () => {
    const parsed = await parseArticle(html(PAGE));
    expect(parsed.segments.some((s) => s.source.includes('공사 누리집에서 볼 수 있으며'))).toBe(true);
    expect(parsed.warnings).toContain('import.linksDropped');
    expect(parsed.warnings).not.toContain('import.htmlCutOff');
  });

  it('whose links show their own address, or sit in its navigation only: no warning', async () => {
    const shown = PAGE.replace(
      /<a href="(https:\/\/www\.humetro[^"]*)">공사 누리집<\/a>/,
      (_m, href: string) => `<a href="${href}">${href.replace(/&amp;/g, '&')}</a>`,
    );
    expect(shown).not.toBe(PAGE);
    const mail = shown.replace(
      'minji.kim@haeundae-ilbo.example',
      '<a href="mailto:minji.kim@haeundae-ilbo.example">minji.kim@haeundae-ilbo.example</a>',
    );
    expect((await parseArticle(html(mail))).warnings).toEqual([]);
  });

  it('cut off before its end: imported with a warning that the end may be missing', async () => {
    const cut = PAGE.slice(0, PAGE.indexOf('배차 간격은'));
    const parsed = await parseArticle(html(cut));
    expect(parsed.warnings).toContain('import.htmlCutOff');
    // A fragment that never opened <html> (an article body pasted into a file) is not taken for a cut page.
    const fragment = PAGE.slice(PAGE.indexOf('<article>'), PAGE.indexOf('</article>'));
    expect((await parseArticle(html(fragment))).warnings).not.toContain('import.htmlCutOff');
  });
});

describe('a Word file', () => {
  it('with a table: each cell its own row, with a warning that the layout is not kept', async () => {
    const path = join(import.meta.dirname, '../../../test/fixtures/articles/jeju-tourism.ko.docx');
    const parsed = await parseArticle({ fileName: 'jeju.docx', bytes: readFileSync(path) });
    expect(parsed.segments.map((s) => s.source)).toEqual(expect.arrayContaining(['국가', '9만 1,300명']));
    expect(parsed.warnings).toEqual(['import.tablesFlattened']);
  });
});
