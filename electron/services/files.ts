/**
 * The one atomic file write of the app (exports, settings, the desk client's files, the window state, the DeepL
 * glossary map), below every domain. The write itself is `write-file-atomic`'s (a temporary file in the same
 * folder, fsync, rename; the old file's mode and owner kept; writes to one file from this process in order);
 * this adds what it does not do: never replacing an existing file unless asked, and making the new directory
 * entry durable too.
 */
import { randomUUID } from 'node:crypto';
import { link, open, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import writeFileAtomicLib from 'write-file-atomic';
import { AppError } from './errors';

/**
 * Write a file so that it is either fully there or not at all, and never replace an existing file unless
 * `overwrite` (an existing one is `export.fileExists`, and left as it was).
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  opts: { overwrite?: boolean } = {},
): Promise<void> {
  const bytes =
    typeof data === 'string'
      ? Buffer.from(data, 'utf8')
      : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (opts.overwrite) await writeFileAtomicLib(path, bytes);
  else await createAtomic(path, bytes);
  await syncFolder(dirname(path));
}

/** Create `path` with `data`, or fail with `export.fileExists` if it exists (even if it appears meanwhile). */
async function createAtomic(path: string, data: Buffer): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomUUID().slice(0, 8)}.tmp`);
  try {
    await writeFileAtomicLib(tmp, data);
    // link() fails if the name exists, so "create only if absent" is one atomic step, not check-then-rename.
    await link(tmp, path).catch((e: NodeJS.ErrnoException) => {
      throw e.code === 'EEXIST' ? new AppError('export.fileExists', { path: basename(path) }) : e;
    });
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

/** Make a folder's entries durable (not supported on Windows, where a rename is already durable). */
async function syncFolder(dir: string): Promise<void> {
  await open(dir, 'r').then(
    (d) => d.sync().finally(() => d.close()),
    () => undefined,
  );
}
