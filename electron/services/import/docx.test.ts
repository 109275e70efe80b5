import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors';
import { parseArticle } from './index';
import { buildDocx } from '../../../test/support/import';

const CAPTION =
  '[호찌민=뉴시스] 오세훈 서울시장이 3일 오후 서울창업허브 호찌민에서 기념촬영을 하고 있다. 2022.08.04.';

describe('DOCX import', () => {
  it('keeps headings, paragraphs (runs joined as written), credit and copyright; reports dropped pictures', async () => {
    const bytes = await buildDocx([
      { heading: 1, text: '오세훈 "스마트 모빌리티 우수기업들, 베트남 진출 지원"' },
      { heading: 2, text: '서울시, 베트남 정부·대학과 공동 협력 선포' },
      { imageAlt: CAPTION },
      { text: CAPTION },
      {
        text: '',
        runs: ['[호찌민=뉴시스] 오 시장은 ', '스마트 모빌리티', ' 협력을 선포했다. 문의 a.b@seoul.go.kr'],
      },
      { heading: 3, text: '향후 계획' },
      { text: '이번 협력은 https://news.seoul.go.kr/x?a=1&b=2 에 공개됐다.' },
      { text: '◎공감언론 뉴시스 [email protected]' },
      { text: 'Copyright © NEWSIS.COM, 무단 전재 및 재배포 금지' },
    ]);
    const a = await parseArticle({ fileName: '기사.docx', bytes });
    expect(a.format).toBe('docx');
    expect(a.title).toBe('오세훈 "스마트 모빌리티 우수기업들, 베트남 진출 지원"');
    expect(a.warnings).toEqual(['import.imagesDropped', 'import.emailProtected']);
    expect(a.segments.map((s) => [s.kind, s.source])).toEqual([
      ['headline', '오세훈 "스마트 모빌리티 우수기업들, 베트남 진출 지원"'],
      ['subheadline', '서울시, 베트남 정부·대학과 공동 협력 선포'],
      ['paragraph', CAPTION],
      ['paragraph', '[호찌민=뉴시스] 오 시장은 스마트 모빌리티 협력을 선포했다. 문의 a.b@seoul.go.kr'],
      ['heading', '향후 계획'],
      ['paragraph', '이번 협력은 https://news.seoul.go.kr/x?a=1&b=2 에 공개됐다.'],
      ['credit', '◎공감언론 뉴시스 [email protected]'],
      ['copyright', 'Copyright © NEWSIS.COM, 무단 전재 및 재배포 금지'],
    ]);
    expect(a.segments.filter((s) => !s.translate).map((s) => s.kind)).toEqual([]);
  });

  it('gives the same ids when the same document is imported again', async () => {
    const parts = [{ heading: 1 as const, text: '제목' }, { text: '본문이다.' }];
    const first = await parseArticle({ fileName: 'a.docx', bytes: await buildDocx(parts) });
    const second = await parseArticle({ fileName: 'b.docx', bytes: await buildDocx(parts) });
    expect(second.segments.map((s) => s.id)).toEqual(first.segments.map((s) => s.id));
  });

  it('refuses a Word document without text, or without Korean unless accepted', async () => {
    const codeOf = async (bytes: Uint8Array) => {
      try {
        await parseArticle({ fileName: 'a.docx', bytes });
        return 'no error';
      } catch (e) {
        return isAppError(e) ? e.code : String(e);
      }
    };
    expect(await codeOf(await buildDocx([{ text: '' }]))).toBe('import.noText');
    const english = await buildDocx([{ text: 'English only.' }]);
    expect(await codeOf(english)).toBe('import.notKorean');
    const accepted = await parseArticle({ fileName: 'a.docx', bytes: english, acceptNonKorean: true });
    expect(accepted.warnings).toEqual(['import.notKoreanAccepted']);
  });
});
