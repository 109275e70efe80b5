/**
 * Our interchange files read and written by independent tools: translate-toolkit (Python, Debian
 * `translate-toolkit`) edits an XLIFF 1.2 export as a CAT tool would (the OmegaT package: omegat.test.ts).
 * `npm run setup -- --test` installs it.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportRecorded, smallProject } from '../../../test/support/interchange';
import { python } from '../../../test/support/real-tools';
import { roundTrip } from './roundtrip';

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
    const dir = await mkdtemp(join(tmpdir(), 'tt-'));
    const { project, xml } = await exportRecorded(smallProject(), 'xliff12');
    await writeFile(join(dir, 'in.xliff'), xml);
    const reworded = 'Thành phố Seoul đã ký thỏa thuận vào ngày 4.';
    python(EDIT, [join(dir, 'in.xliff'), join(dir, 'out.xliff'), reworded]);
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
