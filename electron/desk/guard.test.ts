import { describe, expect, it } from 'vitest';
import { CHANNELS, type ApiMethod } from '../contract';
import { POLICY } from './guard';

describe('desk authorization policy', () => {
  // A method nobody classified is refused on the desk (deny by default); this names it so it gets a rule.
  it('classifies every API method', () => {
    const missing = (Object.keys(CHANNELS) as ApiMethod[]).filter((m) => !POLICY[m]);
    expect(missing).toEqual([]);
  });

  it('keeps account management and settings away from reviewers', () => {
    expect(POLICY.updateSettings).toBe('admin');
    expect(POLICY.updateCell).toBe('edit');
    expect(POLICY.importArticle).toBe('create');
  });
});
