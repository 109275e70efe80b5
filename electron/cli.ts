/**
 * Headless command line over the same services as the app, for newsroom automation and tests.
 *
 *   npm run cli -- translate <article> -o <project.json> [--langs vi,en] [--en-variant en-GB]
 *   npm run cli -- export <project.json> --lang vi|en|all --format <format> [--include-unapproved] -o <file> [--force]
 *   npm run cli -- qa <project.json>
 *   npm run cli -- desk add-user <name> --role reviewer|editor|admin [--password-stdin] [--database postgres://…]
 *
 * Exit code 0 on success; otherwise 1 (or 2 for bad usage) with a one-line reason on stderr.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  EXPORT_FORMATS,
  TARGET_LANGS,
  type ApiError,
  type ExportFormat,
  type Project,
  type TargetLang,
} from './contract';
import { DESK_USAGE, DeskUsageError, deskCommand } from './desk/cli-desk';
import { createCore } from './handlers';
import { toApiError } from './services/api-errors';
import { AppError } from './services/errors';
import { MULTI_LANGUAGE, buildExport, writeFileAtomic } from './services/export';
import { defaultDataDir, findAppRoot } from './services/paths';
import { writeAtomic } from './services/project/store';
import { checkProject } from './services/qa';
import { SettingsStore } from './services/settings';

const USAGE = `usage:
  cli translate <article> -o <project.json> [--langs vi,en] [--en-variant en-US|en-GB]
  cli export <project.json> --lang vi|en|all --format ${EXPORT_FORMATS.join('|')} [--include-unapproved] -o <file> [--force]
  cli qa <project.json>
${DESK_USAGE}`;

/** Formats that hold one target language; `--lang all` writes one file per language for them. */
const PER_LANGUAGE: ReadonlySet<ExportFormat> = new Set(EXPORT_FORMATS.filter((f) => !MULTI_LANGUAGE.has(f)));

class UsageError extends Error {}

interface Parsed {
  positional: string[];
  flags: Map<string, string | true>;
}

function parseArgs(argv: string[]): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-o') flags.set('out', argv[++i] ?? '');
    else if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
      const next = argv[i + 1];
      if (inline !== undefined) flags.set(name, inline);
      else if (['include-unapproved', 'force', 'password-stdin'].includes(name)) flags.set(name, true);
      else if (next !== undefined && !next.startsWith('-')) flags.set(name, argv[++i]!);
      else throw new UsageError(`--${name} needs a value`);
    } else positional.push(a);
  }
  return { positional, flags };
}

function flag(p: Parsed, name: string): string | undefined {
  const v = p.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** English text of an error code, from the same locale files the UI uses. */
async function describe(error: ApiError, root: string): Promise<string> {
  const [ns, key] = error.code.includes(':') ? error.code.split(':', 2) : ['errors', error.code];
  try {
    const dict = JSON.parse(await readFile(join(root, 'locales', 'en', `${ns}.json`), 'utf8')) as Record<
      string,
      unknown
    >;
    const template = key!
      .split('.')
      .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], dict);
    if (typeof template === 'string')
      return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, v: string) => String(error.params?.[v] ?? ''));
  } catch {
    // fall back to the code itself
  }
  return error.code;
}

async function readProject(path: string): Promise<Project> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch {
    throw new AppError('project.notFound');
  }
  try {
    const p = JSON.parse(raw) as Project;
    if (p.schemaVersion !== 1 || !Array.isArray(p.segments)) throw new Error('shape');
    return p;
  } catch {
    throw new AppError('project.corrupt', { file: basename(path) });
  }
}

async function translate(p: Parsed, env: NodeJS.ProcessEnv): Promise<string> {
  const article = p.positional[1];
  const out = flag(p, 'out');
  if (!article || !out) throw new UsageError('translate needs <article> and -o <project.json>');
  const langs = (flag(p, 'langs') ?? 'vi,en').split(',') as TargetLang[];
  if (!langs.every((l) => (TARGET_LANGS as readonly string[]).includes(l)))
    throw new UsageError('--langs takes vi,en');
  const variant = flag(p, 'en-variant') ?? 'en-US';
  if (variant !== 'en-US' && variant !== 'en-GB') throw new UsageError('--en-variant takes en-US or en-GB');

  // Projects live in a throw-away store; the MT cache is the app's, so the CLI never pays twice either.
  const work = await mkdtemp(join(tmpdir(), 'review-cli-'));
  const core = await createCore({
    dataDir: work,
    cacheDir: join(defaultDataDir(env), 'mt-cache'),
    now: () => new Date(),
    appVersion: '0.1.0',
    mode: 'browser',
    systemLocale: 'en',
    samplePath: '',
    settings: new SettingsStore(work, env, null),
    emit: () => undefined,
  });
  try {
    let bytes: Buffer;
    try {
      bytes = await readFile(article);
    } catch (e) {
      throw new AppError(
        (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'import.notFound' : 'import.unreadable',
      );
    }
    const { project } = await core.handlers.importArticle({
      fileName: basename(article),
      dataBase64: bytes.toString('base64'),
    });
    await core.handlers.setEnglishVariant({ projectId: project.id, variant });
    const summary = await core.handlers.translate({ projectId: project.id, langs });
    if (summary.error) throw new AppError(summary.error.code, summary.error.params);
    await core.store.flush();
    const final = await core.store.get(project.id);
    await writeAtomic(out, JSON.stringify(final, null, 2));
    const failed = summary.perLang.reduce((n, l) => n + l.failed, 0);
    if (failed > 0) throw new AppError('cli.someFailed', { count: failed });
    return summary.perLang
      .map((l) => `${l.lang}: ${l.translated} translated (${l.fromCache} from cache, ${l.requests} requests)`)
      .join('; ');
  } finally {
    await core.close();
    await rm(work, { recursive: true, force: true });
  }
}

async function exportCmd(p: Parsed): Promise<string> {
  const projectPath = p.positional[1];
  const out = flag(p, 'out');
  const lang = flag(p, 'lang');
  const format = flag(p, 'format') as ExportFormat | undefined;
  if (!projectPath || !out) throw new UsageError('export needs <project.json> and -o <file>');
  if (lang !== 'vi' && lang !== 'en' && lang !== 'all') throw new UsageError('--lang takes vi, en or all');
  if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format takes ${EXPORT_FORMATS.join(', ')}`);
  const project = await readProject(projectPath);
  const policy = p.flags.has('include-unapproved') ? 'include-unapproved' : 'approved-only';
  const ctx = { now: new Date(), reviewer: process.env.REVIEWER_NAME ?? '', appVersion: '0.1.0' };
  const jobs: Array<{ lang: TargetLang | 'all'; file: string }> =
    lang === 'all' && PER_LANGUAGE.has(format)
      ? TARGET_LANGS.map((l) => ({ lang: l, file: withLang(out, l) }))
      : [{ lang, file: out }];
  const written: string[] = [];
  for (const job of jobs) {
    const file = await buildExport(project, { lang: job.lang, format, policy }, ctx);
    await writeFileAtomic(resolve(job.file), file.data, { overwrite: p.flags.has('force') });
    written.push(job.file);
  }
  return `wrote ${written.join(', ')}`;
}

function withLang(file: string, lang: TargetLang): string {
  const ext = extname(file);
  return `${file.slice(0, file.length - ext.length)}.${lang}${ext}`;
}

async function qa(p: Parsed, root: string): Promise<string> {
  const projectPath = p.positional[1];
  if (!projectPath) throw new UsageError('qa needs <project.json>');
  const project = await readProject(projectPath);
  const issues = checkProject(project);
  const rows = project.segments.map((s) => s.id);
  for (const i of issues)
    console.log(`row ${rows.indexOf(i.segmentId) + 1} [${i.lang}] ${i.severity}: ${await describe(i, root)}`);
  return `${issues.length} finding(s)`;
}

/** Run the CLI; returns the exit code. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const root = findAppRoot(fileURLToPath(new URL('.', import.meta.url)));
  try {
    const parsed = parseArgs(argv);
    const command = parsed.positional[0];
    let message: string;
    if (command === 'translate') message = await translate(parsed, env);
    else if (command === 'export') message = await exportCmd(parsed);
    else if (command === 'qa') message = await qa(parsed, root);
    else if (command === 'desk')
      message = await deskCommand(
        parsed.positional,
        (n) => flag(parsed, n),
        (n) => parsed.flags.has(n),
        env,
      );
    else throw new UsageError(command ? `unknown command '${command}'` : 'no command');
    console.error(message);
    return 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof DeskUsageError) {
      console.error(`error: ${e.message}\n${USAGE}`);
      return 2;
    }
    console.error(`error: ${await describe(toApiError(e), root)}`);
    return 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
