/**
 * The state of the DeepL-compatible test server (`deepl-server.ts`) that tests steer: recorded requests, injected
 * faults, account usage, answer delay, glossaries and house style, set in-process or by the `/__control/…`
 * requests listed in the server's header.
 */
import { GlossaryStore } from './deepl-glossary';
import type { RecordedRequest, Reply } from './deepl-request';
import { StyleState } from './deepl-style';

/**
 * A fault to inject. `status`: answer API requests with that status (`times` requests, or until cleared);
 * `drop-texts`: translate answers lack the last half of the translations; `hang`: never answer;
 * `close-socket`: destroy the connection without answering. A 456 leaves `/v2/usage` working, like DeepL does.
 */
export type Fault =
  | { status: 403 | 429 | 456 | 500 | 503; times?: number }
  | { kind: 'drop-texts' }
  | { kind: 'hang' }
  | { kind: 'close-socket' };

const FAULT_MESSAGES: Record<number, string> = {
  403: 'Forbidden',
  429: 'Too many requests',
  456: 'Quota exceeded',
  500: 'Internal server error',
  503: 'Service unavailable',
};

const FRESH_USAGE = { count: 0, limit: 500_000 };

/** Everything a test can set or read on the server, and `reset` back to a fresh account. */
export class ServerState {
  /** Every API request so far, oldest first (live array: emptied by `reset`). */
  readonly requests: RecordedRequest[] = [];
  readonly glossaries = new GlossaryStore();
  readonly style = new StyleState();
  fault: Fault | null = null;
  /** How many more requests a status fault answers. */
  private faultLeft = Infinity;
  usage = { ...FRESH_USAGE };

  constructor(public delayMs = 0) {}

  setFault(f: Fault | null): void {
    this.fault = f;
    this.faultLeft = f && 'status' in f && f.times !== undefined ? f.times : Infinity;
  }

  /** Forget requests, glossaries, style, faults and usage (not the delay). */
  reset(): void {
    this.requests.length = 0;
    this.glossaries.glossaries.clear();
    this.style.reset();
    this.setFault(null);
    this.usage = { ...FRESH_USAGE };
  }

  /** The fault of this kind is on. */
  is(kind: 'drop-texts' | 'hang' | 'close-socket'): boolean {
    return this.fault !== null && 'kind' in this.fault && this.fault.kind === kind;
  }

  /** The answer a status fault gives this request (counted against its `times`), or undefined when none does. */
  takeFaultAnswer(path: string): Reply | undefined {
    const f = this.fault;
    if (!f || !('status' in f) || this.faultLeft <= 0 || (f.status === 456 && path === '/v2/usage')) return;
    this.faultLeft--;
    if (this.faultLeft <= 0) this.setFault(null);
    return { status: f.status, body: { message: FAULT_MESSAGES[f.status] } };
  }

  /** A `/__control/…` request with its JSON body (null when empty). */
  control(method: string | undefined, path: string, json: unknown): Reply {
    if (path === '/__control/requests' && method === 'GET') return { status: 200, body: this.requests };
    if (path === '/__control/reset' && method === 'POST') {
      this.reset();
      return { status: 200, body: { ok: true } };
    }
    if (path === '/__control/fault' && method === 'POST') {
      this.setFault(json as Fault | null);
      return { status: 200, body: { fault: this.fault } };
    }
    if (path === '/__control/usage' && method === 'POST') {
      const u = json as { count: number; limit: number };
      this.usage = { count: u.count, limit: u.limit };
      return { status: 200, body: this.usage };
    }
    const styled = method === 'POST' ? this.style.control(path, json) : undefined;
    if (styled !== undefined) return { status: 200, body: styled };
    if (path === '/__control/delay' && method === 'POST') {
      this.delayMs = (json as { ms: number }).ms;
      return { status: 200, body: { delayMs: this.delayMs } };
    }
    return { status: 404, body: { message: 'Unknown control endpoint' } };
  }
}
