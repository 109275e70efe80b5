import { useEffect, useSyncExternalStore } from 'react';
import type { DeskProjectAccess, TargetLang } from '../../../electron/contract';
import { api } from '../../api';
import { useDeskMe } from './desk-session';

/** Why this person cannot change a language of the open article on the desk. */
export type LangLock = { reason: 'notAssigned' } | { reason: 'signedOff'; by: string };

/** Besides the desk's pushed changes, read assignments and sign-offs again this often, and on focus. */
const REFRESH_MS = 20_000;

let access: DeskProjectAccess | null = null;
let tracked: string | null = null;
const listeners = new Set<() => void>();

function set(next: DeskProjectAccess | null): void {
  access = next;
  for (const l of listeners) l();
}

/** Read the tracked article's assignments and sign-offs again (after assigning or signing off, say). */
export function refreshDeskAccess(): void {
  const projectId = tracked;
  if (!projectId) return;
  api.deskProjectAccess(projectId).then(
    (a) => tracked === projectId && set(a),
    // Unreadable: lock nothing (the server still refuses what is not allowed, with its own message).
    () => tracked === projectId && set(null),
  );
}

/**
 * Keep the open article's assignments and sign-offs (the desk bar calls this; `null` off the desk or without an
 * article), so cells the person may not change are shown read-only instead of failing to save.
 */
export function useDeskAccessTracking(projectId: string | null): void {
  useEffect(() => {
    tracked = projectId;
    set(null);
    if (!projectId) return;
    refreshDeskAccess();
    // An editor assigned or signed off somewhere (this page or another): the desk pushes the new state.
    const stop = api.onEvent((event) => {
      if (event.type === 'desk-access' && event.projectId === tracked) set(event.access);
      else if (event.type === 'events-missed') refreshDeskAccess();
    });
    const timer = window.setInterval(refreshDeskAccess, REFRESH_MS);
    window.addEventListener('focus', refreshDeskAccess);
    return () => {
      stop();
      window.clearInterval(timer);
      window.removeEventListener('focus', refreshDeskAccess);
      tracked = null;
      set(null);
    };
  }, [projectId]);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Whether (and why) the signed-in person cannot change `lang` of the open article: signed off (locked for everyone
 * until an editor reopens it), or, for a reviewer, not assigned to them. Null in the single-user app.
 */
export function useLangLock(lang: TargetLang): LangLock | null {
  const { me } = useDeskMe();
  const current = useSyncExternalStore(subscribe, () => access);
  if (!me || !current) return null;
  const signed = current.signoffs.find((s) => s.lang === lang);
  if (signed) return { reason: 'signedOff', by: signed.by };
  if (me.role !== 'reviewer') return null;
  return current.assignments.some((a) => a.lang === lang && a.userId === me.id)
    ? null
    : { reason: 'notAssigned' };
}
