import { describe, expect, it } from 'vitest';
import { checkRow } from './check';
import { placeholderTokens } from './placeholders';

const tokens = (text: string) => placeholderTokens(text).map((t) => `${t.kind}:${t.text}`);
const found = (ko: string, vi: string, en = vi) =>
  checkRow({ id: 'r', source: ko, targets: { vi, en } })
    .filter((f) => f.check === 'markup')
    .map((f) => `${f.lang}:${f.severity}:${f.code.slice(3)}:${Object.values(f.params).join('→')}`);

describe('placeholders and inline tags', () => {
  it('reads printf, brace, tag and CMS tokens', () => {
    expect(tokens('%s %d %1$s %@ %.2f %(name)s %%')).toEqual([
      'printf:%s',
      'printf:%d',
      'printf:%1$s',
      'printf:%@',
      'printf:%.2f',
      'printf:%(name)s',
      'printf:%%',
    ]);
    expect(tokens('{0} {1:N2} {name} {{var}} ${var} {count, plural, one {# tin} other {# tin}}')).toEqual([
      'brace:{0}',
      'brace:{1:N2}',
      'brace:{name}',
      'brace:{{var}}',
      'brace:${var}',
      'brace:{count, plural,',
    ]);
    expect(tokens('<b>a</b><br/><x id="1"/><1>b</1> &lt;i&gt;c&lt;/i&gt;')).toEqual([
      'tag:<b>',
      'tag:</b>',
      'tag:<br/>',
      'tag:<x id="1"/>',
      'tag:<1>',
      'tag:</1>',
      'tag:&lt;i&gt;',
      'tag:&lt;/i&gt;',
    ]);
    expect(tokens('[[photo]] [[/photo]] [IMG1] [PHOTO_2] [VIDEO]')).toEqual([
      'cms:[[photo]]',
      'cms:[[/photo]]',
      'cms:[IMG1]',
      'cms:[PHOTO_2]',
      'cms:[VIDEO]',
    ]);
  });

  it('reads nothing in ordinary news copy', () => {
    for (const text of [
      '코스피는 0.97% 오른 2,500선, 실업률 0.4%p 상승, 5 % 하락',
      'Giá tăng 5% và 5 % (5 phần trăm), lãi suất 3,5%/năm',
      'Up 5%, or 5 % by another count; 100% sure; 50%-owned',
      '[서울=연합뉴스] 영화 <기생충>과 <Squid Game> 그리고 {a few words} [UPDATE] [email protected]',
      'https://example.com/a%2Fb?q=%20s&x=%3C',
      'Điểm %sau %do',
    ])
      expect(tokens(text), text).toEqual([]);
  });

  it('reports missing, extra (a repeat) and altered tokens with their text, as errors', () => {
    const ko = '<b>%s</b>님, {0}건의 알림이 있습니다.';
    expect(found(ko, '<b>%s</b>, bạn có {0} thông báo.')).toEqual([]);
    expect(found(ko, '%s, bạn có {0} thông báo.', '<b>%s</b>, you have {0} alerts.')).toEqual([
      'vi:error:placeholderMissing:<b>',
      'vi:error:placeholderMissing:</b>',
    ]);
    expect(found(ko, '<b>%s</b>, bạn có {0} {0} thông báo.', '<b>%s</b>, you have {0} alerts.')).toEqual([
      'vi:error:placeholderExtra:{0}',
    ]);
    expect(found(ko, '<b>%s</b>, bạn có {1} thông báo.', '<b>%d</b>, you have {0} alerts.')).toEqual([
      'vi:error:placeholderAltered:{0}→{1}',
      'en:error:placeholderAltered:%s→%d',
    ]);
  });

  it('warns on a change of form only, an escaped tag, reordered printf arguments and broken nesting', () => {
    expect(found('<B>주의</B>', '<b>Chú ý</b>', '<B>Note</B>')).toEqual([
      'vi:warning:placeholderAltered:<B>→<b>',
      'vi:warning:placeholderAltered:</B>→</b>',
    ]);
    expect(found('<b>주의</b>', '&lt;b&gt;Chú ý&lt;/b&gt;', '<b>Note</b>')).toEqual([
      'vi:error:placeholderAltered:<b>→&lt;b&gt;',
      'vi:error:placeholderAltered:</b>→&lt;/b&gt;',
    ]);
    expect(found('%s님이 %d개', '%d cái của %s', '%s has %d')).toEqual(['vi:warning:placeholderOrder:%d %s']);
    expect(found('%1$s님이 %2$d개', '%2$d cái của %1$s', '%1$s has %2$d')).toEqual([]);
    expect(found('<b><i>주의</i></b>', '<b><i>Chú ý</b></i>', '<i><b>Note</b></i>')).toEqual([
      'vi:warning:tagNesting:</b>',
    ]);
  });

  it('takes <br> as <br/> and a token repeated across ICU plural branches once', () => {
    expect(found('첫 줄<br>둘째 줄', 'Dòng đầu<br/>dòng hai', 'First line<br>second line')).toEqual([
      'vi:warning:placeholderAltered:<br>→<br/>',
    ]);
    const ko = '{count, plural, other {기사 {count}건}}';
    const en = '{count, plural, one {{count} story} other {{count} stories}}';
    expect(found(ko, '{count, plural, other {{count} bài}}', en)).toEqual([]);
    expect(found(ko, '{count, plural, other {bài}}', en)).toEqual(['vi:error:placeholderMissing:{count}']);
  });

  it('does not read the digits of a placeholder as values: an altered one is one finding, not three', () => {
    const codes = (ko: string, vi: string, en: string) =>
      checkRow({ id: 'r', source: ko, targets: { vi, en } }).map((f) => `${f.lang}:${f.code}`);
    expect(codes('%1$s님 외 %2$d명', '%1$s và %3$d người khác', '%1$s and %2$d others')).toEqual([
      'vi:qa:placeholderAltered',
    ]);
    expect(
      codes('<x id="7"/>경기 수원시', 'thành phố Suwon, Gyeonggi <x id="8"/>', 'Suwon, Gyeonggi <x id="7"/>'),
    ).toEqual(['vi:qa:placeholderAltered']);
    // [IMG1] dropped from one translation is not also a name the two translations write differently.
    expect(codes('[IMG1] 시민들', '[IMG1] Người dân', 'Citizens')).toEqual(['en:qa:placeholderMissing']);
    expect(
      codes(
        '{1}님이 <x id="2"/> 3명을 초대했습니다.',
        '{1} đã mời 3 người <x id="2"/>.',
        '{1} invited 3 people <x id="2"/>.',
      ),
    ).toEqual([]);
  });
});
