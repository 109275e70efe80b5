import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Segment } from '../../contract';
import { isAppError } from '../errors';
import { decodeBytes, normalizeText } from './decode';
import { htmlToBlocks } from './html';
import { mergeRevision, parseText } from './index';
import { blocksToSegments } from './segment';
import { encodeEucKr, encodeUtf16, encodeUtf8, translated } from '../../../test/support/import';

// Pieces chosen to hit the parser's edge cases: Markdown markers mid-line, brackets, e-mails, URLs, datelines,
// ideographic and non-breaking spaces, decomposed Hangul (NFD), surrogate pairs.
const TOKENS = [
  '서울',
  '시는',
  '베트남',
  '협력했다.',
  '한',
  '“인용”',
  '[호찌민=뉴시스]',
  '(사진=뉴시스)',
  'photo@newsis.com',
  '[email protected]',
  'https://img1.newsis.com/a.jpg?rnd=1&x=2',
  '#',
  '##',
  '-',
  '*',
  '+',
  '>',
  '1.',
  '!',
  '[',
  ']',
  '(',
  ')',
  '![',
  '](',
  '---',
  '**굵게**',
  ' ',
  '  ',
  '\t',
  '\u3000',
  '\u00a0',
  'A',
  'z',
  '9',
  '.',
  '\u1100\u1161',
  '𠀀',
  '◎',
  '©',
  'é',
];
const lineArb = fc.array(fc.constantFrom(...TOKENS), { maxLength: 12 }).map((t) => t.join(''));
const EOL = fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\n \n');
const textArb = fc
  .array(fc.tuple(lineArb, EOL), { minLength: 1, maxLength: 25 })
  .map((parts) => parts.map(([l, e]) => l + e).join(''));

const nonSpace = (s: string) => s.replace(/\s+/gu, '');
const RULE = /^(?:[-*_=]\s*){3,}$/u;

/**
 * The line minus the row's text must be Markdown markup only: a marker before (`#`, `- `, `> `...), closing `#`s
 * after, or the picture syntax around caption and link. Anything else missing means text was lost.
 */
function explains(line: string, segment: Segment): boolean {
  if (segment.kind === 'picture')
    return (
      nonSpace(line) === nonSpace(`![${segment.source}](${segment.imageUrl ?? ''})`) &&
      line.includes(segment.imageUrl ?? '\u0000')
    );
  if (!line.includes(segment.source) || segment.source.trim() === '') return false;
  const l = nonSpace(line);
  const s = nonSpace(segment.source);
  for (let at = l.indexOf(s); at !== -1; at = l.indexOf(s, at + 1))
    if (/^[#>*+\-•·]*$/u.test(l.slice(0, at)) && /^#*$/u.test(l.slice(at + s.length))) return true;
  return false;
}

describe('segmentation loses nothing', () => {
  it('every non-empty line becomes one row whose text is the line minus Markdown markup', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        let segments: Segment[];
        try {
          segments = parseText(text, { acceptNonKorean: true }).segments;
        } catch (e) {
          // Only inputs without any text may be refused.
          expect(
            isAppError(e) && ['import.empty', 'import.onlyWhitespace', 'import.noText'].includes(e.code),
          ).toBe(true);
          expect(
            normalizeText(text)
              .split('\n')
              .every((l) => l.trim() === '' || RULE.test(l.trim())),
          ).toBe(true);
          return;
        }
        const lines = normalizeText(text)
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l !== '' && !RULE.test(l));
        expect(segments).toHaveLength(lines.length);
        lines.forEach((line, i) =>
          expect(explains(line, segments[i]!), `line ${JSON.stringify(line)}`).toBe(true),
        );
        expect(new Set(segments.map((s) => s.id)).size).toBe(segments.length);
      }),
      { numRuns: 400 },
    );
  });

  it('HTML paragraphs come out as written: entities decoded, whitespace collapsed, nothing else changed', () => {
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const wrap = fc.constantFrom(
      ['', ''],
      ['<b>', '</b>'],
      ['<a href="https://x.kr/?a=1&amp;b=2">', '</a>'],
      ['<span>', '</span>'],
    );
    const paraArb = fc.tuple(
      fc.array(fc.constantFrom(...TOKENS, '<', '>', '&', '&amp;', '"', "'"), { maxLength: 10 }),
      wrap,
    );
    fc.assert(
      fc.property(fc.array(paraArb, { minLength: 1, maxLength: 15 }), (paras) => {
        const texts = paras.map(([tokens]) => tokens.join(''));
        const html = paras
          .map(([tokens, [open, close]]) => `<p>${open}${escape(tokens.join(''))}${close}</p>\n`)
          .join('');
        const expected = texts
          .map((t) =>
            normalizeText(t)
              .replace(/[ \t\n\r\f\u00a0]+/g, ' ')
              .trim(),
          )
          .filter((t) => t !== '');
        const blocks = htmlToBlocks(normalizeText(`<article>${html}</article>`)).blocks;
        expect(blocksToSegments(blocks).map((s) => s.source)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('every encoding round-trips the same text', () => {
    // Characters all of the encodings can hold (EUC-KR lacks most of Unicode).
    const chars = fc.constantFrom(...'가나다라서울시베트남협력뉴시스 ABCxyz019.,"()[]=@\n');
    fc.assert(
      fc.property(fc.array(chars, { minLength: 1, maxLength: 200 }), (list) => {
        const text = `한${list.join('')}`;
        for (const bytes of [
          encodeUtf8(text),
          encodeUtf8(text, true),
          encodeUtf16(text, 'le'),
          encodeUtf16(text, 'be'),
        ])
          expect(decodeBytes(bytes).text).toBe(text);
        const euc = decodeBytes(encodeEucKr(text));
        expect(euc.text).toBe(text);
        expect(euc.encoding).toBe('cp949');
      }),
      { numRuns: 200 },
    );
  });
});

describe('mergeRevision keeps every row accounted for', () => {
  const paragraph = fc
    .array(
      fc.constantFrom('서울시는', '베트남과', '협력을', '선포했다.', '시장은', '말했다.', '기술', '지원'),
      { minLength: 1, maxLength: 8 },
    )
    .map((w) => w.join(' '));
  const edit = fc.constantFrom('keep', 'drop', 'insert', 'tweak');

  it('ids stay unique, counts add up, unchanged rows keep their translations', () => {
    fc.assert(
      fc.property(
        fc.array(paragraph, { minLength: 1, maxLength: 30 }),
        fc.array(edit, { maxLength: 30 }),
        (paras, edits) => {
          const previous = parseText(['제목', ...paras].join('\n')).segments.map((s) =>
            translated(s, 'approved'),
          );
          const revised = ['제목'];
          paras.forEach((p, i) => {
            const e = edits[i] ?? 'keep';
            if (e === 'keep') revised.push(p);
            else if (e === 'insert') revised.push('새로 추가된 문단이다 ' + i, p);
            else if (e === 'tweak') revised.push(`${p} 추가`);
          });
          const next = parseText(revised.join('\n')).segments;
          const { segments, removed, counts } = mergeRevision(previous, next);

          expect(segments.map((s) => s.source)).toEqual(next.map((s) => s.source));
          const ids = [...segments, ...removed].map((s) => s.id);
          expect(new Set(ids).size).toBe(ids.length);
          expect(counts.new + counts.changed + counts.unchanged).toBe(next.length);
          expect(counts.changed + counts.unchanged + counts.removed).toBe(previous.length);
          expect(new Set(ids.filter((id) => previous.some((p) => p.id === id))).size).toBe(previous.length);
          const byId = new Map(previous.map((p) => [p.id, p]));
          for (const s of segments) {
            if (s.change === 'unchanged') expect(s.targets).toEqual(byId.get(s.id)!.targets);
            if (s.change === 'new') expect(s.targets.vi.status).toBe('empty');
            if (s.change === 'changed') expect(s.targets.vi.status).toBe('edited');
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
