// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QaContext, ReviewApi } from '../../../electron/contract';
import type { QaState } from './use-qa';

/** The API as the hook sees it (the preload's place): each project's context, or a failure the test sets. */
const fake = {
  contexts: new Map<string, QaContext>(),
  failing: false,
  reads: 0,
};
window.reviewApi = {
  qaContext: (projectId: string) => {
    fake.reads++;
    return fake.failing
      ? Promise.reject(new Error('offline'))
      : Promise.resolve(structuredClone(fake.contexts.get(projectId)!));
  },
  dismissQaIssue: (req: { projectId: string; issueId: string; reason: string | null }) => {
    const c = fake.contexts.get(req.projectId)!;
    if (req.reason)
      c.dismissals[req.issueId] = { by: 'Lan', at: '2026-12-07T19:00:00.000Z', reason: req.reason };
    return Promise.resolve(structuredClone(c));
  },
} as unknown as ReviewApi;
const { useQa } = await import('./use-qa');

const context = (disabled: QaContext['disabledChecks']): QaContext => ({
  terms: [],
  disabledChecks: disabled,
  dismissals: {},
});

let errors: unknown[] = [];
const hook: { qa: QaState | null } = { qa: null };

function Probe({ projectId }: { projectId: string | null }) {
  const qa = useQa(projectId, [], (e) => errors.push(e));
  useEffect(() => {
    hook.qa = qa;
  });
  const c = qa.context;
  return (
    <p data-testid="qa">
      {c ? `${c.disabledChecks.join(',')}|${Object.keys(c.dismissals).join(',')}` : 'none'}
    </p>
  );
}

const shown = () => screen.getByTestId('qa').textContent;
const settle = () => act(async () => undefined);

beforeEach(() => {
  fake.contexts = new Map([
    ['p1', context(['hangul'])],
    ['p2', context(['order'])],
  ]);
  fake.failing = false;
  fake.reads = 0;
  errors = [];
});
afterEach(cleanup);

describe('useQa', () => {
  it('keeps its context when reading again fails, and tells of the failure', async () => {
    render(<Probe projectId="p1" />);
    await settle();
    expect(shown()).toBe('hangul|');
    fake.failing = true;
    await act(() => hook.qa!.reload());
    await settle();
    expect(fake.reads).toBe(2);
    expect(errors).toHaveLength(1);
    expect(shown()).toBe('hangul|');
  });

  it('applies a dismissal and switched-off checks here, without reading again', async () => {
    render(<Probe projectId="p1" />);
    await settle();
    await act(() => hook.qa!.dismiss('f1', 'a name, not a number'));
    expect(shown()).toBe('hangul|f1');
    act(() => hook.qa!.setDisabled(['hangul', 'terms']));
    expect(shown()).toBe('hangul,terms|f1');
    expect(fake.reads).toBe(1);
  });

  it("never shows one project's context for another, even when the other's read fails", async () => {
    const { rerender } = render(<Probe projectId="p1" />);
    await settle();
    fake.failing = true;
    rerender(<Probe projectId="p2" />);
    await settle();
    expect(shown()).toBe('none');
    fake.failing = false;
    await act(() => hook.qa!.reload());
    await settle();
    expect(shown()).toBe('order|');
  });
});
