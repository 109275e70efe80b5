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

/** The exported file with unit p2's target replaced, as another tool would write it. */
async function withTarget(target: string) {
  const { project, xml } = await exportRecorded(smallProject(), 'xliff2');
  const file = xml.replace(/(<unit id="p2"[\s\S]*?<target[^>]*>)[\s\S]*?(<\/target>)/, `$1${target}$2`);
  return { project, file: enc(file) };
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
    const { project, file } = await withTarget(`Liên hệ ${cp}ngay`);
    const { project: next, summary } = roundTrip(project, 'a.xlf', file, NOW);
    expect(next.segments).toEqual(project.segments);
    expect(summary.refused).toEqual([{ segmentId: 'p2', reason: 'inlineCode' }]);
    expect(summary.warnings).toEqual(['interchange.unitsRefused']);
  });

  it.each([
    ['a tab', '<cp hex="9"/>', '\t'],
    ['a character outside the BMP', '<cp hex="1f600"/>', '😀'],
  ])('%s comes back as that character', async (_what, cp, ch) => {
    const { project, file } = await withTarget(`Liên hệ ${cp}ngay`);
    const { project: next, summary } = roundTrip(project, 'a.xlf', file, NOW);
    expect(next.segments[2]!.targets.vi.text).toBe(`Liên hệ ${ch}ngay`);
    expect(summary.refused).toEqual([]);
  });
});

describe('a placeholder read from its equiv / equiv-text attribute', () => {
  it.each([
    ['XLIFF 2.0 equiv, written as such', '<ph id="9" equiv="a\tb\r\nc"/>', 'a b c'],
    ['XLIFF 2.0 equiv, written as references', '<ph id="9" equiv="a&#9;b&#13;&#10;c"/>', 'a\tb\r\nc'],
    ['equiv-text (as XLIFF 1.2 names it), written as such', '<ph id="9" equiv-text="a\n\tb"/>', 'a  b'],
  ])('%s', async (_what, ph, text) => {
    const { project, file } = await withTarget(`Liên hệ ${ph} ngay`);
    const { project: next, summary } = roundTrip(project, 'a.xlf', file, NOW);
    expect(next.segments[2]!.targets.vi.text).toBe(`Liên hệ ${text} ngay`);
    expect(summary.refused).toEqual([]);
  });
});
