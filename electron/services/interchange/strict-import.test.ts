/**
 * Interchange imports are all-or-nothing: a file that is not well-formed (truncated, a mismatched closing tag) or
 * misses what the schema requires is refused with its own code and changes nothing; a unit whose target cannot be
 * read back exactly is refused and listed; placeholders that carry text come back as that text; a cell is emptied
 * only by an explicit empty target. Through the real core (the app's handler) and translate-toolkit.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Project } from '../../contract';
import { isAppError } from '../errors';
import { testCores } from '../../../test/support/project-cores';
import { parseTermFile } from '../qa/termfiles';
import { roundTrip } from './roundtrip';
import { approvedHere, exportRecorded, smallProject } from '../../../test/support/interchange';

type Format = 'xliff2' | 'xliff12';
const NOW = new Date('2026-11-25T11:00:00Z');
const enc = (s: string) => new TextEncoder().encode(s);
const CREDIT = 'Phóng viên reporter@example.co.kr';

/** The small project with row p2 an approved credit line carrying an e-mail address. */
function creditProject(): Project {
  const p = smallProject();
  p.segments[2]!.source = '기자 reporter@example.co.kr';
  p.segments[2]!.targets.vi = approvedHere({ text: CREDIT, status: 'edited' });
  return p;
}

function setTarget(xml: string, f: Format, id: string, inner: string): string {
  const unit = f === 'xliff2' ? `<unit id="${id}"` : `<trans-unit id="${id}"`;
  const re = new RegExp(`(${unit}[\\s\\S]*?<target[^>]*>)[\\s\\S]*?(</target>)`);
  return xml.replace(re, (_m, a: string, b: string) => `${a}${inner}${b}`);
}

const cores = testCores();

/** A core holding `project`, with an XLIFF export recorded through the handler as the app does it. */
async function appWith(project: Project, format: Format) {
  const { core } = await cores.open();
  const { createdAt: _c, updatedAt: _u, ...rest } = project;
  await core.store.insert({ ...structuredClone(project), ...rest });
  const file = await core.handlers.buildExport({
    projectId: project.id,
    lang: 'vi',
    format,
    policy: 'include-unapproved',
  });
  const xml = Buffer.from(file.dataBase64, 'base64').toString('utf8');
  const send = (text: string | Uint8Array, extra: object = {}) =>
    core.handlers.importInterchange({
      projectId: project.id,
      fileName: format === 'xliff2' ? 'back.xlf' : 'back.xliff',
      dataBase64: Buffer.from(text).toString('base64'),
      ...extra,
    });
  return { core, xml, send };
}

describe('XML reading refuses what is not well-formed, and changes nothing', () => {
  it.each(['xliff2', 'xliff12'] as const)(
    '%s: every truncation of an edited export is refused (xml.truncated) through the app; the project stays',
    async (format) => {
      const { core, xml, send } = await appWith(creditProject(), format);
      const before = structuredClone((await core.store.get('proj-rt')).segments);
      const edited = setTarget(xml, format, 'p1', 'Đã sửa');
      // Cut anywhere before the root's end tag: at a tag, inside text, inside an attribute.
      const end = edited.lastIndexOf('</xliff>');
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: end }), async (cut) => {
          const e = await send(edited.slice(0, cut)).catch((x: unknown) => x);
          expect(isAppError(e, 'xml.truncated') || isAppError(e, 'xml.notWellFormed'), `cut ${cut}`).toBe(
            true,
          );
        }),
        { numRuns: 40 },
      );
      // The cut that used to turn the approved credit row into an empty one.
      const midCredit = edited.indexOf('reporter@', edited.indexOf('id="p2"'));
      await expect(send(edited.slice(0, midCredit + 4))).rejects.toSatisfy((e) =>
        isAppError(e, 'xml.truncated'),
      );
      expect((await core.store.get('proj-rt')).segments).toEqual(before);
    },
  );

  it('a mismatched closing tag is refused naming the line and both tags', async () => {
    const { core, xml, send } = await appWith(creditProject(), 'xliff2');
    const bad = setTarget(xml, 'xliff2', 'p1', 'Đã sửa').replace('</segment>', '</segmnt>');
    const e = await send(bad).catch((x: unknown) => x);
    expect(isAppError(e, 'xml.mismatchedTag')).toBe(true);
    expect((e as { params: object }).params).toMatchObject({ expected: 'segment', found: 'segmnt' });
    expect((await core.store.get('proj-rt')).segments[1]!.targets.vi.text).not.toBe('Đã sửa');
  });

  it('refuses units the schema requires an id and a source of, and a unit given twice', async () => {
    const { project, xml } = await exportRecorded(smallProject(), 'xliff2');
    const run = (s: string) => () => roundTrip(project, 'a.xlf', enc(s), NOW);
    expect(run(xml.replace('<unit id="p1"', '<unit'))).toThrow(
      expect.objectContaining({ code: 'interchange.unitWithoutId' }),
    );
    expect(run(xml.replace('id="p1"', 'id="h1"'))).toThrow(
      expect.objectContaining({ code: 'interchange.duplicateUnit' }),
    );
    expect(run(xml.replace(/(<unit id="p1"[\s\S]*?)<source[^>]*>[\s\S]*?<\/source>/, '$1'))).toThrow(
      expect.objectContaining({ code: 'interchange.unitWithoutSource' }),
    );
  });

  it.each(['utf-16le', 'utf-16be'] as const)(
    'reads XLIFF and TBX in %s with a byte-order mark',
    async (enc16) => {
      const { project, xml } = await exportRecorded(smallProject(), 'xliff12');
      const edited = setTarget(xml, 'xliff12', 'p1', 'Đã sửa').replace(
        'encoding="UTF-8"',
        'encoding="UTF-16"',
      );
      const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(edited, 'utf16le')]);
      const bytes =
        enc16 === 'utf-16le' ? le : Buffer.concat([Buffer.from([0xfe, 0xff]), swap(le.subarray(2))]);
      expect(roundTrip(project, 'a.xliff', bytes, NOW).project.segments[1]!.targets.vi.text).toBe('Đã sửa');
      // Without the mark a UTF-16 file is refused with its own code, not misread.
      expect(() => roundTrip(project, 'a.xliff', le.subarray(2), NOW)).toThrow(
        expect.objectContaining({ code: 'xml.badEncoding' }),
      );
    },
  );

  it('a TBX term 007 stays 007 (text is never turned into numbers), from UTF-8 and UTF-16', () => {
    const tbx = `<?xml version="1.0"?><martif type="TBX-Basic"><text><body><termEntry>
      <langSet xml:lang="ko"><tig><term>007</term></tig></langSet>
      <langSet xml:lang="vi"><tig><term>007</term></tig></langSet>
      <langSet xml:lang="en"><tig><term>1e3</term></tig></langSet></termEntry></body></text></martif>`;
    const want = [{ ko: '007', vi: '007', en: '1e3', forbiddenVi: [], forbiddenEn: [] }];
    expect(parseTermFile('t.tbx', enc(tbx))).toEqual(want);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tbx, 'utf16le')]);
    expect(parseTermFile('t.tbx', utf16)).toEqual(want);
    expect(() => parseTermFile('t.tbx', enc(tbx.slice(0, 200)))).toThrow('xml.truncated');
  });
});

/** Swap the bytes of UTF-16 code units (LE ↔ BE). */
function swap(b: Uint8Array): Buffer {
  const out = Buffer.from(b);
  out.swap16();
  return out;
}

describe('placeholders that carry text round-trip exactly', () => {
  it('translate-toolkit protecting the e-mail as <ph>…</ph> (XLIFF 1.2): the approved credit row comes back as it was', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tt-ph-'));
    const { core, xml, send } = await appWith(creditProject(), 'xliff12');
    await writeFile(join(dir, 'in.xliff'), xml);
    const run = spawnSync(
      '/usr/bin/python3',
      ['-c', PROTECT_EMAILS, join(dir, 'in.xliff'), join(dir, 'out.xliff')],
      {
        encoding: 'utf8',
      },
    );
    expect(run.stderr).toBe('');
    const back = await readFile(join(dir, 'out.xliff'), 'utf8');
    expect(back).toContain('<ph id="1">reporter@example.co.kr</ph>');
    const summary = await send(back);
    expect(summary).toMatchObject({ updated: 0, statusChanged: 0, refused: [], emptied: [] });
    expect((await core.store.get('proj-rt')).segments[2]!.targets.vi).toMatchObject({
      text: CREDIT,
      status: 'approved',
    });
  });

  it('XLIFF 2.0 <ph dataRef> with <originalData> maps back to its data; an edit around it applies exactly', async () => {
    const { core, xml, send } = await appWith(creditProject(), 'xliff2');
    const file = setTarget(xml, 'xliff2', 'p2', 'Phóng viên: <ph id="1" dataRef="d1"/>').replace(
      /(<unit id="p2"[^>]*>)/,
      '$1<originalData><data id="d1">reporter@example.co.kr</data></originalData>',
    );
    const summary = await send(file);
    expect(summary.refused).toEqual([]);
    expect((await core.store.get('proj-rt')).segments[2]!.targets.vi.text).toBe(
      'Phóng viên: reporter@example.co.kr',
    );
  });

  it('a placeholder that maps to nothing is refused and listed, the approved row untouched', async () => {
    const { core, xml, send } = await appWith(creditProject(), 'xliff2');
    const before = (await core.store.get('proj-rt')).segments[2]!.targets.vi;
    const summary = await send(setTarget(xml, 'xliff2', 'p2', 'Phóng viên <ph id="1" dataRef="gone"/>'));
    expect(summary.refused).toEqual([{ segmentId: 'p2', reason: 'inlineCode' }]);
    expect((await core.store.get('proj-rt')).segments[2]!.targets.vi).toEqual(before);
  });
});

describe('emptying, preview and conflicts', () => {
  it('a unit without a target never empties a cell; an explicit empty target does, and the preview lists it', async () => {
    const { core, xml, send } = await appWith(creditProject(), 'xliff2');
    const noTarget = xml.replace(/(<unit id="p1"[\s\S]*?)<target[^>]*>[\s\S]*?<\/target>/, '$1');
    expect(await send(noTarget)).toMatchObject({ updated: 0, emptied: [] });
    const emptyTarget = setTarget(xml, 'xliff2', 'p1', '');
    const preview = await send(emptyTarget, { dryRun: true });
    expect(preview).toMatchObject({ updated: 1, emptied: ['p1'] });
    expect((await core.store.get('proj-rt')).segments[1]!.targets.vi.text).not.toBe('');
    await send(emptyTarget);
    expect((await core.store.get('proj-rt')).segments[1]!.targets.vi).toMatchObject({
      text: '',
      status: 'empty',
    });
  });

  it('previews without changing anything; a conflict resolved "theirs" applies, and the whole import is one undo step', async () => {
    const { core, xml, send } = await appWith(smallProject(), 'xliff2');
    const h = core.handlers;
    await h.updateCell({ projectId: 'proj-rt', segmentId: 'p1', lang: 'vi', text: 'Bản của tôi' });
    const file = setTarget(setTarget(xml, 'xliff2', 'p1', 'Bản của tệp'), 'xliff2', 'h1', 'Tiêu đề mới');
    const before = structuredClone((await core.store.get('proj-rt')).segments);
    const preview = await send(file, { dryRun: true });
    expect(preview.conflicts.map((c) => c.segmentId)).toEqual(['p1']);
    expect(preview.updated).toBe(1);
    expect((await core.store.get('proj-rt')).segments).toEqual(before);
    const applied = await send(file, { resolutions: { p1: 'theirs' } });
    expect(applied.tookTheirs).toEqual(['p1']);
    const after = (await core.store.get('proj-rt')).segments;
    expect([after[0]!.targets.vi.text, after[1]!.targets.vi.text]).toEqual(['Tiêu đề mới', 'Bản của tệp']);
    const undone = await h.undo('proj-rt');
    expect(undone.origin).toBe('xliff-import');
    const back = (await core.store.get('proj-rt')).segments;
    expect([back[0]!.targets.vi.text, back[1]!.targets.vi.text]).toEqual([
      before[0]!.targets.vi.text,
      'Bản của tôi',
    ]);
  });
});

// A CAT tool that protects e-mail addresses as placeables, through translate-toolkit's own XLIFF model.
const PROTECT_EMAILS = `
import sys
from translate.storage import xliff
from translate.storage.placeables import general, parse, xliff as xp, StringElem
store = xliff.xlifffile.parsefile(sys.argv[1])
for unit in store.units:
    if not unit.target:
        continue
    tree = parse(unit.target, general.parsers)
    if not any(isinstance(x, general.EmailPlaceable) for x in tree.sub):
        continue
    subs = [xp.Ph(id='1', sub=[str(x)]) if isinstance(x, general.EmailPlaceable) else x for x in tree.sub]
    unit.rich_target = [StringElem(subs)]
with open(sys.argv[2], 'wb') as out:
    store.serialize(out)
`;
