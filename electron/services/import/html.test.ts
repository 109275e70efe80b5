import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors';
import { decodeCfEmail } from './html';
import { parseArticle, type ParsedArticle } from './index';
import { encodeEucKr, encodeUtf8 } from '../../../test/support/import';

const rows = (a: ParsedArticle) => a.segments.map((s) => [s.kind, s.source]);
const html = (text: string, fileName = 'page.html') => parseArticle({ fileName, bytes: encodeUtf8(text) });

/** What Cloudflare writes for an address it hides: the key byte, then each character XOR-ed with it. */
function cfEncode(email: string, key = 0x5a): string {
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  return hex(key) + [...email].map((c) => hex(c.charCodeAt(0) ^ key)).join('');
}

const CAPTION = '[호찌민=뉴시스] 오세훈 서울시장이 3일 오후 기념촬영을 하고 있다. 2022.08.04.';

const NEWS_PAGE = `<!doctype html>
<html lang="ko"><head>
<meta charset="utf-8"><title>오세훈 "스마트 모빌리티" | 뉴시스</title>
<style>p { color: red }</style>
<script>var html = "<p>스크립트 안의 문단</p>";</script>
</head><body>
<header><h1 class="logo"><a href="/"><img src="/logo.png" alt="뉴시스"></a></h1>
  <nav><ul><li>정치</li><li>경제</li></ul></nav></header>
<main>
<article>
  <h1>오세훈 "스마트 모빌리티 우수기업들, 베트남 진출 지원"</h1>
  <h2>서울시, 베트남 정부·대학과 공동 협력 선포</h2>
  <figure>
    <img src="https://img1.newsis.com/2022/a.jpg?rnd=1&amp;w=640" alt="대체 텍스트">
    <figcaption>${CAPTION}
      <a href="/cdn-cgi/l/email-protection" class="__cf_email__" data-cfemail="${cfEncode('photo@newsis.com')}">[email&#160;protected]</a></figcaption>
  </figure>
  <p>[호찌민=뉴시스] 오 시장은 3일(현지시각) &quot;협력&quot;을 <b>선포</b>했다. 문의는
     <a href="mailto:a.b@seoul.go.kr">a.b@seoul.go.kr</a>, 자료는 https://news.seoul.go.kr/x?a=1&amp;b=2 에 있다.</p>
  <div id="textBody">첫 문단이다.<br><br>둘째 문단이다 &amp; 계속된다.<br>셋째&nbsp;&nbsp;문단이다.</div>
  <ul><li>기술 제휴</li><li>산학 협력</li></ul>
  <blockquote><p>인용된 문장이다.</p></blockquote>
  <p>&lt;script&gt;는 글자 그대로다.</p>
  <p style="display: none">숨겨진 문단</p>
  <aside><p>관련 기사 목록</p></aside>
  <form><label>검색</label><input></form>
  <p>◎공감언론 뉴시스 <span data-cfemail="${cfEncode('kim@newsis.com')}">[email&#160;protected]</span></p>
  <p>Copyright © NEWSIS.COM, 무단 전재 및 재배포 금지</p>
</article>
</main>
<footer><p>회사소개 | 고객센터</p></footer>
</body></html>`;

describe('HTML import', () => {
  it('reads the article of a news page: structure, entities, pictures, decoded e-mails', async () => {
    const a = await html(NEWS_PAGE);
    expect(a.format).toBe('html');
    expect(a.encoding).toBe('utf-8');
    expect(a.title).toBe('오세훈 "스마트 모빌리티 우수기업들, 베트남 진출 지원"');
    expect(rows(a)).toEqual([
      ['headline', '오세훈 "스마트 모빌리티 우수기업들, 베트남 진출 지원"'],
      ['subheadline', '서울시, 베트남 정부·대학과 공동 협력 선포'],
      ['picture', `${CAPTION} photo@newsis.com`],
      [
        'paragraph',
        '[호찌민=뉴시스] 오 시장은 3일(현지시각) "협력"을 선포했다. 문의는 a.b@seoul.go.kr, 자료는 https://news.seoul.go.kr/x?a=1&b=2 에 있다.',
      ],
      ['paragraph', '첫 문단이다.'],
      ['paragraph', '둘째 문단이다 & 계속된다.'],
      ['paragraph', '셋째 문단이다.'],
      ['list-item', '기술 제휴'],
      ['list-item', '산학 협력'],
      ['paragraph', '인용된 문장이다.'],
      ['paragraph', '<script>는 글자 그대로다.'],
      ['credit', '◎공감언론 뉴시스 kim@newsis.com'],
      ['copyright', 'Copyright © NEWSIS.COM, 무단 전재 및 재배포 금지'],
    ]);
    expect(a.segments[2]!.imageUrl).toBe('https://img1.newsis.com/2022/a.jpg?rnd=1&w=640');
  });

  it('links a caption paragraph that repeats a lone image’s alt text (the Newsis layout)', async () => {
    const a = await html(`<h1>제목</h1>
      <div class="thumb"><img data-src="https://img.kr/1.jpg" src="data:image/gif;base64,R0lGOD" alt="${CAPTION} photo@newsis.com"></div>
      <p class="desc">${CAPTION} [email&#160;protected]</p>
      <p>본문이다. 시장은 말했다.</p>`);
    expect(a.segments.map((s) => s.kind)).toEqual(['headline', 'picture', 'caption', 'paragraph']);
    expect(a.segments[1]!.imageUrl).toBe('https://img.kr/1.jpg');
    expect(a.segments[2]!.linkedTo).toBe(a.segments[1]!.id);
  });

  it('puts a figure’s picture before the text the figure holds', async () => {
    const a = await html(
      `<h1>제목</h1><figure><img src="https://img.kr/2.jpg" alt="${CAPTION}"><p>${CAPTION}</p></figure>`,
    );
    expect(a.segments.map((s) => s.kind)).toEqual(['headline', 'picture', 'caption']);
  });

  it('without <article> or <main>, reads the body but not the site header and footer', async () => {
    const a = await html(`<body><header><p>사이트 메뉴</p></header>
      <div><h1>기사 제목</h1><p>본문 문단이다. 내용이 있다.</p></div>
      <footer><p>Copyright © 언론사, 무단 전재 금지</p></footer></body>`);
    expect(rows(a)).toEqual([
      ['headline', '기사 제목'],
      ['paragraph', '본문 문단이다. 내용이 있다.'],
    ]);
  });

  it('picks the biggest <article> (not a teaser) and brings in the page <h1> when the article has none', async () => {
    const a = await html(`<body><h1>페이지 제목</h1>
      <article><p>티저 기사다.</p></article>
      <article><p>[서울=뉴시스] 진짜 기사의 첫 문단이다. 길게 쓴 문단이다.</p><p>둘째 문단이다. 역시 길다.</p></article>
      <article><p>다른 티저다.</p></article></body>`);
    expect(rows(a)).toEqual([
      ['headline', '페이지 제목'],
      ['paragraph', '[서울=뉴시스] 진짜 기사의 첫 문단이다. 길게 쓴 문단이다.'],
      ['paragraph', '둘째 문단이다. 역시 길다.'],
    ]);
  });

  it('reads an EUC-KR page by its declared charset', async () => {
    const page =
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=euc-kr"></head><body><h1>한글 제목</h1><p>본문이다.</p></body></html>';
    const a = await parseArticle({ fileName: 'old.htm', bytes: encodeEucKr(page) });
    expect(a.encoding).toBe('cp949');
    expect(a.warnings).toEqual([]);
    expect(rows(a)).toEqual([
      ['headline', '한글 제목'],
      ['paragraph', '본문이다.'],
    ]);
  });

  it('detects the encoding when a saved page declares the wrong one', async () => {
    const page = '<meta charset="euc-kr"><h1>제목</h1><p>본문이다.</p>';
    const a = await html(page);
    expect(a.encoding).toBe('utf-8');
    expect(a.title).toBe('제목');
  });

  it('ignores a UTF-16 declaration on a page stored as UTF-8', async () => {
    const a = await html('<meta charset="utf-16"><h1>제목</h1><p>본문이다.</p>');
    expect(a.encoding).toBe('utf-8');
    expect(a.title).toBe('제목');
  });

  it('drops images with script or non-image data addresses, and says pictures were left out', async () => {
    const a = await html(`<h1>제목</h1><img src="javascript:alert(1)" alt="사진 하나">
      <img src="data:text/html,<b>x</b>" alt="사진 둘"><img src="data:image/png;base64,iVBORw0KGgo=" alt="사진 셋">
      <p>본문이다.</p>`);
    expect(a.segments.map((s) => [s.kind, s.source])).toEqual([
      ['headline', '제목'],
      ['picture', '사진 셋'],
      ['paragraph', '본문이다.'],
    ]);
    expect(a.warnings).toEqual(['import.imagesDropped']);
  });

  it('refuses a page without article text, or without Korean', async () => {
    const code = async (text: string) => {
      try {
        await html(text);
      } catch (e) {
        if (isAppError(e)) return e.code;
      }
      return 'no error';
    };
    expect(
      await code('<html><head><script>var a = "한글";</script></head><body><nav>메뉴</nav></body></html>'),
    ).toBe('import.noText');
    expect(await code('<p>Only English here.</p>')).toBe('import.notKorean');
  });

  it('decodes only well-formed Cloudflare e-mail codes', () => {
    expect(decodeCfEmail(cfEncode('a.b+c@x-y.co.kr', 0x13))).toBe('a.b+c@x-y.co.kr');
    expect(decodeCfEmail('zz')).toBeNull();
    expect(decodeCfEmail(cfEncode('not an email'))).toBeNull();
  });
});
