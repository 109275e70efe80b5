import type { ApiError } from '../../electron/contract';

/** A message shown in the notice area: either an API error (translated by code) or a ready UI text. */
export type Notice =
  { id: number; kind: 'error'; error: ApiError } | { id: number; kind: 'info'; text: string };

let next = 1;
/** A notice with a fresh id. */
export function notice(
  n: Omit<Extract<Notice, { kind: 'error' }>, 'id'> | Omit<Extract<Notice, { kind: 'info' }>, 'id'>,
): Notice {
  return { ...n, id: next++ } as Notice;
}
