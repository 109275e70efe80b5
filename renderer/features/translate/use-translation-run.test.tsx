// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReviewApi, ReviewEvent, TranslateRequest, TranslateSummary } from '../../../electron/contract';
import type { Notice } from '../../components/notices';

/**
 * The API as the hook sees it (the preload's place, so the real `api` module takes it): events pushed by the
 * test, a translate call the test answers or fails when it wants.
 */
const fake = {
  listeners: new Set<(e: ReviewEvent) => void>(),
  call: null as { resolve(s: TranslateSummary): void; reject(e: unknown): void } | null,
};
window.reviewApi = {
  onEvent(l: (e: ReviewEvent) => void) {
    fake.listeners.add(l);
    return () => fake.listeners.delete(l);
  },
  getSettings: () => Promise.resolve({ memory: { confirmCharacters: 1_000_000 } }),
  estimateTranslation: () => Promise.resolve({ characters: 10 }),
  getUsage: () => Promise.resolve({ used: 0, limit: 0 }),
  translate: (_req: TranslateRequest) =>
    new Promise<TranslateSummary>((resolve, reject) => (fake.call = { resolve, reject })),
} as unknown as ReviewApi;
const { useTranslationRun } = await import('./use-translation-run');

const summary = (projectId: string, translated = 3): TranslateSummary => ({
  projectId,
  perLang: [
    { lang: 'vi', requested: 3, translated, fromCache: 0, failed: 0, requests: 1, billedCharacters: 0 },
  ],
  cancelled: false,
});

let rereads: string[] = [];
let notices: Notice[] = [];
/** The hook's `start`, as the probe last rendered it. */
const hook = { start: (_r: TranslateRequest): Promise<void> => Promise.resolve() };

function Probe({ projectId }: { projectId: string | null }) {
  const t = useTranslationRun({
    projectId,
    onNotice: (n) => notices.push(n),
    onFinished: (s) => rereads.push(s.projectId),
  });
  useEffect(() => {
    hook.start = t.start;
  });
  return <p data-testid="run">{t.run ? 'running' : t.summary ? 'summary' : 'idle'}</p>;
}

const push = (e: ReviewEvent) => act(() => fake.listeners.forEach((l) => l(e)));
/** Start a run; its call stays open until the test answers it. */
const begin = (req: TranslateRequest) =>
  act(async () => {
    void hook.start(req);
    await vi.waitFor(() => expect(fake.call).not.toBeNull());
  });
const shown = () => screen.getByTestId('run').textContent;

beforeEach(() => {
  rereads = [];
  notices = [];
  fake.call = null;
});
afterEach(cleanup);

describe('useTranslationRun', () => {
  it("reads the article again when its run's mt-finished comes after the call failed (the desk process died)", async () => {
    render(<Probe projectId="p1" />);
    await begin({ projectId: 'p1', langs: ['vi'] });
    expect(shown()).toBe('running');
    await act(async () => fake.call!.reject(new Error('desk unreachable')));
    expect(shown()).toBe('idle');
    expect(notices.map((n) => n.kind)).toEqual(['error']);
    // The run went on at the desk; its end comes through the outbox after all.
    await push({ type: 'mt-finished', summary: summary('p1') });
    expect(rereads).toEqual(['p1']);
    expect(shown()).toBe('summary');
  });

  it('reads the article again for a run of the open project it never followed, not for another project', async () => {
    render(<Probe projectId="p1" />);
    await push({ type: 'mt-finished', summary: summary('p2') });
    expect(rereads).toEqual([]);
    await push({ type: 'mt-finished', summary: summary('p1') });
    expect(rereads).toEqual(['p1']);
    // Someone else's run: the article is read again, but no summary of it is shown here.
    expect(shown()).toBe('idle');
  });

  it('shows its own run once when the answer comes before the event, and reads the article once', async () => {
    render(<Probe projectId="p1" />);
    await begin({ projectId: 'p1', langs: ['vi'] });
    await act(async () => fake.call!.resolve(summary('p1')));
    expect(shown()).toBe('summary');
    await push({ type: 'mt-finished', summary: summary('p1') });
    expect(rereads).toEqual(['p1']);
    // A later run of the same article (another reviewer's) is news again.
    await push({ type: 'mt-finished', summary: summary('p1', 1) });
    expect(rereads).toEqual(['p1', 'p1']);
  });
});
