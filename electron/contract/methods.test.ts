import { describe, expect, it } from 'vitest';
import { API_METHODS, METHODS } from './methods';

describe('the method table', () => {
  // Two methods on one channel would make one of them unreachable over IPC and HTTP.
  it('gives every method a channel of its own', () => {
    const owner = new Map<string, string>();
    const clashes = API_METHODS.filter((m) => {
      const taken = owner.get(METHODS[m].channel);
      owner.set(METHODS[m].channel, m);
      return taken !== undefined;
    });
    expect(clashes).toEqual([]);
  });
});
