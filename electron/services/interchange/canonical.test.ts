/**
 * A cell stored decomposed (NFD: Vietnamese pasted from a Mac, Korean as conjoining jamo) and the same text composed
 * (NFC, as the XLIFF reader gives every target) are one text to a reader. The round trip compares them as one: an
 * untouched file changes nothing, finds its own export without its id, and the same wording on both sides is no
 * conflict; a real change is still one.
 */
import { describe, expect, it } from 'vitest';
import type { Project } from '../../contract';
import { roundTrip } from './roundtrip';
import { approvedHere, exportRecorded, smallProject, typed } from '../../../test/support/interchange';

const NOW = new Date('2026-11-25T11:00:00Z');
const enc = (s: string) => new TextEncoder().encode(s);
const NFD_VI = 'Liên hệ Việt Nam'.normalize('NFD');
/** 한강 as conjoining jamo (ᄒ ᅡ ᆫ ᄀ ᅡ ᆼ), what NFD makes of the syllables. */
const JAMO = 'Han River (\u1112\u1161\u11ab\u1100\u1161\u11bc)';

/** The small project with decomposed cells: p2 machine text in Vietnamese, p1 approved English with jamo. */
function decomposed(): Project {
  const p = smallProject();
  p.segments[2]!.targets.vi = { text: NFD_VI, mt: NFD_VI, status: 'machine' };
  p.segments[1]!.targets.vi = approvedHere(typed(p.segments[1]!.targets.vi, `Sông ${NFD_VI}`));
  p.segments[1]!.targets.en = approvedHere(typed(p.segments[1]!.targets.en, JAMO));
  return p;
}

/** The file without the export id it carries, as a tool that drops foreign notes writes it. */
const withoutId = (xml: string) =>
  xml.replace(/<note[^>]*category="x-export"[^>]*>[^<]*<\/note>|<note from="x-export">[^<]*<\/note>/g, '');

describe('decomposed cells through XLIFF and back', () => {
  it.each([
    ['xliff2', 'vi'],
    ['xliff12', 'vi'],
    ['xliff2', 'en'],
    ['xliff12', 'en'],
  ] as const)('%s %s: an untouched file changes nothing', async (format, lang) => {
    const { project, xml } = await exportRecorded(decomposed(), format, lang);
    expect(xml.normalize('NFC')).not.toBe(xml); // the export carries the cells as they are
    for (const file of [xml, withoutId(xml)]) {
      const { project: next, summary } = roundTrip(project, 'back.xlf', enc(file), NOW);
      expect(next.segments).toEqual(project.segments);
      expect(summary).toMatchObject({ updated: 0, statusChanged: 0, conflicts: [] });
    }
  });

  it('without its id, an untouched file finds its own export, not a later one', async () => {
    const first = await exportRecorded(decomposed(), 'xliff2');
    const later = structuredClone(first.project);
    later.segments[2]!.targets.vi = typed(later.segments[2]!.targets.vi, 'Liên hệ ngay');
    const second = await exportRecorded(later, 'xliff2');
    const { project, summary } = roundTrip(second.project, 'old.xlf', enc(withoutId(first.xml)), NOW);
    expect(project.segments).toEqual(second.project.segments);
    expect(summary.conflicts).toEqual([]);
  });

  it('compared by the fingerprints in the file when the project kept no export (text in mixed forms)', async () => {
    const mixed = `${NFD_VI} 한강`; // decomposed Vietnamese, composed Hangul
    const p = decomposed();
    p.segments[2]!.targets.vi = { text: mixed, mt: mixed, status: 'machine' };
    const { project, xml } = await exportRecorded(p, 'xliff12');
    project.exportBaselines = [];
    const { project: next, summary } = roundTrip(project, 'back.xlf', enc(xml), NOW);
    expect(summary.basis).toBe('file-notes');
    expect(next.segments).toEqual(project.segments);
    expect(summary).toMatchObject({ updated: 0, statusChanged: 0, conflicts: [] });
  });

  it('the same wording on both sides, one composed and one not, is no conflict', async () => {
    const { project, xml } = await exportRecorded(smallProject(), 'xliff2');
    project.segments[2]!.targets.vi = typed(project.segments[2]!.targets.vi, NFD_VI);
    const file = xml.replace(/(<unit id="p2"[\s\S]*?<target[^>]*>)[^<]*/, `$1${NFD_VI.normalize('NFC')}`);
    const { project: next, summary } = roundTrip(project, 'a.xlf', enc(file), NOW);
    expect(summary.conflicts).toEqual([]);
    expect(next.segments[2]!.targets.vi).toEqual(project.segments[2]!.targets.vi);
  });

  it('a real change to a decomposed cell still comes in, composed', async () => {
    const { project, xml } = await exportRecorded(decomposed(), 'xliff2');
    const file = xml.replace(/(<unit id="p2"[\s\S]*?<target[^>]*>)[^<]*/, '$1Liên hệ Hà Nội');
    const { project: next, summary } = roundTrip(project, 'a.xlf', enc(file), NOW);
    expect(next.segments[2]!.targets.vi).toMatchObject({ text: 'Liên hệ Hà Nội', status: 'edited' });
    expect(summary).toMatchObject({ updated: 1, conflicts: [] });
  });
});
