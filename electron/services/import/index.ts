/**
 * Article import: file bytes (or pasted text) → rows of a translation project.
 *
 * Every format is reduced to {@link Block}s (text lines, HTML elements, Word paragraphs), and the article's
 * structure — headline, sub-headlines, pictures and their repeated captions, body, credit, copyright — is read from
 * the blocks the same way for all formats. Ids come from the content, so importing the same file twice gives the
 * same ids, and {@link mergeRevision} carries translations over to a revised version.
 */
import { basename } from 'node:path';
import type { Segment, SourceInfo } from '../../contract';
import { CONTROL_CHARS, stripControlChars } from '../../contract/control-chars';
import { AppError } from '../errors';
import { decodeBytes, normalizeText, sniffBinary } from './decode';
import { docxToBlocks } from './docx';
import { readRegularFile } from './files';
import { htmlToBlocks, type HtmlArticle } from './html';
import { MAX_BYTES, MAX_PARAGRAPH_CHARS, MAX_SEGMENTS, MAX_TEXT_CHARS } from './limits';
import { blocksToSegments, type Block } from './segment';
import { textToBlocks } from './text';

export { mergeRevision, type MergedRevision } from './revision';
export { MAX_BYTES, MAX_SEGMENTS } from './limits';
export { readRegularFile } from './files';

/** An article file as handed over by the UI, the CLI or a test. */
export interface ParseInput {
  fileName: string;
  bytes: Uint8Array;
  /** Force a text encoding instead of detecting it (any WHATWG label, or `cp949`/`ms949`). */
  encoding?: string;
  /** The user saw the "does not look Korean" warning and wants to go on. */
  acceptNonKorean?: boolean;
}

/** An article split into rows, ready to become a project. */
export interface ParsedArticle {
  format: SourceInfo['format'];
  /** Encoding the text was read with: `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be`, `euc-kr`, or a forced one. */
  encoding: string;
  /** The headline: project name and DeepL context. */
  title: string;
  /** Rows in article order, all targets empty. */
  segments: Segment[];
  /**
   * `errors:` codes worth telling the user although the import succeeded: `import.notKoreanAccepted`,
   * `import.encodingGuessed` (read as EUC-KR), `import.decodeErrors` (some bytes did not decode),
   * `import.imagesDropped` (pictures without an address were left out), `import.controlCharsRemoved`,
   * `import.emailProtected` (a page's scrape protection replaced an e-mail address with "[email protected]").
   */
  warnings: string[];
}

const FORMAT_BY_EXT: Record<string, 'txt' | 'md' | 'html' | 'docx'> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  docx: 'docx',
};
// Documents people often have an article in, that need saving as .docx (or copying out) first.
const CONVERT_FIRST = new Set(['hwp', 'hwpx', 'doc', 'rtf', 'odt', 'pages', 'pdf', 'wps']);
// Control characters: removed here, with a warning (the one policy of contract/control-chars).
// What Cloudflare's e-mail protection leaves in a copied page: the address itself is gone.
const EMAIL_PROTECTED = /\[email(?:\s|&nbsp;|&#160;)*protected\]/i;
const HANGUL = /[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\ud7b0-\ud7ff]/u;

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return (/\.([^.]+)$/.exec(base)?.[1] ?? '').toLowerCase();
}

function stemOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.[^.]+$/, '');
}

function tooLarge(bytes: number): AppError {
  return new AppError('import.tooLarge', {
    limitMb: MAX_BYTES / 1024 / 1024,
    sizeMb: Math.ceil((bytes / 1024 / 1024) * 10) / 10,
  });
}

/**
 * The limits every format shares (row length, total text), then the one control-character policy and NFC: text
 * enters the project composed and free of characters no export could carry. Rows left empty are dropped.
 */
function clean(blocks: Block[]): Block[] {
  let total = 0;
  blocks.forEach((b, i) => {
    if (b.text.length > MAX_PARAGRAPH_CHARS)
      throw new AppError('import.paragraphTooLong', { row: i + 1, limit: MAX_PARAGRAPH_CHARS });
    total += b.text.length;
  });
  if (total > MAX_TEXT_CHARS) throw new AppError('import.textTooLarge', { limit: MAX_TEXT_CHARS });
  return blocks
    .map((b) => ({ ...b, text: stripControlChars(b.text).normalize('NFC').trim() }))
    .filter((b) => b.hint === 'picture' || b.text !== '');
}

/** Check the blocks and turn them into the parsed article. */
function finish(
  rawBlocks: Block[],
  meta: {
    format: ParsedArticle['format'];
    encoding: string;
    warnings: string[];
    fileName?: string;
    pageTitle?: string;
    acceptNonKorean?: boolean;
  },
): ParsedArticle {
  const blocks = clean(rawBlocks);
  if (blocks.length === 0) throw new AppError('import.noText');
  if (blocks.length > MAX_SEGMENTS) throw new AppError('import.tooManyParagraphs', { limit: MAX_SEGMENTS });
  const warnings = [...meta.warnings];
  if (rawBlocks.some((b) => CONTROL_CHARS.test(b.text))) warnings.push('import.controlCharsRemoved');
  if (blocks.some((b) => EMAIL_PROTECTED.test(b.text))) warnings.push('import.emailProtected');
  if (!blocks.some((b) => HANGUL.test(b.text))) {
    if (!meta.acceptNonKorean) throw new AppError('import.notKorean');
    warnings.push('import.notKoreanAccepted');
  }
  const segments = blocksToSegments(blocks);
  const headline = segments.find((s) => s.kind === 'headline')?.source;
  const firstText = segments.find((s) => s.kind !== 'picture' && s.source !== '')?.source;
  const title =
    headline ||
    meta.pageTitle ||
    (firstText && firstText.length <= 100 ? firstText : undefined) ||
    (meta.fileName ? stemOf(meta.fileName) : '') ||
    firstText?.slice(0, 100) ||
    '';
  return { format: meta.format, encoding: meta.encoding, title, segments, warnings };
}

/**
 * Parse an article file: `.txt`, `.md`, `.html`/`.htm` or `.docx` (a file without extension is read as text).
 * Detects the text encoding (see {@link ParseInput.encoding} to force one). Throws {@link AppError} with an
 * `import.*` code for anything that is not a readable Korean article: `unsupported`, `saveAsDocx`, `empty`,
 * `onlyWhitespace`, `noText`, `tooLarge`, `tooManyParagraphs`, `binary`, `corruptDocx`, `badEncoding`,
 * `unknownEncoding`, `notKorean`.
 */
export async function parseArticle(input: ParseInput): Promise<ParsedArticle> {
  const ext = extensionOf(input.fileName);
  const format = ext === '' ? 'txt' : FORMAT_BY_EXT[ext];
  if (!format)
    throw new AppError(CONVERT_FIRST.has(ext) ? 'import.saveAsDocx' : 'import.unsupported', { ext });
  const { bytes } = input;
  if (bytes.length === 0) throw new AppError('import.empty');
  if (bytes.length > MAX_BYTES) throw tooLarge(bytes.length);
  const common = {
    fileName: input.fileName,
    ...(input.acceptNonKorean ? { acceptNonKorean: true } : {}),
  };

  if (format === 'docx') {
    if (sniffBinary(bytes) !== 'zip') throw new AppError('import.corruptDocx');
    const article = await docxToBlocks(bytes);
    const warnings = dropWarnings(article);
    return finish(article.blocks, {
      ...common,
      format,
      encoding: 'utf-8',
      warnings,
      pageTitle: article.title,
    });
  }

  const decoded = decodeBytes(bytes, {
    ...(input.encoding !== undefined ? { forced: input.encoding } : {}),
    html: format === 'html',
  });
  const text = normalizeText(decoded.text);
  if (text === '') throw new AppError('import.empty');
  if (text.trim() === '') throw new AppError('import.onlyWhitespace');
  if (format === 'html') {
    const article = htmlToBlocks(text);
    const warnings = [
      ...decoded.warnings,
      ...dropWarnings(article),
      ...(cutOff(text) ? ['import.htmlCutOff'] : []),
    ];
    return finish(article.blocks, {
      ...common,
      format,
      encoding: decoded.encoding,
      warnings,
      pageTitle: article.title,
    });
  }
  return finish(textToBlocks(text), {
    ...common,
    format,
    encoding: decoded.encoding,
    warnings: decoded.warnings,
  });
}

/** What a page or Word file held that the article does not keep: pictures without an address, link addresses, tables. */
function dropWarnings(article: HtmlArticle): string[] {
  return [
    ...(article.droppedImages > 0 ? ['import.imagesDropped'] : []),
    ...(article.droppedLinks > 0 ? ['import.linksDropped'] : []),
    ...(article.tables ? ['import.tablesFlattened'] : []),
  ];
}

/** A saved page that opens `<html>` but never closes it (nor its body): the file was cut off. */
const cutOff = (html: string) => /<html[\s>]/i.test(html) && !/<\/(?:html|body)\s*>/i.test(html);

/**
 * Parse article text (pasted, or already decoded): one row per non-empty line, Markdown structure recognised
 * (`#` headings, `- `/`* `/`1. ` list items, `> ` quotes, `![caption](url)` pictures). Same errors as
 * {@link parseArticle} for empty, oversized or non-Korean text.
 */
export function parseText(
  text: string,
  opts: { fileName?: string; format?: 'txt' | 'md' | 'paste'; acceptNonKorean?: boolean } = {},
): ParsedArticle {
  if (text.length === 0) throw new AppError('import.empty');
  // Cheap bound first: a UTF-16 string takes at least length bytes as UTF-8.
  if (text.length > MAX_BYTES || Buffer.byteLength(text, 'utf8') > MAX_BYTES)
    throw tooLarge(Buffer.byteLength(text, 'utf8'));
  const normalized = normalizeText(text);
  if (normalized.trim() === '') throw new AppError('import.onlyWhitespace');
  return finish(textToBlocks(normalized), {
    format: opts.format ?? 'txt',
    encoding: 'utf-8',
    warnings: [],
    ...(opts.fileName !== undefined ? { fileName: opts.fileName } : {}),
    ...(opts.acceptNonKorean ? { acceptNonKorean: true } : {}),
  });
}

/** An article file's bytes, with the app's checks (regular file, size first; see {@link readRegularFile}). */
export function readArticleBytes(path: string): Promise<Buffer> {
  return readRegularFile(path, MAX_BYTES, tooLarge);
}

/**
 * Read and parse an article file from disk. Besides the {@link parseArticle} errors: `import.notFound` when the
 * path does not exist, `import.unreadable` for a folder, missing permission or a read failure; a file over the
 * size limit is refused before it is read.
 */
export async function readArticleFile(
  path: string,
  opts: { encoding?: string; acceptNonKorean?: boolean } = {},
): Promise<ParsedArticle> {
  const fileName = basename(path);
  const ext = extensionOf(fileName);
  if (ext !== '' && !FORMAT_BY_EXT[ext])
    throw new AppError(CONVERT_FIRST.has(ext) ? 'import.saveAsDocx' : 'import.unsupported', { ext });
  const bytes = await readArticleBytes(path);
  return parseArticle({ fileName, bytes, ...opts });
}
