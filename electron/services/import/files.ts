import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { AppError } from '../errors';

/**
 * Read a file the user named, with the checks the app makes before anything is read: it must be a regular file
 * (a folder, FIFO, socket or device is refused without waiting on it: the file is opened non-blocking and checked
 * on the open handle, so nothing can be swapped in between) and its size is checked against `maxBytes` first.
 * Errors: `import.notFound`, `import.notRegularFile`, `import.unreadable`, or what `tooLarge` makes.
 */
export async function readRegularFile(
  path: string,
  maxBytes: number,
  tooLarge: (size: number) => AppError,
): Promise<Buffer> {
  let fh;
  try {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever (Windows has no FIFOs and no flag).
    fh = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new AppError(code === 'ENOENT' || code === 'ENOTDIR' ? 'import.notFound' : 'import.unreadable');
  }
  try {
    const info = await fh.stat();
    if (!info.isFile()) throw new AppError('import.notRegularFile');
    if (info.size > maxBytes) throw tooLarge(info.size);
    // Read at most one byte more than allowed: a file that grows while being read is still caught.
    const buf = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    let got = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, got, buf.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
      if (got === buf.length) break;
    }
    if (got > maxBytes) throw tooLarge(got);
    return buf.subarray(0, got);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('import.unreadable');
  } finally {
    await fh.close();
  }
}
