import type { ApprovalPolicy, Project, Segment, TargetLang } from '../../contract';
import { escapeAttr, escapeText } from '../xml-write';
import { draftMarker, gapMarker, langTag, numbered, rowText, type RowText } from './rows';

export { markdown } from './markdown';

/** Text of a row as plain text, with the gap or draft marker when not approved. */
function plain(t: RowText, row: number, lang: TargetLang): string {
  if (t.kind === 'gap') return gapMarker(row, lang);
  if (t.kind === 'draft') return `${draftMarker(lang)} ${t.text}`;
  return t.text;
}

/**
 * Rows a publishing format prints: a caption line that repeats its picture's caption is left out, because the
 * picture already carries that caption (as in HTML and DOCX), so it is printed once.
 */
function published(project: Project): Array<{ segment: Segment; row: number }> {
  return numbered(project).filter(({ segment }) => !(segment.kind === 'caption' && segment.linkedTo));
}

/** Plain text for publishing: one paragraph per block; a picture keeps its link on the line after its caption. */
export function plainText(project: Project, lang: TargetLang, policy: ApprovalPolicy): string {
  return published(project)
    .map(({ segment, row }) => {
      const text = plain(rowText(segment, lang, policy), row, lang);
      return segment.kind === 'picture' && segment.imageUrl ? `${text}\n${segment.imageUrl}` : text;
    })
    .join('\n\n')
    .concat('\n');
}

function htmlInline(t: RowText, row: number, lang: TargetLang): string {
  if (t.kind === 'gap')
    return `<mark class="gap" data-row="${row}">${escapeText(gapMarker(row, lang))}</mark>`;
  if (t.kind === 'draft')
    return `<mark class="draft">${escapeText(draftMarker(lang))}</mark> ${escapeText(t.text)}`;
  return escapeText(t.text).replace(/\n/g, '<br>');
}

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#1d2330}
h1{font-size:1.8rem;line-height:1.25}h2{font-size:1.15rem;font-weight:600;color:#444}
figure{margin:1.5rem 0}figure img{max-width:100%}figcaption{font-size:.9rem;color:#555}
mark.gap{background:#fde8e7;color:#b3261e}mark.draft{background:#fff7d6;color:#8a6d00}.verbatim{color:#555;font-size:.9rem}`;

/** A standalone HTML page for publishing, `lang` set, every piece of text escaped. */
export function html(project: Project, lang: TargetLang, policy: ApprovalPolicy): string {
  const tag = langTag(project, lang);
  const headline = project.segments.find((s) => s.kind === 'headline');
  const title = headline ? rowText(headline, lang, policy) : null;
  const body = numbered(project)
    .map(({ segment, row }) => {
      const t = rowText(segment, lang, policy);
      const inner = htmlInline(t, row, lang);
      const source = t.kind === 'verbatim' ? ` lang="ko" class="verbatim"` : '';
      switch (segment.kind) {
        case 'headline':
          return `<h1${source}>${inner}</h1>`;
        case 'subheadline':
        case 'heading':
          return `<h2${source}>${inner}</h2>`;
        case 'picture': {
          const alt = t.kind === 'approved' || t.kind === 'verbatim' ? escapeAttr(t.text) : '';
          return `<figure><img src="${escapeAttr(segment.imageUrl ?? '')}" alt="${alt}" loading="lazy"><figcaption>${inner}</figcaption></figure>`;
        }
        case 'caption':
          // The caption line repeats its picture's caption, which the figure already shows.
          return segment.linkedTo ? '' : `<p>${inner}</p>`;
        case 'list-item':
          return `<ul><li>${inner}</li></ul>`;
        default:
          return `<p${source}>${inner}</p>`;
      }
    })
    .filter(Boolean)
    .join('\n')
    // Consecutive list items form one list.
    .replace(/<\/ul>\n<ul>/g, '\n');
  return `<!doctype html>
<html lang="${tag}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title && title.kind !== 'gap' ? escapeText(title.text) : escapeText(project.name)}</title>
<style>${STYLE}</style>
</head>
<body>
<article>
${body}
</article>
</body>
</html>
`;
}
