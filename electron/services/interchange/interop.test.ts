/**
 * Our interchange files read and written by independent tools: translate-toolkit (Python, Debian
 * `translate-toolkit`) edits an XLIFF 1.2 export as a CAT tool would, and OmegaT 3.6 (Debian `omegat`) opens the
 * OmegaT package in console mode and writes the translated article. `npm run setup -- --test` installs both.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Project, TmxSegmentation } from '../../contract';
import { buildExport } from '../export';
import { roundTrip } from './roundtrip';
import { CTX, approvedHere, exportRecorded, smallProject } from '../../../test/support/interchange';

const PYTHON = '/usr/bin/python3';
const OMEGAT_JAR = '/usr/share/omegat/OmegaT.jar';

// A CAT tool's edit through translate-toolkit's own XLIFF model: reword p1 and approve it; leave the rest.
const EDIT = `
import sys
from translate.storage import xliff
store = xliff.xlifffile.parsefile(sys.argv[1])
for unit in store.units:
    if unit.xmlelement.get('id') == 'p1':
        unit.target = sys.argv[3]
        unit.markapproved(True)
with open(sys.argv[2], 'wb') as out:
    store.serialize(out)
`;

describe('translate-toolkit edits our XLIFF 1.2', () => {
  it('its rewording and approval come back, attributed to the file; nothing else changes', async () => {
    expect(existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import translate']).status).toBe(0);
    const dir = await mkdtemp(join(tmpdir(), 'tt-'));
    const { project, xml } = await exportRecorded(smallProject(), 'xliff12');
    await writeFile(join(dir, 'in.xliff'), xml);
    const reworded = 'Thành phố Seoul đã ký thỏa thuận vào ngày 4.';
    const run = spawnSync(PYTHON, ['-c', EDIT, join(dir, 'in.xliff'), join(dir, 'out.xliff'), reworded], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    const back = await readFile(join(dir, 'out.xliff'));
    const { project: next, summary } = roundTrip(
      project,
      'out.xliff',
      back,
      new Date('2026-11-25T12:00:00Z'),
    );
    expect(next.segments[1]!.targets.vi).toMatchObject({
      text: reworded,
      status: 'approved',
      approvedBy: 'imported from out.xliff',
    });
    expect(summary).toMatchObject({ updated: 1, statusChanged: 1, conflicts: [] });
    expect(next.segments[0]!.targets).toEqual(project.segments[0]!.targets);
    expect(next.segments[2]!.targets).toEqual(project.segments[2]!.targets);
  });
});

async function unzipTo(data: Uint8Array, dir: string): Promise<string> {
  const zip = await JSZip.loadAsync(data);
  let root = '';
  for (const entry of Object.values(zip.files)) {
    const path = join(dir, entry.name);
    if (entry.dir) await mkdir(path, { recursive: true });
    else {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, await entry.async('uint8array'));
      if (entry.name.endsWith('/omegat.project')) root = dirname(path);
    }
  }
  return root;
}

/** Run OmegaT's console translation on a package of `project`; returns the target article and the time taken. */
async function omegatTranslate(project: Project, segmentation: TmxSegmentation) {
  const file = await buildExport(
    project,
    { lang: 'vi', format: 'omegat', policy: 'approved-only', segmentation },
    CTX,
  );
  const root = await unzipTo(file.data, await mkdtemp(join(tmpdir(), 'omegat-')));
  const started = performance.now();
  const run = spawnSync('java', ['-jar', OMEGAT_JAR, root, '--mode=console-translate'], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, HOME: root }, // OmegaT writes its preferences under the home folder
  });
  const seconds = (performance.now() - started) / 1000;
  expect(run.status, run.stderr.slice(-2000)).toBe(0);
  const [target] = await readdir(join(root, 'target'));
  return { text: await readFile(join(root, 'target', target!), 'utf8'), seconds, root };
}

describe('OmegaT opens our package', () => {
  function reviewed(): Project {
    const p = smallProject();
    p.segments[0]!.targets.vi = approvedHere(p.segments[0]!.targets.vi);
    p.segments[1]!.targets.vi = approvedHere(p.segments[1]!.targets.vi);
    return p;
  }

  it.each(['paragraph', 'sentence'] as const)(
    'console mode fills in our approved rows from tm/auto (%s segmentation)',
    async (segmentation) => {
      expect(existsSync(OMEGAT_JAR)).toBe(true);
      const project = reviewed();
      const { text, seconds, root } = await omegatTranslate(project, segmentation);
      const paragraphs = text.trim().split(/\n\n/);
      expect(paragraphs[0]).toBe(project.segments[0]!.targets.vi.text);
      expect(paragraphs[1]).toBe(project.segments[1]!.targets.vi.text);
      // Not approved: OmegaT leaves the Korean as it is.
      expect(paragraphs[2]).toBe(project.segments[2]!.source);
      expect(await readFile(join(root, 'glossary', 'glossary.txt'), 'utf8')).toBe(
        '서울시\tThành phố Seoul\tBilingual Review glossary\n',
      );
      const [tmxName] = await readdir(join(root, 'tm', 'auto'));
      const tmx = await readFile(join(root, 'tm', 'auto', tmxName!), 'utf8');
      // p1 holds three sentences in both languages: one memory unit each when segmenting by sentence.
      expect(tmx.match(/tuid="p1-\d"/g) ?? []).toHaveLength(segmentation === 'sentence' ? 3 : 0);
      console.info(`OmegaT console translation (${segmentation}): ${seconds.toFixed(1)} s`);
    },
    150_000,
  );
});
