/** Fixtures for the interchange tests: a small project and an export recorded the way the app records it. */
import type { Project, Segment, TargetCell } from '../../electron/contract';
import { buildExport } from '../../electron/services/export/index';
import { withBaseline } from '../../electron/services/interchange/baseline';

/** Export context shared by the tests. */
export const CTX = { now: new Date('2026-11-25T09:30:00Z'), reviewer: 'Lan Nguyen', appVersion: '0.1.0' };

const machine = (text: string): TargetCell => ({ text, mt: text, status: 'machine' });

function row(id: string, source: string, vi: string, en: string, extra: Partial<Segment> = {}): Segment {
  return {
    id,
    kind: 'paragraph',
    source,
    translate: true,
    targets: { vi: machine(vi), en: machine(en) },
    ...extra,
  };
}

/** A three-row article, every cell untouched machine output. */
export function smallProject(): Project {
  return {
    schemaVersion: 1,
    id: 'proj-rt',
    name: '서울시 베트남 협력',
    source: { fileName: 'a.txt', format: 'txt', encoding: 'utf-8', importedAt: '2026-11-25T08:00:00.000Z' },
    englishVariant: 'en-US',
    glossary: [{ ko: '서울시', vi: 'Thành phố Seoul', en: 'Seoul Metropolitan Government' }],
    createdAt: '2026-11-25T08:00:00.000Z',
    updatedAt: '2026-11-25T08:00:00.000Z',
    segments: [
      row('h1', '서울시, 베트남과 협력', 'Seoul hợp tác với Việt Nam', 'Seoul cooperates with Vietnam', {
        kind: 'headline',
      }),
      row(
        'p1',
        '서울시는 4일 협약을 맺었다. 기업 진출을 돕는다. 내년에 확대한다.',
        'Seoul ký thỏa thuận ngày 4. Hỗ trợ doanh nghiệp. Mở rộng vào năm sau.',
        'Seoul signed a deal on the 4th. It helps companies. It expands next year.',
      ),
      row('p2', '문의 a.b@seoul.go.kr', 'Liên hệ a.b@seoul.go.kr', 'Contact a.b@seoul.go.kr'),
    ],
  };
}

/** Export XLIFF and record its baseline in the project, as the app's export handler does. */
export async function exportRecorded(
  project: Project,
  format: 'xliff2' | 'xliff12',
  lang: 'vi' | 'en' = 'vi',
): Promise<{ project: Project; xml: string }> {
  const file = await buildExport(project, { lang, format, policy: 'include-unapproved' }, CTX);
  const next = structuredClone(project);
  next.exportBaselines = withBaseline(next, file.baseline!);
  return { project: next, xml: new TextDecoder().decode(file.data) };
}

/** The same cell with other text, as typed by the reviewer. */
export function typed(cell: TargetCell, text: string): TargetCell {
  const { approvedAt: _a, approvedBy: _b, ...rest } = cell;
  return { ...rest, text, status: 'edited', updatedAt: '2026-11-25T10:00:00.000Z' };
}

/** The same cell approved here. */
export function approvedHere(cell: TargetCell): TargetCell {
  return { ...cell, status: 'approved', approvedAt: '2026-11-25T10:00:00.000Z', approvedBy: 'Lan Nguyen' };
}
