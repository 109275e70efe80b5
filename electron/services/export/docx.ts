import {
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  TextRun,
  type IRunOptions,
} from 'docx';
import JSZip from 'jszip';
import type { ApprovalPolicy, Project, TargetLang } from '../../contract';
import { escapeText } from '../xml-write';
import { draftMarker, gapMarker, langTag, numbered, rowText } from './rows';

const HIGHLIGHT_GAP = 'FDE8E7';
const HIGHLIGHT_DRAFT = 'FFF7D6';

/** A run tagged with its language, so Word proofs Vietnamese as Vietnamese and Korean as Korean. */
function run(text: string, tag: string, extra: Partial<IRunOptions> = {}): TextRun {
  const language = tag === 'ko-KR' ? { value: tag, eastAsia: tag } : { value: tag };
  return new TextRun({ text, language, ...extra });
}

/** Runs of a text whose lines are kept: a line break inside a row is Word's own break (`w:br`), not a newline. */
function lines(text: string, tag: string, extra: Partial<IRunOptions> = {}): TextRun[] {
  return text.split(/\r\n|\r|\n/).map((line, i) => run(line, tag, i > 0 ? { ...extra, break: 1 } : extra));
}

/**
 * Set the package's title and language (`dc:title`, `dc:language` in `docProps/core.xml`) to the document's own:
 * a Vietnamese file is titled by its Vietnamese headline, not the Korean one.
 */
async function setCoreProperties(docx: Uint8Array, title: string, tag: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(docx);
  const core = await zip.file('docProps/core.xml')!.async('string');
  const props = `<dc:title>${escapeText(title)}</dc:title><dc:language>${escapeText(tag)}</dc:language>`;
  const next = core
    .replace(/<dc:title>[\s\S]*?<\/dc:title>|<dc:title\/>/, '')
    .replace(/(<cp:coreProperties[^>]*>)/, `$1${props}`);
  zip.file('docProps/core.xml', next);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** The document's title: its headline in its language when there is one to publish, else the export's name. */
function documentTitle(project: Project, lang: TargetLang, policy: ApprovalPolicy, name: string): string {
  const headline = project.segments.find((s) => s.kind === 'headline');
  const t = headline && headline.translate ? rowText(headline, lang, policy) : null;
  return t && t.kind !== 'gap' ? t.text.replace(/\s*\n\s*/g, ' ') : name;
}

/** A Word document for publishing in one language: headings kept, every run language-tagged. */
export async function publishDocx(
  project: Project,
  lang: TargetLang,
  policy: ApprovalPolicy,
  name = project.name,
): Promise<Uint8Array> {
  const tag = langTag(project, lang);
  const children: Paragraph[] = [];
  for (const { segment, row } of numbered(project)) {
    if (segment.kind === 'caption' && segment.linkedTo) continue; // the picture paragraph carries the caption
    const t = rowText(segment, lang, policy);
    const runTag = t.kind === 'verbatim' ? 'ko-KR' : tag;
    const runs: Array<TextRun | ExternalHyperlink> =
      t.kind === 'gap'
        ? [
            run(gapMarker(row, lang), tag, {
              bold: true,
              shading: { type: ShadingType.CLEAR, fill: HIGHLIGHT_GAP, color: 'auto' },
            }),
          ]
        : t.kind === 'draft'
          ? [
              run(`${draftMarker(lang)} `, tag, {
                bold: true,
                shading: { type: ShadingType.CLEAR, fill: HIGHLIGHT_DRAFT, color: 'auto' },
              }),
              ...lines(t.text, tag),
            ]
          : lines(t.text, runTag);
    if (segment.kind === 'picture' && segment.imageUrl) {
      children.push(
        new Paragraph({
          children: [
            ...runs,
            run(' ', tag),
            // The picture itself is remote; its address is shown so the editor can place it.
            new ExternalHyperlink({
              link: segment.imageUrl,
              children: [run(segment.imageUrl, tag, { style: 'Hyperlink' })],
            }),
          ],
          style: 'Caption',
        }),
      );
      continue;
    }
    const heading =
      segment.kind === 'headline'
        ? HeadingLevel.HEADING_1
        : segment.kind === 'subheadline' || segment.kind === 'heading'
          ? HeadingLevel.HEADING_2
          : undefined;
    children.push(
      new Paragraph({
        children: runs,
        ...(heading ? { heading } : {}),
        ...(segment.kind === 'list-item' ? { bullet: { level: 0 } } : {}),
      }),
    );
  }
  const doc = new Document({
    creator: 'Bilingual Review',
    lastModifiedBy: 'Bilingual Review',
    revision: 1,
    styles: { default: { document: { run: { language: { value: tag, eastAsia: 'ko-KR' } } } } },
    sections: [{ children }],
  });
  return setCoreProperties(
    new Uint8Array(await Packer.toBuffer(doc)),
    documentTitle(project, lang, policy, name),
    tag,
  );
}
