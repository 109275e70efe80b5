import { describe, expect, it } from 'vitest';
import { ChangeKeys, StepKeys } from './change-keys';

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

describe('StepKeys', () => {
  it('each press is a new step; the press after one that failed sends its key again', async () => {
    const keys = new StepKeys();
    const sent: string[] = [];
    const ok = async (key: string) => (sent.push(key), 'done');
    await keys.send('undo:p1', ok);
    await keys.send('undo:p1', ok);
    expect(sent[1]).not.toBe(sent[0]);
    await expect(keys.send('undo:p1', (key) => (sent.push(key), unreachable()))).rejects.toThrow();
    await keys.send('redo:p1', ok); // another kind of step: its own key
    expect(sent[3]).not.toBe(sent[2]);
    await keys.send('undo:p1', ok);
    expect(sent[4]).toBe(sent[2]);
    await keys.send('undo:p1', ok);
    expect(sent[5]).not.toBe(sent[2]);
  });

  it('two presses at once are two steps', async () => {
    const keys = new StepKeys();
    const sent: string[] = [];
    await Promise.all([1, 2].map(() => keys.send('undo:p1', async (key) => sent.push(key))));
    expect(new Set(sent).size).toBe(2);
  });
});
