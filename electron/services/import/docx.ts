import mammoth from 'mammoth';
import { AppError } from '../errors';
import { htmlToBlocks, type HtmlArticle } from './html';

/**
 * Read a Word document: mammoth turns its paragraphs, headings (by style), lists and tables into HTML, which is then
 * read like a web page. Embedded pictures have no address to keep in a project or an export, so they are left out
 * and counted (their captions are ordinary paragraphs in Word and stay).
 */
export async function docxToBlocks(bytes: Uint8Array): Promise<HtmlArticle> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), externalFileAccess: false },
    );
    html = result.value.normalize('NFC');
  } catch {
    // Not a ZIP, or a ZIP without a Word document in it (a renamed .xlsx, a damaged download).
    throw new AppError('import.corruptDocx');
  }
  return htmlToBlocks(html);
}
