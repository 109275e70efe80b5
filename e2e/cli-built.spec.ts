import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodeProjectFile } from '../electron/services/project/projectfile';
import { expect, test } from './fixtures';

// The command line as a user runs it: the built file (`npm run build`: dist/electron/cli.mjs, its dependencies
// bundled in), not the TypeScript sources electron/cli.test.ts runs. A dependency left out of the bundle, or one
// that breaks when bundled, fails here and nowhere else.
const run = promisify(execFile);
const CLI = join('dist', 'electron', 'cli.mjs');
const SAMPLE = join('samples', 'newsis-seoul-vietnam-smart-mobility.ko.txt');

let dir: string;
test.beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-built-'));
});
test.afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('the built CLI translates, exports Word, imports a memory and fills from it alone', async ({
  deepl,
}) => {
  test.setTimeout(120_000);
  const env = { ...process.env, DEEPL_AUTH_KEY: 'test-key', DEEPL_SERVER_URL: deepl.url };
  const cli = (args: string[], data: string) =>
    run(process.execPath, [CLI, ...args], { env: { ...env, REVIEW_DATA_DIR: join(dir, data) } });

  // DeepL for a new article; the project file holds both languages.
  const first = join(dir, 'first.json');
  await cli(['translate', SAMPLE, '-o', first], 'a');
  const project = decodeProjectFile(await readFile(first, 'utf8'));
  expect(project.segments.filter((s) => s.targets.vi.status === 'machine').length).toBeGreaterThan(10);
  expect(deepl.requests.some((r) => r.path === '/v2/translate')).toBe(true);

  // Word (a zip) and TMX come out of the same file.
  const docx = join(dir, 'first.docx');
  await cli(['export', first, '--lang', 'vi', '--format', 'docx', '--include-unapproved', '-o', docx], 'a');
  expect((await readFile(docx)).subarray(0, 2).toString()).toBe('PK');

  // A memory imported from TMX fills the one row it holds, and DeepL is not asked.
  const headline = project.segments[0]!.source;
  const tmx = join(dir, 'desk.tmx');
  await writeFile(
    tmx,
    `<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="ko-KR" segtype="paragraph" datatype="plaintext" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body><tu><tuv xml:lang="ko-KR"><seg>${headline}</seg></tuv><tuv xml:lang="vi-VN"><seg>Tiêu đề từ bộ nhớ</seg></tuv></tu></body></tmx>`,
  );
  await cli(['tm', 'import', tmx], 'b');
  deepl.reset();
  const second = join(dir, 'second.json');
  const { stderr } = await cli(['translate', SAMPLE, '-o', second, '--memory-only'], 'b');
  expect(stderr).toMatch(/vi: 1 from memory \(0 at 101%, 1 at 100%\)/);
  expect(deepl.requests).toEqual([]);
  const filled = decodeProjectFile(await readFile(second, 'utf8')).segments[0]!.targets.vi;
  expect(filled).toMatchObject({ text: 'Tiêu đề từ bộ nhớ', tm: { score: 100 } });
});
