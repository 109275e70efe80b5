import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError } from '../api';
import { MAX_NOTICES, notice, type Notice } from '../components/notices';

/** Information goes after this; warnings and errors stay until dismissed, replaced or the project changes. */
export const INFO_FADE_MS = 6_000;

/**
 * The notices. They do not pile up: one per cause (a notice replaces an earlier one with the same message code,
 * so "row 6 changed" then "row 7 changed" leaves the latter), at most {@link MAX_NOTICES} stay, information fades
 * on its own, and {@link clear} (called when another project opens) removes them all.
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
      setNotices((list) => [
        ...list.filter((m) => m.message.code !== n.message.code).slice(1 - MAX_NOTICES),
        n,
      ]);
      if (n.kind === 'info')
        timers.current.set(
          n.id,
          window.setTimeout(() => dismiss(n.id), INFO_FADE_MS),
        );
    },
    [dismiss],
  );

  const clear = useCallback(() => {
    for (const timer of timers.current.values()) window.clearTimeout(timer);
    timers.current.clear();
    setNotices([]);
  }, []);

  const fail = useCallback((e: unknown) => push(notice('error', toApiError(e))), [push]);

  useEffect(() => {
    const all = timers.current;
    return () => {
      for (const timer of all.values()) window.clearTimeout(timer);
    };
  }, []);

  return { notices, push, fail, dismiss, clear };
}
