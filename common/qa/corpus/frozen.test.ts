import { describe, expect, it } from 'vitest';
import frozen from './test.json';

/**
 * The test part of the corpus is frozen (README.md in this folder): the checker is never tuned on it. Its content is
 * pinned here; a change fails this test. The only allowed change is the documented move of a failing row to the
 * development part together with a new test row of the same kind, in one commit that also updates this hash.
 */
const PINNED = 'e2e748b42f9fbeb105ca86ea8423c60e00594d99a7fb8fccf86a846bc5930298';

async function sha256(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

describe('the frozen test part of the QA corpus', () => {
  it('has not changed since it was frozen', async () => {
    expect(await sha256(JSON.stringify(frozen))).toBe(PINNED);
  });

  it('is the test part, with correct rows and planted errors', () => {
    expect(frozen.split).toBe('test');
    expect(frozen.rows.filter((r) => r.errors.length === 0).length).toBeGreaterThanOrEqual(60);
    expect(frozen.rows.filter((r) => r.errors.length > 0).length).toBeGreaterThanOrEqual(100);
  });
});
