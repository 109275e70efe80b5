/**
 * Fixture builders for the import tests: every encoding and format is generated here, so no binary fixtures are
 * committed. Test-only; nothing in the app imports this.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import type { Segment, TargetCell } from '../../electron/contract';

/** Path of the shipped sample article. */
export const SAMPLE_PATH = join(
  import.meta.dirname,
  '../../samples/newsis-seoul-vietnam-smart-mobility.ko.txt',
);

/** The sample article's bytes. */
export function sampleBytes(): Uint8Array {
  return readFileSync(SAMPLE_PATH);
}

let eucKrTable: Map<string, number[]> | null = null;

/**
 * Encode text as EUC-KR/CP949. Node can decode it but has no encoder, so the table is built by decoding every
 * two-byte sequence once.
 */
export function encodeEucKr(text: string): Uint8Array {
  if (!eucKrTable) {
    eucKrTable = new Map();
    const decoder = new TextDecoder('euc-kr', { fatal: true });
    for (let lead = 0x81; lead <= 0xfe; lead++)
      for (let trail = 0x41; trail <= 0xfe; trail++) {
        try {
          const ch = decoder.decode(Uint8Array.of(lead, trail));
          if (ch.length === 1 && !eucKrTable.has(ch)) eucKrTable.set(ch, [lead, trail]);
        } catch {
          // Not a valid pair.
        }
      }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = eucKrTable.get(ch);
      if (!bytes) throw new Error(`not encodable in EUC-KR: ${ch}`);
      out.push(...bytes);
    }
  }
  return Uint8Array.from(out);
}

/** UTF-16 with a byte-order mark, little- or big-endian. */
export function encodeUtf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  const body = endian === 'le' ? le : Buffer.from(le).swap16();
  return Uint8Array.from([...(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), ...body]);
}

/** UTF-8 bytes, optionally with a BOM. */
export function encodeUtf8(text: string, bom = false): Uint8Array {
  const body = Buffer.from(text, 'utf8');
  return bom ? Uint8Array.from([0xef, 0xbb, 0xbf, ...body]) : Uint8Array.from(body);
}

// Smallest valid PNG (1×1, transparent): Word documents need real image bytes.
const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** One paragraph of a generated Word document. */
export type DocxPart =
  { heading: 1 | 2 | 3; text: string } | { text: string; runs?: string[] } | { imageAlt: string };

/** Build a .docx in memory with the `docx` package. */
export async function buildDocx(parts: DocxPart[]): Promise<Uint8Array> {
  const levels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
  const children = parts.map((part) => {
    if ('imageAlt' in part)
      return new Paragraph({
        children: [
          new ImageRun({
            type: 'png',
            data: PNG_1X1,
            transformation: { width: 10, height: 10 },
            altText: { name: 'photo', description: part.imageAlt, title: part.imageAlt },
          }),
        ],
      });
    if ('heading' in part) return new Paragraph({ text: part.text, heading: levels[part.heading] });
    if (part.runs)
      return new Paragraph({
        children: part.runs.map((t, i) => new TextRun({ text: t, bold: i % 2 === 1 })),
      });
    return new Paragraph({ text: part.text });
  });
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A target cell with the given status and text. */
export function cell(
  status: TargetCell['status'],
  text = status === 'empty' ? '' : `${status} text`,
): TargetCell {
  return status === 'approved'
    ? { text, status, approvedAt: '2024-01-01T00:00:00.000Z', approvedBy: 'Reviewer' }
    : { text, status };
}

/** A translated copy of a segment (both languages set to the given statuses). */
export function translated(s: Segment, vi: TargetCell['status'], en: TargetCell['status'] = vi): Segment {
  const text = (lang: string, status: TargetCell['status']) =>
    status === 'empty' ? '' : `${lang}:${s.source}`;
  return { ...s, targets: { vi: cell(vi, text('vi', vi)), en: cell(en, text('en', en)) } };
}
