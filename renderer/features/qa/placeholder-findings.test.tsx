// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { checkRow, QA_CHECKS, type QaFinding } from '../../../common/qa';
import type { Segment, TargetLang } from '../../../electron/contract';
import { initI18n } from '../../i18n';
import { useQaGridLabels } from './grid-labels';
import { LiveCellFindings } from './LiveCellFindings';

// A placeholder or tag finding in the cell: the token shown as written (not interpolated, not rendered as markup).
const segment: Segment = {
  id: 's1',
  kind: 'paragraph',
  source: '<b>속보</b> {{reporter}} 기자 [IMG1]',
  translate: true,
  targets: {
    vi: { text: 'Tin nóng: phóng viên {{reporter}} [IMG1]', status: 'machine' },
    en: { text: '<b>Breaking</b> Reporter {{reporter}} [IMG1]', status: 'machine' },
  },
};

const check = (s: Segment, lang: TargetLang, text: string): QaFinding[] =>
  checkRow({ id: s.id, source: s.source, targets: { vi: text, en: s.targets.en.text } }).filter(
    (f) => f.lang === lang,
  );

function Cell() {
  const labels = useQaGridLabels();
  return (
    <LiveCellFindings
      segment={segment}
      lang="vi"
      text={segment.targets.vi.text}
      check={check}
      labels={labels}
    />
  );
}

describe('placeholder and tag findings in the cell', () => {
  afterEach(cleanup);

  it.each([
    ['en', 'Placeholder or tag “<b>” from the Korean is missing here.'],
    ['ko', '원문의 자리표시자 또는 태그 “<b>”이(가) 이 번역에 없습니다.'],
    ['vi', 'Thiếu biến giữ chỗ hoặc thẻ “<b>” có trong bản tiếng Hàn.'],
  ] as const)('names the dropped tag as text, as an error (%s)', async (lng, message) => {
    const i18n = await initI18n(lng);
    render(<Cell />);
    const list = screen.getByTestId('findings-vi-s1');
    expect(list.textContent).toContain(message);
    expect(list.querySelector('b')).toBeNull();
    expect(list.querySelector('li')!.className).toBe('qa-error');
    for (const c of QA_CHECKS) expect(i18n.exists(`qa:checkNames.${c}`), c).toBe(true);
  });
});
