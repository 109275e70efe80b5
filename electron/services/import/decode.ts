import iconv from 'iconv-lite';
import { AppError } from '../errors';
import { sniffBinary } from '../sniff-binary';

export { sniffBinary };

/** Text decoded from file bytes, with the encoding used and anything the user should check. */
export interface Decoded {
  text: string;
  /** `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be`, `cp949`, or the canonical name of a forced encoding. */
  encoding: string;
  warnings: string[];
}

/**
 * Names Korean users type for the Windows code page CP949 (Unified Hangul Code, a superset of EUC-KR that adds the
 * 8,822 syllables EUC-KR lacks, such as 똠, 햏, 뷁). Every one is decoded as CP949 with iconv-lite: the platform's
 * `euc-kr` decoder may be plain EUC-KR (it is in Node builds with reduced ICU) and would refuse those syllables.
 */
const ALIASES: Record<string, string> = {
  cp949: 'cp949',
  ms949: 'cp949',
  uhc: 'cp949',
  'x-windows-949': 'cp949',
  'windows-949': 'cp949',
  euckr: 'cp949',
  'euc-kr': 'cp949',
  'ks-c-5601-1987': 'cp949',
  utf16: 'utf-16le',
  'utf-16': 'utf-16le',
  utf16le: 'utf-16le',
  utf16be: 'utf-16be',
};

/** True when the bytes hold NUL bytes (text files never do, outside UTF-16). */
function hasNul(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 64 * 1024).includes(0);
}

/** Canonical decoder name for a user-given label, or null when neither iconv-lite nor the platform knows it. */
export function resolveEncoding(label: string): string | null {
  const key = label.trim().toLowerCase().replace(/_/g, '-');
  const name = ALIASES[key] ?? ALIASES[key.replace(/-/g, '')] ?? key;
  if (name === 'cp949') return name;
  try {
    return new TextDecoder(name).encoding;
  } catch {
    return iconv.encodingExists(name) ? name : null;
  }
}

/** Decode with a canonical name from {@link resolveEncoding}: iconv-lite for CP949 (and what only it knows). */
function decodeWith(encoding: string, bytes: Uint8Array): string {
  if (encoding === 'cp949' || !isPlatformEncoding(encoding))
    return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  return new TextDecoder(encoding).decode(bytes);
}

function isPlatformEncoding(name: string): boolean {
  try {
    return new TextDecoder(name).encoding === name;
  } catch {
    return false;
  }
}

/** Strict CP949: null when any byte sequence is not CP949 (iconv-lite marks those with U+FFFD). */
function strictCp949(bytes: Uint8Array): string | null {
  const text = decodeWith('cp949', bytes);
  return text.includes('\uFFFD') ? null : text;
}

/** The charset a web page declares in its first bytes (`<meta charset>` or `http-equiv`), if any. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head);
  const declared = m ? resolveEncoding(m[1]!) : null;
  // A page whose bytes can be read as ASCII here is not UTF-16, whatever it says (the HTML standard agrees).
  return declared?.startsWith('utf-16') ? null : declared;
}

/**
 * A decode of non-UTF-8 bytes is only believable when it reads as Korean: bytes of another legacy code page
 * (Latin-1 "café") often decode as *valid* but meaningless CP949 syllables or Hanja.
 */
function readsAsKorean(text: string): boolean {
  let nonAscii = 0;
  let hangul = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) continue;
    nonAscii++;
    if ((cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0x3130 && cp <= 0x318f)) hangul++;
    else if (cp >= 0x80 && cp <= 0x9f) return false;
  }
  return nonAscii > 0 && hangul / nonAscii >= 0.5;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

/**
 * Decode article bytes. Order: byte-order marks; a forced encoding; a web page's declared charset; strict UTF-8;
 * strict CP949/EUC-KR (old Korean Windows files); UTF-8, then CP949, with a handful of broken bytes (a file cut
 * mid-character), opened with `import.decodeErrors`.
 * Refuses binaries: `binaryCheck` is off only for .docx, which is a ZIP by design.
 */
export function decodeBytes(
  bytes: Uint8Array,
  opts: { forced?: string; html?: boolean; binaryCheck?: boolean } = {},
): Decoded {
  const binaryCheck = opts.binaryCheck ?? true;
  if (binaryCheck && sniffBinary(bytes)) throw new AppError('import.binary');
  const warnings: string[] = [];

  if (opts.forced !== undefined) {
    const encoding = resolveEncoding(opts.forced);
    if (!encoding) throw new AppError('import.unknownEncoding', { encoding: opts.forced.slice(0, 40) });
    if (binaryCheck && !encoding.startsWith('utf-16') && hasNul(bytes)) throw new AppError('import.binary');
    // The user chose this encoding, so decode leniently and say how much did not fit rather than refuse.
    const text = decodeWith(encoding, bytes);
    const bad = countReplacements(text);
    if (bad > 0) warnings.push('import.decodeErrors');
    return { text, encoding, warnings };
  }

  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { ...utf8Lenient(bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeLenient('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeLenient('utf-16be', bytes.subarray(2));
  if (binaryCheck && hasNul(bytes)) throw new AppError('import.binary');

  const declared = opts.html ? declaredCharset(bytes) : null;
  if (declared && declared !== 'utf-8') {
    // A page saved by a browser is re-encoded but keeps its old declaration: then fall through to detection.
    const text = declared === 'cp949' ? strictCp949(bytes) : strictPlatform(declared, bytes);
    if (text !== null) return { text, encoding: declared, warnings };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', warnings };
  } catch {
    // Not UTF-8: try the legacy Korean code page next.
  }
  const cp949 = strictCp949(bytes);
  if (cp949 !== null && readsAsKorean(cp949))
    return { text: cp949, encoding: 'cp949', warnings: ['import.encodingGuessed'] };
  const lenient = utf8Lenient(bytes);
  const bad = countReplacements(lenient.text);
  // A UTF-8 file with a few damaged bytes (cut off mid-character, one bad paste) is still worth opening.
  if (bad <= 3 && bad * 20 <= lenient.text.length && /[^\p{ASCII}\uFFFD]/u.test(lenient.text))
    return { ...lenient, encoding: 'utf-8' };
  // The same for a CP949 file (cut off mid-character by a download or a copy): opened, with both warnings.
  const cp949Lenient = decodeWith('cp949', bytes);
  const badCp949 = countReplacements(cp949Lenient);
  if (badCp949 <= 3 && readsAsKorean(cp949Lenient.replace(/\uFFFD/g, '')))
    return {
      text: cp949Lenient,
      encoding: 'cp949',
      warnings: ['import.encodingGuessed', 'import.decodeErrors'],
    };
  throw new AppError('import.badEncoding');
}

function strictPlatform(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Bytes decoded with U+FFFD for what does not decode, and `import.decodeErrors` when anything did not: a UTF-8 or
 * UTF-16 file cut off mid-character, or holding half a surrogate pair, is never read as clean text.
 */
function decodeLenient(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): Decoded {
  const text = new TextDecoder(encoding).decode(bytes);
  return { text, encoding, warnings: countReplacements(text) > 0 ? ['import.decodeErrors'] : [] };
}

const utf8Lenient = (bytes: Uint8Array) => decodeLenient('utf-8', bytes);

/** Line ends as `\n` (Windows CRLF and old Mac CR alike), a leading BOM dropped, Hangul composed (NFC). */
export function normalizeText(text: string): string {
  // macOS file names and some editors store Hangul decomposed into jamo; NFC makes search, glossary and
  // translation memory matches work. It never changes ASCII, so links and e-mail addresses are untouched.
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC');
}
