import { describe, expect, it } from 'vitest';
import { localActorName } from './actor';

// What the single-user app writes as "who" on approvals, comments, history and house style.
describe('localActorName', () => {
  it('is the reviewer name from Settings, trimmed', () => {
    expect(localActorName('  Minh  ', () => 'root')).toBe('Minh');
  });

  it("falls back to the computer's user name, never the internal account id", () => {
    expect(localActorName('', () => 'thu')).toBe('thu');
    expect(localActorName('   ', () => 'thu')).toBe('thu');
  });

  it('says "local" only when the system has no user name to give', () => {
    expect(
      localActorName('', () => {
        throw new Error('ENOENT: no passwd entry');
      }),
    ).toBe('local');
    expect(localActorName('', () => ' ')).toBe('local');
  });
});
