/**
 * The CLI's translation-memory commands, on the app's own data folder (`REVIEW_DATA_DIR` overrides it), alongside
 * a running app through the database's own locking:
 *
 *   npm run cli -- tm import <file.tmx>
 *   npm run cli -- tm export -o <file.tmx> [--force]
 */
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { DATABASE_FILE } from './handlers';
import { openSqlite } from './services/db';
import { EMBEDDED_DESK } from './services/db/desk-scope';
import { AppError } from './services/errors';
import { writeFileAtomic } from './services/files';
import { defaultDataDir } from './services/paths';
import { exportTmx, importTmx, memoryFor } from './services/tm';
import { ALL_MIGRATIONS } from './core/migrations';

/** What the `tm` command was given. */
export interface TmCommand {
  /** `import` or `export` (anything else is a usage error, reported by the caller). */
  action: string | undefined;
  file: string | undefined;
  out: string | undefined;
  force: boolean;
}

/** The CLI works on the embedded app's database: its memory is the embedded app's desk's. */
const DESK = EMBEDDED_DESK;

/** Run `tm import|export`; returns the one-line summary, or throws `Error` with `usage` for bad usage. */
export async function runTmCommand(
  cmd: TmCommand,
  env: NodeJS.ProcessEnv,
  appVersion: string,
): Promise<string> {
  if (cmd.action === 'import' && !cmd.file) throw new TmUsageError('tm import needs <file.tmx>');
  if (cmd.action === 'export' && !cmd.out) throw new TmUsageError('tm export needs -o <file.tmx>');
  if (cmd.action !== 'import' && cmd.action !== 'export') throw new TmUsageError('tm takes import or export');
  const database = await openSqlite(join(defaultDataDir(env), DATABASE_FILE), ALL_MIGRATIONS);
  try {
    const memory = memoryFor(database);
    if (cmd.action === 'import') {
      let bytes: Buffer;
      try {
        bytes = await readFile(cmd.file!);
      } catch (e) {
        throw new AppError(
          (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'import.notFound' : 'import.unreadable',
        );
      }
      const { imported, skipped } = await importTmx(memory, DESK, bytes, new Date());
      return `${basename(cmd.file!)}: ${imported} unit(s) added to the memory, ${skipped} skipped (no Korean or no Vietnamese/English text, or already there); ${await memory.repo.count(DESK)} in all`;
    }
    const xml = await exportTmx(memory, DESK, { now: new Date(), appVersion });
    await writeFileAtomic(resolve(cmd.out!), new TextEncoder().encode(xml), { overwrite: cmd.force });
    return `wrote ${cmd.out} (${await memory.repo.count(DESK)} unit(s))`;
  } finally {
    await database.close();
  }
}

/** Bad usage of the `tm` command (exit code 2 with the usage text). */
export class TmUsageError extends Error {}
