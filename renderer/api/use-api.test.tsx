// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { API_ERROR_PREFIX, type ApiError } from '../../electron/contract';
import { toApiError } from './index';
import { useApi, useApiState, type ApiResult, type ApiUpdate } from './use-api';

/** A call whose answer the test gives when it wants, to order answers as a slow network would. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

function show(r: ApiResult<string>): string {
  if (r.state === 'done') return `done:${r.value}`;
  if (r.state === 'failed') return `failed:${r.error.code}`;
  return r.state;
}

function Probe(props: {
  id: string | null;
  calls: Map<string, Promise<string>>;
  errors?: string[];
  keep?: boolean;
}) {
  const { id, calls } = props;
  const result = useApi(id === null ? null : () => calls.get(id)!, [id], (e) => props.errors?.push(e.code), {
    keep: props.keep ?? false,
  });
  return <p data-testid="state">{show(result)}</p>;
}

afterEach(cleanup);

describe('useApi', () => {
  it('shows the answer for the current arguments, never a late answer for earlier ones', async () => {
    const a = deferred<string>();
    const b = deferred<string>();
    const calls = new Map([
      ['a', a.promise],
      ['b', b.promise],
    ]);
    const { rerender } = render(<Probe id="a" calls={calls} />);
    expect(screen.getByTestId('state').textContent).toBe('loading');
    rerender(<Probe id="b" calls={calls} />);
    await act(async () => b.resolve('B'));
    expect(screen.getByTestId('state').textContent).toBe('done:B');
    await act(async () => a.resolve('A'));
    expect(screen.getByTestId('state').textContent).toBe('done:B');
  });

  it('reports a failure as the API error, to the result and to onError', async () => {
    const a = deferred<string>();
    const errors: string[] = [];
    render(<Probe id="a" calls={new Map([['a', a.promise]])} errors={errors} />);
    await act(async () => a.reject(new Error(`${API_ERROR_PREFIX}${JSON.stringify({ code: 'mt.quota' })}`)));
    expect(screen.getByTestId('state').textContent).toBe('failed:mt.quota');
    expect(errors).toEqual(['mt.quota']);
  });

  it("reports an error that a handler of any failure (toApiError, as the app's notices use) reads unchanged", async () => {
    const a = deferred<string>();
    const seen: ApiError[] = [];
    function Reader() {
      useApi(
        () => a.promise,
        [],
        (e: unknown) => seen.push(toApiError(e)),
      );
      return null;
    }
    render(<Reader />);
    const host = { code: 'storage.writeFailed', params: { detail: 'disk' } };
    await act(async () => a.reject(new Error(`${API_ERROR_PREFIX}${JSON.stringify(host)}`)));
    expect(seen).toEqual([host]);
    // And a plain failure still becomes the generic error, with its message.
    expect(toApiError(new Error('boom'))).toEqual({ code: 'unknown', params: { detail: 'boom' } });
  });

  it('with keep, a failed re-read keeps the last answer and tells onError; without, it shows the failure', async () => {
    for (const keep of [true, false]) {
      const a = deferred<string>();
      const b = deferred<string>();
      const errors: string[] = [];
      const calls = new Map([
        ['a', a.promise],
        ['b', b.promise],
      ]);
      const { rerender, unmount } = render(<Probe id="a" calls={calls} keep={keep} errors={errors} />);
      await act(async () => a.resolve('A'));
      rerender(<Probe id="b" calls={calls} keep={keep} errors={errors} />);
      await act(async () =>
        b.reject(new Error(`${API_ERROR_PREFIX}${JSON.stringify({ code: 'api.unavailable' })}`)),
      );
      expect(screen.getByTestId('state').textContent).toBe(keep ? 'done:A' : 'failed:api.unavailable');
      expect(errors).toEqual(['api.unavailable']);
      unmount();
    }
  });

  it('asks nothing for a null call, and asks again when the call comes', async () => {
    const a = deferred<string>();
    const { rerender } = render(<Probe id={null} calls={new Map([['a', a.promise]])} />);
    expect(screen.getByTestId('state').textContent).toBe('idle');
    rerender(<Probe id="a" calls={new Map([['a', a.promise]])} />);
    await act(async () => a.resolve('A'));
    expect(screen.getByTestId('state').textContent).toBe('done:A');
  });

  it('with keep, the last answer stays while the read is asked again; without, it shows loading', async () => {
    for (const keep of [true, false]) {
      const a = deferred<string>();
      const b = deferred<string>();
      const calls = new Map([
        ['a', a.promise],
        ['b', b.promise],
      ]);
      const { rerender, unmount } = render(<Probe id="a" calls={calls} keep={keep} />);
      await act(async () => a.resolve('A'));
      rerender(<Probe id="b" calls={calls} keep={keep} />);
      expect(screen.getByTestId('state').textContent).toBe(keep ? 'done:A' : 'loading');
      await act(async () => b.resolve('B'));
      expect(screen.getByTestId('state').textContent).toBe('done:B');
      unmount();
    }
  });

  it('useApiState: a change made here replaces the shown answer, and a failed re-read with keep keeps it', async () => {
    const a = deferred<string>();
    const b = deferred<string>();
    const calls = new Map([
      ['a', a.promise],
      ['b', b.promise],
    ]);
    const held: { update: ApiUpdate<string> | null } = { update: null };
    function Local(props: { id: string }) {
      const [result, update] = useApiState(() => calls.get(props.id)!, [props.id], undefined, { keep: true });
      useEffect(() => {
        held.update = update;
      });
      return <p data-testid="state">{show(result)}</p>;
    }
    const { rerender } = render(<Local id="a" />);
    // Nothing shown yet: an update of "the answer shown" leaves things as they are; a value replaces them.
    act(() => held.update!((now) => now && `${now}!`));
    expect(screen.getByTestId('state').textContent).toBe('loading');
    await act(async () => a.resolve('A'));
    act(() => held.update!((now) => now && `${now}, dismissed`));
    expect(screen.getByTestId('state').textContent).toBe('done:A, dismissed');
    rerender(<Local id="b" />);
    await act(async () => b.reject(new Error('offline')));
    expect(screen.getByTestId('state').textContent).toBe('done:A, dismissed');
    act(() => held.update!(() => 'C'));
    expect(screen.getByTestId('state').textContent).toBe('done:C');
  });
});
