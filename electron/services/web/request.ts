// Reading an HTTP request, shared by the loopback host (electron/web.ts) and the desk server (electron/desk/).
import type { IncomingMessage } from 'node:http';
import { AppError } from '../errors';

/** Read one cookie from a request (the header grammar we need is `name=value; …`). */
export function readCookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** Thrown by {@link readBody} when a body exceeds its limit (the host answers 413). */
export class BodyTooLarge extends AppError {
  constructor(limitMb: number) {
    super('api.tooLarge', { limitMb });
  }
}

/**
 * Read a request body up to `limit` bytes. A declared Content-Length over the limit is refused before a byte is
 * read; a body that grows past it is cut off, so a huge upload never sits in memory.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const limitMb = Math.round(limit / (1024 * 1024));
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new BodyTooLarge(limitMb);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge(limitMb);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
