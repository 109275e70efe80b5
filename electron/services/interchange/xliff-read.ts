/**
 * Reading XLIFF 1.2 and 2.0 files that come back from another tool. Only what a round trip needs is read: per
 * unit the joined target text (all segments, in order), its state token and, where the file says, who approved it.
 * Inline codes are mapped back to the text they stand for, exactly or not at all: paired codes (`<g>`, `<pc>`,
 * `<mrk>`, `<sm/>…<em/>`) keep their content; a placeholder becomes its original data (XLIFF 2.0 `dataRef` into
 * `<originalData>`, XLIFF 1.2 native content: our files are plain text), its `equiv`/`equiv-text`, or the same
 * code's text in the source. A unit with a placeholder that maps to nothing is refused (listed, never applied).
 */
import { attr, find, findAll, kids, nameOf, parseXml, textOf, type XNode } from '../xml-parse';
import type { InterchangeRefusal, TargetLang } from '../../contract';
import { AppError } from '../errors';
import { stateToken12 } from './baseline';
import { inlineText, originalData, sourceCodes, unkept, type Codes } from './xliff-inline';

/** One unit as the file has it. */
export interface FileUnit {
  id: string;
  /** Joined target text; `''` when the file has an empty target; null when the unit has no target at all. */
  text: string | null;
  /** The Korean the file translates (a split unit's sentences joined as in the source). */
  source: string;
  /** The state token, comparable with {@link ExportedUnit.state}; null when the file gives none. */
  state: string | null;
  /** Approver named by the file (XLIFF 1.2 `phase` contact), if any. */
  approvedBy: string | null;
  /** Legacy per-unit fingerprint note (`x-baseline`) of files exported before baselines were stored. */
  fingerprint: string | null;
  /**
   * Set when the target cannot be read back exactly: an inline code whose content would be lost, a unit split into
   * sentences some of which the file leaves untranslated, or sentences in an order that is not valid.
   */
  refused?: InterchangeRefusal['reason'];
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

/** The unit is only as far along as its least advanced segment. */
function leastState(states: string[]): string | null {
  const order = ['initial', 'translated', 'reviewed', 'final'];
  return states.length ? order[Math.min(...states.map((s) => Math.max(0, order.indexOf(s))))]! : null;
}

/**
 * Why a unit split into sentences cannot be taken whole, if it cannot: some of its sentences translated and others
 * not (no target, or an empty one), so applying the joined text would drop the rest of the row.
 */
function partial(sentences: Array<string | null>): InterchangeRefusal['reason'] | undefined {
  const done = sentences.filter((t) => t !== null && t.trim() !== '').length;
  return done > 0 && done < sentences.length ? 'partialTarget' : undefined;
}

/**
 * XLIFF 2.0 `order`: the target of the part at position i goes to position `order` (1-based over the unit's
 * segments and ignorables). The pieces in their target order, or null when the orders are not a permutation.
 */
function inTargetOrder(pieces: Array<{ text: string; order: string | undefined }>): string[] | null {
  const slots: string[] = [];
  pieces.forEach((p, i) => {
    const at = p.order === undefined ? i + 1 : /^[1-9]\d*$/.test(p.order) ? Number(p.order) : 0;
    if (at >= 1 && at <= pieces.length && slots[at - 1] === undefined) slots[at - 1] = p.text;
  });
  return slots.filter((t) => t !== undefined).length === pieces.length ? slots : null;
}

/**
 * XLIFF 2.0: a unit's segments and ignorables joined in the target's order (a CAT tool may have split a row into
 * sentences, and may reorder them with `order`).
 */
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
  const pieces: Array<{ text: string; order: string | undefined }> = [];
  const sentences: Array<string | null> = [];
  const states: string[] = [];
  let korean = '';
  for (const part of parts) {
    const source = find(kids(part), 'source');
    const target = find(kids(part), 'target');
    const codes = { data, source: sourceCodes(kids(source), data) };
    korean += inlineText(kids(source), codes, { n: 0 });
    // An ignorable without a target is whitespace between sentences that stays as in the source.
    const from = target ?? (nameOf(part) === 'ignorable' ? source : undefined);
    const text = from ? inlineText(kids(from), codes, lost) : '';
    pieces.push({ text, order: attr(target, 'order') });
    if (nameOf(part) !== 'segment') continue;
    sentences.push(target ? text : null);
    states.push(attr(part, 'state') ?? 'initial');
  }
  const ordered = inTargetOrder(pieces);
  const text = (ordered ?? []).join('');
  // Only a segment's target says something about the text: without any, the unit leaves the cell alone.
  const anyTarget = sentences.some((t) => t !== null);
  const refused =
    lost.n > 0 || unkept(text) ? 'inlineCode' : ordered ? partial(sentences) : ('segmentOrder' as const);
  return {
    id,
    text: anyTarget ? text : null,
    source: korean,
    state: leastState(states),
    approvedBy: noteByCategory(notes, 'x-approved-by'),
    fingerprint: noteByCategory(notes, 'x-baseline'),
    ...(refused ? { refused } : {}),
  };
}

/** XLIFF 1.2 sentence markers (`<mrk mtype="seg" mid>`) anywhere in inline content: mid → its text. */
function segMarks(nodes: XNode[], codes: Codes, into = new Map<string, string>()): Map<string, string> {
  for (const n of nodes) {
    if (nameOf(n) === '#text') continue;
    if (nameOf(n) === 'mrk' && attr(n, 'mtype') === 'seg')
      into.set(attr(n, 'mid') ?? '', inlineText(kids(n), codes, { n: 0 }));
    else segMarks(kids(n), codes, into);
  }
  return into;
}

/**
 * XLIFF 1.2 with `<seg-source>` (a CAT tool split the row into sentences): the sentences of the source, each with
 * its translation in the target, or null where the target has none.
 */
function sentences12(tu: XNode, target: XNode | undefined, codes: Codes): Array<string | null> {
  const segSource = find(kids(tu), 'seg-source');
  if (!segSource || !target) return [];
  const translated = segMarks(kids(target), codes);
  if (translated.size === 0) return []; // the target was written whole, not per sentence
  return [...segMarks(kids(segSource), codes).keys()].map((mid) => translated.get(mid) ?? null);
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
  const noted = fingerprint ? inlineText(kids(fingerprint), NO_CODES, lost) : null;
  const refused = lost.n > 0 || unkept(text) ? 'inlineCode' : partial(sentences12(tu, target, codes));
  return {
    id,
    text,
    source: inlineText(kids(source), codes, { n: 0 }),
    state: target ? stateToken12(attr(tu, 'approved') === 'yes', attr(target, 'state') ?? null) : null,
    approvedBy: phase ? (phases.get(phase) ?? null) : null,
    fingerprint: noted,
    ...(refused ? { refused } : {}),
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
