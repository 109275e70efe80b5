import { describe, expect, it } from 'vitest';
import { failureStep } from './save-failure';
import { RetrySchedule } from './save-retry';

const conflict = (text: string, rev: number) => ({ code: 'cell.conflict', params: { text, rev } });
const base = {
  mine: 'Xin chào',
  theirs: 'Chào',
  theirsRev: 4,
  baseRev: 3,
  sent: [] as string[],
  canAsk: true,
};

describe('what a failed save does next', () => {
  it('a conflict with this page’s own text (typed now, or sent before) is saved again, not asked', () => {
    expect(failureStep({ ...base, error: conflict('Xin chào', 4), theirs: 'Xin chào' })).toBe('own');
    expect(failureStep({ ...base, error: conflict('Chào', 4), sent: ['Chào'] })).toBe('own');
  });

  it('a colleague’s text is asked about when the page can ask, else refused or retried like any failure', () => {
    expect(failureStep({ ...base, error: conflict('Chào', 4) })).toBe('ask');
    expect(failureStep({ ...base, error: conflict('Xin chào', 3), theirs: 'Xin chào', theirsRev: 3 })).toBe(
      'ask',
    );
    expect(failureStep({ ...base, error: { code: 'text.controlCharacter' } })).toBe('refused');
    expect(failureStep({ ...base, error: { code: 'network.unreachable' } })).toBe('retry');
  });
});

describe('retries', () => {
  it('back off from one second, doubling to thirty, once at a time; a success starts again from one', () => {
    const delays: number[] = [];
    let fire: (() => void) | null = null;
    let retried = 0;
    const schedule = new RetrySchedule(
      {
        set: (fn, ms) => {
          delays.push(ms);
          fire = fn;
          return delays.length;
        },
        clear: () => (fire = null),
      },
      () => retried++,
    );
    for (let i = 0; i < 7; i++) {
      schedule.schedule();
      schedule.schedule(); // already waiting: no second timer
      fire!();
    }
    expect(retried).toBe(7);
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    schedule.reset();
    schedule.schedule();
    schedule.cancel();
    expect(fire).toBeNull();
    expect(delays.at(-1)).toBe(1000);
  });
});
