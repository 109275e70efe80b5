/**
 * Markdown for publishing, written for CommonMark (what GitHub, GitLab, Pandoc, markdown-it and most CMS editors
 * implement): text is escaped only where CommonMark would otherwise read it as syntax, so "[Busan=Newsis]" stays as
 * typed; consecutive list items form one tight list; a picture is followed by its visible caption line.
 */
import type { ApprovalPolicy, Project, Segment, TargetLang } from '../../contract';
import { draftMarker, gapMarker, numbered, rowText } from './rows';

/** Escape what CommonMark reads as inline syntax: emphasis, code, links, images, autolinks/HTML, entities. */
function escapeInline(text: string): string {
  return (
    text
      // A backslash only escapes ASCII punctuation or breaks a line; elsewhere it is shown as typed.
      .replace(/\\(?=[!-/:-@[-`{-~]|$)/gm, '\\\\')
      .replace(/[*`]/g, '\\$&')
      // Underscores inside a word never emphasise (snake_case stays); at a word's edge they can.
      .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
      // "]" followed by "(", "[" or ":" would close a link, an image or a link definition.
      .replace(/\](?=[([:])/g, '\\]')
      // "<" opening a tag, a comment or an autolink.
      .replace(/<(?=[A-Za-z/!?])/g, '\\<')
      // `&amp;` must stay five characters, not turn into `&`.
      .replace(/&(?=#?\w+;)/g, '\\&')
  );
}

/** Escape what would start a block at the beginning of a line: heading, quote, list, rule, fence, code. */
function escapeLineStart(line: string): string {
  return (
    line
      .replace(/^ {4,}/, (m) => `&#32;${m.slice(1)}`)
      .replace(/^\t/, '&#9;')
      .replace(/^( {0,3})(#{1,6}(?=[ \t]|$)|>|[-+](?=[ \t]|$)|-(?=[ \t]*-[ \t]*-)|~~~)/, '$1\\$2')
      // (CommonMark escapes punctuation only, so "3." becomes "3\.", not "\3.")
      .replace(/^( {0,3}\d{1,9})([.)])(?=[ \t]|$)/, '$1\\$2')
      // A line of "=" or "-" under text would turn that text into a heading.
      .replace(/^( {0,3})([=-]+[ \t]*)$/, '$1\\$2')
  );
}

/** Text of a row as Markdown: escaped, its lines kept (a hard line break between them). */
function escapeMarkdown(text: string): string {
  return escapeInline(text).split('\n').map(escapeLineStart).join('  \n');
}

/** Link text of an image (its alt text): brackets escaped, lines joined. */
const altText = (s: string) => escapeInline(s.replace(/\s*\n\s*/g, ' ')).replace(/[[\]]/g, '\\$&');

function markdownRow(segment: Segment, row: number, lang: TargetLang, policy: ApprovalPolicy): string {
  const t = rowText(segment, lang, policy);
  // Markers stay literal (a bracketed phrase without a link is shown as it is); only text is escaped.
  const body = (escape: (s: string) => string) =>
    t.kind === 'gap'
      ? gapMarker(row, lang)
      : t.kind === 'draft'
        ? `${draftMarker(lang)} ${escape(t.text)}`
        : escape(t.text);
  switch (segment.kind) {
    case 'headline':
    case 'subheadline':
    case 'heading': {
      // A heading is one line; a closing run of "#" would be read as decoration, so it is escaped.
      const text = body((s) => escapeInline(s.replace(/\s*\n\s*/g, ' ')).replace(/(^|\s)(#+)\s*$/, '$1\\$2'));
      return `${segment.kind === 'headline' ? '#' : '##'} ${text}`;
    }
    case 'picture': {
      // In angle brackets the link is kept exactly, parentheses and all (only <, > and line breaks are encoded).
      const url = (segment.imageUrl ?? '').replace(/[<>\n]/g, (c) => encodeURIComponent(c));
      return `![${t.kind === 'gap' ? gapMarker(row, lang).replace(/[[\]]/g, '\\$&') : altText(t.text)}](<${url}>)`;
    }
    case 'list-item':
      return `- ${body(escapeMarkdown)}`;
    default:
      return body(escapeMarkdown);
  }
}

/**
 * Markdown for publishing: headline, sub-headlines, pictures (the caption as alt text and, under the picture, the
 * visible caption line of the article), paragraphs and lists in order. Blocks are separated by a blank line, list
 * items of one list by a line break only (a tight list).
 */
export function markdown(project: Project, lang: TargetLang, policy: ApprovalPolicy): string {
  let out = '';
  let previous: Segment['kind'] | null = null;
  for (const { segment, row } of numbered(project)) {
    if (previous !== null) out += previous === 'list-item' && segment.kind === 'list-item' ? '\n' : '\n\n';
    out += markdownRow(segment, row, lang, policy);
    previous = segment.kind;
  }
  return `${out}\n`;
}
