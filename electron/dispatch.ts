import type { ApiHandlers, ApiMethod } from './contract';
import { validateArgs } from './validation';

/**
 * Run one contract method on untrusted arguments: validate them against the channel's schema, then call the
 * handler. Both transports (IPC in `ipc.ts`, HTTP in `web.ts`) go through here, so the hostile-payload tests of
 * this function cover both.
 */
export async function dispatch(handlers: ApiHandlers, method: ApiMethod, args: unknown): Promise<unknown> {
  const valid = validateArgs(method, args) as unknown[];
  const fn = handlers[method] as (...a: unknown[]) => Promise<unknown>;
  return fn(...valid);
}
