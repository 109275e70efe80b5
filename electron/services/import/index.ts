import { createHash } from 'node:crypto';
import type { Segment, SegmentKind, SourceInfo } from '../../contract';
import { AppError } from '../errors';
import { emptyCell } from '../project/cells';

/** An article file as handed over by the UI, the CLI or a test. */
export interface ParseInput {
  fileName: string;
  bytes: Uint8Array;
  /** Force a text encoding instead of detecting it. */
  encoding?: string;
  /** The user saw the "does not look Korean" warning and wants to go on. */
  acceptNonKorean?: boolean;
}

/** An article split into rows, ready to become a project. */
export interface ParsedArticle {
  format: SourceInfo['format'];
  encoding: string;
  /** The headline: project name and DeepL context. */
  title: string;
  segments: Segment[];
  /** `errors:` codes worth telling the user, e.g. `import.notKoreanAccepted`. */
  warnings: string[];
}

/** Largest article accepted: a long feature is ~100 KB; anything near this is not an article. */
export const MAX_BYTES = 20 * 1024 * 1024;
/** Most rows accepted in one article. */
export const MAX_SEGMENTS = 20_000;

/** Parse an article file (text or Markdown). Throws {@link AppError} with a clear code for bad input. */
export async function parseArticle(input: ParseInput): Promise<ParsedArticle> {
  const ext = (/\.([^.]+)$/.exec(input.fileName)?.[1] ?? '').toLowerCase();
  if (!['txt', 'md', 'markdown', 'text'].includes(ext))
    throw new AppError('import.unsupported', { ext: ext || '?' });
  if (input.bytes.length === 0) throw new AppError('import.empty');
  if (input.bytes.length > MAX_BYTES)
    throw new AppError('import.tooLarge', { limitMb: MAX_BYTES / 1024 / 1024 });
  const { text, encoding } = decode(input.bytes, input.encoding);
  const parsed = parseText(text, {
    fileName: input.fileName,
    format: ext === 'txt' || ext === 'text' ? 'txt' : 'md',
    ...(input.acceptNonKorean ? { acceptNonKorean: true } : {}),
  });
  return { ...parsed, encoding };
}

/** Decode bytes: BOMs first, then strict UTF-8, then the old Korean code page (CP949, a superset of EUC-KR). */
export function decode(bytes: Uint8Array, forced?: string): { text: string; encoding: string } {
  if (forced) {
    try {
      return { text: new TextDecoder(forced).decode(bytes), encoding: forced.toLowerCase() };
    } catch {
      throw new AppError('import.unknownEncoding', { encoding: forced });
    }
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (looksBinary(bytes)) throw new AppError('import.binary');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    try {
      return { text: new TextDecoder('euc-kr', { fatal: true }).decode(bytes), encoding: 'euc-kr' };
    } catch {
      throw new AppError('import.badEncoding');
    }
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8);
  const starts = (sig: number[]) => sig.every((b, i) => head[i] === b);
  if (
    starts([0x25, 0x50, 0x44, 0x46]) ||
    starts([0x89, 0x50, 0x4e, 0x47]) ||
    starts([0x50, 0x4b, 0x03, 0x04])
  )
    return true;
  if (starts([0x47, 0x49, 0x46, 0x38]) || starts([0xff, 0xd8, 0xff])) return true;
  return bytes.subarray(0, 8192).includes(0);
}

const PICTURE = /^!\[(.*)\]\((\S+?)\)\s*$/;
const HANGUL = /[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]/;
const CREDIT = /^◎|^\S+\s*기자\s+\S+@|^[\w.]+@newsis\.com$/;
const COPYRIGHT = /(copyright|ⓒ|©|무단\s*전재|재배포\s*금지)/i;

/** Split article text into rows. Lines are paragraphs; blank lines separate them too. */
export function parseText(
  text: string,
  opts: { fileName?: string; format?: 'txt' | 'md' | 'paste'; acceptNonKorean?: boolean } = {},
): ParsedArticle {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (normalised.trim() === '')
    throw new AppError(text.length === 0 ? 'import.empty' : 'import.onlyWhitespace');
  const warnings: string[] = [];
  if (!HANGUL.test(normalised)) {
    if (!opts.acceptNonKorean) throw new AppError('import.notKorean');
    warnings.push('import.notKoreanAccepted');
  }
  const lines = normalised
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length > MAX_SEGMENTS) throw new AppError('import.tooManyParagraphs', { limit: MAX_SEGMENTS });

  const rows: Array<{ kind: SegmentKind; source: string; imageUrl?: string; linkedTo?: number }> = [];
  let bodyStarted = false;
  for (const line of lines) {
    const index = rows.length;
    const picture = PICTURE.exec(line);
    const previous = rows[index - 1];
    if (picture) {
      rows.push({ kind: 'picture', source: picture[1]!.trim(), imageUrl: picture[2]! });
      bodyStarted = true;
    } else if (previous?.kind === 'picture' && similar(previous.source, line)) {
      rows.push({ kind: 'caption', source: line, linkedTo: index - 1 });
    } else if (index === 0) {
      rows.push({ kind: 'headline', source: stripHeading(line) });
    } else if (COPYRIGHT.test(line) && line.length < 120) {
      rows.push({ kind: 'copyright', source: line });
    } else if (CREDIT.test(line) && line.length < 120) {
      rows.push({ kind: 'credit', source: line });
    } else if (/^#{1,6}\s/.test(line)) {
      rows.push({ kind: bodyStarted ? 'heading' : 'subheadline', source: stripHeading(line) });
    } else if (/^([-*+]|\d+[.)])\s+/.test(line)) {
      rows.push({ kind: 'list-item', source: line });
      bodyStarted = true;
    } else if (!bodyStarted && line.length <= 80) {
      rows.push({ kind: 'subheadline', source: line });
    } else {
      rows.push({ kind: 'paragraph', source: line });
      bodyStarted = true;
    }
  }

  const ids = assignIds(rows.map((r) => `${r.kind}\u0000${r.source}`));
  const segments: Segment[] = rows.map((r, i) => ({
    id: ids[i]!,
    kind: r.kind,
    source: r.source,
    ...(r.imageUrl ? { imageUrl: r.imageUrl } : {}),
    ...(r.linkedTo !== undefined ? { linkedTo: ids[r.linkedTo]! } : {}),
    translate: r.kind !== 'credit' && r.kind !== 'copyright',
    targets: { vi: emptyCell(), en: emptyCell() },
  }));
  return {
    format: opts.format ?? 'txt',
    encoding: 'utf-8',
    title: segments[0]?.source ?? opts.fileName ?? '',
    segments,
    warnings,
  };
}

/** Ids from content, so the same article always gets the same ids; repeats get an occurrence suffix. */
function assignIds(keys: string[]): string[] {
  const seen = new Map<string, number>();
  return keys.map((k) => {
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    const hash = createHash('sha256')
      .update(k)
      .digest('base64url')
      .slice(0, 10)
      .replace(/[^A-Za-z0-9]/g, 'x');
    return n === 1 ? `p-${hash}` : `p-${hash}-${n}`;
  });
}

function stripHeading(line: string): string {
  return line.replace(/^#{1,6}\s+/, '');
}

/**
 * True when a line repeats a picture's caption. Web scrapers mangle e-mail addresses in one copy
 * (`[email protected]`), so compare character bigrams rather than demand equality.
 */
function similar(a: string, b: string): boolean {
  const grams = (s: string) => {
    const t = s.replace(/\s+/g, '');
    const out = new Map<string, number>();
    for (let i = 0; i < t.length - 1; i++) out.set(t.slice(i, i + 2), (out.get(t.slice(i, i + 2)) ?? 0) + 1);
    return out;
  };
  const ga = grams(a);
  const gb = grams(b);
  let common = 0;
  let total = 0;
  for (const [g, n] of ga) {
    common += Math.min(n, gb.get(g) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  return total > 0 && (2 * common) / total >= 0.8;
}

/**
 * Carry translations over to a revised version of the same article: unchanged rows keep id and targets, rows that
 * changed a little keep their targets but are flagged (approval withdrawn), new rows start empty, and removed rows
 * are returned so nothing disappears silently.
 */
export function mergeRevision(
  previous: Segment[],
  next: Segment[],
): {
  segments: Segment[];
  removed: Segment[];
  counts: { new: number; changed: number; unchanged: number; removed: number };
} {
  const byId = new Map(previous.map((s) => [s.id, s]));
  const used = new Set<string>();
  const counts = { new: 0, changed: 0, unchanged: 0, removed: 0 };
  const segments = next.map((s, i) => {
    const same = byId.get(s.id);
    if (same && !used.has(same.id)) {
      used.add(same.id);
      counts.unchanged++;
      return { ...same, change: 'unchanged' as const };
    }
    // Look for a near match among nearby unused rows of the same kind.
    const candidates = previous
      .slice(Math.max(0, i - 5), i + 6)
      .filter((p) => !used.has(p.id) && p.kind === s.kind);
    const match = candidates.find((p) => similarLoose(p.source, s.source));
    if (match) {
      used.add(match.id);
      counts.changed++;
      const targets = { ...match.targets };
      for (const lang of ['vi', 'en'] as const)
        if (targets[lang].status === 'approved') targets[lang] = { ...targets[lang], status: 'edited' };
      return { ...s, id: match.id, targets, change: 'changed' as const, previousSource: match.source };
    }
    counts.new++;
    return { ...s, change: 'new' as const };
  });
  const removed = previous.filter((p) => !used.has(p.id));
  counts.removed = removed.length;
  return { segments, removed, counts };
}

function similarLoose(a: string, b: string): boolean {
  const set = (s: string) => new Set(s.replace(/\s+/g, '').match(/.{2}/g) ?? []);
  const sa = set(a);
  const sb = set(b);
  let common = 0;
  for (const g of sa) if (sb.has(g)) common++;
  return sa.size + sb.size > 0 && (2 * common) / (sa.size + sb.size) >= 0.5;
}
