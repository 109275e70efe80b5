import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReviewEvent, Segment } from '../../electron/contract';
import { createCore, type Core } from '../../electron/handlers';
import type { Database } from '../../electron/services/db';
import { SettingsStore } from '../../electron/services/settings';

/** A row with empty cells, for tests. */
export function row(id: string, source: string, kind: Segment['kind'] = 'paragraph'): Segment {
  return {
    id,
    kind,
    source,
    translate: true,
    targets: { vi: { text: '', status: 'empty' }, en: { text: '', status: 'empty' } },
  };
}

/**
 * A core on a data folder (a new temp folder unless given), recording the events it pushes; on `database` (a
 * desk's PostgreSQL) instead of the folder's embedded one when given.
 */
export async function testCore(
  dataDir?: string,
  clock: { t: number } = { t: Date.parse('2026-11-25T10:00:00Z') },
  database?: Database,
): Promise<{ core: Core; dir: string; events: ReviewEvent[]; clock: { t: number } }> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'storage-')));
  const events: ReviewEvent[] = [];
  const core = await createCore({
    dataDir: dir,
    now: () => new Date(clock.t),
    appVersion: '0.0.0-test',
    mode: 'browser',
    systemLocale: 'en',
    samplePath: '',
    settings: new SettingsStore(dir, {}, null),
    emit: (e) => events.push(e),
    ...(database ? { database } : {}),
  });
  await core.handlers.updateSettings({ reviewerName: 'Lan' }).catch(() => undefined);
  return { core, dir, events, clock };
}

/** A core for one feature's tests; `close` closes it and removes its data folder. */
export interface FeatureCore {
  core: Core;
  dir: string;
  settings: SettingsStore;
  close(): Promise<void>;
}

/**
 * A core on a new temp data folder with a reviewer's name set, its clock `now`, and `env` as the app reads it
 * (e.g. a DeepL key and the test server's address).
 */
export async function featureCore(o: {
  prefix: string;
  reviewer: string;
  now?: () => Date;
  env?: Record<string, string>;
}): Promise<FeatureCore> {
  const dir = await mkdtemp(join(tmpdir(), o.prefix));
  const settings = new SettingsStore(dir, o.env ?? {}, null);
  await settings.update({ reviewerName: o.reviewer });
  const core = await createCore({
    dataDir: dir,
    now: o.now ?? (() => new Date()),
    appVersion: 'test',
    mode: 'browser',
    systemLocale: 'en',
    samplePath: '',
    settings,
    emit: () => undefined,
  });
  const close = async () => {
    await core.close();
    await rm(dir, { recursive: true, force: true });
  };
  return { core, dir, settings, close };
}
