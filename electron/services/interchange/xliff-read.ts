/**
 * Reading XLIFF 1.2 and 2.0 files that come back from another tool. Only what a round trip needs is read: per
 * unit the joined target text (all segments, in order), its state token and, where the file says, who approved it.
 * Inline codes are mapped back to the text they stand for, exactly or not at all: paired codes (`<g>`, `<pc>`,
 * `<mrk>`, `<sm/>…<em/>`) keep their content; a placeholder becomes its original data (XLIFF 2.0 `dataRef` into
 * `<originalData>`, XLIFF 1.2 native content: our files are plain text), its `equiv`/`equiv-text`, or the same
 * code's text in the source. A unit with a placeholder that maps to nothing is refused (listed, never applied).
 */
import {
  INVALID_XML_CHAR,
  attr,
  find,
  findAll,
  kids,
  nameOf,
  parseXml,
  textOf,
  type XNode,
} from '../xml-parse';
import type { TargetLang } from '../../contract';
import { AppError } from '../errors';
import { stateToken12 } from './baseline';

/** One unit as the file has it. */
export interface FileUnit {
  id: string;
  /** Joined target text; `''` when the file has an empty target; null when the unit has no target at all. */
  text: string | null;
  /** The state token, comparable with {@link ExportedUnit.state}; null when the file gives none. */
  state: string | null;
  /** Approver named by the file (XLIFF 1.2 `phase` contact), if any. */
  approvedBy: string | null;
  /** Legacy per-unit fingerprint note (`x-baseline`) of files exported before baselines were stored. */
  fingerprint: string | null;
  /** Set when the target cannot be read back exactly (an inline code whose content would be lost). */
  refused?: 'inlineCode';
}

/** A parsed XLIFF file. */
export interface XliffFile {
  version: '1.2' | '2.0';
  lang: TargetLang;
  /** The export id we wrote into the file, unless another tool stripped it. */
  exportId: string | null;
  units: FileUnit[];
  /** `errors:` codes worth telling (none at present: what cannot be read exactly is refused per unit). */
  warnings: string[];
}

/** Standalone placeholders: they stand for content that is not in the target itself. */
const STANDALONE = new Set(['x', 'ph']);
/** Boundaries of paired codes and isolated codes: formatting, no text of their own unless they carry data. */
const BOUNDARIES = new Set(['bx', 'ex', 'it', 'bpt', 'ept', 'sc', 'ec']);

/** What an inline code is resolved against: the unit's original data (2.0) and its source's codes. */
interface Codes {
  data: Map<string, string>;
  source: Map<string, string>;
}

/** The text a code stands for, exactly, or undefined when the file does not say. */
function codeText(n: XNode, name: string, codes: Codes): string | undefined {
  const ref = attr(n, 'dataRef');
  if (ref !== undefined && codes.data.has(ref)) return codes.data.get(ref);
  // XLIFF 1.2: the element's content is the native code, which in a plain-text original is the text itself.
  if (kids(n).length > 0) return textOf(kids(n));
  const equiv = attr(n, 'equiv') ?? attr(n, 'equiv-text');
  if (equiv !== undefined) return equiv;
  return codes.source.get(`${name}:${attr(n, 'id') ?? attr(n, 'rid') ?? ''}`);
}

/**
 * The character an XLIFF 2.0 `<cp hex="…"/>` names; undefined when `hex` is missing, not hexadecimal or names no
 * Unicode scalar value (a surrogate, past U+10FFFF): such a code stands for nothing the unit can take.
 */
function codePoint(hex: string | undefined): string | undefined {
  if (hex === undefined || !/^[0-9a-f]{1,6}$/i.test(hex)) return undefined;
  const code = parseInt(hex, 16);
  return code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? undefined : String.fromCodePoint(code);
}

/**
 * Whether a unit's text holds a character no export can carry (a control character a `<cp>` or an `equiv-text`
 * brought): applied, its row could never be exported again, so the unit is refused like a lost placeholder.
 */
const unkept = (text: string | null) => text !== null && INVALID_XML_CHAR.test(text);

/** Text of inline content; `lost` counts placeholders with nothing to put back. */
function inlineText(nodes: XNode[], codes: Codes, lost: { n: number }): string {
  let out = '';
  for (const n of nodes) {
    const name = nameOf(n);
    if (name === '#text') out += String(n['#text']);
    else if (name === 'cp') {
      const ch = codePoint(attr(n, 'hex'));
      if (ch !== undefined) out += ch;
      else lost.n++;
    } else if (STANDALONE.has(name) || BOUNDARIES.has(name)) {
      const text = codeText(n, name, codes);
      if (text !== undefined) out += text;
      else if (STANDALONE.has(name)) lost.n++;
    } else if (name === 'pc') {
      const start = attr(n, 'dataRefStart');
      const end = attr(n, 'dataRefEnd');
      out += (start !== undefined ? codes.data.get(start) : undefined) ?? '';
      out += inlineText(kids(n), codes, lost);
      out += (end !== undefined ? codes.data.get(end) : undefined) ?? '';
    } else out += inlineText(kids(n), codes, lost);
  }
  return out;
}

/** Placeholders of a source, by `name:id`, with the text they stand for. */
function sourceCodes(nodes: XNode[], data: Map<string, string>, into = new Map<string, string>()) {
  for (const n of nodes) {
    const name = nameOf(n);
    if (STANDALONE.has(name) || BOUNDARIES.has(name)) {
      const text = codeText(n, name, { data, source: new Map() });
      if (text !== undefined) into.set(`${name}:${attr(n, 'id') ?? ''}`, text);
    } else if (name !== '#text') sourceCodes(kids(n), data, into);
  }
  return into;
}

/** XLIFF 2.0 `<originalData>` of a unit: data id → text. */
function originalData(unit: XNode): Map<string, string> {
  const data = new Map<string, string>();
  for (const d of findAll(kids(find(kids(unit), 'originalData')), 'data'))
    data.set(attr(d, 'id') ?? '', inlineText(kids(d), { data: new Map(), source: new Map() }, { n: 0 }));
  return data;
}

function langOf(tag: string | undefined): TargetLang {
  const t = tag?.toLowerCase() ?? '';
  if (t.startsWith('vi')) return 'vi';
  if (t.startsWith('en')) return 'en';
  throw new AppError('export.wrongLanguage', { lang: tag ?? '?' });
}

const NO_CODES: Codes = { data: new Map(), source: new Map() };

function noteByCategory(notes: XNode[], category: string): string | null {
  const n = notes.find((x) => attr(x, 'category') === category);
  return n ? textOf(kids(n)) : null;
}

/** The schema's essentials of a unit: an id, and a source in every segment (what a reader relies on). */
function checkUnit(id: string | undefined, sources: Array<XNode | undefined>, seen: Set<string>): string {
  if (!id) throw new AppError('interchange.unitWithoutId');
  if (seen.has(id)) throw new AppError('interchange.duplicateUnit', { id });
  if (sources.length === 0 || sources.some((s) => !s))
    throw new AppError('interchange.unitWithoutSource', { id });
  seen.add(id);
  return id;
}

/** XLIFF 2.0: a unit's segments and ignorables joined in order (a CAT tool may have split a row into sentences). */
function unit20(unit: XNode, seen: Set<string>): FileUnit {
  const notes = kids(find(kids(unit), 'notes'));
  const parts = kids(unit).filter((n) => ['segment', 'ignorable'].includes(nameOf(n)));
  const id = checkUnit(
    attr(unit, 'id'),
    parts.map((p) => find(kids(p), 'source')),
    seen,
  );
  const data = originalData(unit);
  const lost = { n: 0 };
  let text = '';
  let anyTarget = false;
  const states: string[] = [];
  for (const part of parts) {
    const source = find(kids(part), 'source');
    const target = find(kids(part), 'target');
    const codes = { data, source: sourceCodes(kids(source), data) };
    if (target) anyTarget = true;
    // An ignorable without a target is whitespace between sentences that stays as in the source.
    const from = target ?? (nameOf(part) === 'ignorable' ? source : undefined);
    if (from) text += inlineText(kids(from), codes, lost);
    if (nameOf(part) === 'segment') states.push(attr(part, 'state') ?? 'initial');
  }
  // The unit is only as far along as its least advanced segment.
  const order = ['initial', 'translated', 'reviewed', 'final'];
  const state = states.length ? order[Math.min(...states.map((s) => Math.max(0, order.indexOf(s))))]! : null;
  return {
    id,
    text: anyTarget ? text : null,
    state,
    approvedBy: noteByCategory(notes, 'x-approved-by'),
    fingerprint: noteByCategory(notes, 'x-baseline'),
    ...(lost.n > 0 || unkept(text) ? { refused: 'inlineCode' as const } : {}),
  };
}

function unit12(tu: XNode, phases: Map<string, string>, seen: Set<string>): FileUnit {
  const source = find(kids(tu), 'source');
  const id = checkUnit(attr(tu, 'id'), [source], seen);
  const target = find(kids(tu), 'target');
  const codes = { data: new Map<string, string>(), source: sourceCodes(kids(source), new Map()) };
  const fingerprint = findAll(kids(tu), 'note').find((n) => attr(n, 'from') === 'x-baseline');
  const phase = attr(target, 'phase-name');
  const lost = { n: 0 };
  const text = target ? inlineText(kids(target), codes, lost) : null;
  return {
    id,
    text,
    state: target ? stateToken12(attr(tu, 'approved') === 'yes', attr(target, 'state') ?? null) : null,
    approvedBy: phase ? (phases.get(phase) ?? null) : null,
    fingerprint: fingerprint ? inlineText(kids(fingerprint), NO_CODES, lost) : null,
    ...(lost.n > 0 || unkept(text) ? { refused: 'inlineCode' as const } : {}),
  };
}

/** The units of XLIFF 2.0 files (units may sit in <group>s when a tool restructured the file). */
function units20(files: XNode[], seen: Set<string>): { units: FileUnit[]; exportId: string | null } {
  const units: FileUnit[] = [];
  let exportId: string | null = null;
  const walk = (nodes: XNode[]): void => {
    for (const n of nodes)
      if (nameOf(n) === 'unit') units.push(unit20(n, seen));
      else if (nameOf(n) === 'group') walk(kids(n));
  };
  for (const file of files) {
    exportId ??= noteByCategory(kids(find(kids(file), 'notes')), 'x-export');
    walk(kids(file));
  }
  return { units, exportId };
}

/** The units of XLIFF 1.2 files, with the approvers their phases name. */
function units12(files: XNode[], seen: Set<string>): { units: FileUnit[]; exportId: string | null } {
  const units: FileUnit[] = [];
  let exportId: string | null = null;
  for (const file of files) {
    const header = find(kids(file), 'header');
    const note = findAll(kids(header), 'note').find((n) => attr(n, 'from') === 'x-export');
    if (note) exportId ??= textOf(kids(note));
    const phases = new Map<string, string>();
    for (const ph of findAll(kids(find(kids(header), 'phase-group')), 'phase')) {
      const name = attr(ph, 'phase-name');
      const who = attr(ph, 'contact-name');
      if (name && who) phases.set(name, who);
    }
    const body = find(kids(file), 'body');
    if (!body) throw new AppError('interchange.fileWithoutBody');
    const walk = (nodes: XNode[]): void => {
      for (const n of nodes)
        if (nameOf(n) === 'trans-unit') units.push(unit12(n, phases, seen));
        else if (nameOf(n) === 'group') walk(kids(n));
    };
    walk(kids(body));
  }
  return { units, exportId };
}

/**
 * Read an XLIFF 1.2 or 2.0 file (UTF-8 or UTF-16 with a byte-order mark; text NFC-normalized). Refuses a file
 * that is not well-formed (`xml.*`), not XLIFF (`export.notXliff`), of another version (`interchange.xliffVersion`),
 * for another language (`export.wrongLanguage`) or missing what the schema requires (`interchange.*`).
 */
export function readXliff(bytes: Uint8Array): XliffFile {
  const root = find(parseXml(bytes, 'XLIFF'), 'xliff');
  const version = attr(root, 'version');
  const files = findAll(kids(root), 'file');
  if (!root) throw new AppError('export.notXliff');
  if (version !== '2.0' && version !== '1.2')
    throw new AppError('interchange.xliffVersion', { version: version ?? '' });
  if (files.length === 0) throw new AppError('interchange.noFile');
  const seen = new Set<string>();
  const lang = langOf(version === '2.0' ? attr(root, 'trgLang') : attr(files[0], 'target-language'));
  const { units, exportId } = version === '2.0' ? units20(files, seen) : units12(files, seen);
  for (const u of units) if (u.text !== null) u.text = u.text.normalize('NFC');
  return { version, lang, exportId, units, warnings: [] };
}
