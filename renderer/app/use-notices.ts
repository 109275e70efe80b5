import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError } from '../api';
import { MAX_NOTICES, notice, type Notice } from '../components/notices';

/** Information fades after this; warnings and errors stay until dismissed or replaced. */
export const INFO_FADE_MS = 6_000;

/**
 * The notice area's list. Notices do not pile up: a message equal to one on screen replaces it, at most
 * {@link MAX_NOTICES} stay, and information fades on its own.
 */
export function useNotices() {
  const [notices, setNotices] = useState<Notice[]>([]);
  const timers = useRef(new Map<number, number>());

  const dismiss = useCallback((id: number) => {
    const timer = timers.current.get(id);
    if (timer !== undefined) window.clearTimeout(timer);
    timers.current.delete(id);
    setNotices((list) => list.filter((n) => n.id !== id));
  }, []);

  const push = useCallback(
    (n: Notice) => {
      const same = (m: Notice) => JSON.stringify(m.message) === JSON.stringify(n.message);
      setNotices((list) => [...list.filter((m) => !same(m)).slice(1 - MAX_NOTICES), n]);
      if (n.kind === 'info')
        timers.current.set(
          n.id,
          window.setTimeout(() => dismiss(n.id), INFO_FADE_MS),
        );
    },
    [dismiss],
  );

  const fail = useCallback((e: unknown) => push(notice('error', toApiError(e))), [push]);

  useEffect(() => {
    const all = timers.current;
    return () => {
      for (const timer of all.values()) window.clearTimeout(timer);
    };
  }, []);

  return { notices, push, fail, dismiss };
}
