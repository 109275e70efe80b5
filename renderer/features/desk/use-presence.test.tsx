// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PresenceEntry, ReviewEvent } from '../../../electron/contract';

/** The API as the hook sees it: events pushed by the test, presence lists answered from `desk`. */
const fake = vi.hoisted(() => ({
  listeners: new Set<(e: ReviewEvent) => void>(),
  desk: [] as PresenceEntry[],
  lists: 0,
}));
vi.mock('../../api', () => ({
  api: {
    onEvent(l: (e: ReviewEvent) => void) {
      fake.listeners.add(l);
      return () => fake.listeners.delete(l);
    },
    setPresence: () => Promise.resolve(),
    listPresence: () => {
      fake.lists++;
      return Promise.resolve(fake.desk.slice());
    },
  },
}));
const { usePresence } = await import('./use-presence');

const here = (userId: string, userName: string): PresenceEntry => ({
  userId,
  userName,
  projectId: 'p1',
  segmentId: null,
  lang: null,
  at: '2026-12-07T16:00:00.000Z',
});

function Probe() {
  const others = usePresence('p1', 'me');
  return <p data-testid="others">{others.map((e) => e.userName).join(',')}</p>;
}

const push = (e: ReviewEvent) => act(() => fake.listeners.forEach((l) => l(e)));
const shown = () => screen.getByTestId('others').textContent;

afterEach(cleanup);

describe('usePresence', () => {
  it('reads who is present again when the page missed events, not only the article', async () => {
    fake.desk = [here('me', 'Me'), here('u1', 'Minh')];
    render(<Probe />);
    await act(async () => undefined);
    expect(shown()).toBe('Minh');
    // While the stream was away Minh left and Lan came; their presence events are among what the desk could not
    // replay: the page is told `events-missed` and must ask again.
    fake.desk = [here('me', 'Me'), here('u2', 'Lan')];
    const before = fake.lists;
    await push({ type: 'events-missed' });
    await act(async () => undefined);
    expect(fake.lists).toBe(before + 1);
    expect(shown()).toBe('Lan');
    // Live presence events go on as before.
    await push({ type: 'presence', projectId: 'p1', entries: [here('u3', 'Hoa')] });
    expect(shown()).toBe('Hoa');
  });
});
