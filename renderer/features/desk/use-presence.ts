import { useEffect, useState } from 'react';
import type { PresenceEntry, TargetLang } from '../../../electron/contract';
import { api } from '../../api';

const HEARTBEAT_MS = 15_000;
const CELL = /^cell-(vi|en)-(.+)$/;

/**
 * Presence on a desk project: tells the desk which cell this person is on (from where the keyboard focus is, so
 * no component has to report it) with a heartbeat, and returns everyone else on the project, kept live by the
 * `presence` events.
 */
export function usePresence(projectId: string | null, myId: string | null): PresenceEntry[] {
  const [entries, setEntries] = useState<PresenceEntry[]>([]);

  useEffect(() => {
    if (!projectId || !myId) return;
    let where: { segmentId: string | null; lang: TargetLang | null } = { segmentId: null, lang: null };
    let sent = '';
    const send = (force = false) => {
      const key = `${where.segmentId}|${where.lang}`;
      if (!force && key === sent) return;
      sent = key;
      api.setPresence({ projectId, ...where }).catch(() => undefined); // presence is best effort
    };
    const onFocus = (e: FocusEvent) => {
      const cell = (e.target as HTMLElement | null)?.closest<HTMLElement>('[data-testid^="cell-"]');
      const m = cell ? CELL.exec(cell.dataset.testid ?? '') : null;
      if (!m) return;
      where = { lang: m[1] as TargetLang, segmentId: m[2]! };
      send();
    };
    // Presence events counted: a list read before the latest event is older than it and is not shown.
    let events = 0;
    const reread = () => {
      const at = events;
      api.listPresence(projectId).then(
        (list) => at === events && setEntries(list),
        () => undefined,
      );
    };
    const off = api.onEvent((event) => {
      if (event.type === 'presence' && event.projectId === projectId) {
        events++;
        setEntries(event.entries);
      }
      // The desk could not replay what this page missed (presence changes among it): ask who is here now.
      else if (event.type === 'events-missed') reread();
    });
    document.addEventListener('focusin', onFocus);
    send(true);
    reread();
    const timer = setInterval(() => send(true), HEARTBEAT_MS);
    return () => {
      off();
      clearInterval(timer);
      document.removeEventListener('focusin', onFocus);
    };
  }, [projectId, myId]);

  return entries.filter((e) => e.userId !== myId);
}
