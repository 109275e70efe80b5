/**
 * Reading a TMX document's translation units, in one of two ways that give the same units:
 * - {@link readTmxStream}: one streaming pass (htmlparser2's tokenizer) over a document already checked to be
 *   well-formed, keeping only what the memory takes. A 100,000-unit memory is read in a fraction of the time a
 *   whole tree takes to build, and without holding that tree;
 * - {@link readTmxTree}: over the tree {@link parseXml} builds, for the documents the stream leaves to it: those
 *   declaring entities of their own (only the tree's reader resolves them, within its expansion limits) and those
 *   nested deeper than any TMX is.
 */
import { Parser } from 'htmlparser2';
import { resolveReferences, type XNode } from '../xml-parse';

/** A `<tuv>` as read: its language and dates as written, and its `<seg>`'s text (inline codes dropped). */
export interface RawTuv {
  lang?: string;
  changedate?: string;
  changeid?: string;
  /** Undefined when the `<tuv>` has no `<seg>`. */
  seg?: string;
}

/** A `<tu>` as read: its attributes, its `x-project` property's text (undefined: none) and its variants. */
export interface RawTu {
  attrs: Record<string, string>;
  project?: string;
  tuvs: RawTuv[];
}

/** What a TMX document holds for the memory; null when it is not TMX (no `<tmx>` root with a `<body>`). */
export interface RawTmx {
  headerProject?: string;
  tus: RawTu[];
}

/** Elements whose text belongs to the segment; every other inline element holds codes or a separate flow. */
const TEXT_INLINE = new Set(['hi', 'g', 'mrk']);

/** The attributes the memory reads from a `<tuv>`. */
const tuvOf = (a: Record<string, string> | undefined): RawTuv => ({
  lang: a?.['xml:lang'] ?? a?.['lang'],
  changedate: a?.['changedate'],
  changeid: a?.['changeid'],
});

// ---- The tree ------------------------------------------------------------------------------------------------

const nameOf = (n: XNode) => Object.keys(n).find((k) => k !== ':@') ?? '';
const childrenOf = (n: XNode) => (n[nameOf(n)] as XNode[] | undefined) ?? [];
const childNamed = (n: XNode, name: string) => childrenOf(n).filter((c) => nameOf(c) === name);

/** The plain text of a `<seg>` or `<prop>`: `<hi>`, `<g>`, `<mrk>` keep their text, other markup is dropped. */
function segText(nodes: XNode[]): string {
  let out = '';
  for (const n of nodes) {
    const name = nameOf(n);
    if (name === '#text') out += String(n['#text']);
    else if (TEXT_INLINE.has(name)) out += segText(childrenOf(n));
  }
  return out;
}

/** The text of a node's first `x-project` property; undefined when it has none. */
function projectOf(n: XNode): string | undefined {
  const prop = childNamed(n, 'prop').find((p) => p[':@']?.['type'] === 'x-project');
  return prop ? segText(childrenOf(prop)) : undefined;
}

/** The units of a document parsed by `parseXml` (its top-level nodes). */
export function readTmxTree(top: XNode[]): RawTmx | null {
  const root = top.find((n) => nameOf(n) === 'tmx');
  const body = root && childNamed(root, 'body')[0];
  if (!root || !body) return null;
  const header = childNamed(root, 'header')[0];
  const tus = childNamed(body, 'tu').map((tu) => ({
    attrs: tu[':@'] ?? {},
    project: projectOf(tu),
    tuvs: childNamed(tu, 'tuv').map((tuv) => {
      const seg = childNamed(tuv, 'seg')[0];
      return { ...tuvOf(tuv[':@']), seg: seg ? segText(childrenOf(seg)) : undefined };
    }),
  }));
  return { headerProject: header && projectOf(header), tus };
}

// ---- The stream ----------------------------------------------------------------------------------------------

/** Deeper than this, the stream gives the document to the tree (htmlparser2's stack is quadratic in depth). */
const MAX_STREAM_DEPTH = 64;

/** What an open element is to the reader. */
type Role = 'tmx' | 'header' | 'body' | 'tu' | 'tuv' | 'text' | 'other';

/** Thrown inside the stream to hand the document over to the tree. */
class TooDeep extends Error {}

/** The reader's state while the stream runs. */
class TmxStream {
  readonly roles: Role[] = [];
  seen = { tmx: false, header: false, body: false };
  headerProject: string | undefined;
  readonly tus: RawTu[] = [];
  /** The `<tu>` being read, and where the text being collected goes when its element closes. */
  tu: RawTu | null = null;
  collect: { into: 'seg' | 'tuProject' | 'headerProject'; text: string; raw: string } | null = null;

  /** The role of an element opening under the current one. */
  roleOf(name: string, a: Record<string, string>): Role {
    const parent = this.roles[this.roles.length - 1];
    const tu = this.tu;
    const isProject = name === 'prop' && a['type'] === 'x-project';
    if (parent === undefined) return name === 'tmx' && !this.seen.tmx ? 'tmx' : 'other';
    if (parent === 'tmx' && name === 'header' && !this.seen.header) return 'header';
    if (parent === 'tmx' && name === 'body' && !this.seen.body) return 'body';
    if (parent === 'body' && name === 'tu') return 'tu';
    if (parent === 'tu' && name === 'tuv') return 'tuv';
    if (parent === 'tu' && isProject && tu && tu.project === undefined) return this.start('tuProject');
    if (parent === 'header' && isProject && this.headerProject === undefined)
      return this.start('headerProject');
    const tuv = tu?.tuvs[tu.tuvs.length - 1];
    if (parent === 'tuv' && name === 'seg' && tuv && tuv.seg === undefined) return this.start('seg');
    if (parent === 'text' && TEXT_INLINE.has(name)) return 'text';
    return 'other';
  }

  start(into: 'seg' | 'tuProject' | 'headerProject'): Role {
    this.collect = { into, text: '', raw: '' };
    return 'text';
  }

  /** Text written as is (CDATA) or with references still to resolve. */
  text(data: string, literal: boolean): void {
    const c = this.collect;
    if (!c || this.roles[this.roles.length - 1] !== 'text') return;
    if (literal) {
      this.flush();
      c.text += data;
    } else c.raw += data;
  }

  /** Resolve the references of the text read since the last markup. */
  flush(): void {
    const c = this.collect;
    if (c && c.raw) [c.text, c.raw] = [c.text + resolveReferences(c.raw, 'TMX'), ''];
  }

  open(name: string, attribs: Record<string, string>): void {
    if (this.roles.length >= MAX_STREAM_DEPTH) throw new TooDeep();
    this.flush();
    const a = resolved(attribs);
    const role = this.roleOf(name, a);
    if (role === 'tmx' || role === 'header' || role === 'body') this.seen[role] = true;
    if (role === 'tu') this.tu = { attrs: a, tuvs: [] };
    if (role === 'tuv') this.tu!.tuvs.push(tuvOf(a));
    this.roles.push(role);
  }

  close(): void {
    this.flush();
    const role = this.roles.pop();
    const c = this.collect;
    // The collecting element closes when no text role is left above it.
    if (c && role === 'text' && this.roles[this.roles.length - 1] !== 'text') {
      const tu = this.tu!;
      if (c.into === 'seg') tu.tuvs[tu.tuvs.length - 1]!.seg = c.text;
      else if (c.into === 'tuProject') tu.project = c.text;
      else this.headerProject = c.text;
      this.collect = null;
    }
    if (role === 'tu') {
      this.tus.push(this.tu!);
      this.tu = null;
    }
  }
}

/** Attribute values with their references resolved (the same object when none has a reference). */
function resolved(attribs: Record<string, string>): Record<string, string> {
  let out: Record<string, string> | null = null;
  for (const k in attribs)
    if (attribs[k]!.includes('&')) (out ??= { ...attribs })[k] = resolveReferences(attribs[k]!, 'TMX');
  return out ?? attribs;
}

/**
 * The units of a well-formed document that declares no entities, in one streaming pass; `'tree'` when the
 * document is nested too deep for the stream (then {@link readTmxTree} reads it).
 */
export function readTmxStream(text: string): RawTmx | null | 'tree' {
  const s = new TmxStream();
  let cdata = false;
  const parser = new Parser(
    {
      onopentag: (name, attribs) => s.open(name, attribs),
      onclosetag: () => s.close(),
      ontext: (data) => s.text(data, cdata),
      oncdatastart: () => (cdata = true),
      oncdataend: () => (cdata = false),
    },
    { xmlMode: true, decodeEntities: false },
  );
  try {
    parser.end(text);
  } catch (e) {
    if (e instanceof TooDeep) return 'tree';
    throw e;
  }
  if (!s.seen.tmx || !s.seen.body) return null;
  return { headerProject: s.headerProject, tus: s.tus };
}
