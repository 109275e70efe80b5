import type { ApiHandlers, ReviewEvent } from '../contract';

type EditorHandlers = Pick<ApiHandlers, 'uiReady'>;

/** Events held back before the UI said it listens; beyond this the oldest go (a CLI never listens). */
const MAX_HELD = 1000;

/** An `emit` that holds events until {@link ReadyGate.open}, then delivers them in order and passes new ones on. */
export interface ReadyGate {
  emit(event: ReviewEvent): void;
  open(): void;
}

/**
 * Hold pushed events until the UI is subscribed. Without it, a file passed on the command line or the first
 * progress of a run could be pushed before the window or tab listens, and be lost.
 */
export function readyGate(deliver: (event: ReviewEvent) => void): ReadyGate {
  let held: ReviewEvent[] | null = [];
  return {
    emit(event) {
      if (held === null) return deliver(event);
      held.push(event);
      if (held.length > MAX_HELD) held.shift();
    },
    open() {
      if (held === null) return;
      const pending = held;
      held = null;
      for (const event of pending) deliver(event);
    },
  };
}

/** The editor's handshake: the UI calls `uiReady` once its event subscription is live. */
export function editorHandlers(gate: ReadyGate): EditorHandlers {
  return {
    async uiReady() {
      gate.open();
    },
  };
}
