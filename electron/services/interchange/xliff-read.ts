/**
 * Reading XLIFF 1.2 and 2.0 files that come back from another tool. Only what a round trip needs is read: per
 * unit the joined target text (all segments, in order), its state token and, where the file says, who approved it.
 * Inline codes are mapped back to text: paired codes (`<g>`, `<pc>`, `<mrk>`, `<sm/>…<em/>`) keep their content,
 * placeholders (`<x/>`, `<ph>`, `<bx/>`, `<ex/>`) become their `equiv`/`equiv-text`/`disp` text or, failing that,
 * the same code's text in the source; what cannot be mapped is dropped and reported.
 */
import { orderedXmlParser } from '../xml-parse';
import type { TargetLang } from '../../contract';
import { AppError } from '../errors';
import { stateToken12 } from './baseline';

type XNode = Record<string, unknown> & { ':@'?: Record<string, string> };

/** One unit as the file has it. */
export interface FileUnit {
  id: string;
  /** Joined target text, or null when the unit has no target at all. */
  text: string | null;
  /** The state token, comparable with {@link ExportedUnit.state}; null when the file gives none. */
  state: string | null;
  /** Approver named by the file (XLIFF 1.2 `phase` contact), if any. */
  approvedBy: string | null;
  /** Legacy per-unit fingerprint note (`x-baseline`) of files exported before baselines were stored. */
  fingerprint: string | null;
}

/** A parsed XLIFF file. */
export interface XliffFile {
  version: '1.2' | '2.0';
  lang: TargetLang;
  /** The export id we wrote into the file, unless another tool stripped it. */
  exportId: string | null;
  units: FileUnit[];
  /** `errors:` codes: `interchange.inlineCodeDropped`. */
  warnings: string[];
}

const parser = orderedXmlParser;

function nameOf(n: XNode): string {
  const key = Object.keys(n).find((k) => k !== ':@') ?? '';
  // Files from other tools may use a namespace prefix (`xlf:unit`); the local name is what counts.
  return key.includes(':') && key !== '#text' ? key.slice(key.indexOf(':') + 1) : key;
}
function kids(n: XNode | undefined): XNode[] {
  if (!n) return [];
  const key = Object.keys(n).find((k) => k !== ':@') ?? '';
  const v = n[key];
  return Array.isArray(v) ? (v as XNode[]) : [];
}
function attr(n: XNode | undefined, a: string): string | undefined {
  return n?.[':@']?.[a];
}
function find(nodes: XNode[], name: string): XNode | undefined {
  return nodes.find((n) => nameOf(n) === name);
}
function findAll(nodes: XNode[], name: string): XNode[] {
  return nodes.filter((n) => nameOf(n) === name);
}

const PLACEHOLDERS = new Set(['x', 'ph', 'bx', 'ex', 'it', 'bpt', 'ept', 'sc', 'ec']);

/** Text of inline content; `codes` maps a placeholder id to its text in the source, `lost` counts what is dropped. */
function inlineText(nodes: XNode[], codes: Map<string, string>, lost: { n: number }): string {
  let out = '';
  for (const n of nodes) {
    const name = nameOf(n);
    if (name === '#text') out += String(n['#text']);
    else if (name === 'cp') out += String.fromCodePoint(parseInt(attr(n, 'hex') ?? '0', 16));
    else if (PLACEHOLDERS.has(name)) {
      const id = attr(n, 'id') ?? attr(n, 'rid') ?? '';
      const mapped =
        attr(n, 'equiv') ?? attr(n, 'equiv-text') ?? attr(n, 'disp') ?? codes.get(`${name}:${id}`);
      if (mapped !== undefined) out += mapped;
      else if (name === 'ph' || name === 'x') lost.n++;
      // bpt/ept/it/bx/ex/sc/ec hold the native code of formatting (e.g. `<b>`), which plain text has no room for.
    } else out += inlineText(kids(n), codes, lost);
  }
  return out;
}

/** Placeholders of a source, by `name:id`, with the text they stand for. */
function sourceCodes(nodes: XNode[], into = new Map<string, string>()): Map<string, string> {
  for (const n of nodes) {
    const name = nameOf(n);
    if (PLACEHOLDERS.has(name)) {
      const text = attr(n, 'equiv') ?? attr(n, 'equiv-text') ?? attr(n, 'disp');
      if (text !== undefined) into.set(`${name}:${attr(n, 'id') ?? ''}`, text);
    } else if (name !== '#text') sourceCodes(kids(n), into);
  }
  return into;
}

function langOf(tag: string | undefined): TargetLang {
  const t = tag?.toLowerCase() ?? '';
  if (t.startsWith('vi')) return 'vi';
  if (t.startsWith('en')) return 'en';
  throw new AppError('export.wrongLanguage', { lang: tag ?? '?' });
}

function noteByCategory(notes: XNode[], category: string): string | null {
  const n = notes.find((x) => attr(x, 'category') === category);
  return n ? inlineText(kids(n), new Map(), { n: 0 }) : null;
}

/** XLIFF 2.0: a unit's segments and ignorables joined in order (a CAT tool may have split a row into sentences). */
function unit20(unit: XNode, lost: { n: number }): FileUnit {
  const notes = kids(find(kids(unit), 'notes'));
  const parts = kids(unit).filter((n) => ['segment', 'ignorable'].includes(nameOf(n)));
  let text = '';
  let anyTarget = false;
  const states: string[] = [];
  for (const part of parts) {
    const source = find(kids(part), 'source');
    const target = find(kids(part), 'target');
    const codes = sourceCodes(kids(source));
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
    id: attr(unit, 'id') ?? '',
    text: anyTarget ? text : null,
    state,
    approvedBy: noteByCategory(notes, 'x-approved-by'),
    fingerprint: noteByCategory(notes, 'x-baseline'),
  };
}

function unit12(tu: XNode, phases: Map<string, string>, lost: { n: number }): FileUnit {
  const target = find(kids(tu), 'target');
  const codes = sourceCodes(kids(find(kids(tu), 'source')));
  const fingerprint = findAll(kids(tu), 'note').find((n) => attr(n, 'from') === 'x-baseline');
  const phase = attr(target, 'phase-name');
  return {
    id: attr(tu, 'id') ?? '',
    text: target ? inlineText(kids(target), codes, lost) : null,
    state: target ? stateToken12(attr(tu, 'approved') === 'yes', attr(target, 'state') ?? null) : null,
    approvedBy: phase ? (phases.get(phase) ?? null) : null,
    fingerprint: fingerprint ? inlineText(kids(fingerprint), new Map(), { n: 0 }) : null,
  };
}

function parseDocument(bytes: Uint8Array): XNode[] {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return parser.parse(text) as XNode[];
  } catch {
    throw new AppError('export.notXliff');
  }
}

/** Read an XLIFF 1.2 or 2.0 file (text NFC-normalized). Throws `export.notXliff` / `export.wrongLanguage`. */
export function readXliff(bytes: Uint8Array): XliffFile {
  const root = find(parseDocument(bytes), 'xliff');
  const version = attr(root, 'version');
  const files = findAll(kids(root), 'file');
  if (!root || files.length === 0 || (version !== '2.0' && version !== '1.2'))
    throw new AppError('export.notXliff');
  const lost = { n: 0 };
  const units: FileUnit[] = [];
  let exportId: string | null = null;
  let lang: TargetLang;
  if (version === '2.0') {
    lang = langOf(attr(root, 'trgLang'));
    for (const file of files) {
      exportId ??= noteByCategory(kids(find(kids(file), 'notes')), 'x-export');
      // Units may sit in <group>s when a tool restructured the file.
      const walk = (nodes: XNode[]): void => {
        for (const n of nodes)
          if (nameOf(n) === 'unit') units.push(unit20(n, lost));
          else if (nameOf(n) === 'group') walk(kids(n));
      };
      walk(kids(file));
    }
  } else {
    lang = langOf(attr(files[0], 'target-language'));
    for (const file of files) {
      const header = find(kids(file), 'header');
      const note = findAll(kids(header), 'note').find((n) => attr(n, 'from') === 'x-export');
      if (note) exportId ??= inlineText(kids(note), new Map(), { n: 0 });
      const phases = new Map<string, string>();
      for (const ph of findAll(kids(find(kids(header), 'phase-group')), 'phase')) {
        const name = attr(ph, 'phase-name');
        const who = attr(ph, 'contact-name');
        if (name && who) phases.set(name, who);
      }
      const walk = (nodes: XNode[]): void => {
        for (const n of nodes)
          if (nameOf(n) === 'trans-unit') units.push(unit12(n, phases, lost));
          else if (nameOf(n) === 'group' || nameOf(n) === 'body') walk(kids(n));
      };
      walk(kids(file));
    }
  }
  for (const u of units) if (u.text !== null) u.text = u.text.normalize('NFC');
  return { version, lang, exportId, units, warnings: lost.n > 0 ? ['interchange.inlineCodeDropped'] : [] };
}
