import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
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

describe('a damaged project', () => {
  it('is set aside and the person is told, at start and in the project list', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'corrupt-'));
    const first = await core(dataDir);
    const project = await first.handlers.openLastProject();
    await first.close();
    await writeFile(join(dataDir, 'projects', `${project.id}.json`), '{"schemaVersion":1,"segm');

    const events: ReviewEvent[] = [];
    const second = await core(dataDir, events);
    const opened = await second.handlers.openLastProject();
    expect(opened.id).not.toBe(project.id);
    expect(events).toEqual([
      { type: 'error', error: { code: 'project.corrupt', params: { file: `${project.id}.json` } } },
    ]);
    const kept = (await readdir(join(dataDir, 'projects'))).filter((f) => f.includes('.corrupt-'));
    expect(kept).toHaveLength(1);
    await second.close();
  });
});
