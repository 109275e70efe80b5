import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellStatus, Project, TargetCell } from '../../contract';
import { isAppError } from '../errors';
import { roundTrip } from './roundtrip';
import { CTX, approvedHere, exportRecorded, smallProject, typed } from '../../../test/support/interchange';

type Format = 'xliff2' | 'xliff12';
const NOW = new Date('2026-11-25T11:00:00Z');
const enc = (s: string) => new TextEncoder().encode(s);
const nameOf = (f: Format) => (f === 'xliff2' ? 'edited.xlf' : 'edited.xliff');

// Edits a CAT tool makes, done on the XML itself.
function setTarget(xml: string, f: Format, id: string, text: string): string {
  const unit = f === 'xliff2' ? `<unit id="${id}"` : `<trans-unit id="${id}"`;
  const re = new RegExp(`(${unit}[\\s\\S]*?<target[^>]*>)[\\s\\S]*?(</target>)`);
  return xml.replace(re, (_m, a: string, b: string) => `${a}${text}${b}`);
}
function approveInFile(xml: string, f: Format, id: string): string {
  if (f === 'xliff2')
    return xml.replace(new RegExp(`(<unit id="${id}"[\\s\\S]*?<segment[^>]*?state=")[^"]*`), '$1final');
  return xml
    .replace(new RegExp(`(<trans-unit id="${id}"[^>]*?)translate="yes"`), '$1translate="yes" approved="yes"')
    .replace(
      new RegExp(`(<trans-unit id="${id}"[\\s\\S]*?<target[^>]*?)state="[^"]*"(?: state-qualifier="[^"]*")?`),
      '$1state="final"',
    );
}
/** What a tool that keeps no foreign notes writes: every note gone. */
function stripNotes(xml: string): string {
  return xml
    .replace(/<notes>[\s\S]*?<\/notes>/g, '')
    .replace(/<note[^>]*>[^<]*<\/note>/g, '')
    .replace(/<header>\s*<\/header>/g, '');
}

type FileChange = 'none' | 'text' | 'state';
type LocalChange = 'none' | 'text' | 'approved';
interface Expect {
  text: string;
  status: CellStatus;
  conflict: boolean;
  approvedBy?: string;
}

// The nine combinations for one cell exported as machine text M: the file leaves it, rewords it (F) or approves
// it; the project leaves it, rewords it (L) or approves it.
const M = 'Seoul ký thỏa thuận ngày 4. Hỗ trợ doanh nghiệp. Mở rộng vào năm sau.';
const F = 'Thành phố Seoul đã ký thỏa thuận vào ngày 4.';
const L = 'Seoul ký biên bản ghi nhớ ngày 4.';
const CASES: Array<[FileChange, LocalChange, Expect]> = [
  ['none', 'none', { text: M, status: 'machine', conflict: false }],
  ['none', 'text', { text: L, status: 'edited', conflict: false }],
  ['none', 'approved', { text: M, status: 'approved', conflict: false, approvedBy: 'Lan Nguyen' }],
  ['text', 'none', { text: F, status: 'edited', conflict: false }],
  ['text', 'text', { text: L, status: 'edited', conflict: true }],
  ['text', 'approved', { text: M, status: 'approved', conflict: true, approvedBy: 'Lan Nguyen' }],
  ['state', 'none', { text: M, status: 'approved', conflict: false, approvedBy: 'imported from FILE' }],
  ['state', 'text', { text: L, status: 'edited', conflict: true }],
  ['state', 'approved', { text: M, status: 'approved', conflict: false, approvedBy: 'Lan Nguyen' }],
];

async function scenario(f: Format, file: FileChange, local: LocalChange, strip = false) {
  const exported = await exportRecorded(smallProject(), f);
  let xml = exported.xml;
  if (file === 'text') xml = setTarget(xml, f, 'p1', F);
  if (file === 'state') xml = approveInFile(xml, f, 'p1');
  if (strip) xml = stripNotes(xml);
  const here: Project = structuredClone(exported.project);
  const cell = here.segments[1]!.targets.vi;
  if (local === 'text') here.segments[1]!.targets.vi = typed(cell, L);
  if (local === 'approved') here.segments[1]!.targets.vi = approvedHere(cell);
  return roundTrip(here, nameOf(f), enc(xml), NOW);
}

function check(result: Awaited<ReturnType<typeof scenario>>, f: Format, want: Expect) {
  const cell: TargetCell = result.project.segments[1]!.targets.vi;
  expect(cell.text).toBe(want.text);
  expect(cell.status).toBe(want.status);
  expect(result.summary.conflicts.map((c) => c.segmentId)).toEqual(want.conflict ? ['p1'] : []);
  if (want.approvedBy) expect(cell.approvedBy).toBe(want.approvedBy.replace('FILE', nameOf(f)));
  // The rows nobody touched stay exactly as they were.
  expect(result.project.segments[0]!.targets).toEqual(smallProject().segments[0]!.targets);
  expect(result.project.segments[2]!.targets).toEqual(smallProject().segments[2]!.targets);
}

describe('three-way XLIFF round trip', () => {
  for (const f of ['xliff2', 'xliff12'] as const)
    describe(f, () => {
      it.each(CASES)('file %s × here %s', async (file, local, want) => {
        const result = await scenario(f, file, local);
        expect(result.summary.basis).toBe('baseline');
        check(result, f, want);
      });

      it.each(CASES)('notes stripped by the other tool: file %s × here %s', async (file, local, want) => {
        const result = await scenario(f, file, local, true);
        expect(result.summary.basis).toBe('baseline');
        check(result, f, want);
      });
    });

  it('an untouched file never undoes an approval or a rewording made here (the issue #11 report)', async () => {
    const { project, xml } = await exportRecorded(smallProject(), 'xliff12');
    project.segments[0]!.targets.vi = approvedHere(project.segments[0]!.targets.vi);
    project.segments[1]!.targets.vi = typed(project.segments[1]!.targets.vi, L);
    const { project: next, summary } = roundTrip(project, 'a.xliff', enc(xml), NOW);
    expect(next.segments).toEqual(project.segments);
    expect(summary).toMatchObject({ updated: 0, statusChanged: 0, conflicts: [] });
  });

  it('without a recorded export or notes, a reviewer-owned cell is never overwritten: it is a conflict', async () => {
    const { xml } = await exportRecorded(smallProject(), 'xliff2');
    const here = smallProject(); // no baselines: e.g. a project restored from before this export
    here.segments[1]!.targets.vi = approvedHere(here.segments[1]!.targets.vi);
    const file = stripNotes(setTarget(setTarget(xml, 'xliff2', 'p1', F), 'xliff2', 'p2', 'Liên hệ mới'));
    const { project, summary } = roundTrip(here, 'a.xlf', enc(file), NOW);
    expect(summary.basis).toBe('none');
    expect(summary.conflicts.map((c) => c.segmentId)).toEqual(['p1']);
    expect(project.segments[1]!.targets.vi.status).toBe('approved');
    // A machine cell takes the file's text.
    expect(project.segments[2]!.targets.vi).toMatchObject({ text: 'Liên hệ mới', status: 'edited' });
  });

  it('the export id in the file picks the right one of several exports', async () => {
    const first = await exportRecorded(smallProject(), 'xliff2');
    // Later the reviewer approves p1 and exports again: that export's base is approved text.
    first.project.segments[1]!.targets.vi = approvedHere(first.project.segments[1]!.targets.vi);
    const second = await exportRecorded(first.project, 'xliff2');
    expect(second.project.exportBaselines).toHaveLength(2);
    // The first file comes back untouched: compared with ITS export, nothing changed, so nothing is undone.
    const { project, summary } = roundTrip(second.project, 'a.xlf', enc(first.xml), NOW);
    expect(summary.basis).toBe('baseline');
    expect(project.segments[1]!.targets.vi.status).toBe('approved');
    expect(summary.conflicts).toEqual([]);
  });

  it('without the export id, an older file finds its own export, not a later one', async () => {
    const first = await exportRecorded(smallProject(), 'xliff12');
    first.project.segments[1]!.targets.vi = approvedHere(first.project.segments[1]!.targets.vi);
    const second = await exportRecorded(first.project, 'xliff12');
    // The first file comes back with every note stripped: it still matches the first export exactly.
    const { project, summary } = roundTrip(second.project, 'old.xliff', enc(stripNotes(first.xml)), NOW);
    expect(summary.basis).toBe('baseline');
    expect(project.segments[1]!.targets.vi.status).toBe('approved');
    expect(summary).toMatchObject({ updated: 0, statusChanged: 0, conflicts: [] });
  });

  it('joins a unit a CAT tool split into three segments', async () => {
    const { project, xml } = await exportRecorded(smallProject(), 'xliff2');
    const split = xml.replace(
      /(<unit id="p1"[\s\S]*?<\/notes>)\s*<segment[\s\S]*?<\/segment>/,
      (_m, head: string) =>
        `${head}<segment id="p1-1" state="translated"><source>서울시는 4일 협약을 맺었다.</source><target>Seoul đã ký thỏa thuận hôm 4.</target></segment>` +
        `<ignorable><source> </source></ignorable>` +
        `<segment id="p1-2" state="translated"><source>기업 진출을 돕는다.</source><target>Hỗ trợ doanh nghiệp.</target></segment>` +
        `<ignorable><source> </source></ignorable>` +
        `<segment id="p1-3" state="final"><source>내년에 확대한다.</source><target>Mở rộng vào năm sau.</target></segment>`,
    );
    const { project: next, summary } = roundTrip(project, 'split.xlf', enc(split), NOW);
    expect(next.segments[1]!.targets.vi).toMatchObject({
      text: 'Seoul đã ký thỏa thuận hôm 4. Hỗ trợ doanh nghiệp. Mở rộng vào năm sau.',
      // The unit is as far along as its least advanced segment.
      status: 'edited',
    });
    expect(summary.updated).toBe(1);
  });

  it.each([
    [
      'xliff2',
      'Liên hệ <pc id="1" dataRefStart="d1">ngay</pc> <ph id="2" equiv="a.b@seoul.go.kr"/> <mrk id="m1" translate="no">Seoul</mrk>',
    ],
    [
      'xliff12',
      'Liên hệ <g id="1">ngay</g> <x id="2" equiv-text="a.b@seoul.go.kr"/> <mrk mtype="x-term">Seoul</mrk>',
    ],
  ] as const)('%s: inline tags are mapped back to text', async (f, target) => {
    const { project, xml } = await exportRecorded(smallProject(), f);
    const { project: next, summary } = roundTrip(
      project,
      nameOf(f),
      enc(setTarget(xml, f, 'p2', target)),
      NOW,
    );
    expect(next.segments[2]!.targets.vi.text).toBe('Liên hệ ngay a.b@seoul.go.kr Seoul');
    expect(summary.warnings).toEqual([]);
  });

  it('a placeholder with no text to put back refuses its unit (listed, the row unchanged); the rest applies', async () => {
    const { project, xml } = await exportRecorded(smallProject(), 'xliff2');
    const approved = structuredClone(project);
    approved.segments[2]!.targets.vi = approvedHere(approved.segments[2]!.targets.vi);
    let file = setTarget(xml, 'xliff2', 'p2', 'Liên hệ <ph id="9"/>');
    file = setTarget(file, 'xliff2', 'p1', F);
    const { project: next, summary } = roundTrip(approved, 'a.xlf', enc(file), NOW);
    expect(next.segments[2]!.targets.vi).toEqual(approved.segments[2]!.targets.vi);
    expect(next.segments[1]!.targets.vi.text).toBe(F);
    expect(summary.refused).toEqual([{ segmentId: 'p2', reason: 'inlineCode' }]);
    expect(summary.warnings).toEqual(['interchange.unitsRefused']);
  });

  it('normalizes decomposed text from the file to NFC', async () => {
    const { project, xml } = await exportRecorded(smallProject(), 'xliff2');
    const nfd = 'Liên hệ Việt Nam'.normalize('NFD');
    const { project: next } = roundTrip(project, 'a.xlf', enc(setTarget(xml, 'xliff2', 'p2', nfd)), NOW);
    expect(next.segments[2]!.targets.vi.text).toBe('Liên hệ Việt Nam'.normalize('NFC'));
  });

  it('records the approver the file names (XLIFF 1.2 phase contact)', async () => {
    const { project, xml } = await exportRecorded(smallProject(), 'xliff12');
    const file = approveInFile(xml, 'xliff12', 'p1')
      .replace(
        '<header>',
        '<header><phase-group><phase phase-name="p1" process-name="approval" contact-name="Minh Tran"/></phase-group>',
      )
      .replace(/(<trans-unit id="p1"[\s\S]*?<target)/, '$1 phase-name="p1"');
    const { project: next, summary } = roundTrip(project, 'a.xliff', enc(file), NOW);
    expect(next.segments[1]!.targets.vi).toMatchObject({ status: 'approved', approvedBy: 'Minh Tran' });
    expect(summary.by).toBe('Minh Tran');
  });

  it('refuses files that are not XLIFF from this project', async () => {
    const bad =
      (s: string, name = 'a.xlf') =>
      () =>
        roundTrip(smallProject(), name, enc(s), CTX.now);
    expect(bad('not xml <')).toThrow(expect.objectContaining({ code: 'xml.notWellFormed' }));
    expect(bad('<html><body/></html>')).toThrow(expect.objectContaining({ code: 'export.notXliff' }));
    expect(bad('<xliff version="2.0" trgLang="fr"><file id="f"><unit id="h1"/></file></xliff>')).toThrow(
      expect.objectContaining({ code: 'export.wrongLanguage' }),
    );
    expect(
      bad(
        '<xliff version="2.0" trgLang="vi"><file id="f"><unit id="zzz"><segment><source>x</source></segment></unit></file></xliff>',
      ),
    ).toThrow(expect.objectContaining({ code: 'export.otherProject' }));
    expect(bad(' '.repeat(17 * 1024 * 1024))).toThrow(
      expect.objectContaining({ code: 'interchange.tooLarge' }),
    );
    expect(() => bad('{}', 'a.json')()).toThrow();
    try {
      bad('{}', 'a.json')();
    } catch (e) {
      expect(isAppError(e, 'interchange.notXliffName')).toBe(true);
    }
  });
});

describe('round-trip invariants (property)', () => {
  const FILE = ['none', 'text', 'state'] as const;
  const LOCAL = ['none', 'text', 'approved'] as const;

  it('whatever happens on either side, nothing changed here is ever overwritten, and an untouched file changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('xliff2', 'xliff12'),
        fc.array(fc.tuple(fc.constantFrom(...FILE), fc.constantFrom(...LOCAL)), {
          minLength: 3,
          maxLength: 3,
        }),
        fc.boolean(),
        async (f, changes, strip) => {
          const exported = await exportRecorded(smallProject(), f);
          let xml = exported.xml;
          const here = structuredClone(exported.project);
          changes.forEach(([file, local], i) => {
            const id = here.segments[i]!.id;
            if (file === 'text') xml = setTarget(xml, f, id, `${F} ${i}`);
            if (file === 'state') xml = approveInFile(xml, f, id);
            const cell = here.segments[i]!.targets.vi;
            if (local === 'text') here.segments[i]!.targets.vi = typed(cell, `${L} ${i}`);
            if (local === 'approved') here.segments[i]!.targets.vi = approvedHere(cell);
          });
          if (strip) xml = stripNotes(xml);
          const { project: next, summary } = roundTrip(here, nameOf(f), enc(xml), NOW);
          changes.forEach(([file, local], i) => {
            const before = here.segments[i]!.targets.vi;
            const after = next.segments[i]!.targets.vi;
            if (local !== 'none' || file === 'none') expect(after).toEqual(before);
          });
          const untouched = roundTrip(
            here,
            nameOf(f),
            enc(strip ? stripNotes(exported.xml) : exported.xml),
            NOW,
          );
          expect(untouched.project.segments).toEqual(here.segments);
          expect(summary.basis).toBe('baseline');
        },
      ),
      { numRuns: 150 },
    );
  });
});
