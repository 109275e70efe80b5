/**
 * The bilingual review table as a Word document, written as WordprocessingML directly and zipped with jszip. A long
 * article has tens of thousands of table cells; building them as objects of the `docx` library took 5–6 s for
 * 10,000 rows, plain strings take a fraction of that. The package holds only what Word needs: content types,
 * relationships, styles (one paragraph style per proofing language), core properties and the document.
 */
import JSZip from 'jszip';
import type { CellStatus, Project } from '../../contract';
import { TARGET_LANGS } from '../../contract';
import { langTag, numbered } from './rows';
import { escapeText } from '../xml-write';
import { docStrings, fill, type DocLang } from './doc-strings';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// Column widths in twentieths of a point (landscape A4 minus margins): # · 한국어 · Tiếng Việt · English · status · comments.
const COLUMNS = [600, 3900, 3900, 3900, 1100, 1300];
const LANGUAGE_STYLES = ['ko-KR', 'vi-VN', 'en-US', 'en-GB'];

/** BCP 47 tag of the interface language the table's own words are written in. */
const UI_TAG: Record<DocLang, string> = { en: 'en-US', ko: 'ko-KR', vi: 'vi-VN' };

/** Runs of text: line breaks and tabs become Word's own elements, everything else escaped and preserved. */
function runs(text: string, bold = false): string {
  const rPr = bold ? '<w:rPr><w:b/></w:rPr>' : '';
  return text
    .split(/\r\n|\r|\n/)
    .map((line, i) => {
      const parts = line.split('\t').map((p) => `<w:t xml:space="preserve">${escapeText(p)}</w:t>`);
      return `<w:r>${rPr}${i > 0 ? '<w:br/>' : ''}${parts.join('<w:tab/>')}</w:r>`;
    })
    .join('');
}

function paragraph(text: string, style?: string, bold = false): string {
  const pPr = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : '';
  return `<w:p>${pPr}${text === '' ? '' : runs(text, bold)}</w:p>`;
}

function cell(content: string, width: number, shade?: string): string {
  const fill = shade ? `<w:shd w:val="clear" w:color="auto" w:fill="${shade}"/>` : '';
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${fill}</w:tcPr>${content}</w:tc>`;
}

function styles(uiTag: string): string {
  const lang = (tag: string) =>
    tag === 'ko-KR' ? `<w:lang w:val="${tag}" w:eastAsia="${tag}"/>` : `<w:lang w:val="${tag}"/>`;
  const perLanguage = LANGUAGE_STYLES.map(
    (tag) =>
      `<w:style w:type="paragraph" w:customStyle="1" w:styleId="Text-${tag}"><w:name w:val="Text ${tag}"/><w:basedOn w:val="Normal"/><w:rPr>${lang(tag)}</w:rPr></w:style>`,
  ).join('');
  return `${XML_HEAD}<w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/><w:lang w:val="${uiTag}" w:eastAsia="ko-KR"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="auto"/>`).join('')}</w:tblBorders></w:tblPr></w:style>${perLanguage}</w:styles>`;
}

function body(project: Project, ui: DocLang): string {
  const w = docStrings(ui).review;
  const label = (status: CellStatus) => w.state[status];
  // The languages by their own names; the table's other words in the interface language.
  const header = [w.row, '한국어', 'Tiếng Việt', 'English', w.status, w.comments]
    .map((h, i) => cell(paragraph(h, i === 1 ? 'Text-ko-KR' : undefined, true), COLUMNS[i]!, 'ECEFF4'))
    .join('');
  const rows = numbered(project).map(({ segment, row }) => {
    const targets = TARGET_LANGS.map((lang, i) =>
      cell(
        segment.translate
          ? paragraph(segment.targets[lang].text, `Text-${langTag(project, lang)}`)
          : paragraph('—'),
        COLUMNS[2 + i]!,
      ),
    ).join('');
    const status = TARGET_LANGS.map(
      (l) => `${l}: ${segment.translate ? label(segment.targets[l].status) : w.notTranslated}`,
    ).join(' · ');
    const comments = TARGET_LANGS.flatMap((l) =>
      segment.targets[l].comment ? [`${l}: ${segment.targets[l].comment}`] : [],
    ).join(' · ');
    // Number, status and comments are in the document's default language (the interface's); article text is tagged.
    return `<w:tr>${cell(paragraph(String(row)), COLUMNS[0]!)}${cell(paragraph(segment.source, 'Text-ko-KR'), COLUMNS[1]!)}${targets}${cell(paragraph(status), COLUMNS[4]!)}${cell(paragraph(comments), COLUMNS[5]!)}</w:tr>`;
  });
  const grid = COLUMNS.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
  // The title is the Korean headline: tagged Korean on the run itself, as the heading style has no language.
  const title = `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:rPr><w:lang w:val="ko-KR" w:eastAsia="ko-KR"/></w:rPr><w:t xml:space="preserve">${escapeText(project.name)}</w:t></w:r></w:p>`;
  return `${title}<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr>${header}</w:tr>${rows.join('')}</w:tbl><w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>`;
}

/** A bilingual review table for reviewers without the app: # | 한국어 | Tiếng Việt | English | status | comments. */
export async function reviewDocx(
  project: Project,
  now = new Date(),
  ui: DocLang = 'en',
): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  );
  zip.file('word/styles.xml', styles(UI_TAG[ui]));
  zip.file(
    'docProps/core.xml',
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${escapeText(fill(docStrings(ui).review.title, { name: project.name }))}</dc:title><dc:language>${UI_TAG[ui]}</dc:language><dc:creator>Bilingual Review</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${now.toISOString().replace(/\.\d{3}Z$/, 'Z')}</dcterms:created></cp:coreProperties>`,
  );
  zip.file(
    'word/document.xml',
    `${XML_HEAD}<w:document xmlns:w="${W}" xmlns:r="${REL}"><w:body>${body(project, ui)}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
