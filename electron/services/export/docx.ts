import {
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import type { ApprovalPolicy, CellStatus, Project, TargetLang } from '../../contract';
import { TARGET_LANGS } from '../../contract';
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

const STATUS_LABEL: Record<CellStatus, string> = {
  empty: 'empty',
  machine: 'machine',
  edited: 'edited',
  approved: 'approved',
  error: 'error',
};

// Column widths are set once on the table (twentieths of a point, landscape A4 minus margins), not per cell:
// a long article has tens of thousands of cells and per-cell properties double the time to build the file.
const COLUMNS = [600, 3900, 3900, 3900, 1100, 1300];

function cell(children: Paragraph[], shade?: string): TableCell {
  return new TableCell({
    children,
    ...(shade ? { shading: { type: ShadingType.CLEAR, fill: shade, color: 'auto' } } : {}),
  });
}

/** A bilingual review table for reviewers without the app: # | 한국어 | Tiếng Việt | English | status | comments. */
export async function reviewDocx(project: Project): Promise<Uint8Array> {
  const header = new TableRow({
    tableHeader: true,
    children: ['#', '한국어', 'Tiếng Việt', 'English', 'Status', 'Comments'].map((h, i) =>
      cell([new Paragraph({ children: [run(h, i === 1 ? 'ko-KR' : 'en-US', { bold: true })] })], 'ECEFF4'),
    ),
  });
  const rows = numbered(project).map(({ segment, row }) => {
    const targets = TARGET_LANGS.map((lang) =>
      segment.translate
        ? cell([
            new Paragraph({
              style: `Text-${langTag(project, lang)}`,
              children: [new TextRun(segment.targets[lang].text)],
            }),
          ])
        : cell([new Paragraph({ children: [new TextRun('—')] })]),
    );
    const status = TARGET_LANGS.map(
      (l) => `${l}: ${segment.translate ? STATUS_LABEL[segment.targets[l].status] : 'not translated'}`,
    ).join(' · ');
    const comments = TARGET_LANGS.flatMap((l) =>
      segment.targets[l].comment ? [`${l}: ${segment.targets[l].comment}`] : [],
    ).join(' · ');
    return new TableRow({
      children: [
        // Number, status and comments are in the document's default language; only article text is tagged.
        cell([new Paragraph({ children: [new TextRun(String(row))] })]),
        cell([new Paragraph({ style: 'Text-ko-KR', children: [new TextRun(segment.source)] })]),
        ...targets,
        cell([new Paragraph({ children: [new TextRun(status)] })]),
        cell(comments ? [new Paragraph({ children: [new TextRun(comments)] })] : [new Paragraph({})]),
      ],
    });
  });
  const doc = new Document({
    creator: 'Bilingual Review',
    title: `${project.name} — review`,
    // A paragraph style per language carries the proofing language: one reference per cell instead of run
    // properties on every run keeps a long table fast to write.
    styles: {
      default: { document: { run: { language: { value: 'en-US', eastAsia: 'ko-KR' }, size: 18 } } },
      paragraphStyles: ['ko-KR', 'vi-VN', 'en-US', 'en-GB'].map((tag) => ({
        id: `Text-${tag}`,
        name: `Text ${tag}`,
        basedOn: 'Normal',
        run: { language: tag === 'ko-KR' ? { value: tag, eastAsia: tag } : { value: tag } },
      })),
    },
    sections: [
      {
        properties: { page: { size: { orientation: 'landscape', width: 16838, height: 11906 } } },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(project.name, 'ko-KR')] }),
          new Table({
            rows: [header, ...rows],
            columnWidths: COLUMNS,
            width: { size: 100, type: WidthType.PERCENTAGE },
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
