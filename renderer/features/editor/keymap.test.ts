import { describe, expect, it } from 'vitest';
import { commandOf, COMMANDS, KEYS } from './keymap';

const key = (
  k: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('keymap', () => {
  it('Ctrl+Shift+H opens the cell history, Ctrl+H still find & replace', () => {
    expect(commandOf(key('H', { ctrlKey: true, shiftKey: true }), true)).toBe('history');
    expect(commandOf(key('h', { metaKey: true, shiftKey: true }), false)).toBe('history');
    expect(commandOf(key('h', { ctrlKey: true }), true)).toBe('replace');
    expect(commandOf(key('h'), true)).toBeNull();
  });

  it('lists every command on the shortcut sheet with its keys', () => {
    for (const c of COMMANDS) expect(KEYS[c]).toBeTruthy();
    expect(COMMANDS).toContain('history');
  });
});
