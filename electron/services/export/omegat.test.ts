/**
 * The OmegaT package opened by OmegaT 3.6 (Debian `omegat`) in console mode, as a translator would: the real
 * article (with its pictures and caption lines), every approved row must come out as its approved translation
 * whether OmegaT segments by paragraph or by sentence, the rest stays Korean; the glossary OmegaT reads holds the
 * termbase's terms and the project glossary.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import fixture from '../../../e2e/support/sample-translations.json';
import { omegatConsoleTranslate, omegatGlossary } from '../../../test/support/real-tools';
import type { Project, Segment, TermEntry } from '../../contract';
import { buildExport } from './index';
import { parseText } from '../import';
import { CTX, approvedHere, smallProject } from '../../../test/support/interchange';

const SAMPLE = resolve(import.meta.dirname, '../../../samples/newsis-seoul-vietnam-smart-mobility.ko.txt');
const VI = new Map(fixture.entries.map((e) => [e.ko, e.vi]));

/** The sample article with the reference translations approved, but rows 9 and 10 left as machine output. */
async function article(): Promise<Project> {
  const parsed = parseText(await readFile(SAMPLE, 'utf8'), { format: 'md' });
  const segments: Segment[] = parsed.segments.map((s, i) => {
    const vi = VI.get(s.source);
    if (vi === undefined) return s;
    const cell = { text: vi, mt: vi, status: 'machine' as const };
    return { ...s, targets: { ...s.targets, vi: i === 8 || i === 9 ? cell : approvedHere(cell) } };
  });
  // Rows the export's splitter cuts differently in Korean and Vietnamese (2 sentences vs 1), and a Korean
  // paragraph written on two lines: OmegaT must still give back the approved text whole.
  segments.push(
    {
      id: 'x1',
      kind: 'paragraph',
      source: '서울시는 4일 협약을 맺었다. 내년에 확대한다.',
      translate: true,
      targets: {
        vi: approvedHere({
          text: 'Seoul ký thỏa thuận ngày 4 và sẽ mở rộng vào năm sau.',
          status: 'machine',
        }),
        en: { text: '', status: 'empty' },
      },
    },
    {
      id: 'x2',
      kind: 'caption',
      source: '[서울=뉴시스] 오세훈 서울시장이 24일 기자회견을 하고 있다.\n2025.11.24. photo@newsis.com',
      translate: true,
      targets: {
        vi: approvedHere({
          text: '[Seoul=Newsis] Thị trưởng Oh Se-hoon phát biểu tại cuộc họp báo ngày 24. 2025.11.24. photo@newsis.com',
          status: 'machine',
        }),
        en: { text: '', status: 'empty' },
      },
    },
  );
  return {
    ...smallProject(),
    name: '오세훈 "스마트 모빌리티 우수기업들, 베트남 진출 지원"',
    segments,
  };
}

const TERMS: TermEntry[] = [
  { ko: '서울시', vi: 'Thành phố Seoul; TP Seoul', en: 'Seoul', forbiddenVi: ['Xơ-un'], note: 'desk' },
  { ko: '007', vi: '007', en: '007', forbiddenVi: [] },
  { ko: '과기부', vi: 'Bộ KH&CN', en: 'MOST', forbiddenVi: [], projectId: 'proj-rt' },
].map((t, i) => ({
  id: `t${i}`,
  scope: t.projectId ? 'project' : 'desk',
  forbiddenEn: [],
  updatedAt: '2026-12-01T00:00:00.000Z',
  updatedBy: 'Lan',
  ...t,
}));

describe('OmegaT opens our package', () => {
  it.each(['paragraph', 'sentence'] as const)(
    '%s segmentation: every approved row comes out as approved, pictures and captions included',
    async (segmentation) => {
      const project = await article();
      const file = await buildExport(
        project,
        { lang: 'vi', format: 'omegat', policy: 'approved-only', segmentation },
        { ...CTX, terms: TERMS },
      );
      const { text, seconds } = await omegatConsoleTranslate(file.data);
      const out = text.replace(/\n$/, '').split('\n\n');
      expect(out).toHaveLength(project.segments.length);
      const wrong = project.segments.flatMap((s, i) => {
        const expected =
          s.translate && s.targets.vi.status === 'approved'
            ? s.targets.vi.text
            : s.source.replace(/\s*\n\s*/g, ' ');
        return out[i] === expected ? [] : [{ row: i + 1, expected, got: out[i] }];
      });
      expect(wrong).toEqual([]);
      const approved = project.segments.filter((s) => s.targets.vi.status === 'approved');
      expect(
        approved.filter((s) => s.kind === 'picture' || s.kind === 'caption').length,
      ).toBeGreaterThanOrEqual(4);
      console.info(`OmegaT console translation (${segmentation}): ${seconds.toFixed(1)} s`);
    },
    150_000,
  );

  it('the memory is cut by sentence where Korean and translation agree, and OmegaT is told the same cuts', async () => {
    const project = smallProject();
    project.segments[1]!.targets.vi = approvedHere(project.segments[1]!.targets.vi);
    const file = await buildExport(
      project,
      { lang: 'vi', format: 'omegat', policy: 'approved-only', segmentation: 'sentence' },
      CTX,
    );
    const { root } = await omegatConsoleTranslate(file.data);
    const [tmxName] = await readdir(join(root, 'tm', 'auto'));
    const tmx = await readFile(join(root, 'tm', 'auto', tmxName!), 'utf8');
    expect(tmx.match(/tuid="p1-\d"/g)).toHaveLength(3);
    const conf = await readFile(join(root, 'omegat', 'segmentation.conf'), 'utf8');
    expect(conf.match(/<boolean>true<\/boolean><\/void><\/object>/g)).toHaveLength(2);
  }, 150_000);

  it("OmegaT's glossary holds the termbase (desk and project terms) and the project glossary", async () => {
    const file = await buildExport(
      smallProject(),
      { lang: 'vi', format: 'omegat', policy: 'approved-only' },
      { ...CTX, terms: TERMS },
    );
    const { root } = await omegatConsoleTranslate(file.data);
    const entries = await omegatGlossary(root, join(root, 'glossary', 'glossary.txt'));
    expect(entries).toEqual([
      ['서울시', 'Thành phố Seoul', 'desk · ≠ Xơ-un'],
      ['서울시', 'TP Seoul', 'desk · ≠ Xơ-un'],
      ['007', '007', 'Bilingual Review termbase'],
      ['과기부', 'Bộ KH&CN', 'Bilingual Review termbase'],
    ]);
  }, 150_000);
});
