import { newSaveKey } from './save-types';

/**
 * One key per change the page sends (an approval, "Keep original", a comment…) over the row as the page showed it:
 * clicking again while the first one went unanswered (the host unreachable, the answer lost) sends the same key,
 * and the host answers it as done rather than applying it a second time over what a colleague did meanwhile. Once
 * answered, or once the row on screen changed, the next click is a new change with a new key.
 */
export class ChangeKeys {
  private readonly keys = new Map<string, { basis: unknown; key: string }>();

  /** The key of `change` (e.g. `approve:vi:<row>`) made over `basis` (the row object the page showed). */
  of(change: string, basis: unknown): string {
    const known = this.keys.get(change);
    if (known && known.basis === basis) return known.key;
    const key = newSaveKey();
    this.keys.set(change, { basis, key });
    return key;
  }

  /** Send `change` with its key; the key is forgotten once the host answered (either way). */
  async send<T>(change: string, basis: unknown, call: (key: string) => Promise<T>): Promise<T> {
    const key = this.of(change, basis);
    const value = await call(key);
    this.keys.delete(change);
    return value;
  }
}

/**
 * Send changes of rows with their keys (the editor's approvals, "Keep original"…): a change's key is its kind and
 * row over the row object the page shows now.
 */
export function rowChangeSender(keys: ChangeKeys, shown: (segmentId: string) => unknown) {
  return <T>(change: string, segmentId: string, call: (key: string) => Promise<T>): Promise<T> =>
    keys.send(`${change}:${segmentId}`, shown(segmentId), call);
}

/**
 * Keys of steps a person may ask for twice on purpose (undo, redo: each press is one more step): a new key per
 * press, except for the press after one that failed (its answer may have been lost while the host did it): that
 * one sends the failed press's key again, and the host answers it as done instead of taking a second step.
 */
export class StepKeys {
  private readonly failed = new Map<string, string>();

  /** Send `change` (e.g. `undo:<project>`) with its key. */
  async send<T>(change: string, call: (key: string) => Promise<T>): Promise<T> {
    const key = this.failed.get(change) ?? newSaveKey();
    this.failed.delete(change);
    try {
      return await call(key);
    } catch (e) {
      this.failed.set(change, key);
      throw e;
    }
  }
}
