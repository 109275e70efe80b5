import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReviewEvent } from './contract';
import { createCore } from './handlers';
import { SettingsStore } from './services/settings';

const SAMPLE = join(import.meta.dirname, '..', 'samples', 'newsis-seoul-vietnam-smart-mobility.ko.txt');

async function core(dataDir: string, events: ReviewEvent[] = []) {
  return createCore({
    dataDir,
    now: () => new Date(),
    appVersion: '0.0.0',
    mode: 'browser',
    systemLocale: 'en',
    samplePath: SAMPLE,
    settings: new SettingsStore(dataDir, {}, null),
    emit: (e) => events.push(e),
  });
}

describe('a damaged project of the old JSON store', () => {
  it('is kept aside when the store moves into the database, and the person is told', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'corrupt-'));
    await mkdir(join(dataDir, 'projects'));
    await writeFile(join(dataDir, 'projects', 'p-1.json'), '{"schemaVersion":1,"segm');

    const events: ReviewEvent[] = [];
    const second = await core(dataDir, events);
    expect(events).toEqual([]); // held until the UI listens
    await second.handlers.uiReady();
    const opened = await second.handlers.openLastProject(); // the sample, as on a first start
    expect(opened.segments.length).toBeGreaterThan(0);
    await second.handlers.uiReady(); // the notice was held until the UI's handshake, and is delivered then
    expect(events).toEqual([
      { type: 'error', error: { code: 'project.corrupt', params: { file: 'p-1.json' } } },
    ]);
    expect(await readdir(join(dataDir, 'projects.v1-migrated'))).toEqual(['p-1.json']);
    await second.close();
  });
});
