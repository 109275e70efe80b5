/**
 * Our TMX read by translate-toolkit (`translate.storage.tmx`, the reader behind Pootle, Virtaal and its converters),
 * as a translator's tool would read it: the project's TMX export and the app's memory export, every unit's text
 * exactly as approved — markup characters, numbers with leading zeros, Korean and Vietnamese, line breaks.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Project, Segment } from '../../contract';
import { buildExport } from '../export';
import { python } from '../../../test/support/real-tools';
import { testCores } from '../../../test/support/project-cores';
import { CTX, approvedHere, smallProject } from '../../../test/support/interchange';

const READ = `
import json, sys
from translate.storage import tmx
store = tmx.tmxfile.parsefile(sys.argv[1])
XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'
print(json.dumps([{n.get(XML_LANG): u.getNodeText(n) for n in u.getlanguageNodes()} for u in store.units], ensure_ascii=False))
`;

async function readWithToolkit(xml: string): Promise<Array<Record<string, string>>> {
  const file = join(await mkdtemp(join(tmpdir(), 'tmx-tt-')), 'memory.tmx');
  await writeFile(file, xml);
  return JSON.parse(python(READ, [file])) as Array<Record<string, string>>;
}

/** Text a reviewer may approve: Korean, Vietnamese, markup characters, numbers such as 007, inner line breaks. */
const cellText = fc
  .array(
    fc.constantFrom(
      '부산시',
      '전기차',
      'Thành phố',
      'điện',
      'K-pop',
      '007',
      '1.50',
      '&',
      '<b>',
      '"x"',
      "'",
      ' ',
      '\n',
      '=',
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map(
    (parts) =>
      parts
        .join('')
        .replace(/^\s+|\s+$/g, '')
        .replace(/\n\s*\n/g, '\n') || '0',
  );

/** A project whose every row is approved in both languages with generated text. */
function generated(rows: Array<[string, string, string]>): Project {
  const base = smallProject();
  const segments: Segment[] = rows.map(([ko, vi, en], i) => ({
    id: `g${i}`,
    kind: 'paragraph',
    source: `${ko} ${i}`,
    translate: true,
    targets: {
      vi: approvedHere({ text: vi, status: 'edited' }),
      en: approvedHere({ text: en, status: 'edited' }),
    },
  }));
  return { ...base, segments };
}

const cores = testCores();

describe('TMX read by translate-toolkit', () => {
  it('the project TMX: every approved row, each language’s text exactly', async () => {
    const rows = fc.sample(fc.tuple(cellText, cellText, cellText), { numRuns: 60, seed: 21 });
    const project = generated(rows);
    const file = await buildExport(project, { lang: 'all', format: 'tmx', policy: 'approved-only' }, CTX);
    const units = await readWithToolkit(new TextDecoder().decode(file.data));
    const want = project.segments.map((s) => ({
      'ko-KR': s.source,
      'vi-VN': s.targets.vi.text,
      'en-US': s.targets.en.text,
    }));
    // A unit identical to one already written is not repeated.
    const unique = want.filter(
      (u, i) => want.findIndex((v) => JSON.stringify(v) === JSON.stringify(u)) === i,
    );
    expect(units).toEqual(unique);
  });

  it('the app’s memory exported as TMX holds what was approved, read exactly', async () => {
    const { core } = await cores.open();
    const project = generated([
      ['부산시 007', 'Thành phố Busan 007 & <xe điện>', 'Busan 007 & "EVs"'],
      ['사진 설명', 'Ảnh: Busan\n2025.11.24. photo@newsis.com', 'Photo: Busan\n2025.11.24. photo@newsis.com'],
    ]);
    project.segments.forEach((s) => {
      s.targets.vi = { text: s.targets.vi.text, status: 'edited' };
    });
    await core.store.insert(project);
    for (const s of project.segments)
      await core.handlers.approveCell({ projectId: project.id, segmentId: s.id, lang: 'vi' });
    const xml = Buffer.from((await core.handlers.exportTmx()).dataBase64, 'base64').toString('utf8');
    const units = await readWithToolkit(xml);
    expect(units.map((u) => [u['ko-KR'] ?? u.ko, u['vi-VN'] ?? u.vi])).toEqual(
      expect.arrayContaining(project.segments.map((s) => [s.source, s.targets.vi.text])),
    );
    expect(units).toHaveLength(2);
  });
});
