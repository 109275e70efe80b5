// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../i18n';
import { ImportPreview } from './ImportPreview';

const summary = {
  lang: 'vi' as const,
  updated: 1,
  statusChanged: 0,
  unchanged: 1,
  conflicts: [
    { segmentId: 'p1', local: 'Bản của tôi', incoming: 'Bản của tệp', localStatus: 'edited' as const },
  ],
  refused: [{ segmentId: 'p2', reason: 'inlineCode' as const }],
  emptied: ['h1'],
  unknownIds: [],
};
const rowOf = (id: string) => ({ h1: 1, p1: 2, p2: 3 })[id] ?? 0;

beforeAll(async () => {
  await initI18n('en');
});
afterEach(cleanup);

describe('the XLIFF import preview', () => {
  it('lists emptied and refused rows, focuses Cancel, and applies with the conflict choices', () => {
    const onApply = vi.fn();
    render(
      <ImportPreview
        fileName="back.xlf"
        summary={summary}
        rowOf={rowOf}
        busy={false}
        onApply={onApply}
        onCancel={() => undefined}
      />,
    );
    expect(screen.getByTestId('import-preview-emptied').textContent).toContain('Row 1');
    expect(screen.getByTestId('import-preview-refused').textContent).toContain('Row 3');
    expect(document.activeElement?.textContent).toBe('Cancel');
    fireEvent.click(screen.getByLabelText(/Take the file's: “Bản của tệp”/));
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(onApply).toHaveBeenCalledWith({ p1: 'theirs' });
  });

  it('says why each refused row was not applied', () => {
    const refused = [
      { segmentId: 'p1', reason: 'partialTarget' as const },
      { segmentId: 'p2', reason: 'segmentOrder' as const },
    ];
    render(
      <ImportPreview
        fileName="b.xlf"
        summary={{ ...summary, refused }}
        rowOf={rowOf}
        busy={false}
        onApply={() => undefined}
        onCancel={() => undefined}
      />,
    );
    const [partial, order] = screen.getAllByTestId('import-preview-refused').map((e) => e.textContent);
    expect(partial).toMatch(/^Row 2 .*left some of them untranslated/);
    expect(order).toMatch(/^Row 3 .*order of its translated sentences is not valid/);
  });

  it('offers nothing to apply while every change is a conflict kept as ours', () => {
    const onApply = vi.fn();
    const onlyConflict = { ...summary, updated: 0, emptied: [], refused: [] };
    render(
      <ImportPreview
        fileName="b.xlf"
        summary={onlyConflict}
        rowOf={rowOf}
        busy={false}
        onApply={onApply}
        onCancel={() => undefined}
      />,
    );
    const apply = screen.getByRole('button', { name: 'Apply' });
    expect((apply as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByLabelText(/Take the file's/));
    expect((apply as HTMLButtonElement).disabled).toBe(false);
  });
});
