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
import type { ApprovalPolicy, Project, TargetLang } from '../../contract';
import { DRAFT_MARKER, gapMarker, langTag, numbered, rowText } from './rows';

const HIGHLIGHT_GAP = 'FDE8E7';
const HIGHLIGHT_DRAFT = 'FFF7D6';

/** A run tagged with its language, so Word proofs Vietnamese as Vietnamese and Korean as Korean. */
function run(text: string, tag: string, extra: Partial<IRunOptions> = {}): TextRun {
  const language = tag === 'ko-KR' ? { value: tag, eastAsia: tag } : { value: tag };
  return new TextRun({ text, language, ...extra });
}

/** A Word document for publishing in one language: headings kept, every run language-tagged. */
export async function publishDocx(
  project: Project,
  lang: TargetLang,
  policy: ApprovalPolicy,
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
            run(gapMarker(row), tag, {
              bold: true,
              shading: { type: ShadingType.CLEAR, fill: HIGHLIGHT_GAP, color: 'auto' },
            }),
          ]
        : t.kind === 'draft'
          ? [
              run(`${DRAFT_MARKER} `, tag, {
                bold: true,
                shading: { type: ShadingType.CLEAR, fill: HIGHLIGHT_DRAFT, color: 'auto' },
              }),
              run(t.text, tag),
            ]
          : [run(t.text, runTag)];
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
    title: project.name,
    lastModifiedBy: 'Bilingual Review',
    revision: 1,
    styles: { default: { document: { run: { language: { value: tag, eastAsia: 'ko-KR' } } } } },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
