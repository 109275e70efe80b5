import { inflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { AppError } from '../errors';
import { htmlToBlocks, type HtmlArticle } from './html';
import { MAX_DOCX_PART_BYTES, MAX_DOCX_XML_BYTES } from './limits';

/** jszip's private view of an entry's compressed data (read from the central directory, nothing inflated yet). */
interface CompressedObject {
  uncompressedSize: number;
  compression: { magic: string } | null;
  compressedContent: Uint8Array;
}

function tooLarge(): AppError {
  return new AppError('import.docxTooLarge', { limitMb: MAX_DOCX_PART_BYTES / 1024 / 1024 });
}

/**
 * Refuse a zip bomb before mammoth inflates anything: every XML part's size is checked, first as the central
 * directory declares it, then by inflating with a hard output cap (a forged header cannot get past that). Media
 * parts are never inflated (pictures are not imported), so they are not counted.
 */
export async function checkDocxSizes(bytes: Uint8Array): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    throw new AppError('import.corruptDocx');
  }
  const parts = Object.values(zip.files).filter((f) => !f.dir && /\.(xml|rels)$/i.test(f.name));
  let declared = 0;
  for (const part of parts) {
    const data = (part as unknown as { _data: CompressedObject })._data;
    declared += data.uncompressedSize;
    if (data.uncompressedSize > MAX_DOCX_PART_BYTES || declared > MAX_DOCX_XML_BYTES) throw tooLarge();
  }
  let inflated = 0;
  for (const part of parts) {
    const data = (part as unknown as { _data: CompressedObject })._data;
    if (data.compression?.magic !== '\x08\x00') continue; // stored: its size is the compressed size
    try {
      const limit = Math.min(MAX_DOCX_PART_BYTES, MAX_DOCX_XML_BYTES - inflated) + 1;
      inflated += inflateRawSync(data.compressedContent, { maxOutputLength: limit }).length;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError)
        throw tooLarge();
      throw new AppError('import.corruptDocx');
    }
    if (inflated > MAX_DOCX_XML_BYTES) throw tooLarge();
  }
}

/**
 * Read a Word document: mammoth turns its paragraphs, headings (by style), lists and tables into HTML, which is then
 * read like a web page. Embedded pictures have no address to keep in a project or an export, so they are left out
 * and counted (their captions are ordinary paragraphs in Word and stay).
 */
export async function docxToBlocks(bytes: Uint8Array): Promise<HtmlArticle> {
  await checkDocxSizes(bytes);
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
  // A table is read cell by cell, one row per cell: its layout does not survive into the exports.
  return { ...htmlToBlocks(html), ...(/<table[\s>]/i.test(html) ? { tables: true } : {}) };
}
