// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkRow, type QaFinding } from '../../../common/qa';
import type { Segment, TargetLang } from '../../../electron/contract';
import { initI18n } from '../../i18n';
import { useQaGridLabels } from './grid-labels';
import { LiveCellFindings } from './LiveCellFindings';
import { SourceTerms } from './SourceTerms';

const segment: Segment = {
  id: 's1',
  kind: 'paragraph',
  source: '서울시는 2025년까지 전기차 50만 대를 보급한다.',
  translate: true,
  targets: {
    vi: { text: 'Thành phố Seoul sẽ phổ biến 500.000 xe điện đến năm 2025.', status: 'machine' },
    en: { text: 'Seoul will deploy 500,000 electric vehicles by 2025.', status: 'machine' },
  },
};

const check = (s: Segment, lang: TargetLang, text: string): QaFinding[] =>
  checkRow({
    id: s.id,
    source: s.source,
    targets: { ...{ vi: s.targets.vi.text, en: s.targets.en.text }, [lang]: text },
  }).filter((f) => f.lang === lang);

/** A stand-in for the grid cell: the text as typed goes straight into the findings slot. */
function TypingCell() {
  const [text, setText] = useState(segment.targets.en.text);
  const labels = useQaGridLabels();
  return (
    <>
      <textarea aria-label="en" value={text} onChange={(e) => setText(e.target.value)} />
      <LiveCellFindings segment={segment} lang="en" text={text} check={check} labels={labels} />
      <button type="button" onClick={() => setText(text.replace('500,000', '50,000'))}>
        type
      </button>
    </>
  );
}

describe('findings in the cell', () => {
  beforeAll(async () => {
    await initI18n('en');
  });
  afterEach(cleanup);

  it('shows nothing for a correct translation and the finding as soon as a figure is mistyped', async () => {
    render(<TypingCell />);
    expect(screen.queryByTestId('findings-en-s1')).toBeNull();
    await act(async () => screen.getByRole('button', { name: 'type' }).click());
    const list = screen.getByTestId('findings-en-s1');
    expect(list.textContent).toContain('“50만” in the Korean has no matching value here');
    expect(list.querySelector('li')!.className).toBe('qa-error');
  });

  it('highlights termbase terms in the Korean with their translations on hover, not inside longer nouns', async () => {
    await initI18n('vi');
    function Source() {
      const labels = useQaGridLabels();
      return (
        <p>
          <SourceTerms
            source="부산시는 부산시장과 함께"
            terms={[{ ko: '부산시', vi: 'thành phố Busan', en: 'Busan' }]}
            labels={labels}
          />
        </p>
      );
    }
    render(<Source />);
    const marks = document.querySelectorAll('mark.term');
    expect(marks).toHaveLength(1);
    expect(marks[0]!.textContent).toBe('부산시');
    expect(marks[0]!.getAttribute('title')).toBe('thành phố Busan · Busan');
  });
});
