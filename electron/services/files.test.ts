import { chmod, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from './errors';
import { writeFileAtomic } from './files';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const bytes = (s: string) => new TextEncoder().encode(s);

describe('writeFileAtomic', () => {
  it('writes, refuses to replace without overwrite, replaces with it, and leaves no temporary file', async () => {
    const file = join(dir, 'out.md');
    await writeFileAtomic(file, bytes('one'));
    await expect(writeFileAtomic(file, bytes('two'))).rejects.toSatisfy(
      (e) => isAppError(e, 'export.fileExists') && e.params?.path === 'out.md',
    );
    expect(await readFile(file, 'utf8')).toBe('one');
    await writeFileAtomic(file, 'zwei – hai', { overwrite: true });
    expect(await readFile(file, 'utf8')).toBe('zwei – hai');
    expect(await readdir(dir)).toEqual(['out.md']);
  });

  it('writes exactly the bytes of a view into a larger buffer', async () => {
    const whole = bytes('..payload..');
    await writeFileAtomic(join(dir, 'a.bin'), whole.subarray(2, 9));
    expect(await readFile(join(dir, 'a.bin'), 'utf8')).toBe('payload');
  });

  it('lets exactly one of several writers create a file, whole, and the rest are told it exists', async () => {
    const file = join(dir, 'race.txt');
    const texts = Array.from({ length: 8 }, (_, i) => `writer ${i} `.repeat(20_000));
    const results = await Promise.allSettled(texts.map((t) => writeFileAtomic(file, t)));
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const r of results)
      if (r.status === 'rejected') expect(isAppError(r.reason, 'export.fileExists')).toBe(true);
    expect(texts).toContain(await readFile(file, 'utf8'));
    expect(await readdir(dir)).toEqual(['race.txt']);
  });

  it('never shows a torn file to concurrent overwriters: the last write wins, whole', async () => {
    const file = join(dir, 'settings.json');
    const texts = Array.from({ length: 8 }, (_, i) => JSON.stringify({ n: i, pad: 'x'.repeat(100_000) }));
    await Promise.all(texts.map((t) => writeFileAtomic(file, t, { overwrite: true })));
    expect(await readFile(file, 'utf8')).toBe(texts.at(-1));
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('leaves what was there and no temporary file when the write fails', async () => {
    // The name is taken by a folder with a file in it: the final rename cannot replace it (root or not).
    await mkdir(join(dir, 'taken'));
    await writeFile(join(dir, 'taken', 'inside.txt'), 'old');
    await expect(writeFileAtomic(join(dir, 'taken'), 'new', { overwrite: true })).rejects.toMatchObject({
      code: expect.stringMatching(/^(EISDIR|ENOTEMPTY|EEXIST)$/),
    });
    await expect(writeFileAtomic(join(dir, 'missing', 'new.txt'), 'new')).rejects.toMatchObject({
      code: 'ENOENT',
    });
    expect(await readdir(dir)).toEqual(['taken']);
    expect(await readFile(join(dir, 'taken', 'inside.txt'), 'utf8')).toBe('old');
  });

  it("keeps an existing file's mode when replacing it", async () => {
    const file = join(dir, 'secret.json');
    await writeFile(file, '{}', { mode: 0o600 });
    await chmod(file, 0o600);
    await writeFileAtomic(file, '{"a":1}', { overwrite: true });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });
});
