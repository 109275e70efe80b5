import { createHash } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import type {
  CellStatus,
  InterchangeImportSummary,
  Project,
  Segment,
  TargetCell,
  TargetLang,
} from '../../contract';
import { AppError } from '../errors';
import { assertXmlSafe, escapeAttr, escapeText, xliff2Text } from './xml';
import { langTag, numbered } from './rows';

/**
 * The exported target's fingerprint travels in the file (a note other tools keep), so a round trip can tell
 * "changed in the other tool" from "changed here since the export" and report real conflicts only.
 */
export function baseline(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function noteText(text: string, row: number): string {
  assertXmlSafe(text, row);
  return escapeText(text);
}

const X2_STATE: Record<CellStatus, 'initial' | 'translated' | 'final'> = {
  empty: 'initial',
  error: 'initial',
  machine: 'initial',
  edited: 'translated',
  approved: 'final',
};

/** XLIFF 2.0, one target language: a unit per row, `state` from our status, MT and comments as notes. */
export function xliff2(project: Project, lang: TargetLang, appVersion: string): string {
  const units = numbered(project).map(({ segment, row }) => {
    const cell = segment.targets[lang];
    const notes: string[] = [];
    // Notes hold plain text only (no <cp>), so a control character there cannot be encoded: the row is refused.
    if (cell.mt !== undefined) notes.push(`<note category="mt" id="mt">${noteText(cell.mt, row)}</note>`);
    if (cell.comment)
      notes.push(`<note category="comment" id="comment">${noteText(cell.comment, row)}</note>`);
    notes.push(`<note category="x-baseline" id="baseline">${baseline(cell.text)}</note>`);
    const translate = segment.translate ? '' : ' translate="no"';
    const target = !segment.translate
      ? `<target>${xliff2Text(segment.source, row)}</target>`
      : cell.text !== ''
        ? `<target>${xliff2Text(cell.text, row)}</target>`
        : '';
    const state = segment.translate ? X2_STATE[cell.status] : 'final';
    return `    <unit id="${segment.id}" name="row-${row}" type="review:${segment.kind}"${translate}>
      <notes>${notes.join('')}</notes>
      <segment id="${segment.id}-s" state="${state}"><source xml:space="preserve">${xliff2Text(segment.source, row)}</source>${target.replace('<target>', '<target xml:space="preserve">')}</segment>
    </unit>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ko" trgLang="${langTag(project, lang)}">
  <file id="f-${project.id}" original="${escapeAttr(project.source.fileName)}">
    <notes><note category="x-tool" id="tool">Bilingual Review ${escapeText(appVersion)}; project ${project.id}</note></notes>
${units.join('\n')}
  </file>
</xliff>
`;
}

/** XLIFF 1.2 state of a cell; untouched machine output is flagged `mt-suggestion`. */
function x12State(cell: TargetCell): string {
  switch (cell.status) {
    case 'approved':
      return ' state="final"';
    case 'edited':
      return ' state="translated"';
    case 'machine':
      return ' state="needs-review-translation" state-qualifier="mt-suggestion"';
    default:
      return ' state="new"';
  }
}

/** XLIFF 1.2, one target language: `state` and `approved`, the original MT in `alt-trans`. */
export function xliff12(project: Project, lang: TargetLang, appVersion: string): string {
  const tag = langTag(project, lang);
  const units = numbered(project).map(({ segment, row }) => {
    const cell = segment.targets[lang];
    for (const t of [segment.source, cell.text, cell.mt ?? '', cell.comment ?? '']) assertXmlSafe(t, row);
    const attrs = [
      `id="${segment.id}"`,
      `resname="row-${row}"`,
      `restype="x-${segment.kind}"`,
      `translate="${segment.translate ? 'yes' : 'no'}"`,
      ...(segment.translate && cell.status === 'approved' ? ['approved="yes"'] : []),
      'xml:space="preserve"',
    ].join(' ');
    const target = !segment.translate
      ? `<target xml:lang="${tag}" state="final">${escapeText(segment.source)}</target>`
      : cell.text !== ''
        ? `<target xml:lang="${tag}"${x12State(cell)}>${escapeText(cell.text)}</target>`
        : '';
    const alt =
      cell.mt !== undefined
        ? `<alt-trans origin="DeepL"><target xml:lang="${tag}">${escapeText(cell.mt)}</target></alt-trans>`
        : '';
    const comment = cell.comment ? `<note from="reviewer">${escapeText(cell.comment)}</note>` : '';
    const base = `<note from="x-baseline">${baseline(cell.text)}</note>`;
    return `      <trans-unit ${attrs}><source xml:lang="ko">${escapeText(segment.source)}</source>${target}${comment}${base}${alt}</trans-unit>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="${escapeAttr(project.source.fileName)}" source-language="ko" target-language="${tag}" datatype="plaintext" product-name="Bilingual Review" product-version="${escapeAttr(appVersion)}">
    <header><note from="x-project">${project.id}</note></header>
    <body>
${units.join('\n')}
    </body>
  </file>
</xliff>
`;
}

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  parseTagValue: false,
  parseAttributeValue: false,
});

function nameOf(n: Node): string {
  return Object.keys(n).find((k) => k !== ':@') ?? '';
}
function kids(n: Node): Node[] {
  return (n[nameOf(n)] as Node[] | undefined) ?? [];
}
function attr(n: Node, a: string): string | undefined {
  return n[':@']?.[a];
}
function find(nodes: Node[], name: string): Node | undefined {
  return nodes.find((n) => nameOf(n) === name);
}
function findAll(nodes: Node[], name: string): Node[] {
  return nodes.filter((n) => nameOf(n) === name);
}
/** Text content, with XLIFF 2.0 `<cp hex>` turned back into its character. */
function textOf(nodes: Node[]): string {
  let out = '';
  for (const n of nodes) {
    const name = nameOf(n);
    if (name === '#text') out += String(n['#text']);
    else if (name === 'cp') out += String.fromCodePoint(parseInt(attr(n, 'hex') ?? '0', 16));
    else out += textOf(kids(n));
  }
  return out;
}

interface Incoming {
  id: string;
  text: string | null;
  status: CellStatus | null;
  baseline: string | null;
}

const FROM_X2: Record<string, CellStatus> = {
  initial: 'machine',
  translated: 'edited',
  reviewed: 'edited',
  final: 'approved',
};
const FROM_X12: Record<string, CellStatus> = {
  final: 'approved',
  'signed-off': 'approved',
  translated: 'edited',
  'needs-review-translation': 'machine',
  'needs-review-l10n': 'edited',
  'needs-adaptation': 'edited',
  'needs-l10n': 'edited',
  'needs-translation': 'empty',
  new: 'empty',
};

function readXliff(bytes: Uint8Array, project: Project): { lang: TargetLang; units: Incoming[] } {
  let doc: Node[];
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    doc = parser.parse(text) as Node[];
  } catch {
    throw new AppError('export.notXliff');
  }
  const root = find(doc, 'xliff');
  if (!root) throw new AppError('export.notXliff');
  const version = attr(root, 'version');
  const file = find(kids(root), 'file');
  if (!file) throw new AppError('export.notXliff');
  const target = version === '2.0' ? attr(root, 'trgLang') : attr(file, 'target-language');
  const lang: TargetLang | null = target?.toLowerCase().startsWith('vi')
    ? 'vi'
    : target?.toLowerCase().startsWith('en')
      ? 'en'
      : null;
  if (!lang) throw new AppError('export.wrongLanguage', { lang: target ?? '?' });
  const units: Incoming[] = [];
  if (version === '2.0') {
    for (const unit of findAll(kids(file), 'unit')) {
      const notes = kids(find(kids(unit), 'notes') ?? { notes: [] });
      const base = notes.find((n) => attr(n, 'category') === 'x-baseline');
      const segment = find(kids(unit), 'segment');
      const t = segment && find(kids(segment), 'target');
      const state = segment ? attr(segment, 'state') : undefined;
      units.push({
        id: attr(unit, 'id') ?? '',
        text: t ? textOf(kids(t)) : null,
        status: state ? (FROM_X2[state] ?? null) : null,
        baseline: base ? textOf(kids(base)) : null,
      });
    }
  } else if (version === '1.2') {
    const body = find(kids(file), 'body');
    for (const tu of findAll(kids(body ?? { body: [] }), 'trans-unit')) {
      const t = find(kids(tu), 'target');
      const base = findAll(kids(tu), 'note').find((n) => attr(n, 'from') === 'x-baseline');
      const state = t ? attr(t, 'state') : undefined;
      units.push({
        id: attr(tu, 'id') ?? '',
        text: t ? textOf(kids(t)) : null,
        status: attr(tu, 'approved') === 'yes' ? 'approved' : state ? (FROM_X12[state] ?? null) : null,
        baseline: base ? textOf(kids(base)) : null,
      });
    }
  } else throw new AppError('export.notXliff');
  if (units.length > 0 && !units.some((u) => project.segments.some((s) => s.id === u.id)))
    throw new AppError('export.otherProject');
  return { lang, units };
}

/**
 * Bring back an XLIFF (1.2 or 2.0) file we exported, after another tool edited it: targets and statuses update,
 * and a cell changed on both sides since the export is reported as a conflict and left as it is here.
 */
export function importXliff(
  project: Project,
  bytes: Uint8Array,
  now: Date,
): { project: Project; summary: Omit<InterchangeImportSummary, 'project'> } {
  const { lang, units } = readXliff(bytes, project);
  const at = now.toISOString();
  const byId = new Map(units.map((u) => [u.id, u]));
  const known = new Set(project.segments.map((s) => s.id));
  const summary: Omit<InterchangeImportSummary, 'project'> = {
    lang,
    updated: 0,
    unchanged: 0,
    statusChanged: 0,
    conflicts: [],
    unknownIds: units.filter((u) => !known.has(u.id)).map((u) => u.id),
  };
  const segments: Segment[] = project.segments.map((segment) => {
    const incoming = byId.get(segment.id);
    if (!incoming || !segment.translate || segment.kind === 'caption') return segment;
    const local = segment.targets[lang];
    const text = incoming.text ?? '';
    const fileChanged = incoming.baseline === null || baseline(text) !== incoming.baseline;
    const localChanged = incoming.baseline !== null && baseline(local.text) !== incoming.baseline;
    if (text === local.text && (incoming.status === null || incoming.status === local.status)) {
      summary.unchanged++;
      return segment;
    }
    if (fileChanged && localChanged && text !== local.text) {
      summary.conflicts.push({ segmentId: segment.id, local: local.text, incoming: text });
      return segment;
    }
    let next: TargetCell = local;
    if (text !== local.text && fileChanged) {
      next = { ...next, text, status: text === '' ? 'empty' : 'edited', updatedAt: at };
      summary.updated++;
    }
    const wanted = incoming.status && text !== '' ? incoming.status : null;
    if (wanted && wanted !== next.status && !(wanted === 'machine' && next.mt !== next.text)) {
      next =
        wanted === 'approved'
          ? { ...next, status: 'approved', approvedAt: at, updatedAt: at }
          : { ...next, status: wanted === 'empty' ? 'edited' : wanted, updatedAt: at };
      summary.statusChanged++;
    }
    if (next === local) summary.unchanged++;
    return next === local ? segment : { ...segment, targets: { ...segment.targets, [lang]: next } };
  });
  return { project: { ...project, segments }, summary };
}
