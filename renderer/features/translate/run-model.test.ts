import { describe, expect, it } from 'vitest';
import type { TranslateSummary } from '../../../electron/contract';
import { billed, summaryNotices, usageWarning, withProgress } from './run-model';

const lang = (billedCharacters: number) => ({
  lang: 'vi' as const,
  requested: 1,
  translated: 1,
  fromCache: 0,
  failed: 0,
  requests: 1,
  billedCharacters,
});
const summary = (extra: Partial<TranslateSummary> = {}): TranslateSummary => ({
  projectId: 'p',
  perLang: [lang(10)],
  cancelled: false,
  ...extra,
});

describe('a run on screen', () => {
  it('adds a language once and keeps each language’s latest progress; a run started elsewhere appears', () => {
    const first = withProgress(null, { projectId: 'p', lang: 'vi', done: 1, total: 4 });
    expect(first).toEqual({
      projectId: 'p',
      langs: ['vi'],
      progress: { vi: { done: 1, total: 4 } },
      cancelling: false,
    });
    const both = withProgress(withProgress(first, { projectId: 'p', lang: 'en', done: 0, total: 4 }), {
      projectId: 'p',
      lang: 'vi',
      done: 3,
      total: 4,
    });
    expect(both.langs).toEqual(['vi', 'en']);
    expect(both.progress).toEqual({ vi: { done: 3, total: 4 }, en: { done: 0, total: 4 } });
  });

  it('its end says the error, the term refresh and the house style, in that order', () => {
    const notices = summaryNotices(
      summary({
        error: { code: 'mt.rateLimited' },
        termRefresh: { cells: 2, terms: ['서울', '하노이'] },
        style: [
          {
            lang: 'en',
            sent: ['styleRule'],
            refused: 'mt.styleRefused',
            unsupported: ['customInstructions'],
          },
        ],
      }),
    );
    expect(notices.map((n) => [n.kind, n.message.code])).toEqual([
      ['error', 'mt.rateLimited'],
      ['info', 'qa:termbase.refreshed'],
      ['warning', 'mt.styleRefused'],
      ['info', 'translate:houseStyle.unsupported'],
    ]);
    expect(notices[1]!.message.params).toEqual({ cells: 2, terms: '서울, 하노이' });
    expect(summaryNotices(summary())).toEqual([]);
  });

  it('asks after the balance only when characters were billed, and warns only near the limit', () => {
    expect(billed(summary())).toBe(true);
    expect(billed(summary({ cancelled: true }))).toBe(false);
    expect(billed(summary({ perLang: [lang(0)] }))).toBe(false);
    const near = usageWarning({ characterCount: 490_000, characterLimit: 500_000, nearLimit: true });
    expect(near?.message).toEqual({ code: 'translate:usage.near', params: { left: 10_000 } });
    expect(usageWarning({ characterCount: 10, characterLimit: 500_000, nearLimit: false })).toBeNull();
    expect(usageWarning({ characterCount: 10, characterLimit: null, nearLimit: true })).toBeNull();
  });
});
