/**
 * The OmegaT package of each article written for the interchange tests (`test/fixtures/articles/`: an HTML page,
 * a Word file with a table, a CP949 text), every row approved, memory cut by sentence: OmegaT 3.6 in console mode
 * must give back every approved row exactly. A quote a particle continues ("안녕하세요, %s님!"이라는) was cut as a
 * sentence end, where OmegaT never breaks, and its row came back half Korean (the CP949 article's row 5); the
 * splitter's rule itself is in common/qa/sentence-breaks.property.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { ARTICLES, reviewedArticle } from '../../../test/support/hunt-articles';
import { CTX } from '../../../test/support/interchange';
import { omegatConsoleTranslate } from '../../../test/support/real-tools';
import { buildExport } from './index';

describe('OmegaT gives back our approved articles, sentence by sentence', () => {
  it.each(Object.keys(ARTICLES) as Array<keyof typeof ARTICLES>)(
    '%s',
    async (name) => {
      const project = await reviewedArticle(name);
      const file = await buildExport(
        project,
        { lang: 'vi', format: 'omegat', policy: 'approved-only', segmentation: 'sentence' },
        CTX,
      );
      const { text } = await omegatConsoleTranslate(file.data);
      const out = text.replace(/\n$/, '').split('\n\n');
      const wrong = project.segments.flatMap((s, i) =>
        out[i] === s.targets.vi.text ? [] : [{ row: i + 1, expected: s.targets.vi.text, got: out[i] }],
      );
      expect(wrong).toEqual([]);
      expect(out).toHaveLength(project.segments.length);
    },
    150_000,
  );
});
