import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDeeplServer, type DeeplFake } from '../e2e/support/deepl-server';
import { runCli } from './cli';
import type { Project } from './contract';
import { decodeProjectFile } from './services/project/projectfile';

const SAMPLE = join(import.meta.dirname, '..', 'samples', 'newsis-seoul-vietnam-smart-mobility.ko.txt');

// The command line end to end: real article, real services, the DeepL-compatible test server.
describe('cli', () => {
  let fake: DeeplFake;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const stderr: string[] = [];

  beforeAll(async () => {
    fake = await startDeeplServer();
    dir = await mkdtemp(join(tmpdir(), 'cli-'));
    env = { DEEPL_AUTH_KEY: 'test-key', DEEPL_SERVER_URL: fake.url, REVIEW_DATA_DIR: join(dir, 'data') };
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void stderr.push(args.join(' ')));
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await fake.close();
  });

  it('translates the sample into a project, then exports only approved paragraphs', async () => {
    const projectFile = join(dir, 'sample.project.json');
    expect(await runCli(['translate', SAMPLE, '-o', projectFile], env)).toBe(0);
    const project: Project = decodeProjectFile(await readFile(projectFile, 'utf8'));
    const headline = project.segments[0]!;
    expect(headline.targets.en.status).toBe('machine');
    expect(headline.targets.en.text).toContain('Oh Se-hoon');
    expect(fake.requests.filter((r) => r.path === '/v2/translate')).toHaveLength(2);

    // Approve the headline in Vietnamese only, as a reviewer would in the app.
    headline.targets.vi = { ...headline.targets.vi, status: 'approved' };
    await writeFile(projectFile, JSON.stringify(project));
    const out = join(dir, 'sample.vi.md');
    expect(await runCli(['export', projectFile, '--lang', 'vi', '--format', 'md', '-o', out], env)).toBe(0);
    const md = await readFile(out, 'utf8');
    expect(md).toContain(`# ${headline.targets.vi.text}`);
    expect(md).not.toContain(project.segments[1]!.targets.vi.text);

    // An existing file is never replaced without --force.
    expect(await runCli(['export', projectFile, '--lang', 'vi', '--format', 'md', '-o', out], env)).toBe(1);
    expect(stderr.at(-1)).toMatch(/^error: .*already exists/);
  });

  it('never replaces an existing project file without --force; --yes opens text without Hangul', async () => {
    const out = join(dir, 'exists.json');
    await writeFile(out, 'keep me');
    expect(await runCli(['translate', SAMPLE, '-o', out], env)).toBe(1);
    expect(stderr.at(-1)).toMatch(/^error: .*already exists/);
    expect(await readFile(out, 'utf8')).toBe('keep me');
    expect(await runCli(['translate', SAMPLE, '-o', out, '--force'], env)).toBe(0);
    expect(decodeProjectFile(await readFile(out, 'utf8')).segments.length).toBeGreaterThan(5);

    const english = join(dir, 'english.txt');
    await writeFile(english, 'Seoul signs a smart mobility deal with Vietnam.\n');
    expect(await runCli(['translate', english, '-o', join(dir, 'en1.json')], env)).toBe(1);
    expect(stderr.at(-1)).toMatch(/no Korean/);
    expect(await runCli(['translate', english, '-o', join(dir, 'en2.json'), '--yes'], env)).toBe(0);
  });

  it('says what the app would warn about after opening a file: a guessed encoding, bytes that did not decode', async () => {
    // The CP949 article written for the tests, and the same text as UTF-16 cut one byte short.
    const cp949 = join(
      import.meta.dirname,
      '..',
      'test',
      'fixtures',
      'articles',
      'namwon-festival.cp949.txt',
    );
    const from = stderr.length;
    expect(await runCli(['translate', cp949, '-o', join(dir, 'cp949.json')], env)).toBe(0);
    expect(stderr.slice(from)).toContain(
      'warning: The file is not UTF-8; it was read as Korean EUC-KR (CP949). Check that the text looks right.',
    );
    const text = new TextDecoder('euc-kr').decode(await readFile(cp949));
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    await writeFile(join(dir, 'cut.txt'), utf16.subarray(0, utf16.length - 1));
    const at = stderr.length;
    expect(await runCli(['translate', join(dir, 'cut.txt'), '-o', join(dir, 'cut.json')], env)).toBe(0);
    expect(stderr.slice(at).filter((l) => l.startsWith('warning: '))).toEqual([
      'warning: Some characters could not be decoded and show as �. Check the text, or open the file again with another encoding.',
    ]);
  });

  it('reuses the MT cache: a second translation of the same article sends no request', async () => {
    const before = fake.requests.length;
    expect(await runCli(['translate', SAMPLE, '-o', join(dir, 'again.json')], env)).toBe(0);
    expect(fake.requests.slice(before).filter((r) => r.path === '/v2/translate')).toHaveLength(0);
  });

  it('fails with a one-line reason and a non-zero code', async () => {
    expect(await runCli(['translate', join(dir, 'missing.txt'), '-o', join(dir, 'x.json')], env)).toBe(1);
    expect(stderr.at(-1)).toBe('error: The file could not be found. It may have been moved or deleted.');
    expect(
      await runCli(['export', join(dir, 'x.json'), '--lang', 'fr', '--format', 'md', '-o', 'y'], env),
    ).toBe(2);
    const bad = { ...env, DEEPL_AUTH_KEY: 'invalid-key', REVIEW_DATA_DIR: join(dir, 'other') };
    expect(await runCli(['translate', SAMPLE, '-o', join(dir, 'z.json')], bad)).toBe(1);
    expect(stderr.at(-1)).toMatch(/^error: .*key/i);
    expect(stderr.at(-1)).not.toContain('invalid-key');
  });

  it('writes the project file even when the quota runs out (456), untranslated rows marked', async () => {
    fake.setFault({ status: 456 });
    const out = join(dir, 'quota.json');
    const quota = { ...env, REVIEW_DATA_DIR: join(dir, 'quota-data') };
    try {
      expect(await runCli(['translate', SAMPLE, '-o', out], quota)).toBe(1);
    } finally {
      fake.setFault(null);
    }
    const project = decodeProjectFile(await readFile(out, 'utf8'));
    const cells = project.segments.filter((s) => s.translate).map((s) => s.targets.vi);
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.every((c) => c.status === 'error' && c.error)).toBe(true);
  });

  it('--memory-only fills from the imported memory and sends nothing; --max-characters refuses a larger run', async () => {
    const data = { ...env, REVIEW_DATA_DIR: join(dir, 'memory-data') };
    const rows = (await readFile(SAMPLE, 'utf8')).split(/\r?\n/).filter((l) => l.trim());
    const tmx = join(dir, 'agency.tmx');
    await writeFile(
      tmx,
      `<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="ko-KR" segtype="paragraph" datatype="plaintext" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>
      <tu changeid="Desk"><tuv xml:lang="ko-KR"><seg>${rows[0]}</seg></tuv><tuv xml:lang="vi-VN"><seg>Tiêu đề từ bộ nhớ</seg></tuv></tu>
      </body></tmx>`,
    );
    expect(await runCli(['tm', 'import', tmx], data)).toBe(0);
    const before = fake.requests.length;
    const out = join(dir, 'memory-only.json');
    expect(await runCli(['translate', SAMPLE, '-o', out, '--memory-only'], data)).toBe(0);
    expect(fake.requests.length).toBe(before);
    const project = decodeProjectFile(await readFile(out, 'utf8'));
    const vi = project.segments.filter((s) => s.targets.vi.status !== 'empty').map((s) => s.targets.vi);
    expect(vi).toMatchObject([
      { text: 'Tiêu đề từ bộ nhớ', status: 'edited', tm: { score: 100, reviewer: 'Desk' } },
    ]);
    const reviewable = project.segments.filter((s) => s.translate && s.kind !== 'caption').length;
    expect(stderr.at(-1)).toBe(
      `vi: 1 from memory (0 at 101%, 1 at 100%), ${reviewable - 1} left empty (no memory match); ` +
        `en: 0 from memory (0 at 101%, 0 at 100%), ${reviewable} left empty (no memory match)`,
    );

    const budget = { ...data, REVIEW_DATA_DIR: join(dir, 'budget-data') };
    expect(
      await runCli(['translate', SAMPLE, '-o', join(dir, 'budget.json'), '--max-characters', '100'], budget),
    ).toBe(1);
    expect(stderr.at(-1)).toMatch(/^error: This run would send \d+ characters .* more than the 100 allowed/);
    expect(fake.requests.length).toBe(before);
    expect(
      await runCli(['translate', SAMPLE, '-o', join(dir, 'x.json'), '--max-characters', 'ten'], budget),
    ).toBe(2);
  });
});
