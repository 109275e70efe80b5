/**
 * The streaming TMX reader gives the same units as the tree reader, on any document the stream takes: inline
 * codes and text-bearing inline elements, references of every kind (XML, HTML named, character), CDATA, comments,
 * properties of the header and of units, elements where TMX has none. The documents the stream leaves to the tree
 * (entities declared in the document, nesting deeper than any TMX) are read all the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseXml, wellFormedXml } from '../xml-parse';
import { parseTmx } from './tmx';
import { readTmxStream, readTmxTree } from './tmx-read';

const NOW = '2026-12-07T00:00:00.000Z';

/** Pieces of text as an agency's tools write them (references, CDATA, comments, white space included). */
const textPiece = fc.constantFrom(
  '서울',
  'Hà Nội',
  ' ',
  '\n  ',
  // Line ends as a Windows or an old Mac tool writes them, in text and CDATA, and a CR written as a reference.
  '\r\n',
  '\r',
  '<![CDATA[a\r\nb\rc]]>',
  '&#13;&#10;',
  '&amp;',
  '&lt;b&gt;',
  '&#xAC00;',
  '&#44032;',
  '&nbsp;',
  '&copy;',
  '&quot;x&apos;',
  '<![CDATA[<b> & ]]>',
  '<!-- note -->',
  '007',
);

/** Inline content of a segment: text, and elements that keep their text or hold codes. */
const inline: fc.Arbitrary<string> = fc.letrec<{ seg: string }>((tie) => ({
  seg: fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: textPiece },
        {
          weight: 1,
          arbitrary: fc
            .tuple(fc.constantFrom('hi', 'g', 'mrk', 'bpt', 'ept', 'ph', 'sub', 'x-odd'), tie('seg'))
            .map(([name, inner]) => `<${name} i="1">${inner}</${name}>`),
        },
        { weight: 1, arbitrary: fc.constant('<ph/>') },
      ),
      { maxLength: 4 },
    )
    .map((parts) => parts.join('')),
})).seg;

const lang = fc.constantFrom('ko-KR', 'KO', 'vi-VN', 'vi', 'en-GB', 'EN_us', 'ja', '');
const attrValue = fc.constantFrom(
  'Desk',
  'O&apos;Brien &amp; Co',
  'Nguyễn',
  'Lan\r\nNguyen',
  'Lan\tNguyen',
  'Lan&#9;Nguyen&#10;&#13;',
  '20250102T030405Z',
  'bad-date',
);

const tuv = fc
  .record({ lang, seg: fc.option(inline), by: fc.option(attrValue), old: fc.boolean(), extra: fc.boolean() })
  .map(({ lang: l, seg, by, old, extra }) => {
    const attrs = `${old ? 'lang' : 'xml:lang'}="${l}"${by ? ` changeid="${by}" changedate="${by}"` : ''}`;
    const segs = seg === null ? '' : `<seg>${seg}</seg>${extra ? '<seg>second</seg>' : ''}`;
    return `<tuv ${attrs}>${extra ? '<note>n</note>' : ''}${segs}</tuv>`;
  });

const prop = fc
  .record({ type: fc.constantFrom('x-project', 'x-other'), text: inline })
  .map(({ type, text }) => `<prop type="${type}">${text}</prop>`);

const tu = fc
  .record({
    tuvs: fc.array(tuv, { maxLength: 4 }),
    props: fc.array(prop, { maxLength: 2 }),
    by: fc.option(attrValue),
  })
  .map(
    ({ tuvs, props, by }) =>
      `<tu${by ? ` changeid="${by}" creationdate="20240101T000000Z"` : ''}>${props.join('')}${tuvs.join('\n')}</tu>`,
  );

const document = fc
  .record({
    headerProps: fc.array(prop, { maxLength: 2 }),
    tus: fc.array(tu, { maxLength: 6 }),
    stray: fc.boolean(),
  })
  .map(
    ({ headerProps, tus, stray }) =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="ko">${headerProps.join('')}</header>` +
      `<body>${tus.join('\n')}${stray ? '<group><tu><tuv xml:lang="ko"><seg>숨은</seg></tuv></tu></group>' : ''}</body></tmx>`,
  );

describe('reading TMX as a stream', () => {
  it('gives the units the tree reader gives, for any document', () => {
    fc.assert(
      fc.property(document, (xml) => {
        // As parseTmx reads it: the stream walks the kernel's checked text.
        expect(readTmxStream(wellFormedXml(xml, 'TMX'))).toEqual(readTmxTree(parseXml(xml, 'TMX')));
      }),
      { numRuns: 300 },
    );
  });

  it('reads a file saved with Windows or old Mac line ends as the same text (XML reads CR LF and CR as LF)', () => {
    const unit = (nl: string) =>
      `<?xml version="1.0"?>${nl}<tmx version="1.4">${nl}<header/>${nl}<body>${nl}<tu changeid="Lan${nl}Nguyen">` +
      `<tuv xml:lang="ko"><seg>서울${nl}부산</seg></tuv><tuv xml:lang="vi"><seg>Seoul${nl}<![CDATA[Busan${nl}&]]>&#13;Huế</seg></tuv>` +
      `</tu>${nl}</body>${nl}</tmx>${nl}`;
    // In an attribute value a line break written as such is read as a space (XML 1.0 §3.3.3).
    const want = [
      { source: '서울\n부산', target: 'Seoul\nBusan\n&\rHuế', lang: 'vi', at: NOW, reviewer: 'Lan Nguyen' },
    ];
    for (const nl of ['\n', '\r\n', '\r']) expect(parseTmx(unit(nl), NOW).rows).toEqual(want);
  });

  it('reads a tab or line break in an attribute as a space, and one written as a reference as itself', () => {
    const xml = (by: string) =>
      `<tmx version="1.4"><header/><body><tu changeid="${by}"><tuv xml:lang="ko"><seg>서울</seg></tuv>` +
      '<tuv xml:lang="vi"><seg>Seoul</seg></tuv></tu></body></tmx>';
    expect(parseTmx(xml('Lan\tThi\n\tNguyen'), NOW).rows[0]!.reviewer).toBe('Lan Thi  Nguyen');
    expect(parseTmx(xml('Lan&#9;Thi&#10;Nguyen&#13;'), NOW).rows[0]!.reviewer).toBe('Lan\tThi\nNguyen\r');
  });

  it('finds no TMX where the tree finds none', () => {
    for (const xml of [
      '<xliff><body/></xliff>',
      '<tmx version="1.4"><header/></tmx>',
      '<x><tmx><body/></tmx></x>',
    ])
      expect([readTmxStream(xml), readTmxTree(parseXml(xml, 'TMX'))]).toEqual([null, null]);
  });

  it('leaves entities declared in the document to the tree reader, which resolves them', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY desk "Ban Quốc tế">]>
<tmx version="1.4"><header/><body><tu><tuv xml:lang="ko"><seg>서울</seg></tuv><tuv xml:lang="vi"><seg>&desk;</seg></tuv></tu></body></tmx>`;
    expect(parseTmx(xml, NOW).rows).toEqual([{ source: '서울', target: 'Ban Quốc tế', lang: 'vi', at: NOW }]);
  });

  it('leaves a document nested deeper than any TMX to the tree reader: read within its limit, refused past it', () => {
    const nested = (depth: number) => {
      const deep = '<x>'.repeat(depth) + '</x>'.repeat(depth);
      return `<tmx version="1.4"><header/><body><tu changeid="A"><tuv xml:lang="ko"><seg>서울${deep}</seg></tuv><tuv xml:lang="en"><seg>Seoul</seg></tuv></tu></body></tmx>`;
    };
    expect(readTmxStream(nested(80))).toBe('tree');
    expect(parseTmx(nested(80), NOW).rows).toEqual([
      { source: '서울', target: 'Seoul', lang: 'en', at: NOW, reviewer: 'A' },
    ]);
    // The tree reader's own limit (fast-xml-parser's 100 nested tags): refused as before, never read half.
    expect(() => parseTmx(nested(5000), NOW)).toThrow(expect.objectContaining({ code: 'xml.notWellFormed' }));
  });
});
