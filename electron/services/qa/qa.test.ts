import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../cli';
import { QA_CHECKS } from '../../../common/qa';
import { QA_CHECK_IDS, type Project, type Segment } from '../../contract';
import { openSqlite, type Database } from '../db';
import { cellsHoldingTerms, checkProject, openErrors } from './index';
import { qaRepositoryCases } from '../../../test/support/qa-repository-cases';
import { parseCsv } from '../csv-read';
import { parseTermFile, termsToCsv, termsToTbx } from './termfiles';
import { ALL_MIGRATIONS } from '../../core/migrations';

const seg = (
  id: string,
  source: string,
  vi: string,
  en: string,
  status: 'machine' | 'edited' = 'machine',
): Segment => ({
  id,
  kind: 'paragraph',
  source,
  translate: true,
  targets: { vi: { text: vi, status }, en: { text: en, status: 'machine' } },
});

const project = (segments: Segment[], glossary: Project['glossary'] = []): Project => ({
  schemaVersion: 1,
  id: 'p1',
  name: 'test',
  source: { fileName: 'a.txt', format: 'txt', encoding: 'utf-8', importedAt: '2026-01-01T00:00:00Z' },
  englishVariant: 'en-US',
  segments,
  glossary,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});

const tenTimes = seg(
  's1',
  '수출액은 4,500억 원으로 늘었다.',
  'Kim ngạch xuất khẩu tăng lên 4.500 tỷ won.',
  'Exports rose to 450 billion won.',
);

describe('contract', () => {
  it('lists the same checks as the checker', () => {
    expect([...QA_CHECK_IDS]).toEqual([...QA_CHECKS]);
  });
});

describe('checkProject', () => {
  it('finds a value ten times too large, with a stable id, and counts it as an open error', () => {
    const issues = checkProject(project([tenTimes]));
    const missing = issues.find((i) => i.check === 'values')!;
    expect(missing).toMatchObject({
      segmentId: 's1',
      lang: 'vi',
      code: 'qa:valueMissing',
      severity: 'error',
    });
    expect(missing.id).toBe('s1|vi|values|n:450000000000');
    expect(checkProject(project([tenTimes]))[0]!.id).toBe(issues[0]!.id);
    expect(openErrors(issues).length).toBeGreaterThan(0);
  });

  it('keeps "not an error" marks on re-runs and leaves switched-off checks out', () => {
    const first = checkProject(project([tenTimes]));
    const marks = Object.fromEntries(first.map((i) => [i.id, { by: 'Lan', at: 'now', reason: 'rounded' }]));
    const again = checkProject(project([tenTimes]), { dismissals: marks });
    expect(again.every((i) => i.dismissal?.by === 'Lan')).toBe(true);
    expect(openErrors(again)).toEqual([]);
    const off = checkProject(project([tenTimes]), { disabled: ['values', 'crossValues'] });
    expect(off.filter((i) => i.check === 'values' || i.check === 'crossValues')).toEqual([]);
  });

  it('checks the termbase and the legacy project glossary', () => {
    const s = seg(
      's2',
      '부산시는 스타트업을 지원한다.',
      'Busan hỗ trợ doanh nghiệp.',
      'Busan supports startups.',
    );
    const issues = checkProject(
      project([s], [{ ko: '스타트업', vi: 'công ty khởi nghiệp', en: 'startup' }]),
      {
        terms: [
          {
            id: 't1',
            scope: 'desk',
            ko: '부산시',
            vi: 'thành phố Busan',
            en: 'Busan',
            forbiddenVi: [],
            forbiddenEn: [],
            updatedAt: '',
            updatedBy: '',
          },
        ],
      },
    );
    expect(
      issues
        .filter((i) => i.check === 'terms')
        .map((i) => `${i.lang}:${i.params?.term}`)
        .sort(),
    ).toEqual(['vi:부산시', 'vi:스타트업']);
  });
});

describe('cellsHoldingTerms', () => {
  it('lists only machine cells whose Korean holds the term on a word boundary', () => {
    const p = project([
      seg('a', '부산시는 발표했다.', 'x', 'x'),
      seg('b', '부산시장은 발표했다.', 'x', 'x'),
      seg('c', '부산시에서 열렸다.', 'x', 'x', 'edited'),
    ]);
    expect(cellsHoldingTerms(p, ['부산시'])).toEqual({ vi: ['a'], en: ['a', 'c'] });
  });
});

describe('QaRepository (SQLite)', () => {
  let database: Database;
  beforeEach(async () => {
    database = await openSqlite(':memory:', ALL_MIGRATIONS);
  });
  afterEach(() => database.close());
  qaRepositoryCases(() => database);
});

describe('term files', () => {
  const entry = {
    id: 'x',
    scope: 'desk' as const,
    ko: '배터리 교환',
    vi: 'đổi pin',
    en: 'battery-swapping; battery swap',
    note: 'Not "exchange", see style guide, 2025',
    forbiddenVi: ['trao đổi pin'],
    forbiddenEn: ['battery exchange'],
    updatedAt: '',
    updatedBy: '',
  };

  it('round-trips CSV with quotes, commas and line breaks', () => {
    const csv = termsToCsv([entry]);
    expect(parseCsv('a,"b ""c"", d",e\r\n"x\ny",z\n')).toEqual([
      ['a', 'b "c", d', 'e'],
      ['x\ny', 'z'],
    ]);
    const [back] = parseTermFile('terms.csv', new TextEncoder().encode(csv));
    expect(back).toEqual({
      ko: entry.ko,
      vi: entry.vi,
      en: entry.en,
      note: entry.note,
      forbiddenVi: entry.forbiddenVi,
      forbiddenEn: entry.forbiddenEn,
    });
  });

  it('round-trips TBX-Basic and reads the older martif/termEntry form', () => {
    const [back] = parseTermFile('terms.tbx', new TextEncoder().encode(termsToTbx([entry])));
    expect(back).toMatchObject({
      ko: entry.ko,
      vi: 'đổi pin',
      en: 'battery-swapping; battery swap',
      forbiddenEn: ['battery exchange'],
      forbiddenVi: ['trao đổi pin'],
    });
    const old = `<?xml version="1.0"?><martif type="TBX-Basic"><text><body><termEntry>
      <langSet xml:lang="ko"><tig><term>부산시</term></tig></langSet>
      <langSet xml:lang="en-US"><tig><term>Busan</term></tig><tig><term>Pusan</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet>
      </termEntry></body></text></martif>`;
    expect(parseTermFile('old.xml', new TextEncoder().encode(old))).toEqual([
      { ko: '부산시', vi: '', en: 'Busan', forbiddenVi: [], forbiddenEn: ['Pusan'] },
    ]);
    expect(() => parseTermFile('bad.tbx', new TextEncoder().encode('<nothing/>'))).toThrow(
      'qa.termFileNotTbx',
    );
  });
});

describe('cli qa', () => {
  it('prints each finding as JSON (row, language, check, message) and exits 1 while an error is open', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'qa-cli-'));
    const file = join(dir, 'p.json');
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((s: unknown) => void lines.push(String(s)));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await writeFile(file, JSON.stringify(project([seg('s0', '제목', 'Tiêu đề', 'Title'), tenTimes])));
      expect(await runCli(['qa', file, '--json', '--data', dir], {})).toBe(1);
      const out = JSON.parse(lines.join('\n')) as Array<Record<string, unknown>>;
      expect(out[0]).toMatchObject({ row: 2, lang: 'vi', check: 'values', severity: 'error' });
      expect(out[0]!.message).toBe(
        '“4,500억” in the Korean has no matching value here (number, date, time or percentage).',
      );
      lines.length = 0;
      await writeFile(
        file,
        JSON.stringify(
          project([
            {
              ...tenTimes,
              targets: {
                ...tenTimes.targets,
                vi: { text: 'Kim ngạch xuất khẩu tăng lên 450 tỷ won.', status: 'machine' },
              },
            },
          ]),
        ),
      );
      expect(await runCli(['qa', file, '--data', dir], {})).toBe(0);
      expect(lines).toEqual([]);
    } finally {
      vi.restoreAllMocks();
    }
  });
});
