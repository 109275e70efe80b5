import { useEffect, useState } from 'react';
import type { DeskConnection } from '../../../electron/contract';
import { api } from '../../api';

/**
 * How this app stands with a team desk (Settings › Desk): read once, then kept current by the `desk-connection`
 * events the desk client pushes when the desk goes away, comes back or ends the session. Null until known.
 */
export function useDeskLink(): DeskConnection | null {
  const [link, setLink] = useState<DeskConnection | null>(null);
  useEffect(() => {
    let live = true;
    const off = api.onEvent((event) => {
      if (event.type === 'desk-connection') setLink(event.connection);
    });
    api.deskConnection().then(
      (c) => live && setLink((now) => now ?? c),
      () => undefined,
    );
    return () => {
      live = false;
      off();
    };
  }, []);
  return link;
}
