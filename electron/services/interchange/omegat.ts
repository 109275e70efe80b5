/**
 * An OmegaT project as a zip: unzip it and open the folder in OmegaT (3.6 or later). The Korean article is the
 * source file (one row per paragraph), our approved rows are in `tm/auto/` (OmegaT fills those translations in by
 * itself), and the glossary is a tab-separated `glossary/glossary.txt`.
 */
import JSZip from 'jszip';
import type { Project, TargetLang, TmxSegmentation } from '../../contract';
import { langTag, numbered, slug } from '../export/rows';
import { tmx } from '../export/tmx';
import { escapeText } from '../xml-write';

/** Tokenizers OmegaT uses for matching: Korean is CJK; English has its own, Vietnamese the default. */
const TOKENIZER: Record<TargetLang, string> = {
  vi: 'org.omegat.tokenizer.DefaultTokenizer',
  en: 'org.omegat.tokenizer.LuceneEnglishTokenizer',
};

function projectFile(project: Project, lang: TargetLang, segmentation: TmxSegmentation): string {
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
    <target_lang>${escapeText(langTag(project, lang))}</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneCJKTokenizer</source_tok>
    <target_tok>${TOKENIZER[lang]}</target_tok>
    <sentence_seg>${segmentation === 'sentence'}</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
`;
}

/** The source file: one row per paragraph, blank lines between them (OmegaT's text filter splits on them). */
function sourceText(project: Project): string {
  return numbered(project)
    .map(({ segment }) => segment.source.replace(/\s*\n\s*/g, ' '))
    .join('\n\n')
    .concat('\n');
}

/** Glossary terms for one target language, tab-separated (UTF-8, as OmegaT reads `.txt` glossaries). */
function glossaryText(project: Project, lang: TargetLang): string {
  const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ').trim();
  return project.glossary
    .filter((e) => e[lang].trim() !== '')
    .map((e) => `${clean(e.ko)}\t${clean(e[lang])}\tBilingual Review glossary\n`)
    .join('');
}

/** Build the zip: `<name>/omegat.project`, `source/`, `tm/auto/`, `glossary/`, and the empty folders OmegaT uses. */
export async function omegatPackage(
  project: Project,
  lang: TargetLang,
  ctx: { now: Date; reviewer: string; appVersion: string },
  segmentation: TmxSegmentation = 'paragraph',
): Promise<Uint8Array> {
  const base = slug(project.name);
  const root = `${base}.${lang}`;
  const zip = new JSZip();
  const dir = zip.folder(root)!;
  dir.file('omegat.project', projectFile(project, lang, segmentation));
  dir.file(`source/${base}.txt`, sourceText(project));
  dir.file(`tm/auto/${base}.approved.tmx`, tmx(project, lang, ctx, segmentation));
  dir.file('glossary/glossary.txt', glossaryText(project, lang));
  for (const empty of ['target', 'dictionary', 'omegat']) dir.folder(empty);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', platform: 'UNIX' });
}
