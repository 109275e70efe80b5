/**
 * `npm run desk:try`: a team desk to try on this computer, in one command. It keeps a PostgreSQL cluster of its
 * own in a folder (created on the first run with Debian's `initdb`, started with `pg_ctl` on a free loopback
 * port), starts the desk server on it, and on the first run creates three accounts (an admin-editor and two
 * reviewers), opens the sample article and assigns Vietnamese and English, so two people can start at once.
 * Ctrl+C stops the desk and its database; running it again continues where they left off.
 *
 *   npm run desk:try [-- --folder DIR] [--listen 127.0.0.1:8080]
 *
 * For a newsroom, run `npm run desk` against the newsroom's own PostgreSQL instead (README, "Team desk").
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { DeskRole, DeskUser, ProjectSummary, TargetLang } from '../contract';
import { runCommandLine } from '../services/command-line';
import { defaultDataDir, findAppRoot } from '../services/paths';
import { openPostgres } from '../services/db/postgres';
import { findPgBin, freePort, initCluster, pgRunner, type PgRun } from '../services/db/pg-tools';
import { DeskDirectory } from '../services/desk/directory';
import { DeskLink } from '../services/desk-client/link';
import { startDeskServer, type DeskServer } from './server';
import { ALL_MIGRATIONS } from '../core/migrations';

/** The try-out accounts: who, with what role, assigned which language of the sample. */
const PEOPLE: Array<{ name: string; role: DeskRole; lang?: TargetLang }> = [
  { name: 'minh', role: 'admin' },
  { name: 'lan', role: 'reviewer', lang: 'vi' },
  { name: 'james', role: 'reviewer', lang: 'en' },
];

/** A running try-out desk. */
export interface TryDesk {
  url: string;
  accounts: Array<{ name: string; role: DeskRole; password: string; lang?: TargetLang }>;
  close(): Promise<void>;
}

/** The local cluster in `folder/pg`: created when missing, started on a free port. */
async function startCluster(folder: string): Promise<{ url: string; pg: PgRun; stop(): Promise<void> }> {
  const pg = await pgRunner(findPgBin(), folder);
  const data = join(folder, 'pg');
  if (!existsSync(join(data, 'PG_VERSION'))) await initCluster(pg, data, { sync: true });
  const port = await freePort();
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1`;
  await pg('pg_ctl', ['-D', data, '-o', options, '-l', join(folder, 'pg.log'), '-w', 'start']);
  const stop = async () => void (await pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']));
  try {
    await pg('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'review']);
  } catch (e) {
    if (!/already exists/.test(String((e as { stderr?: string }).stderr ?? e))) {
      await stop();
      throw e;
    }
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/review`, pg, stop };
}

/** First run: the accounts, the sample article and its assignments. Later runs: the saved accounts. */
async function firstRun(
  folder: string,
  server: DeskServer,
  databaseUrl: string,
): Promise<TryDesk['accounts']> {
  const file = join(folder, 'accounts.json');
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as TryDesk['accounts'];
  const accounts = PEOPLE.map((p) => ({ ...p, password: randomBytes(9).toString('base64url') }));
  const db = await openPostgres(databaseUrl, ALL_MIGRATIONS, { poolSize: 1 });
  try {
    const directory = new DeskDirectory(db);
    for (const a of accounts)
      await directory.createUser({ name: a.name, role: a.role, password: a.password });
  } finally {
    await db.close();
  }
  // As the editor would: open the sample (it becomes the desk's article), then assign the languages.
  const editor = new DeskLink(new URL(server.url).origin);
  await editor.signIn(accounts[0]!.name, accounts[0]!.password);
  await editor.call('openLastProject', []);
  const [project] = (await editor.call('listProjects', [])) as ProjectSummary[];
  const users = (await editor.call('deskListUsers', [])) as DeskUser[];
  for (const a of accounts.filter((x) => x.lang)) {
    const userId = users.find((u) => u.name === a.name)!.id;
    await editor.call('deskAssign', [{ projectId: project!.id, lang: a.lang, userId, assigned: true }]);
  }
  await editor.signOut();
  // A try-out desk on this computer only: the passwords are kept beside its database (readable by this user).
  await writeFile(file, JSON.stringify(accounts, null, 2), { mode: 0o600 });
  return accounts;
}

/** Start the try-out desk in `folder`. */
export async function startTryDesk(opts: {
  folder: string;
  listen: string;
  root: string;
  env: NodeJS.ProcessEnv;
}): Promise<TryDesk> {
  mkdirSync(opts.folder, { recursive: true });
  const cluster = await startCluster(opts.folder);
  let server: DeskServer | null = null;
  try {
    server = await startDeskServer({
      databaseUrl: cluster.url,
      listen: opts.listen,
      dataDir: join(opts.folder, 'desk'),
      rendererDir: join(opts.root, 'dist', 'renderer'),
      appRoot: opts.root,
      env: opts.env,
    });
    const accounts = await firstRun(opts.folder, server, cluster.url);
    const running = server;
    return {
      url: running.url,
      accounts,
      async close() {
        await running.close();
        await cluster.stop();
      },
    };
  } catch (e) {
    await server?.close().catch(() => undefined);
    await cluster.stop().catch(() => undefined);
    throw e;
  }
}

const TRY_USAGE = 'npm run desk:try -- [--folder DIR] [--listen HOST:PORT]';

async function main(argv: string[]): Promise<void> {
  const { values: flags } = parseArgs({
    args: argv,
    options: { folder: { type: 'string' }, listen: { type: 'string' } },
    strict: true,
  });
  const root = findAppRoot(fileURLToPath(new URL('.', import.meta.url)));
  const desk = await startTryDesk({
    folder: resolve(flags.folder ?? join(defaultDataDir(process.env), 'desk-try')),
    listen: flags.listen ?? '127.0.0.1:8080',
    root,
    env: process.env,
  });
  console.log(`Bilingual Review team desk (try-out) at ${desk.url}`);
  console.log('Sign in from two browsers (or a private window) as:');
  for (const a of desk.accounts)
    console.log(
      `  ${a.name.padEnd(6)} ${a.password}  ${a.role}${a.lang ? `, reviews ${a.lang.toUpperCase()}` : ''}`,
    );
  console.log('Ctrl+C stops the desk and its database; run the command again to go on where you left off.');
  const stop = () => void desk.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runCommandLine('desk:try', TRY_USAGE, main);
}
