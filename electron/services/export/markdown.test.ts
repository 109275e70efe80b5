/**
 * Our Markdown read by the CommonMark reference parser (commonmark.js), as a site or editor renders it: text comes
 * out exactly as typed, nothing becomes a link, emphasis, code or HTML by accident, pictures keep their caption line,
 * lists stay tight.
 */
import { Parser, type Node } from 'commonmark';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Project, Segment, TargetCell } from '../../contract';
import { markdown } from './markdown';

const parser = new Parser();

const ok = (text: string): TargetCell => ({
  text,
  status: 'approved',
  approvedAt: '2026-11-25T09:00:00.000Z',
});
const row = (id: string, kind: Segment['kind'], vi: string, extra: Partial<Segment> = {}): Segment => ({
  id,
  kind,
  source: `원문 ${id}`,
  translate: true,
  targets: { vi: ok(vi), en: ok(vi) },
  ...extra,
});
const project = (segments: Segment[]): Project => ({
  schemaVersion: 1,
  id: 'p',
  name: '기사',
  source: { fileName: 'a.txt', format: 'txt', encoding: 'utf-8', importedAt: '2026-11-25T08:00:00.000Z' },
  englishVariant: 'en-US',
  glossary: [],
  createdAt: '2026-11-25T08:00:00.000Z',
  updatedAt: '2026-11-25T08:00:00.000Z',
  segments,
});

/** Top-level blocks with their kind and visible text (line breaks as "\n"); inline node kinds used. */
function blocks(md: string) {
  const doc = parser.parse(md);
  const out: Array<{ type: string; text: string; inline: Set<string>; node: Node }> = [];
  for (let b = doc.firstChild; b; b = b.next) {
    let text = '';
    const inline = new Set<string>();
    const walker = b.walker();
    for (let e = walker.next(); e; e = walker.next()) {
      if (!e.entering) continue;
      const n = e.node;
      if (n.isContainer && n !== b) inline.add(n.type);
      if (n.type === 'text') text += n.literal ?? '';
      else if (n.type === 'linebreak' || n.type === 'softbreak') text += '\n';
      else if (n.type !== b.type && !n.isContainer) inline.add(n.type);
    }
    out.push({ type: b.type, text, inline, node: b });
  }
  return out;
}

// Text a reviewer might write: Markdown punctuation in every position, brackets of news credits, line breaks.
const piece = fc.constantFrom(
  '[Busan=Newsis]',
  '*',
  '**',
  '_',
  '__',
  '`',
  '```',
  '~~~',
  '#',
  '## ',
  '> ',
  '- ',
  '+ ',
  '* ',
  '1. ',
  '2) ',
  '---',
  '===',
  '<b>',
  '<http://x.y>',
  '&amp;',
  '&#35;',
  '\\',
  '\\*',
  '](x)',
  '[a](b)',
  '![i](u)',
  '[x]: /u',
  '|',
  '!',
  '(',
  ')',
  'photo@newsis.com',
  'snake_case',
  ' ',
  '\n',
  'Việt',
  '부산',
  '3.',
  'a',
  '    ',
);
const text = fc
  .array(piece, { minLength: 1, maxLength: 12 })
  .map((p) => p.join(''))
  // Imports trim rows and never keep empty lines inside one.
  .map((s) =>
    s
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .join('\n'),
  )
  .filter((s) => s !== '');

describe('Markdown read by a CommonMark parser', () => {
  it('any paragraph comes out as one paragraph of exactly its text, with no accidental markup', () => {
    fc.assert(
      fc.property(text, (t) => {
        const md = markdown(project([row('p', 'paragraph', t)]), 'vi', 'approved-only');
        const [block, ...rest] = blocks(md);
        expect(rest).toEqual([]);
        expect(block!.type).toBe('paragraph');
        expect(block!.text).toBe(t);
        expect([...block!.inline]).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('headings and list items keep their text exactly too', () => {
    fc.assert(
      fc.property(text, (t) => {
        const md = markdown(
          project([row('h', 'headline', t), row('l', 'list-item', t)]),
          'vi',
          'approved-only',
        );
        const [heading, list] = blocks(md);
        expect(heading!.type).toBe('heading');
        expect(heading!.text).toBe(t.replace(/\n/g, ' '));
        expect(list!.type).toBe('list');
        expect(list!.text).toBe(t);
      }),
      { numRuns: 300 },
    );
  });

  it('brackets of a news credit are written as typed, not escaped', () => {
    const md = markdown(
      project([row('p', 'paragraph', '[Busan=Newsis] Thành phố Busan')]),
      'vi',
      'approved-only',
    );
    expect(md).toBe('[Busan=Newsis] Thành phố Busan\n');
  });

  it('a picture keeps its caption line, as its own paragraph under the picture', () => {
    const caption = '[Busan=Newsis] Thị trưởng phát biểu. 2025.11.24. photo@newsis.com';
    const md = markdown(
      project([
        row('pic', 'picture', caption, { imageUrl: 'https://img.example/a (1).jpg?x=1' }),
        row('cap', 'caption', caption, { linkedTo: 'pic' }),
        row('p', 'paragraph', 'Đoạn văn.'),
      ]),
      'vi',
      'approved-only',
    );
    const [pic, cap, para] = blocks(md);
    const image = pic!.node.firstChild!;
    expect(image.type).toBe('image');
    // Renderers percent-encode the address (a space is %20); it is the same address.
    expect(decodeURI(image.destination!)).toBe('https://img.example/a (1).jpg?x=1');
    expect(pic!.text).toBe(caption); // the alt text
    expect(cap).toMatchObject({ type: 'paragraph', text: caption });
    expect(para!.text).toBe('Đoạn văn.');
  });

  it('consecutive list items are one tight list', () => {
    const md = markdown(
      project([
        row('p', 'paragraph', 'Trước'),
        row('a', 'list-item', 'một'),
        row('b', 'list-item', 'hai'),
        row('c', 'list-item', 'ba'),
        row('q', 'paragraph', 'Sau'),
      ]),
      'vi',
      'approved-only',
    );
    const b = blocks(md);
    expect(b.map((x) => x.type)).toEqual(['paragraph', 'list', 'paragraph']);
    const list = b[1]!.node;
    expect(list.listTight).toBe(true);
    let items = 0;
    for (let i = list.firstChild; i; i = i.next) items++;
    expect(items).toBe(3);
  });

  it('gaps and drafts are marked in the document language', () => {
    const p = project([row('a', 'paragraph', 'x'), row('b', 'paragraph', 'y')]);
    p.segments[0]!.targets.vi = { text: 'bản nháp', status: 'edited' };
    p.segments[1]!.targets.vi = { text: '', status: 'empty' };
    expect(blocks(markdown(p, 'vi', 'include-unapproved')).map((b) => b.text)).toEqual([
      '[BẢN NHÁP] bản nháp',
      '[CHƯA DUYỆT — hàng 2]',
    ]);
    expect(blocks(markdown(p, 'en', 'approved-only')).map((b) => b.text)).toEqual(['x', 'y']);
  });
});
