/**
 * An OmegaT project as a zip: unzip it and open the folder in OmegaT (3.6 or later). The Korean article is the
 * source file (one row per paragraph), our approved rows are in `tm/auto/` (OmegaT fills those translations in by
 * itself), the glossary is a tab-separated `glossary/glossary.txt` (the termbase's terms, desk and project, and the
 * project glossary), and `omegat/segmentation.conf` cuts the article into sentences exactly as the memory was cut.
 */
import JSZip from 'jszip';
import type { Project, TargetLang, TermEntry, TmxSegmentation } from '../../contract';
import { fileSlug } from '../../../common/export/file-name';
import { langTag, numbered } from './rows';
import { koreanSentences, pairedSentences } from './segmenting';
import { tmx } from './tmx';
import { escapeText } from '../xml-write';
import { segmentationConf } from './omegat-segmentation';

/** Tokenizers OmegaT uses for matching: Korean is CJK; English has its own, Vietnamese the default. */
const TOKENIZER: Record<TargetLang, string> = {
  vi: 'org.omegat.tokenizer.DefaultTokenizer',
  en: 'org.omegat.tokenizer.LuceneEnglishTokenizer',
};

/**
 * The `omegat.project` file: Korean into `targetTag` (BCP 47, e.g. `vi-VN`) with `lang`'s tokenizer, cut by
 * paragraph or sentence. The package below and the OmegaT benchmark (`bench/pretranslate.ts`) both use it.
 */
export function omegatProjectFile(
  targetTag: string,
  lang: TargetLang,
  segmentation: TmxSegmentation,
): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <source_dir_excludes>
      <mask>**/.svn/**</mask>
      <mask>**/.git/**</mask>
    </source_dir_excludes>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>ko-KR</source_lang>
    <target_lang>${escapeText(targetTag)}</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneCJKTokenizer</source_tok>
    <target_tok>${TOKENIZER[lang]}</target_tok>
    <sentence_seg>${segmentation === 'sentence'}</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
`;
}

/** A row's Korean as the source file holds it: one line (OmegaT's text filter splits paragraphs on blank lines). */
const flat = (source: string) => source.replace(/\s*\n\s*/g, ' ');

/** The source file: one row per paragraph, blank lines between them. */
function sourceText(project: Project): string {
  return numbered(project)
    .map(({ segment }) => flat(segment.source))
    .join('\n\n')
    .concat('\n');
}

/**
 * How each paragraph of the source file is cut into sentences: as the memory cut it where the row is approved (by
 * sentence when the translation has as many sentences, else whole), by the export splitter everywhere else; and
 * the cuts the splitter would have made in the paragraphs kept whole (never to be made).
 */
function sentenceCuts(project: Project, lang: TargetLang): { cuts: string[][]; vetoed: string[][] } {
  const vetoed: string[][] = [];
  const cuts = project.segments.map((s) => {
    const source = flat(s.source);
    if (s.translate && s.targets[lang].status === 'approved') {
      const pairs = pairedSentences(source, [{ lang, text: s.targets[lang].text }]);
      if (pairs) return pairs.map((p) => p[0]!);
      vetoed.push(koreanSentences(source));
      return [source];
    }
    return koreanSentences(source);
  });
  return { cuts, vetoed };
}

const oneLine = (s: string) => s.replace(/[\t\r\n]+/g, ' ').trim();

/**
 * The glossary in OmegaT's tab-separated form (UTF-8): `Korean<TAB>translation<TAB>comment`, one line per
 * translation (a term's `;`-separated alternatives each get a line). Termbase terms first (their note and the
 * variants not to use in the comment), then the project glossary; a pair already listed is not repeated.
 */
function glossaryText(project: Project, lang: TargetLang, terms: readonly TermEntry[]): string {
  const lines: string[] = [];
  const seen = new Set<string>();
  const add = (ko: string, target: string, comment: string) => {
    const key = `${oneLine(ko)}\t${oneLine(target)}`;
    if (!oneLine(ko) || !oneLine(target) || seen.has(key)) return;
    seen.add(key);
    lines.push(`${key}\t${oneLine(comment)}\n`);
  };
  for (const t of terms) {
    const forbidden = lang === 'vi' ? t.forbiddenVi : t.forbiddenEn;
    const comment = [t.note ?? '', forbidden.length ? `≠ ${forbidden.join(', ')}` : '']
      .filter(Boolean)
      .join(' · ');
    for (const target of t[lang].split(';')) add(t.ko, target, comment || 'Bilingual Review termbase');
  }
  for (const e of project.glossary) add(e.ko, e[lang], 'Bilingual Review glossary');
  return lines.join('');
}

/**
 * Build the zip: `<name>/omegat.project`, `source/`, `tm/auto/`, `glossary/`, `omegat/segmentation.conf`, and the
 * empty folders OmegaT uses. `terms`: the termbase's terms for this project (desk and project scope); `base`: the
 * export's file name (the folder is `<base>.<lang>`).
 */
export async function omegatPackage(
  project: Project,
  lang: TargetLang,
  ctx: { now: Date; reviewer: string; appVersion: string; terms?: readonly TermEntry[]; base?: string },
  segmentation: TmxSegmentation = 'paragraph',
): Promise<Uint8Array> {
  const base = ctx.base ?? fileSlug(project.name);
  const root = `${base}.${lang}`;
  const zip = new JSZip();
  const dir = zip.folder(root)!;
  // The memory's Korean is the source file's: one line per row, so OmegaT finds it exactly.
  const asInSource: Project = {
    ...project,
    segments: project.segments.map((s) => ({ ...s, source: flat(s.source) })),
  };
  dir.file('omegat.project', omegatProjectFile(langTag(project, lang), lang, segmentation));
  dir.file(`source/${base}.txt`, sourceText(project));
  dir.file(`tm/auto/${base}.approved.tmx`, tmx(asInSource, lang, ctx, segmentation));
  dir.file('glossary/glossary.txt', glossaryText(project, lang, ctx.terms ?? []));
  const { cuts, vetoed } = sentenceCuts(project, lang);
  dir.file('omegat/segmentation.conf', segmentationConf(cuts, vetoed));
  for (const empty of ['target', 'dictionary', 'omegat']) dir.folder(empty);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', platform: 'UNIX' });
}
