import { useCallback, useSyncExternalStore } from 'react';
import type { DeskUser } from '../../../electron/contract';
import { api } from '../../api';
import { canCall, type Can } from './permissions';

/**
 * Who is signed in to the team desk, asked once and shared by every part of the UI that hides what the person's
 * role cannot do. `undefined` until the answer is in; `null` in the single-user app (no desk account).
 */
let current: DeskUser | null | undefined;
let asking: Promise<DeskUser | null> | null = null;
const listeners = new Set<() => void>();

function set(me: DeskUser | null): void {
  current = me;
  for (const l of listeners) l();
}

/**
 * The desk account (asked once; later calls share the answer). Work that must not start for a role that cannot
 * do it (machine translation at start-up) awaits this first.
 */
export function loadDeskMe(): Promise<DeskUser | null> {
  asking ??= api.deskWhoAmI().then(
    (me) => (set(me), me),
    // Not a desk, or the desk is not answering: behave as the single-user app; the server still checks every call.
    () => (set(null), null),
  );
  return asking;
}

/** The desk account as known now, without asking (`undefined` before the first answer). */
export function deskMeNow(): DeskUser | null | undefined {
  return current;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  void loadDeskMe();
  return () => listeners.delete(listener);
}

/** The desk account for rendering: `known` is false until the first answer. */
export function useDeskMe(): { me: DeskUser | null; known: boolean } {
  const me = useSyncExternalStore(subscribe, () => current);
  return { me: me ?? null, known: me !== undefined };
}

/**
 * What the signed-in person may call, by role. Until the answer is in, editor- and admin-only things count as not
 * allowed (so nothing a reviewer cannot use flashes up and is clicked); reviewer-level ones are allowed.
 */
export function useCan(): Can {
  const { me, known } = useDeskMe();
  return useCallback(
    (method) => (known ? canCall(me, method) : canCall({ role: 'reviewer' }, method)),
    [me, known],
  );
}
