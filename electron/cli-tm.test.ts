import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from './cli';
import { DATABASE_FILE } from './handlers';
import { openSqlite } from './services/db';
import { memoryFor } from './services/tm';
import { EMBEDDED_DESK } from './services/db/desk-scope';
import { ALL_MIGRATIONS } from './core/migrations';

/** The desk whose memory these cases use (the embedded app's). */
const D = EMBEDDED_DESK;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-tm-'));
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

async function withMemory<T>(
  dataDir: string,
  f: (m: ReturnType<typeof memoryFor>) => Promise<T>,
): Promise<T> {
  const database = await openSqlite(join(dataDir, DATABASE_FILE), ALL_MIGRATIONS);
  try {
    return await f(memoryFor(database));
  } finally {
    await database.close();
  }
}

describe('cli tm', () => {
  it("exports the app's memory, refuses to replace the file without --force, imports it elsewhere", async () => {
    const app = { REVIEW_DATA_DIR: join(dir, 'app') };
    const other = { REVIEW_DATA_DIR: join(dir, 'other') };
    await withMemory(app.REVIEW_DATA_DIR, (m) =>
      m.remember(D, [
        {
          source: '<저작권자ⓒ 공감언론 뉴시스통신사. 무단전재-재배포 금지.>',
          target: '<Bản quyền © Newsis>',
          lang: 'vi',
          at: '2026-11-20T00:00:00.000Z',
        },
        {
          source: '[서울=뉴시스]홍길동 기자 = ',
          target: '[Seoul=Newsis] Reporter Hong Gil-dong =',
          lang: 'en',
          at: '2026-11-20T00:00:00.000Z',
        },
      ]),
    );
    const file = join(dir, 'memory.tmx');
    expect(await runCli(['tm', 'export', '-o', file], app)).toBe(0);
    expect(await readFile(file, 'utf8')).toContain('<seg>&lt;Bản quyền © Newsis&gt;</seg>');
    await writeFile(file, 'keep me');
    expect(await runCli(['tm', 'export', '-o', file], app)).toBe(1);
    expect(await readFile(file, 'utf8')).toBe('keep me');
    expect(await runCli(['tm', 'export', '-o', file, '--force'], app)).toBe(0);

    expect(await runCli(['tm', 'import', file], other)).toBe(0);
    const matches = await withMemory(other.REVIEW_DATA_DIR, (m) =>
      m.lookup(D, { source: '[서울=뉴시스]홍길동 기자 =', lang: 'en' }),
    );
    expect(matches.map((x) => [x.score, x.target])).toEqual([
      [100, '[Seoul=Newsis] Reporter Hong Gil-dong ='],
    ]);
  });

  it('says what is wrong: a bad file, a missing file, bad usage', async () => {
    const env = { REVIEW_DATA_DIR: join(dir, 'app') };
    await writeFile(join(dir, 'bad.tmx'), '<tmx><body><tu></body></tmx>');
    expect(await runCli(['tm', 'import', join(dir, 'bad.tmx')], env)).toBe(1);
    expect(vi.mocked(console.error).mock.calls.at(-1)![0]).toMatch(/not well-formed.*line 1\b/);
    expect(await runCli(['tm', 'import', join(dir, 'missing.tmx')], env)).toBe(1);
    expect(await runCli(['tm', 'export'], env)).toBe(2);
    expect(await runCli(['tm', 'merge'], env)).toBe(2);
  });
});
