import { describe, expect, it, vi } from 'vitest';
import type { Project, Segment, TargetCell } from '../../../electron/contract';
import { ReviewStore } from './store';

const cell = (text: string, rev = 0, status: TargetCell['status'] = 'machine'): TargetCell => ({
  text,
  status,
  rev,
});
const seg = (id: string, vi: TargetCell, en: TargetCell = cell('en')): Segment => ({
  id,
  kind: 'paragraph',
  source: `원문 ${id}`,
  translate: true,
  targets: { vi, en },
});
const project = (segments: Segment[]): Project => ({
  schemaVersion: 1,
  id: 'p1',
  name: 'Test',
  source: { fileName: 'a.txt', format: 'txt', encoding: 'utf-8', importedAt: '' },
  englishVariant: 'en-US',
  segments,
  glossary: [],
  createdAt: '',
  updatedAt: '',
});

describe('ReviewStore', () => {
  it('notifies only the rows an update touches', () => {
    const store = new ReviewStore();
    store.setProject(project([seg('a', cell('một')), seg('b', cell('hai'))]));
    const a = vi.fn();
    const b = vi.fn();
    store.subscribeRow('a', a);
    store.subscribeRow('b', b);
    store.applySegments('p1', [seg('b', cell('hai!', 1, 'edited'))]);
    expect(b).toHaveBeenCalledTimes(1);
    expect(a).not.toHaveBeenCalled();
    expect(store.segment('b')?.targets.vi.text).toBe('hai!');
    expect(store.segment('a')).toBe(store.getProject()?.segments[0]);
  });

  it('keeps a cell whose incoming revision is older, and takes the other cell of the row', () => {
    const store = new ReviewStore();
    store.setProject(project([seg('a', cell('v3', 3), cell('e1', 1))]));
    store.applySegments('p1', [seg('a', cell('v2 late', 2), cell('e2', 2))]);
    expect(store.segment('a')?.targets.vi.text).toBe('v3');
    expect(store.segment('a')?.targets.en.text).toBe('e2');
  });

  it('ignores a reply that is older in both cells, and updates of another project', () => {
    const store = new ReviewStore();
    store.setProject(project([seg('a', cell('v3', 3), cell('e3', 3))]));
    const listener = vi.fn();
    store.subscribe(listener);
    expect(store.applySegments('p1', [seg('a', cell('old', 1), cell('old', 1))])).toEqual([]);
    expect(store.applySegments('other', [seg('a', cell('x', 9), cell('x', 9))])).toEqual([]);
    expect(listener).not.toHaveBeenCalled();
    expect(store.segment('a')?.targets.vi.text).toBe('v3');
  });

  it('an equal row keeps its identity (no re-render)', () => {
    const store = new ReviewStore();
    store.setProject(project([seg('a', cell('một'))]));
    const before = store.segment('a');
    expect(store.applySegments('p1', [structuredClone(before!)])).toEqual([]);
    expect(store.segment('a')).toBe(before);
  });

  it('tells the row and the header about save-state changes, not about every keystroke', () => {
    const store = new ReviewStore();
    store.setProject(project([seg('a', cell('một'))]));
    const row = vi.fn();
    const saves = vi.fn();
    store.subscribeRow('a', row);
    store.subscribeSaves(saves);
    store.setDraft('a', 'vi', { text: 'm', state: 'dirty' });
    store.setDraft('a', 'vi', { text: 'mo', state: 'dirty' });
    store.setDraft('a', 'vi', { text: 'mot', state: 'dirty' });
    expect(row).toHaveBeenCalledTimes(1);
    expect(saves).toHaveBeenCalledTimes(1);
    expect(store.saveSummary()).toBe('saving');
    store.setDraft('a', 'vi', { text: 'mot', state: 'failed', error: { code: 'api.hostUnreachable' } });
    expect(store.saveSummary()).toBe('failed');
    store.setDraft('a', 'vi', null);
    expect(store.saveSummary()).toBe('saved');
    expect(row).toHaveBeenCalledTimes(3);
  });

  it('remembers that a row showed its changes', () => {
    const store = new ReviewStore();
    store.setProject(project([seg('a', cell('một'))]));
    expect(store.diffSeen('a')).toBe(false);
    store.toggleDiff('a');
    expect(store.isDiffOpen('a')).toBe(true);
    store.markDiffSeen('a');
    store.toggleDiff('a');
    expect(store.isDiffOpen('a')).toBe(false);
    expect(store.diffSeen('a')).toBe(true);
  });
});
