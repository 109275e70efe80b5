// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useMemo } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Project, Segment } from '../../../electron/contract';
import { initI18n } from '../../i18n';
import type { EditorActions } from './actions';
import { EditorGrid } from './EditorGrid';
import { useGridLabels } from './labels';
import { ReviewStore } from './store';

function makeProject(n: number): Project {
  const segments: Segment[] = Array.from({ length: n }, (_, i) => ({
    id: `s${i}`,
    kind: 'paragraph',
    source: `서울시 문단 ${i}`,
    translate: true,
    targets: {
      vi: { text: `Đoạn ${i}`, status: 'machine', mt: `Đoạn ${i}` },
      en: { text: `Paragraph ${i}`, status: 'machine', mt: `Paragraph ${i}` },
    },
  }));
  return { id: 'p1', segments } as unknown as Project;
}

function actionsSpy(store: ReviewStore): EditorActions & { focused: string[] } {
  const focused: string[] = [];
  return {
    focused,
    focusCell: vi.fn((id: string, lang) => focused.push(`${lang}:${id}`)),
    type: vi.fn((id, lang, text) => store.setDraft(id, lang, { text, state: 'dirty' })),
    keyDown: vi.fn(),
    blur: vi.fn(),
    approve: vi.fn(),
    unapprove: vi.fn(),
    useSuggestion: vi.fn(),
    retry: vi.fn(),
    comment: vi.fn(),
    history: vi.fn(),
    toggleDiff: vi.fn(),
    toggleTranslate: vi.fn(),
  };
}

function Grid(props: {
  store: ReviewStore;
  focus: { segmentId: string; lang: 'vi' | 'en' } | null;
  actions: EditorActions;
}) {
  const labels = useGridLabels();
  const segments = props.store.getProject()!.segments;
  const rows = useMemo(() => segments.map((_, i) => i), [segments]);
  return (
    <EditorGrid
      store={props.store}
      segments={segments}
      rows={rows}
      focus={{ subscribeFocus: () => () => undefined, getFocus: () => props.focus }}
      needle=""
      awaitingMachine
      labels={labels}
      actions={props.actions}
      emptyText="none"
      resetKey=""
      handle={() => undefined}
    />
  );
}

beforeAll(async () => {
  await initI18n('en');
  // jsdom has no layout: give every element the size of a 800 px viewport so the virtualizer has a window.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 });
  // …and every measured row a height of 100 px.
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 100 });
});
afterEach(cleanup);

describe('EditorGrid', () => {
  it('renders only the rows near the viewport of a 10,000-row article', () => {
    const store = new ReviewStore();
    store.setProject(makeProject(10_000));
    render(<Grid store={store} focus={null} actions={actionsSpy(store)} />);
    const rows = screen.getAllByRole('row');
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.length).toBeLessThan(60);
    expect(screen.getByRole('table')).toHaveProperty('ariaRowCount', '10001');
  });

  it('mounts one editor, for the focused cell only; other cells are text', () => {
    const store = new ReviewStore();
    store.setProject(makeProject(50));
    const actions = actionsSpy(store);
    const { rerender } = render(<Grid store={store} focus={null} actions={actions} />);
    expect(document.querySelectorAll('textarea')).toHaveLength(0);
    fireEvent.focus(screen.getByRole('textbox', { name: 'English translation, row 2' }));
    expect(actions.focused).toEqual(['en:s1']);
    rerender(<Grid store={store} focus={{ segmentId: 's1', lang: 'en' }} actions={actions} />);
    const editors = document.querySelectorAll('textarea');
    expect(editors).toHaveLength(1);
    expect(editors[0]).toHaveProperty('value', 'Paragraph 1');
    expect(document.activeElement).toBe(editors[0]);
  });

  it('typing goes to the store as a draft and the row shows it is not saved yet; keys reach the controller', () => {
    const store = new ReviewStore();
    store.setProject(makeProject(20));
    const actions = actionsSpy(store);
    render(<Grid store={store} focus={{ segmentId: 's3', lang: 'vi' }} actions={actions} />);
    const editor = screen.getByRole('textbox', { name: 'Vietnamese translation, row 4' });
    fireEvent.change(editor, { target: { value: 'Đoạn bốn' } });
    expect(store.draft('s3', 'vi')?.text).toBe('Đoạn bốn');
    expect(screen.getByText('Not saved yet')).toBeTruthy();
    fireEvent.keyDown(editor, { key: 'Enter', ctrlKey: true });
    expect(actions.keyDown).toHaveBeenCalledTimes(1);
  });

  it('a saved row re-renders with the new text and status words; other rows keep their DOM', () => {
    const store = new ReviewStore();
    store.setProject(makeProject(20));
    render(<Grid store={store} focus={null} actions={actionsSpy(store)} />);
    const other = screen.getByTestId('row-s5');
    const s2 = store.segment('s2')!;
    act(() => {
      store.applySegments('p1', [
        {
          ...s2,
          targets: { ...s2.targets, vi: { ...s2.targets.vi, text: 'Đã duyệt', status: 'approved', rev: 1 } },
        },
      ]);
    });
    expect(screen.getByTestId('status-vi-s2').textContent).toBe('Approved');
    expect(screen.getByTestId('cell-vi-s2').getAttribute('data-value')).toBe('Đã duyệt');
    expect(screen.getByTestId('row-s5')).toBe(other);
    // The edited text differs from the machine's: the row offers its changes.
    expect(screen.getByRole('button', { name: 'Show changes, row 3' })).toBeTruthy();
  });
});
