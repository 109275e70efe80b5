import { useCallback, useSyncExternalStore } from 'react';
import type { Project, Segment } from '../../../electron/contract';
import { draftView, type ReviewStore, type SaveSummary } from './store';

/** One row's segment; the component re-renders only when this row changes. */
export function useSegment(store: ReviewStore, id: string): Segment | undefined {
  const subscribe = useCallback((l: () => void) => store.subscribeRow(id, l), [store, id]);
  return useSyncExternalStore(subscribe, () => store.segment(id));
}

/**
 * A row's drafts as one string snapshot (state per language), so typing in a cell that is already dirty does
 * not re-render anything but the editor itself.
 */
export function useRowDraftStates(store: ReviewStore, id: string): string {
  const subscribe = useCallback((l: () => void) => store.subscribeRow(id, l), [store, id]);
  return useSyncExternalStore(subscribe, () => {
    const vi = store.draft(id, 'vi');
    const en = store.draft(id, 'en');
    return `${vi ? draftView(vi) : ''}|${en ? draftView(en) : ''}`;
  });
}

/** The whole project; re-renders on every data change (use for lists and totals, not for rows). */
export function useProject(store: ReviewStore): Project | null {
  return useSyncExternalStore(store.subscribe, store.getProject);
}

/** The header's saved / saving / not saved. */
export function useSaveSummary(store: ReviewStore): SaveSummary {
  return useSyncExternalStore(store.subscribeSaves, () => store.saveSummary());
}

/** Whether a row shows its changes. */
export function useDiffOpen(store: ReviewStore, id: string): boolean {
  const subscribe = useCallback((l: () => void) => store.subscribeRow(id, l), [store, id]);
  return useSyncExternalStore(subscribe, () => store.isDiffOpen(id));
}
