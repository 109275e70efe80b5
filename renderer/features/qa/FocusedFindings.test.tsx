// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkRow, type QaFinding } from '../../../common/qa';
import type { Project, Segment, TargetLang } from '../../../electron/contract';
import { initI18n } from '../../i18n';
import { ReviewStore } from '../editor/store';
import { cachedCheck, FocusedFindings } from './FocusedFindings';
import { useQaGridLabels } from './grid-labels';

const segment: Segment = {
  id: 's1',
  kind: 'paragraph',
  source: '서울시는 2025년까지 전기차 50만 대를 보급한다.',
  translate: true,
  targets: {
    vi: { text: 'Thành phố Seoul sẽ phổ biến 500.000 xe điện đến năm 2025.', status: 'machine', rev: 1 },
    en: { text: 'Seoul will deploy 500,000 electric vehicles by 2025.', status: 'machine', rev: 1 },
  },
};
const project: Project = {
  schemaVersion: 1,
  id: 'p1',
  name: 'Test',
  source: { fileName: 'a.txt', format: 'txt', encoding: 'utf-8', importedAt: '' },
  englishVariant: 'en-US',
  segments: [segment],
  glossary: [],
  createdAt: '',
  updatedAt: '',
};

const check = (s: Segment, lang: TargetLang, text: string): QaFinding[] =>
  checkRow({
    id: s.id,
    source: s.source,
    targets: { ...{ vi: s.targets.vi.text, en: s.targets.en.text }, [lang]: text },
  }).filter((f) => f.lang === lang || f.lang === 'both');

function Focused(props: { store: ReviewStore }) {
  const labels = useQaGridLabels();
  return <FocusedFindings source={props.store} segmentId="s1" lang="en" check={check} labels={labels} />;
}

describe('findings of the focused cell', () => {
  beforeAll(async () => {
    await initI18n('en');
  });
  afterEach(cleanup);

  it('follow each keystroke from the store, and go once the saved text is right again', async () => {
    const store = new ReviewStore();
    store.setProject(project);
    render(<Focused store={store} />);
    expect(screen.queryByTestId('findings-en-s1')).toBeNull();
    // Typing in an already dirty cell tells the row nothing; the findings still follow.
    await act(async () => store.setDraft('s1', 'en', { text: 'Seoul will deploy 5', state: 'dirty' }));
    await act(async () =>
      store.setDraft('s1', 'en', { text: 'Seoul will deploy 50,000 EVs by 2025.', state: 'dirty' }),
    );
    expect(screen.getByTestId('findings-en-s1').textContent).toContain('“50만”');
    await act(async () => store.setDraft('s1', 'en', null));
    expect(screen.queryByTestId('findings-en-s1')).toBeNull();
  });
});

describe('cachedCheck', () => {
  it('checks a row, language and text once, and again when the row object is replaced', () => {
    const inner = vi.fn(check);
    const cached = cachedCheck(inner);
    const text = segment.targets.en.text;
    expect(cached(segment, 'en', text)).toBe(cached(segment, 'en', text));
    expect(inner).toHaveBeenCalledTimes(1);
    cached(segment, 'vi', segment.targets.vi.text);
    expect(inner).toHaveBeenCalledTimes(2);
    const wrong = cached(segment, 'en', 'Seoul will deploy 50,000 EVs by 2025.');
    expect(wrong.some((f) => f.severity === 'error')).toBe(true);
    cached({ ...segment }, 'en', text);
    expect(inner).toHaveBeenCalledTimes(4);
  });
});
