import { useEffect, useRef, useState, type DependencyList } from 'react';
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
  return result;
}

/** The answer of a {@link useApi} read, or undefined while there is none. */
export function valueOf<T>(result: ApiResult<T>): T | undefined {
  return result.state === 'done' ? result.value : undefined;
}
