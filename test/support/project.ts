import { mkdtemp } from 'node:fs/promises';
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
