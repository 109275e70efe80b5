import type { ProjectDb } from './repository';
import type { ProjectTables } from './schema';

/** A committed save's record under its sender's key (the SQL of `save_keys`; the rest is in repository.ts). */
export type SaveKey = ProjectTables['save_keys'];

/** How long a save's key is remembered: a retry comes within seconds, a desktop's kept typing within days. */
export const SAVE_KEY_DAYS = 7;

/** The save `key` of `actorId` committed, if any. */
export async function findSaveKey(db: ProjectDb, actorId: string, key: string): Promise<SaveKey | null> {
  const row = await db
    .selectFrom('save_keys')
    .selectAll()
    .where('actor_id', '=', actorId)
    .where('key', '=', key)
    .executeTakeFirst();
  return row ?? null;
}

/** Remember a save in the transaction that commits it (a key already there stays as it was). */
export async function recordSaveKey(db: ProjectDb, row: SaveKey): Promise<void> {
  await db
    .insertInto('save_keys')
    .values(row)
    .onConflict((oc) => oc.columns(['actor_id', 'key']).doNothing())
    .execute();
}

/**
 * Remember a change in the transaction that commits it, refusing a key already there: the same change committed
 * meanwhile (sent again before its answer came, through this process or another), so this one must not be.
 * Returns false when refused (the caller rolls its transaction back).
 */
export async function claimSaveKey(db: ProjectDb, row: SaveKey): Promise<boolean> {
  const r = await db
    .insertInto('save_keys')
    .values(row)
    .onConflict((oc) => oc.columns(['actor_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  return r !== undefined;
}

/** Forget keys older than {@link SAVE_KEY_DAYS} before `now`. */
export async function pruneSaveKeys(db: ProjectDb, now: Date): Promise<void> {
  const before = new Date(now.getTime() - SAVE_KEY_DAYS * 86_400_000).toISOString();
  await db.deleteFrom('save_keys').where('at', '<', before).execute();
}
