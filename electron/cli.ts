/**
 * Headless command line over the same services as the app, for newsroom automation and tests.
 *
 *   npm run cli -- translate <article> -o <project.json> [--langs vi,en] [--en-variant en-GB] [--memory-only]
 *                  [--max-characters N] [--yes] [--force]
 *   npm run cli -- export <project.json> --lang vi|en|all --format <format> [--include-unapproved]
 *                  [--segmentation sentence] [--name <name>] [--data <dir>] -o <file | folder> [--force]
 *   npm run cli -- import-xliff <project.json> <file.xlf> [--dry-run] [--take-theirs]
 *   npm run cli -- qa <project.json | project id> [--json] [--data <dir>]
 *   npm run cli -- tm import <file.tmx> | tm export -o <file.tmx> [--force]   (the app's translation memory)
 *   npm run cli -- desk add-user <name> --role reviewer|editor|admin [--password-stdin] [--database postgres://…]
 *
 * Files named on the command line get the app's checks (regular files only, size before reading). No command
 * replaces an existing output file without `--force`; the project file named by `export` (XLIFF) and
 * `import-xliff` is the CLI's project store and is updated in place. Exit code 0 on success; otherwise 1 (or 2
 * for bad usage) with a one-line reason on stderr. `qa` exits 1 when an error finding is open (not marked "not an
 * error").
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { USAGE, UsageError, flag, parseCommandLine, type Parsed } from './cli-args';
import { exportCmd } from './cli-export';
import { importXliffCmd, readProject } from './cli-interchange';
import { TARGET_LANGS, type Project, type TargetLang, type TranslateSummary } from './contract';
import { TmUsageError, runTmCommand } from './cli-tm';
import { DeskUsageError, deskCommand } from './desk/cli-desk';
import { ALL_MIGRATIONS } from './core/migrations';
import { createCore } from './handlers';
import { encodeProjectFile } from './services/project/projectfile';
import { toApiError } from './services/api-errors';
import { AppError } from './services/errors';
import { formatMatch } from '../common/i18n/percent';
import { createNodeI18n, describeError, type I18n } from './services/i18n';
import { writeFileAtomic } from './services/files';
import { readArticleBytes } from './services/import';
import { defaultDataDir, findAppRoot } from './services/paths';
import { checkProject, openErrors } from './services/qa';
import { qaRunContext } from './services/qa/cli-context';
import { SettingsStore } from './services/settings';

/** Mark the cells a stopped run left untranslated, so the written file says which rows still need work. */
function markUntranslated(project: Project, langs: TargetLang[], code: string): Project {
  const segments = project.segments.map((s) => {
    if (!s.translate) return s;
    const targets = { ...s.targets };
    for (const l of langs)
      if (targets[l].status === 'empty') targets[l] = { ...targets[l], status: 'error', error: code };
    return { ...s, targets };
  });
  return { ...project, segments };
}

/** One line per language: memory fills, machine translations, and (memory only) the cells left empty. */
function translateReport(summary: TranslateSummary, lng: string): string {
  const match = (score: number) => formatMatch(lng, score);
  return summary.perLang
    .map((l) => {
      const m = summary.memory?.find((x) => x.lang === l.lang);
      const left = summary.unfilled?.find((x) => x.lang === l.lang);
      const memory = m
        ? `${m.context + m.exact} from memory (${m.context} at ${match(101)}, ${m.exact} at ${match(100)}), `
        : '';
      const machine = left
        ? `${left.cells} left empty (no memory match)`
        : `${l.translated} machine-translated (${l.fromCache} from cache, ${l.requests} requests)`;
      return `${l.lang}: ${memory}${machine}`;
    })
    .join('; ');
}

async function translate(p: Parsed, env: NodeJS.ProcessEnv, i18n: I18n): Promise<string> {
  const article = p.positional[1];
  const out = flag(p, 'out');
  if (!article || !out) throw new UsageError('translate needs <article> and -o <project.json>');
  const langs = (flag(p, 'langs') ?? 'vi,en').split(',') as TargetLang[];
  if (!langs.every((l) => (TARGET_LANGS as readonly string[]).includes(l)))
    throw new UsageError('--langs takes vi,en');
  const variant = flag(p, 'en-variant') ?? 'en-US';
  if (variant !== 'en-US' && variant !== 'en-GB') throw new UsageError('--en-variant takes en-US or en-GB');
  const max = flag(p, 'max-characters');
  if (max !== undefined && !/^\d+$/.test(max)) throw new UsageError('--max-characters takes a whole number');
  const memoryOnly = p.flags.has('memory-only');

  // Projects live in a throw-away store; the MT cache and the translation memory are the app's (its data folder),
  // so the CLI fills from what the desk approved and never pays twice either.
  const work = await mkdtemp(join(tmpdir(), 'review-cli-'));
  const core = await createCore({
    dataDir: work,
    cacheDir: join(defaultDataDir(env), 'mt-cache'),
    cacheDataDir: defaultDataDir(env),
    now: () => new Date(),
    appVersion: '0.1.0',
    mode: 'browser',
    systemLocale: 'en',
    samplePath: '',
    settings: new SettingsStore(work, env, null),
    emit: () => undefined,
  });
  try {
    const bytes = await readArticleBytes(article);
    const { project, warnings } = await core.handlers.importArticle({
      fileName: basename(article),
      dataBase64: bytes.toString('base64'),
      ...(p.flags.has('yes') ? { acceptNonKorean: true } : {}),
    });
    // What the app shows as a warning after opening a file (bytes that did not decode, a guessed encoding…).
    for (const code of warnings) console.error(`warning: ${describeError(i18n, { code })}`);
    await core.handlers.setEnglishVariant({ projectId: project.id, variant });
    const summary = await core.handlers.translate({
      projectId: project.id,
      langs,
      ...(memoryOnly ? { memoryOnly } : {}),
      ...(max !== undefined ? { maxCharacters: Number(max) } : {}),
    });
    await core.store.flush();
    let final = await core.store.get(project.id);
    // Written even when the run stopped (e.g. 456, quota used up): what was translated is kept, the rest marked.
    if (summary.error && summary.error.code !== 'mt.overBudget')
      final = markUntranslated(final, langs, summary.error.code);
    await writeFileAtomic(
      resolve(out),
      new TextEncoder().encode(encodeProjectFile(final, new Date().toISOString())),
      { overwrite: p.flags.has('force') },
    );
    if (summary.error) throw new AppError(summary.error.code, summary.error.params);
    const failed = summary.perLang.reduce((n, l) => n + l.failed, 0);
    if (failed > 0) throw new AppError('cli.someFailed', { count: failed });
    return translateReport(summary, i18n.language);
  } finally {
    await core.close();
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Check a project: each finding (row, language, check, message), as lines or `--json`. Terms, switched-off checks
 * and "not an error" marks come from the app's database (`--data`, default: the app's data folder) when there is one.
 */
async function qa(p: Parsed, i18n: I18n, env: NodeJS.ProcessEnv): Promise<{ message: string; exit: number }> {
  const target = p.positional[1];
  if (!target) throw new UsageError('qa needs <project.json> or a project id');
  const dataDir = flag(p, 'data') ?? defaultDataDir(env);
  const { project, context } = await qaRunContext(target, dataDir, readProject, ALL_MIGRATIONS);
  const issues = checkProject(project, context);
  const rows = new Map(project.segments.map((s, i) => [s.id, i + 1]));
  const listed = await Promise.all(
    issues.map(async (i) => ({
      row: rows.get(i.segmentId) ?? 0,
      segmentId: i.segmentId,
      lang: i.lang,
      check: i.check,
      severity: i.severity,
      message: describeError(i18n, i),
      code: i.code,
      params: i.params ?? {},
      id: i.id,
      ...(i.dismissal ? { dismissed: i.dismissal } : {}),
    })),
  );
  if (p.flags.has('json')) console.log(JSON.stringify(listed, null, 2));
  else
    for (const f of listed)
      console.log(
        `row ${f.row} [${f.lang}] ${f.check} ${f.dismissed ? 'dismissed' : f.severity}: ${f.message}`,
      );
  const open = openErrors(issues).length;
  return { message: `${issues.length} finding(s), ${open} open error(s)`, exit: open > 0 ? 1 : 0 };
}

async function importXliff(p: Parsed): Promise<string> {
  const [, projectPath, file] = p.positional;
  if (!projectPath || !file) throw new UsageError('import-xliff needs <project.json> and <file.xlf>');
  return importXliffCmd(projectPath, file, {
    dryRun: p.flags.has('dry-run'),
    takeTheirs: p.flags.has('take-theirs'),
    now: new Date(),
  });
}

/** Run the CLI; returns the exit code. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  // English, from the same locale files the UI uses.
  const i18n = createNodeI18n(findAppRoot(fileURLToPath(new URL('.', import.meta.url))), 'en');
  try {
    const line = parseCommandLine(argv);
    if ('help' in line) {
      console.log(line.help);
      return 0;
    }
    const parsed = line.parsed;
    const command = parsed.positional[0];
    let message: string;
    let exit = 0;
    if (command === 'translate') message = await translate(parsed, env, i18n);
    else if (command === 'export') message = await exportCmd(parsed, env);
    else if (command === 'qa') ({ message, exit } = await qa(parsed, i18n, env));
    else if (command === 'tm')
      message = await runTmCommand(
        {
          action: parsed.positional[1],
          file: parsed.positional[2],
          out: flag(parsed, 'out'),
          force: parsed.flags.has('force'),
        },
        env,
        '0.1.0',
      );
    else if (command === 'import-xliff') message = await importXliff(parsed);
    else if (command === 'desk')
      message = await deskCommand(
        parsed.positional,
        (n) => flag(parsed, n),
        (n) => parsed.flags.has(n),
        env,
      );
    else throw new UsageError(command ? `unknown command '${command}'` : 'no command');
    console.error(message);
    return exit;
  } catch (e) {
    if (e instanceof UsageError || e instanceof TmUsageError || e instanceof DeskUsageError) {
      console.error(`error: ${e.message}\n${USAGE}`);
      return 2;
    }
    console.error(`error: ${describeError(i18n, toApiError(e))}`);
    return 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
