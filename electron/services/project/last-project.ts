import { reading } from '../storage/faults';
import * as repo from './repository';

/** The state key of the last opened article on this computer, and the desk's latest for a first sign-in. */
const SHARED_LAST = 'lastProjectId';

/** One "last project" per person: the local user's key is the one it always was. */
function lastKey(actorId: string): string {
  return actorId === 'local' ? SHARED_LAST : `${SHARED_LAST}:${actorId}`;
}

/** The id of the project the person opened last, if `exists` finds it (it throws when the project is gone). */
export async function readLast(
  db: repo.ProjectDb,
  actorId: string,
  exists: (id: string) => Promise<unknown>,
): Promise<string | null> {
  // The person's own last article; someone who never opened one here gets the desk's latest (their first
  // sign-in lands where the desk works, not on an empty screen).
  for (const key of new Set([lastKey(actorId), SHARED_LAST])) {
    const id = await reading(() => repo.getState(db, key));
    if (!id) continue;
    try {
      await exists(id);
      return id;
    } catch {
      // Gone (trash, another desk's): try the next.
    }
  }
  return null;
}

/** Remember the project the person works on, for their next start (each desk account its own). */
export async function writeLast(db: repo.ProjectDb, actorId: string, id: string): Promise<void> {
  await repo.setState(db, lastKey(actorId), id);
  if (lastKey(actorId) !== SHARED_LAST) await repo.setState(db, SHARED_LAST, id);
}
