import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportOutcome, Project, TranslateRequest } from '../../electron/contract';
import { api } from '../api';
import { notice, type Notice } from '../components/notices';
import { loadDeskMe } from '../features/desk/desk-session';
import { canCall } from '../features/desk/permissions';
import { needsMachineTranslation } from '../features/review/review-state';

/**
 * The open project's life: first start (last project or the sample), projects opened from files or the desktop
 * menu, pushed updates, and the handshake that tells the host the UI listens before anything is pushed.
 */
export function useSession(o: {
  show(project: Project | null): Promise<void>;
  applySegments(projectId: string, segments: Project['segments']): void;
  hasKey: boolean;
  push(n: Notice): void;
  fail(e: unknown): void;
  /** Another project (or none) is shown: the notices about the previous one go. */
  clearNotices(): void;
  startTranslation(req: TranslateRequest): Promise<unknown>;
  /** The desktop menu asked for Help (about, or the keyboard shortcuts). */
  help(topic: 'about' | 'shortcuts'): void;
}) {
  const [loading, setLoading] = useState(true);
  // Resolves once the host knows the UI listens; work that pushes events (machine translation) waits for it.
  const ready = useRef<Promise<unknown>>(Promise.resolve());
  const ref = useRef(o);
  useEffect(() => {
    ref.current = o;
  });

  /** Show a project; machine-translate its empty cells at once when a key is configured. */
  const shownId = useRef<string | null>(null);
  const show = useCallback(async (p: Project | null) => {
    if ((p?.id ?? null) !== shownId.current) {
      shownId.current = p?.id ?? null;
      ref.current.clearNotices();
    }
    await ref.current.show(p);
    setLoading(false);
    if (p && ref.current.hasKey && needsMachineTranslation(p))
      void ready.current.then(async () => {
        // Filling empty cells at start is an editor's machine translation: a reviewer's app leaves it to them.
        if (canCall(await loadDeskMe(), 'translate'))
          await ref.current.startTranslation({ projectId: p.id, langs: ['vi', 'en'] });
      });
  }, []);

  const opened = useCallback(
    (outcome: ImportOutcome) => {
      const { push } = ref.current;
      void show(outcome.project);
      push(
        notice('info', {
          code: 'projects:opened',
          params: { name: outcome.project.name, encoding: outcome.encoding },
        }),
      );
      for (const w of outcome.warnings) push(notice('warning', { code: w }));
      if (outcome.reimport) {
        const { new: added, changed, unchanged, removed } = outcome.reimport;
        push(
          notice('info', {
            code: 'projects:reimported',
            params: { new: added, changed, unchanged, removed },
          }),
        );
        if (removed > 0) push(notice('warning', { code: 'projects:removed', params: { count: removed } }));
      }
    },
    [show],
  );

  // Subscribe first, then say so (the host holds pushed events until then), then open the last project.
  const started = useRef(false);
  useEffect(() => {
    const off = api.onEvent((event) => {
      if (event.type === 'segments-updated') ref.current.applySegments(event.projectId, event.segments);
      else if (event.type === 'project-opened') opened(event.outcome);
      else if (event.type === 'error') ref.current.push(notice('error', event.error));
      else if (event.type === 'show-help') ref.current.help(event.topic);
      else if (event.type === 'events-missed' && shownId.current) {
        // The desk could not replay what this page missed while away: read the open article again.
        const id = shownId.current;
        api.openProject(id).then((p) => ref.current.applySegments(p.id, p.segments), ref.current.fail);
      }
    });
    if (!started.current) {
      started.current = true;
      // The project loads while the event stream connects: it pushes nothing by itself, and the grid shows sooner.
      ready.current = api.uiReady().catch((e: unknown) => ref.current.fail(e));
      api.openLastProject().then(show, (e: unknown) => {
        setLoading(false);
        ref.current.fail(e);
      });
    }
    return off;
  }, [opened, show]);

  return { loading, show, opened };
}
