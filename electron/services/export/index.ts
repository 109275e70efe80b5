import type {
  ApprovalPolicy,
  ExportBaseline,
  ExportFormat,
  ExportPreview,
  Project,
  TargetLang,
  TermEntry,
  TmxSegmentation,
  UiLang,
} from '../../contract';
import { TARGET_LANGS } from '../../contract';
import { AppError } from '../errors';
import { isReviewable } from '../project/cells';
import { publishDocx } from './docx';
import { html, markdown, plainText } from './publish';
import { reportCsv, reportHtml, type ReportExtras } from './report';
import { reviewDocx } from './review-docx';
import { exportBaseName } from '../../../common/export/file-name';
import { tmx } from './tmx';
import { makeBaseline } from '../interchange/baseline';
import { omegatPackage } from './omegat';
import { xliff12, xliff2 } from './xliff';
import { assertRowsClean } from '../xml-write';

/** What every export records besides the project: when, by whom, with which app. */
export interface ExportContext {
  now: Date;
  reviewer: string;
  appVersion: string;
  /** The termbase's terms for the project (desk and project scope): the OmegaT package's glossary carries them. */
  terms?: readonly TermEntry[];
  /** For the review report: memory matches offered per cell and the house style sent to DeepL. */
  report?: ReportExtras;
}

/** A built export, ready to be written or downloaded. */
export interface BuiltExport {
  fileName: string;
  mime: string;
  data: Uint8Array;
  /** For XLIFF: what the file holds per unit, to be stored in the project for a three-way round trip. */
  baseline?: ExportBaseline;
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

const MIME = {
  md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xliff: 'application/xliff+xml',
  tmx: 'application/x-tmx+xml',
  csv: 'text/csv; charset=utf-8',
  zip: 'application/zip',
} as const;

/** Formats that hold both target languages (`lang: 'all'`); the rest need one language. */
export const MULTI_LANGUAGE: ReadonlySet<ExportFormat> = new Set([
  'review-docx',
  'report-html',
  'report-csv',
  'tmx',
]);

/**
 * What to build: format, language(s), approval policy and, for TMX and OmegaT, the segmentation; the file's name
 * (default: the project's) and the interface language of the review DOCX and report (default: English).
 */
export interface BuildRequest {
  lang: TargetLang | 'all';
  format: ExportFormat;
  policy: ApprovalPolicy;
  segmentation?: TmxSegmentation;
  name?: string;
  uiLanguage?: UiLang;
}

/** Build one export file in memory. Every format refuses a row with a control character (see assertRowsClean). */
export async function buildExport(
  project: Project,
  req: BuildRequest,
  ctx: ExportContext,
): Promise<BuiltExport> {
  // One extension per format; the language, and the XLIFF version, in the name so no two exports collide.
  const base = exportBaseName(req.name, project.name);
  const ui = req.uiLanguage ?? 'en';
  const text = (s: string) => new TextEncoder().encode(s);
  assertRowsClean(project.segments, req.lang === 'all' ? TARGET_LANGS : [req.lang]);
  if (MULTI_LANGUAGE.has(req.format)) {
    switch (req.format) {
      case 'review-docx':
        return {
          fileName: `${base}.review.docx`,
          mime: MIME.docx,
          data: await reviewDocx(project, ctx.now, ui),
        };
      case 'report-html':
        return {
          fileName: `${base}.report.html`,
          mime: MIME.html,
          data: text(reportHtml(project, ctx.now, ui, ctx.report)),
        };
      case 'report-csv':
        return { fileName: `${base}.report.csv`, mime: MIME.csv, data: text(reportCsv(project, ctx.report)) };
      default: {
        const name = req.lang === 'all' ? `${base}.tmx` : `${base}.${req.lang}.tmx`;
        return { fileName: name, mime: MIME.tmx, data: text(tmx(project, req.lang, ctx, req.segmentation)) };
      }
    }
  }
  if (req.lang === 'all') throw new AppError('export.needsLanguage');
  const lang = req.lang;
  const name = (ext: string) => `${base}.${lang}.${ext}`;
  switch (req.format) {
    case 'md':
      return { fileName: name('md'), mime: MIME.md, data: text(markdown(project, lang, req.policy)) };
    case 'txt':
      return { fileName: name('txt'), mime: MIME.txt, data: text(plainText(project, lang, req.policy)) };
    case 'html':
      return { fileName: name('html'), mime: MIME.html, data: text(html(project, lang, req.policy)) };
    case 'docx':
      return {
        fileName: name('docx'),
        mime: MIME.docx,
        data: await publishDocx(project, lang, req.policy, base),
      };
    case 'xliff2':
    case 'xliff12': {
      const baseline = makeBaseline(project, lang, req.format, ctx.now);
      const write = req.format === 'xliff2' ? xliff2 : xliff12;
      const data = text(write(project, lang, ctx.appVersion, baseline.id));
      return {
        fileName: name(`${req.format === 'xliff2' ? 'xliff20' : 'xliff12'}.xlf`),
        mime: MIME.xliff,
        data,
        baseline,
      };
    }
    case 'omegat':
      return {
        fileName: name('omegat.zip'),
        mime: MIME.zip,
        data: await omegatPackage(project, lang, { ...ctx, base }, req.segmentation),
      };
    default:
      throw new AppError('export.formatUnavailable', { format: req.format });
  }
}
