import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { API_METHODS, METHODS } from '../contract';
import type { DeskDirectory, Principal } from '../services/desk/directory';
import { sessionKey } from '../services/desk/directory';
import { isEditCall, SessionMemory } from './sessions';

const lan: Principal = { id: 'u1', name: 'lan', role: 'reviewer', desk: 'd' };
const request = (method: string, url: string) => ({ method, url }) as IncomingMessage;

// Only edit calls (re-checked in their own transactions) may be answered from the memory, and only for a while.
describe('the session memory of a desk process', () => {
  it('serves exactly the edit calls of the method table', () => {
    for (const m of API_METHODS) {
      const path = `/api/${METHODS[m].channel}`;
      expect(isEditCall(request('POST', path)), m).toBe(METHODS[m].desk === 'edit');
      expect(isEditCall(request('POST', `${path}?x=1`)), m).toBe(METHODS[m].desk === 'edit');
      expect(isEditCall(request('GET', path)), m).toBe(false);
    }
    expect(isEditCall(request('GET', '/api/events'))).toBe(false);
  });

  it('marks what it hands out, forgets, and lets a remembered person go after a minute', async () => {
    let now = 0;
    let reads = 0;
    const directory = {
      session: async () => (reads++, reads > 1 ? null : lan),
    } as unknown as DeskDirectory;
    const memory = new SessionMemory(directory, () => now);
    memory.remember('tok', lan);
    const who = memory.get('tok')!;
    expect(who).toEqual(lan);
    expect(memory.sessionKeyOf(who)).toBe(sessionKey('tok'));
    expect(memory.sessionKeyOf(lan)).toBeUndefined(); // read afresh, not from memory
    expect(await memory.afresh(who)).toEqual(lan);
    await expect(memory.afresh(memory.get('tok')!)).rejects.toMatchObject({ code: 'desk.notSignedIn' });
    expect(memory.get('tok')).toBeUndefined(); // a session found over is forgotten
    memory.remember('tok', lan);
    now += 60_000;
    expect(memory.get('tok')).toBeUndefined();
    memory.remember('tok', lan);
    memory.forgetFor(memory.get('tok')!);
    expect(memory.get('tok')).toBeUndefined();
  });
});
