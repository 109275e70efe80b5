import { describe, expect, it } from 'vitest';
import type { ReviewEvent } from '../contract';
import { editorHandlers, readyGate } from './editor';
import { MIN_REVISION_OVERLAP, revisionOverlap } from './project-import';

const progress = (done: number): ReviewEvent => ({
  type: 'mt-progress',
  projectId: 'p',
  lang: 'vi',
  done,
  total: 3,
});

describe('ready handshake', () => {
  it('holds pushed events until the UI says it listens, then delivers them in order and passes new ones on', async () => {
    const delivered: ReviewEvent[] = [];
    const gate = readyGate((e) => delivered.push(e));
    gate.emit(progress(1));
    gate.emit(progress(2));
    expect(delivered).toEqual([]);
    await editorHandlers(gate).uiReady();
    expect(delivered).toEqual([progress(1), progress(2)]);
    gate.emit(progress(3));
    expect(delivered).toHaveLength(3);
    await editorHandlers(gate).uiReady(); // a second tab: nothing delivered twice
    expect(delivered).toHaveLength(3);
  });
});

describe('revision of another article', () => {
  it('measures the share of rows a revision keeps', () => {
    expect(revisionOverlap({ new: 1, changed: 1, unchanged: 17, removed: 0 })).toBeCloseTo(18 / 19);
    // The case: an unrelated article merged as 18 new and 13 removed.
    expect(revisionOverlap({ new: 18, changed: 0, unchanged: 1, removed: 13 })).toBeLessThan(
      MIN_REVISION_OVERLAP,
    );
    expect(revisionOverlap({ new: 0, changed: 0, unchanged: 0, removed: 0 })).toBe(1);
  });
});
