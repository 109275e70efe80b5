/** Largest article file accepted. A long feature is ~100 KB; anything near this is not one article. */
export const MAX_BYTES = 20 * 1024 * 1024;
/** Most rows accepted in one article: a reviewer cannot work through more, and the grid would crawl. */
export const MAX_SEGMENTS = 20_000;
/**
 * Longest row, in characters. A news paragraph is a few hundred; a longer "paragraph" is a file without line breaks
 * (or a hostile one) and would not fit a machine-translation request or a grid cell.
 */
export const MAX_PARAGRAPH_CHARS = 30_000;
/** Most text in one article, in characters (a 20,000-row article of long paragraphs stays well below). */
export const MAX_TEXT_CHARS = 6_000_000;
/** Largest inflated XML part of a DOCX (a 2,000-page report's document.xml is ~30 MB). */
export const MAX_DOCX_PART_BYTES = 48 * 1024 * 1024;
/** Largest sum of a DOCX's inflated XML parts. */
export const MAX_DOCX_XML_BYTES = 96 * 1024 * 1024;
/** Deepest element nesting read in a web page; browsers stop nesting at 512 too (Chromium's parser limit). */
export const MAX_HTML_DEPTH = 512;
/** Longest an import may run before it is stopped (it runs in a worker thread, so the app stays responsive). */
export const IMPORT_TIME_LIMIT_MS = 30_000;
/** Heap of the import worker: a hostile file exhausts this, not the app's memory. */
export const IMPORT_HEAP_MB = 768;
