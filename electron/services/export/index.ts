import { randomUUID } from 'node:crypto';
import { open, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type {
  ApprovalPolicy,
  ExportFormat,
  ExportPreview,
  InterchangeImportSummary,
  Project,
  Segment,
  TargetLang,
} from '../../contract';
import { TARGET_LANGS } from '../../contract';
import { AppError } from '../errors';
import { isReviewable } from '../project/cells';

/** What every export records besides the project: when, by whom, with which app. */
export interface ExportContext {
  now: Date;
  reviewer: string;
  appVersion: string;
}

/** A built export, ready to be written or downloaded. */
export interface BuiltExport {
  fileName: string;
  mime: string;
  data: Uint8Array;
}

/** Approved / total and the rows not approved, per language, shown before any export. */
export function previewExport(project: Project, lang: TargetLang | 'all'): ExportPreview {
  const langs = lang === 'all' ? [...TARGET_LANGS] : [lang];
  return {
    perLang: langs.map((l) => {
      const gaps: ExportPreview['perLang'][number]['gaps'] = [];
      let approved = 0;
      let total = 0;
      project.segments.forEach((s, i) => {
        if (!isReviewable(s)) return;
        total++;
        if (s.targets[l].status === 'approved') approved++;
        else gaps.push({ index: i + 1, segmentId: s.id, status: s.targets[l].status });
      });
      return { lang: l, approved, total, gaps };
    }),
  };
}

/** Build one export file. */
export async function buildExport(
  project: Project,
  req: { lang: TargetLang | 'all'; format: ExportFormat; policy: ApprovalPolicy },
  _ctx: ExportContext,
): Promise<BuiltExport> {
  if (req.format !== 'md' && req.format !== 'txt')
    throw new AppError('export.formatUnavailable', { format: req.format });
  if (req.lang === 'all') throw new AppError('export.needsLanguage');
  const lang = req.lang;
  const lines = project.segments.map((s, i) =>
    renderRow(project, s, i, lang, req.format as 'md' | 'txt', req.policy),
  );
  const body = lines.filter((l) => l !== null).join('\n\n') + '\n';
  return {
    fileName: `${slug(project.name)}.${lang}.${req.format}`,
    mime: req.format === 'md' ? 'text/markdown; charset=utf-8' : 'text/plain; charset=utf-8',
    data: new TextEncoder().encode(body),
  };
}

function renderRow(
  project: Project,
  s: Segment,
  i: number,
  lang: TargetLang,
  format: 'md' | 'txt',
  policy: ApprovalPolicy,
): string | null {
  if (s.kind === 'caption' && s.linkedTo) {
    // The caption line repeats its picture's text; it is published once, with the picture.
    return format === 'txt' ? textOf(project, s, i, lang, policy, format) : null;
  }
  const text = s.translate ? textOf(project, s, i, lang, policy, format) : s.source;
  if (format === 'txt') return s.kind === 'picture' ? null : text;
  switch (s.kind) {
    case 'headline':
      return `# ${text}`;
    case 'subheadline':
    case 'heading':
      return `## ${text}`;
    case 'picture':
      return `![${text.replace(/[[\]]/g, '\\$&')}](${s.imageUrl ?? ''})`;
    default:
      return escapeMarkdown(text);
  }
}

function textOf(
  _project: Project,
  s: Segment,
  i: number,
  lang: TargetLang,
  policy: ApprovalPolicy,
  _format: 'md' | 'txt',
): string {
  const cell = s.targets[lang];
  if (cell.status === 'approved') return cell.text;
  // Never publish machine output silently: a gap is visible, a draft is marked.
  if (policy === 'include-unapproved' && cell.text) return `[DRAFT] ${cell.text}`;
  return `[NOT APPROVED — row ${i + 1}]`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/^([#>*+-]|\d+\.)(\s)/, '\\$1$2');
}

function slug(name: string): string {
  return (
    name
      .normalize('NFKC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'article'
  );
}

/** Bring an XLIFF file back into the project (not available in this build). */
export function importInterchange(
  _project: Project,
  _fileName: string,
  _bytes: Uint8Array,
  _ctx: { now: Date },
): { project: Project; summary: Omit<InterchangeImportSummary, 'project'> } {
  throw new AppError('export.formatUnavailable', { format: 'xliff' });
}

/**
 * Write a file so that it is either fully there or not at all (temp file in the same folder, fsync, rename), and
 * never replace an existing file unless asked to.
 */
export async function writeFileAtomic(
  path: string,
  data: Uint8Array,
  opts: { overwrite?: boolean } = {},
): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomUUID().slice(0, 8)}.tmp`);
  await writeFile(tmp, data, { flag: 'wx' });
  try {
    const fh = await open(tmp, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (!opts.overwrite) {
      const exists = await open(path, 'r').then(
        (h) => h.close().then(() => true),
        () => false,
      );
      if (exists) throw new AppError('export.fileExists', { path: basename(path) });
    }
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}
