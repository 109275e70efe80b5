import { randomBytes } from 'node:crypto';
import type { DeskRole } from '../contract';
import { openPostgres } from '../services/db/postgres';
import { DESK_ROLES, DeskDirectory } from '../services/desk/directory';
import { ALL_MIGRATIONS } from '../core/migrations';

/** Usage lines of the desk commands, for the CLI's help. */
export const DESK_USAGE = `  cli desk add-user <name> --role reviewer|editor|admin [--desk NAME] [--password-stdin] [--database postgres://…]
      (the database also from DESK_DATABASE_URL; without --password-stdin a password is generated and printed)`;

/** A problem with how the command was called (exit code 2). */
export class DeskUsageError extends Error {}

/** Read all of stdin (a password piped in), without the trailing newline. */
async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stdin) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** `desk add-user`: create an account on a desk database; returns the line to print. */
export async function deskCommand(
  positional: string[],
  flag: (name: string) => string | undefined,
  has: (name: string) => boolean,
  env: NodeJS.ProcessEnv,
  stdin: NodeJS.ReadableStream = process.stdin,
): Promise<string> {
  const [sub, name] = positional.slice(1);
  if (sub !== 'add-user') throw new DeskUsageError(`unknown desk command '${sub ?? ''}'`);
  if (!name) throw new DeskUsageError('desk add-user needs <name>');
  const role = flag('role') as DeskRole | undefined;
  if (!role || !DESK_ROLES.includes(role)) throw new DeskUsageError('--role takes reviewer, editor or admin');
  const url = flag('database') ?? env.DESK_DATABASE_URL;
  if (!url) throw new DeskUsageError('say which database: --database postgres://… (or DESK_DATABASE_URL)');
  const generated = !has('password-stdin');
  const password = generated ? randomBytes(12).toString('base64url') : await readStdin(stdin);
  const database = await openPostgres(url, ALL_MIGRATIONS, { poolSize: 1 });
  try {
    const user = await new DeskDirectory(database).createUser({ name, role, password, desk: flag('desk') });
    return generated
      ? `created ${user.role} '${user.name}' on desk '${user.desk}'; password (shown once): ${password}`
      : `created ${user.role} '${user.name}' on desk '${user.desk}'`;
  } finally {
    await database.close();
  }
}
