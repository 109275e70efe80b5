import { describe, expect, it } from 'vitest';
import { ChangeKeys } from './change-keys';

const unreachable = () => Promise.reject(new Error('api.hostUnreachable'));

describe('ChangeKeys', () => {
  it('sends a change again with its key until it is answered, then a new change gets a new key', async () => {
    const keys = new ChangeKeys();
    const row = { id: 's1' };
    const sent: string[] = [];
    const take = (key: string) => (sent.push(key), unreachable());
    await expect(keys.send('approve:vi:s1', row, take)).rejects.toThrow();
    await expect(keys.send('approve:vi:s1', row, take)).rejects.toThrow();
    expect(sent[1]).toBe(sent[0]);
    expect(sent[0]).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(await keys.send('approve:vi:s1', row, async (key) => (sent.push(key), 'ok'))).toBe('ok');
    expect(sent[2]).toBe(sent[0]);
    await keys.send('approve:vi:s1', row, async (key) => sent.push(key));
    expect(sent[3]).not.toBe(sent[0]);
  });

  it('a change over a row that changed on screen meanwhile, or of another kind or row, is a new one', async () => {
    const keys = new ChangeKeys();
    const sent: string[] = [];
    const take = (key: string) => (sent.push(key), unreachable());
    const before = { id: 's1' };
    await keys.send('translate:false:s1', before, take).catch(() => undefined);
    await keys.send('translate:false:s1', { id: 's1' }, take).catch(() => undefined);
    await keys.send('translate:true:s1', before, take).catch(() => undefined);
    await keys.send('translate:false:s2', before, take).catch(() => undefined);
    expect(new Set(sent).size).toBe(4);
  });
});
