// "This looks like a different article: only N % of its paragraphs match": N is rounded down, so a share under the
// bar (50 %) never reads as the bar itself, and never as 0 % when a paragraph is in common.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Project } from '../contract';
import { isAppError } from '../services/errors';
import type { ParsedArticle } from '../services/import';
import { row } from '../../test/support/project';
import { MIN_REVISION_OVERLAP, mergedRevision, revisionOverlap } from './project-import';

const para = (i: number) => `서울시는 ${i}번째 문단에서 협약을 맺었다고 밝혔다.`;

describe('a revision that is another article', () => {
  it('names a share of matching paragraphs under the bar, never rounded up to it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
        (kept, removed, added) => {
          const overlap = revisionOverlap({ new: added, changed: 0, unchanged: kept, removed });
          fc.pre(overlap < MIN_REVISION_OVERLAP);
          const ids = [...Array(kept + removed).keys()];
          const project = {
            segments: ids.map((i) => row(`r${i}`, para(i))),
            removed: [],
          } as unknown as Project;
          const parsed = {
            encoding: 'utf-8',
            warnings: [],
            segments: [...Array(kept + added).keys()].map((i) =>
              row(
                `n${i}`,
                i < kept
                  ? para(i)
                  : `${'가나다라마바사아자차카타파하'.slice(i % 7)} ${i}호 ${'ㄱ'.repeat(i % 5)}`,
              ),
            ),
          } as unknown as ParsedArticle;
          let percent: unknown;
          try {
            mergedRevision(project, parsed, project.source, false);
          } catch (e) {
            if (!isAppError(e)) throw e;
            percent = e.params?.percent;
          }
          // Under the bar, over 0 % (at least one paragraph is in common), and within one point of the share.
          expect(percent).toBeLessThan(100 * MIN_REVISION_OVERLAP);
          expect(percent).toBeGreaterThan(0);
          expect(Math.abs((percent as number) - 100 * overlap)).toBeLessThan(1);
        },
      ),
    );
  });
});
