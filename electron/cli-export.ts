/**
 * `cli export`: a project file written as a publish or interchange file, named as the app's export dialog names
 * it when `-o` is a folder (`--name`, else the project's name, as a safe slug), and with the app's termbase in the
 * OmegaT package's glossary (the data folder's desk terms and this project's own, as the app's export has them).
 */
import { stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { UsageError, flag, type Parsed } from './cli-args';
import { readProject, recordBaselines } from './cli-interchange';
import {
  EXPORT_FORMATS,
  TARGET_LANGS,
  UI_LANGS,
  type ExportBaseline,
  type UiLang,
  type ExportFormat,
  type TargetLang,
} from './contract';
import { ALL_MIGRATIONS } from './core/migrations';
import { MULTI_LANGUAGE, buildExport } from './services/export';
import { writeFileAtomic } from './services/files';
import { defaultDataDir } from './services/paths';
import { termbaseOf } from './services/qa/cli-context';

/** Formats that hold one target language; `--lang all` writes one file per language for them. */
const PER_LANGUAGE: ReadonlySet<ExportFormat> = new Set(EXPORT_FORMATS.filter((f) => !MULTI_LANGUAGE.has(f)));

function withLang(file: string, lang: TargetLang): string {
  const ext = extname(file);
  return `${file.slice(0, file.length - ext.length)}.${lang}${ext}`;
}

/** `-o` names an existing folder: the files then get the app's names. */
async function isFolder(out: string): Promise<boolean> {
  return stat(out).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** The export's options, checked: bad usage is a `UsageError` (exit 2). */
function exportOptions(p: Parsed) {
  const projectPath = p.positional[1];
  const out = flag(p, 'out');
  const lang = flag(p, 'lang');
  const format = flag(p, 'format') as ExportFormat | undefined;
  if (!projectPath || !out) throw new UsageError('export needs <project.json> and -o <file or folder>');
  if (lang !== 'vi' && lang !== 'en' && lang !== 'all') throw new UsageError('--lang takes vi, en or all');
  if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format takes ${EXPORT_FORMATS.join(', ')}`);
  const segmentation = flag(p, 'segmentation') ?? 'paragraph';
  if (segmentation !== 'paragraph' && segmentation !== 'sentence')
    throw new UsageError('--segmentation takes paragraph or sentence');
  const name = flag(p, 'name');
  if (name !== undefined && !name.trim()) throw new UsageError('--name takes a name');
  const policy = p.flags.has('include-unapproved') ? 'include-unapproved' : 'approved-only';
  const uiLanguage = flag(p, 'ui-lang') ?? 'en';
  if (!(UI_LANGS as readonly string[]).includes(uiLanguage))
    throw new UsageError(`--ui-lang takes ${UI_LANGS.join(', ')}`);
  return {
    projectPath,
    out,
    lang,
    format,
    segmentation,
    name,
    policy,
    uiLanguage: uiLanguage as UiLang,
  } as const;
}

/** Run `export`; returns the summary line. */
export async function exportCmd(p: Parsed, env: NodeJS.ProcessEnv): Promise<string> {
  const o = exportOptions(p);
  const project = await readProject(o.projectPath);
  const terms =
    o.format === 'omegat'
      ? await termbaseOf(flag(p, 'data') ?? defaultDataDir(env), project.id, ALL_MIGRATIONS)
      : undefined;
  const ctx = {
    now: new Date(),
    reviewer: env.REVIEWER_NAME ?? '',
    appVersion: '0.1.0',
    ...(terms ? { terms } : {}),
  };
  const folder = await isFolder(o.out);
  const langs = o.lang === 'all' && PER_LANGUAGE.has(o.format) ? TARGET_LANGS : [o.lang];
  const written: string[] = [];
  const baselines: ExportBaseline[] = [];
  for (const lang of langs) {
    const req = {
      lang,
      format: o.format,
      policy: o.policy,
      segmentation: o.segmentation,
      uiLanguage: o.uiLanguage,
    };
    const file = await buildExport(project, o.name ? { ...req, name: o.name } : req, ctx);
    const path = folder
      ? join(o.out, file.fileName)
      : langs.length > 1 && lang !== 'all'
        ? withLang(o.out, lang)
        : o.out;
    await writeFileAtomic(resolve(path), file.data, { overwrite: p.flags.has('force') });
    written.push(path);
    if (file.baseline) baselines.push(file.baseline);
  }
  // Only after the files are on disk: the project then remembers what they hold, for import-xliff.
  await recordBaselines(o.projectPath, baselines);
  const glossary = terms ? ` (glossary: ${terms.length} termbase term(s))` : '';
  return `wrote ${written.join(', ')}${glossary}${baselines.length ? ` (export recorded in ${basename(o.projectPath)})` : ''}`;
}
