import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attr, kids, parseXml, textOf, wellFormedXml } from './xml-parse';
import { INVALID_XML_CHAR, escapeAttr } from './xml-write';

const textIn = (xml: string) => textOf(parseXml(xml, 'XLIFF'));

describe('references the reader cannot resolve are refused, never read as other text', () => {
  it.each([
    ['an entity declared nowhere', '<x>Gia &lai; hôm nay</x>', '&lai;', 1],
    ['one in an attribute', '<x a="&foo;">y</x>', '&foo;', 1],
    ['one on a later line', '<x>\n<y>ok</y>\n<y>&foo;</y></x>', '&foo;', 3],
    ['one declared in an external DTD', '<!DOCTYPE x SYSTEM "x.dtd"><x>&ext;</x>', '&ext;', 1],
    [
      'one declared through another entity',
      '<!DOCTYPE x [<!ENTITY a "ha"><!ENTITY b "&a;&a;">]><x>&b;</x>',
      '&b;',
      1,
    ],
    ['the NUL character', '<x>a&#0;b</x>', '&#0;', 1],
    ['a lone surrogate', '<x>a&#xD800;b</x>', '&#xD800;', 1],
    ['a code point beyond Unicode', '<x>a&#x110000;b</x>', '&#x110000;', 1],
  ])('%s', (_what, xml, entity, line) => {
    expect(() => wellFormedXml(xml, 'XLIFF')).toThrow(
      expect.objectContaining({ code: 'xml.unknownEntity', params: { format: 'XLIFF', entity, line } }),
    );
  });

  it.each([
    ['the five XML entities', '<x>&lt;b&gt; &amp; &quot;&apos;</x>', '<b> & "\''],
    ['character references', '<x>&#x41;&#66;&#x1F600;</x>', 'AB😀'],
    ['HTML names the reader knows', '<x>a&nbsp;b&euro;</x>', 'a\u00a0b€'],
    ['an entity the document declares', '<!DOCTYPE x [<!ENTITY gl "Gia Lai">]><x>&gl;</x>', 'Gia Lai'],
    ['"&foo;" inside CDATA', '<x><![CDATA[&foo;]]></x>', '&foo;'],
    ['"&foo;" in a comment', '<x><!-- &foo; -->ok</x>', 'ok'],
    ['"&foo;" written escaped', '<x>&amp;foo;</x>', '&foo;'],
  ])('%s are read', (_what, xml, text) => {
    expect(textIn(xml)).toBe(text);
  });
});

describe('characters XML does not allow, written as they are, are refused with where they are', () => {
  it.each([
    ['a control character', '<x>Gia\u0001Lai</x>', '0001', 1, 7],
    ['an escape on a later line', '<x>\n<y>a\u001b</y></x>', '001B', 2, 5],
    ['one in an attribute', '<x a="b\u0008"/>', '0008', 1, 8],
    ['a non-character', '<x>\uFFFE</x>', 'FFFE', 1, 4],
    ['a lone surrogate', '<x>a\uD800</x>', 'D800', 1, 5],
  ])('%s', (_what, xml, code, line, column) => {
    expect(() => wellFormedXml(xml, 'TMX')).toThrow(
      expect.objectContaining({ code: 'xml.forbiddenChar', params: { format: 'TMX', code, line, column } }),
    );
  });

  it('tab, line breaks and characters beyond the BMP are read', () => {
    expect(textIn('<x>\ta\nb\r\n😀\u{10FFFD}</x>')).toBe('\ta\nb\n😀\u{10FFFD}');
  });
});

describe('nothing but comments and processing instructions after the root element', () => {
  it.each([
    ['a second root element', '<x><y/></x><x/>', 1],
    ['a second document glued on, on a later line', '<x>a</x>\n<x>b</x>', 2],
    ['stray text', '<x/>\n\ntrailing', 3],
  ])('%s is refused with its line', (_what, xml, line) => {
    expect(() => wellFormedXml(xml, 'XLIFF')).toThrow(
      expect.objectContaining({ code: 'xml.afterRoot', params: { format: 'XLIFF', line } }),
    );
  });

  it('markup-looking text inside CDATA, comments and attributes, and comments after the root, are read', () => {
    const xml =
      '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]>\n<x a="</x>"><![CDATA[</x><x>]]><!-- </x> -->&a;</x>\n<!-- end -->\n<?pi x?>\n';
    expect(textIn(xml).trimEnd()).toBe('</x><x>b');
  });
});

describe('attribute values are read as XML 1.0 §3.3.3 says', () => {
  const attrsOf = (xml: string) => parseXml(xml, 'XLIFF')[0]![':@']!;

  it('a tab or line break written as such is a space; written as a reference it is itself', () => {
    const xml =
      '<x a="p\tq\nr\r\ns\rt&#9;u&#10;v&#13;w"\n\tb=\'c\td\'><y\tc="\t"/>\tt\r\n<![CDATA[\t<z a="\t"/>]]></x>';
    const [x] = parseXml(xml, 'XLIFF');
    expect(attrsOf(xml)).toEqual({ a: 'p q r s t\tu\nv\rw', b: 'c d' });
    expect(attr(kids(x)[0], 'c')).toBe(' ');
    // Text, CDATA included, keeps its tabs and line breaks (CR LF read as LF).
    expect(textOf(kids(x))).toBe('\tt\n\t<z a="\t"/>');
  });

  it('the same text in a comment, a processing instruction or the DOCTYPE is left alone', () => {
    const xml = '<!DOCTYPE x [<!ENTITY e "a\tb">]><?pi a="\t"?><x a="&e;"><!-- <y a="\t"/> -->&e;</x>';
    expect(textOf(parseXml(xml, 'XLIFF'))).toBe('a\tb');
  });

  it('any value our writers write comes back exactly (property)', () => {
    const value = fc
      .array(
        fc.oneof(
          fc.constantFrom('\t', '\n', '\r', '\r\n', ' ', '&', '"', "'", '<', '>', 'Việt'),
          fc.string(),
        ),
      )
      .map((a) => a.join(''))
      .filter((v) => !INVALID_XML_CHAR.test(v));
    fc.assert(
      fc.property(value, (v) => {
        expect(attrsOf(`<x a="${escapeAttr(v)}"/>`)).toEqual({ a: v });
        // Written raw (quotes and markup escaped only), its tabs and line breaks are spaces.
        const raw = v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
        expect(attrsOf(`<x a="${raw}"/>`)).toEqual({ a: v.replace(/\r\n|[\t\n\r]/g, ' ') });
      }),
      { numRuns: 300 },
    );
  });
});
