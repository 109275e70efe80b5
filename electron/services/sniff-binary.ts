/**
 * Telling a document, picture or archive from text by its first bytes, below every domain: article imports and
 * every XML and termbase reader refuse such a file with their own message instead of reading it as text.
 */

/** What kind of non-text file the bytes are, by magic number, or null when they may be text. */
export function sniffBinary(bytes: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'png';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'gif';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06) || starts(0x50, 0x4b, 0x07, 0x08))
    return 'zip';
  // OLE2 compound file: legacy .doc and .hwp, the usual Korean word-processor format.
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'ole2';
  if (starts(0x1f, 0x8b)) return 'gzip';
  if (starts(0x52, 0x49, 0x46, 0x46)) return 'riff';
  if (starts(0x7f, 0x45, 0x4c, 0x46)) return 'elf';
  return null;
}
