import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { omegatGlossary, unzipTo } from '../test/support/real-tools';
import { runCli } from './cli';
import { createCore } from './handlers';
import { SettingsStore } from './services/settings';

const SAMPLE = join(import.meta.dirname, '..', 'samples', 'newsis-seoul-vietnam-smart-mobility.ko.txt');

/** The glossary file inside an OmegaT package. */
async function glossaryOf(zip: Uint8Array): Promise<string> {
  const files = (await JSZip.loadAsync(zip)).file(/\/glossary\/glossary\.txt$/);
  expect(files).toHaveLength(1);
  return files[0]!.async('string');
}

// `cli export` as a newsroom script uses it: files named as the app's export dialog names them, and the OmegaT
// package with the same glossary as the app's (the data folder's termbase: desk terms and this project's own).
describe('cli export', () => {
  let dataDir: string;
  let projectFile: string;
  let projectId: string;
  let appPackage: Uint8Array;
  const stderr: string[] = [];

  beforeAll(async () => {
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void stderr.push(a.join(' ')));
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    dataDir = await mkdtemp(join(tmpdir(), 'cli-export-'));
    const core = await createCore({
      dataDir,
      now: () => new Date(),
      appVersion: 'test',
      mode: 'browser',
      systemLocale: 'en',
      samplePath: SAMPLE,
      settings: new SettingsStore(dataDir, {}, null),
      emit: () => undefined,
    });
    try {
      const h = core.handlers;
      const project = await h.openLastProject();
      projectId = project.id;
      const other = await h.importArticle({
        fileName: 'other.txt',
        dataBase64: Buffer.from('부산시, 2030년까지 전기차 50만대\n\n부산시는 24일 발표했다.\n').toString(
          'base64',
        ),
      });
      const term = { forbiddenVi: [], forbiddenEn: [] };
      await h.saveTerm({
        ...term,
        scope: 'desk',
        ko: '서울시',
        vi: 'TP Seoul; Thành phố Seoul',
        en: 'Seoul',
      });
      await h.saveTerm({ ...term, scope: 'project', projectId, ko: '뉴시스', vi: 'Newsis', en: 'Newsis' });
      await h.saveTerm({
        ...term,
        scope: 'project',
        projectId: other.project.id,
        ko: '부산시',
        vi: 'TP Busan',
        en: 'Busan',
      });
      const pkg = await h.buildExport({ projectId, lang: 'vi', format: 'omegat', policy: 'approved-only' });
      appPackage = Buffer.from(pkg.dataBase64, 'base64');
      const saved = await h.exportProjectFile(projectId);
      projectFile = join(dataDir, saved.fileName);
      await writeFile(projectFile, Buffer.from(saved.dataBase64, 'base64'));
    } finally {
      await core.close();
    }
  });
  afterAll(() => vi.restoreAllMocks());

  it('--name and -o <folder>: the app’s file names (safe slug, one extension per format, XLIFF version in the name)', async () => {
    const out = await mkdtemp(join(tmpdir(), 'cli-export-out-'));
    const run = (...args: string[]) =>
      runCli(['export', projectFile, '--include-unapproved', '-o', out, ...args], {});
    expect(await run('--lang', 'vi', '--format', 'md', '--name', 'Bản tin Seoul – 서울')).toBe(0);
    expect(await run('--lang', 'all', '--format', 'xliff2', '--name', 'Bản tin Seoul – 서울')).toBe(0);
    expect(await run('--lang', 'en', '--format', 'xliff12', '--name', 'Bản tin Seoul – 서울')).toBe(0);
    // Without --name, the project's name (the Korean headline) as its romanized slug.
    expect(await run('--lang', 'vi', '--format', 'txt')).toBe(0);
    const names = (await readdir(out)).sort();
    expect(names).toEqual(
      [
        'ban-tin-seoul-seoul.vi.md',
        'ban-tin-seoul-seoul.vi.xliff20.xlf',
        'ban-tin-seoul-seoul.en.xliff20.xlf',
        'ban-tin-seoul-seoul.en.xliff12.xlf',
        names.find((n) => n.endsWith('.vi.txt'))!,
      ].sort(),
    );
    expect(names.find((n) => n.endsWith('.vi.txt'))).toMatch(/^osehun-[a-z0-9-]+\.vi\.txt$/);
    // An existing file is still never replaced without --force.
    expect(await run('--lang', 'vi', '--format', 'md', '--name', 'Bản tin Seoul – 서울')).toBe(1);
    expect(stderr.at(-1)).toMatch(/ban-tin-seoul-seoul\.vi\.md.*already exists|already exists.*ban-tin/);

    // The name also names what is inside an OmegaT package: its project folder and source file.
    const file = join(out, 'pkg.zip');
    expect(await run('--lang', 'vi', '--format', 'omegat', '--name', 'Busan 2030', '-o', file)).toBe(0);
    const inside = Object.keys((await JSZip.loadAsync(await readFile(file))).files);
    expect(inside).toContain('busan-2030.vi/omegat.project');
    expect(inside).toContain('busan-2030.vi/source/busan-2030.txt');
    expect(await run('--lang', 'vi', '--format', 'md', '--name', '  ')).toBe(2);
  });

  it('--ui-lang writes the review report in the interface language the app would use; a wrong one is bad usage', async () => {
    const out = await mkdtemp(join(tmpdir(), 'cli-export-ui-'));
    const run = (file: string, ...args: string[]) =>
      runCli(
        ['export', projectFile, '--lang', 'vi', '--format', 'report-html', '-o', join(out, file), ...args],
        {},
      );
    expect(await run('en.html')).toBe(0);
    expect(await run('ko.html', '--ui-lang', 'ko')).toBe(0);
    expect(await run('vi.html', '--ui-lang', 'vi')).toBe(0);
    const heading = (lng: 'en' | 'ko' | 'vi') =>
      (
        JSON.parse(readFileSync(join(import.meta.dirname, '..', 'locales', lng, 'export.json'), 'utf8')) as {
          doc: { report: Record<string, string> };
        }
      ).doc.report;
    for (const lng of ['en', 'ko', 'vi'] as const) {
      const html = await readFile(join(out, `${lng}.html`), 'utf8');
      const words = Object.values(heading(lng)).filter((w) => !w.includes('{{'));
      expect(words.length).toBeGreaterThan(0);
      expect(words.some((w) => html.includes(w))).toBe(true);
    }
    expect(await run('x.html', '--ui-lang', 'fr')).toBe(2);
  });

  it('the OmegaT package carries the same glossary as the app’s: desk and project terms, read by OmegaT', async () => {
    const out = join(dataDir, 'cli-out');
    await mkdir(out);
    expect(
      await runCli(
        ['export', projectFile, '--lang', 'vi', '--format', 'omegat', '--data', dataDir, '-o', out],
        {},
      ),
    ).toBe(0);
    expect(stderr.at(-1)).toContain('glossary: 2 termbase term(s)');
    const [name] = await readdir(out);
    const cliPackage = await readFile(join(out, name!));
    expect(await glossaryOf(cliPackage)).toBe(await glossaryOf(appPackage));

    const root = await unzipTo(cliPackage, await mkdtemp(join(tmpdir(), 'cli-omegat-')));
    const entries = await omegatGlossary(root, join(root, 'glossary', 'glossary.txt'));
    const pairs = entries.map(([ko, vi]) => `${ko}→${vi}`);
    // Desk and this project's terms; another project's term stays out.
    expect(pairs).toEqual(
      expect.arrayContaining(['서울시→TP Seoul', '서울시→Thành phố Seoul', '뉴시스→Newsis']),
    );
    expect(pairs.some((p) => p.startsWith('부산시'))).toBe(false);
  }, 150_000);
});
