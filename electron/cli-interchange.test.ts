import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeProjectFile } from './services/project/projectfile';
import { runCli } from './cli';
import { approvedHere, smallProject } from '../test/support/interchange';

// `export` (XLIFF) records what it wrote in the project file; `import-xliff` compares three ways against it.
describe('cli import-xliff', () => {
  let dir: string;
  const out: string[] = [];
  const err: string[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cli-xliff-'));
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  });
  afterAll(() => vi.restoreAllMocks());

  const load = async (path: string) => decodeProjectFile(await readFile(path, 'utf8'));

  it('exports, then applies another tool’s approval, keeps a conflict as here, and --dry-run saves nothing', async () => {
    const projectFile = join(dir, 'p.json');
    await writeFile(projectFile, JSON.stringify(smallProject()));
    const xlf = join(dir, 'p.vi.xlf');
    const args = ['export', projectFile, '--lang', 'vi', '--format', 'xliff2', '--include-unapproved'];
    expect(await runCli([...args, '-o', xlf], {})).toBe(0);
    expect((await load(projectFile)).exportBaselines).toHaveLength(1);

    // The other tool approves p2 and rewords h1; meanwhile, here, h1 was approved as it was.
    const edited = (await readFile(xlf, 'utf8'))
      .replace(/(<unit id="p2"[\s\S]*?<segment[^>]*?state=")[^"]*/, '$1final')
      .replace(/(<unit id="h1"[\s\S]*?<target[^>]*>)[^<]*/, '$1Seoul bắt tay Việt Nam');
    await writeFile(xlf, edited);
    const here = await load(projectFile);
    here.segments[0]!.targets.vi = approvedHere(here.segments[0]!.targets.vi);
    await writeFile(projectFile, JSON.stringify(here));

    expect(await runCli(['import-xliff', projectFile, xlf, '--dry-run'], {})).toBe(0);
    expect(err.at(-1)).toBe(
      'dry run, nothing saved: vi: 0 updated, 1 status changed, 1 unchanged, 1 conflict(s) kept as here, 0 refused (compared with the recorded export)',
    );
    expect(out.at(-1)).toBe(
      'conflict row 1 [vi]: here (approved) "Seoul hợp tác với Việt Nam" | file (machine) "Seoul bắt tay Việt Nam" -> kept as here',
    );
    expect(await load(projectFile)).toEqual(here);

    expect(await runCli(['import-xliff', projectFile, xlf], {})).toBe(0);
    const after = await load(projectFile);
    expect(after.segments[2]!.targets.vi).toMatchObject({
      status: 'approved',
      approvedBy: 'imported from p.vi.xlf',
    });
    expect(after.segments[0]!.targets.vi).toEqual(here.segments[0]!.targets.vi);

    // Exporting again over the same file needs --force, like every output.
    expect(await runCli([...args, '-o', xlf], {})).toBe(1);
    expect(err.at(-1)).toMatch(/already exists/);
  });

  it('refuses a project file that is not one, and bad usage', async () => {
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{"x":1}');
    expect(await runCli(['import-xliff', bad, join(dir, 'p.vi.xlf')], {})).toBe(1);
    expect(err.at(-1)).toMatch(/^error: /);
    expect(await runCli(['import-xliff', bad], {})).toBe(2);
  });
});
