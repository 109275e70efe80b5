/**
 * XLIFF 2.0 `<cp hex="…"/>` (a character XML cannot carry, written as its code point): the character it names comes
 * back; one that names no character (hex missing, not hexadecimal, a surrogate, past U+10FFFF) refuses its unit —
 * listed, the row unchanged — instead of crashing the import or putting a NUL or half a character into the cell.
 * A placeholder's `equiv`/`equiv-text` is an attribute: a tab or line break written as such in it is a space, one
 * written as a reference is itself (XML 1.0 §3.3.3).
 */
import { describe, expect, it } from 'vitest';
import { roundTrip } from './roundtrip';
import { exportRecorded, smallProject } from '../../../test/support/interchange';

const NOW = new Date('2026-11-25T11:00:00Z');
const enc = (s: string) => new TextEncoder().encode(s);

/**
 * The project before and after importing its exported file with unit p2's target replaced, as another tool would
 * write it, and the import's summary.
 */
async function importWithTarget(target: string) {
  const { project, xml } = await exportRecorded(smallProject(), 'xliff2');
  const file = xml.replace(/(<unit id="p2"[\s\S]*?<target[^>]*>)[\s\S]*?(<\/target>)/, `$1${target}$2`);
  const { project: next, summary } = roundTrip(project, 'a.xlf', enc(file), NOW);
  return { project, next, summary };
}

/** Unit p2 imported with `target` gives row 2 the Vietnamese text `text`, and nothing is refused. */
async function expectImported(target: string, text: string) {
  const { next, summary } = await importWithTarget(target);
  expect(next.segments[2]!.targets.vi.text).toBe(text);
  expect(summary.refused).toEqual([]);
}

describe('XLIFF 2.0 <cp>', () => {
  it.each([
    ['hex missing', '<cp/>'],
    ['not hexadecimal', '<cp hex="zz"/>'],
    ['a prefix JavaScript would read', '<cp hex="0x41"/>'],
    ['a fraction', '<cp hex="1.5"/>'],
    ['negative', '<cp hex="-1"/>'],
    ['a lone surrogate', '<cp hex="D800"/>'],
    ['past Unicode', '<cp hex="110000"/>'],
    // A character no export can carry: applied, the row could never be exported again.
    ['an escape character', '<cp hex="001B"/>'],
    ['the NUL character', '<cp hex="0"/>'],
  ])('%s: the unit is refused and the row stays as it was', async (_what, cp) => {
    const { project, next, summary } = await importWithTarget(`Liên hệ ${cp}ngay`);
    expect(next.segments).toEqual(project.segments);
    expect(summary.refused).toEqual([{ segmentId: 'p2', reason: 'inlineCode' }]);
    expect(summary.warnings).toEqual(['interchange.unitsRefused']);
  });

  it.each([
    ['a tab', '<cp hex="9"/>', '\t'],
    ['a character outside the BMP', '<cp hex="1f600"/>', '😀'],
  ])('%s comes back as that character', async (_what, cp, ch) => {
    await expectImported(`Liên hệ ${cp}ngay`, `Liên hệ ${ch}ngay`);
  });
});

describe('a placeholder read from its equiv / equiv-text attribute', () => {
  it.each([
    ['XLIFF 2.0 equiv, written as such', '<ph id="9" equiv="a\tb\r\nc"/>', 'a b c'],
    ['XLIFF 2.0 equiv, written as references', '<ph id="9" equiv="a&#9;b&#13;&#10;c"/>', 'a\tb\r\nc'],
    ['equiv-text (as XLIFF 1.2 names it), written as such', '<ph id="9" equiv-text="a\n\tb"/>', 'a  b'],
  ])('%s', async (_what, ph, text) => {
    await expectImported(`Liên hệ ${ph} ngay`, `Liên hệ ${text} ngay`);
  });
});
