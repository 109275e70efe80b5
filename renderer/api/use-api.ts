import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { ApiError } from '../../electron/contract';
import { toApiError } from './index';

/** Where one API read stands: not asked (no call), waiting, answered, or failed with the error to show. */
export type ApiResult<T> =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'done'; value: T }
  | { state: 'failed'; error: ApiError };

const IDLE = { state: 'idle' } as const;
const LOADING = { state: 'loading' } as const;

/**
 * Change the shown answer on the spot, for a change made here (the answer of a call that changed the thing, a
 * setting switched): `update` gets the answer shown (undefined when there is none) and returns the new one, or
 * undefined to leave things as they are. A read still under way replaces it when it answers, as it would any answer.
 */
export type ApiUpdate<T> = (update: (now: T | undefined) => T | undefined) => void;

/**
 * Read from the API while a component shows: `call` runs when the component mounts and again whenever `deps`
 * change (as an effect's dependencies; pass `null` to ask nothing). An answer that comes back after the component
 * left or after `deps` changed is dropped, so a slow old answer never replaces a newer one. `onError` is told
 * about a failure as well (for a notice); the result says `failed` unless `keep` holds an answer. With `keep`, an
 * answer stays shown while the same read is asked again (a list read again after a change does not blink, and keeps
 * the focus), and when asking again fails (the notice tells of it; the list does not vanish into "loading").
 */
export function useApi<T>(
  call: (() => Promise<T>) | null,
  deps: DependencyList,
  onError?: (error: ApiError) => void,
  options: { keep?: boolean } = {},
): ApiResult<T> {
  return useApiState(call, deps, onError, options)[0];
}

/** {@link useApi} with a way to change the shown answer for a change made here ({@link ApiUpdate}). */
export function useApiState<T>(
  call: (() => Promise<T>) | null,
  deps: DependencyList,
  onError?: (error: ApiError) => void,
  options: { keep?: boolean } = {},
): [ApiResult<T>, ApiUpdate<T>] {
  const [result, setResult] = useState<ApiResult<T>>(call ? LOADING : IDLE);
  const latest = useRef({ call, onError, keep: options.keep === true });
  useEffect(() => {
    latest.current = { call, onError, keep: options.keep === true };
  });
  useEffect(() => {
    const { call: run, keep } = latest.current;
    if (!run) {
      setResult(IDLE);
      return;
    }
    let live = true;
    setResult((now) => (keep && now.state === 'done' ? now : LOADING));
    run().then(
      (value) => {
        if (live) setResult({ state: 'done', value });
      },
      (e: unknown) => {
        if (!live) return;
        const error = toApiError(e);
        setResult((now) => (keep && now.state === 'done' ? now : { state: 'failed', error }));
        latest.current.onError?.(error);
      },
    );
    return () => {
      live = false;
    };
    // The caller's deps decide when to ask again; the call itself is read from the ref.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  const update = useCallback<ApiUpdate<T>>(
    (fn) =>
      setResult((now) => {
        const next = fn(valueOf(now));
        return next === undefined ? now : { state: 'done', value: next };
      }),
    [],
  );
  return [result, update];
}

/** The answer of a {@link useApi} read, or undefined while there is none. */
export function valueOf<T>(result: ApiResult<T>): T | undefined {
  return result.state === 'done' ? result.value : undefined;
}
