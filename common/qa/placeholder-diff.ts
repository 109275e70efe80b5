import type { FindingList } from './findings';
import { placeholderTokens, type PhKind, type PhToken } from './placeholders';
import type { QaLang, QaSeverity } from './types';

/**
 * How a translation's placeholders and tags differ from the source's (placeholders.ts says what they are): per kind,
 * as a multiset. A source token with no equal in the translation is missing, a translation token with no equal in the
 * source is extra (added or repeated); a missing and an extra one of the same kind pair up as one altered token.
 */

export interface PhDiff {
  type: 'missing' | 'extra' | 'altered';
  token: PhToken;
  /** Altered: what the translation has instead. */
  found?: PhToken;
  /** Altered in form only (case, %s as %1$s, escaping kept): a warning, not an error. */
  minor?: boolean;
}

const KINDS: readonly PhKind[] = ['printf', 'brace', 'tag', 'cms'];

/** Tokens of `a` with no equal (same key) in `b`, counting repeats. */
function surplus(a: readonly PhToken[], b: readonly PhToken[]): PhToken[] {
  const left = new Map<string, number>();
  for (const t of b) left.set(t.key, (left.get(t.key) ?? 0) + 1);
  return a.filter((t) => {
    const n = left.get(t.key) ?? 0;
    if (n > 0) left.set(t.key, n - 1);
    return n === 0;
  });
}

/** A tag's form up to case and the slash of an element that never closes (<BR>, <br>, <br/>). */
const looseTag = (t: PhToken) => t.key.toLowerCase().replace(/\/>$/u, '>');

const minorChange = (a: PhToken, b: PhToken) =>
  a.base === b.base && (a.kind !== 'tag' || looseTag(a) === looseTag(b));

/** Pairs missing with extra tokens: same base first (an altered attribute, a position added), then same tag role. */
function pairUp(missing: PhToken[], extra: PhToken[]): PhDiff[] {
  const out: PhDiff[] = [];
  const tests = [
    (a: PhToken, b: PhToken) => a.base === b.base,
    (a: PhToken, b: PhToken) => a.role === b.role,
  ];
  for (const same of tests)
    for (const m of [...missing]) {
      const i = extra.findIndex((e) => same(m, e));
      if (i === -1) continue;
      const found = extra.splice(i, 1)[0]!;
      missing.splice(missing.indexOf(m), 1);
      out.push({ type: 'altered', token: m, found, minor: minorChange(m, found) });
    }
  for (const token of missing) out.push({ type: 'missing', token });
  for (const token of extra) out.push({ type: 'extra', token });
  return out;
}

/** How the target's placeholders and tags differ from the source's. */
export function diffPlaceholders(source: readonly PhToken[], target: readonly PhToken[]): PhDiff[] {
  const out: PhDiff[] = [];
  for (const kind of KINDS) {
    const s = source.filter((t) => t.kind === kind);
    const t = target.filter((x) => x.kind === kind);
    out.push(...pairUp(surplus(s, t), surplus(t, s)));
  }
  return out;
}

/** printf arguments without a position, in order (%s %d given as %d %s swaps the arguments at run time). */
const sequential = (tokens: readonly PhToken[]) =>
  tokens.filter((t) => t.kind === 'printf' && t.text !== '%%' && !/[$(]/u.test(t.text)).map((t) => t.key);

/** Whether the target reorders printf arguments that have no position. */
export function printfReordered(source: readonly PhToken[], target: readonly PhToken[]): boolean {
  const a = sequential(source);
  const b = sequential(target);
  return a.length === b.length && a.join('\u0000') !== b.join('\u0000');
}

/** The first closing tag that breaks nesting (<b><i></b></i>), or null; escaped tags and unmatched ones aside. */
export function brokenNesting(tokens: readonly PhToken[]): PhToken | null {
  const stack: string[] = [];
  for (const t of tokens) {
    if (t.kind !== 'tag' || t.key.startsWith('esc:') || t.role === 'self') continue;
    const name = t.base.slice(t.base.indexOf(':') + 1);
    if (t.role === 'open') stack.push(name);
    else if (stack.at(-1) === name) stack.pop();
    else if (stack.includes(name)) return t;
  }
  return null;
}

const SEVERITY: Record<PhDiff['type'], QaSeverity> = { missing: 'error', extra: 'error', altered: 'error' };

/** Report a translation's placeholder and tag differences from the Korean source. */
export function placeholderFindings(out: FindingList, lang: QaLang, source: string, target: string): void {
  const s = placeholderTokens(source);
  const t = placeholderTokens(target);
  if (!s.length && !t.length) return;
  const diffs = diffPlaceholders(s, t);
  for (const d of diffs) {
    const severity = d.minor ? 'warning' : SEVERITY[d.type];
    const key = `${d.token.kind}:${d.token.key}`;
    if (d.type === 'altered')
      out.add(lang, 'markup', 'placeholderAltered', severity, key, {
        token: d.token.text,
        found: d.found!.text,
      });
    else if (d.type === 'missing')
      out.add(lang, 'markup', 'placeholderMissing', severity, key, { token: d.token.text });
    else out.add(lang, 'markup', 'placeholderExtra', severity, key, { token: d.token.text });
  }
  if (!diffs.some((d) => d.token.kind === 'printf') && printfReordered(s, t))
    out.add(lang, 'markup', 'placeholderOrder', 'warning', 'printf-order', {
      tokens: t
        .filter((x) => x.kind === 'printf')
        .map((x) => x.text)
        .join(' '),
    });
  const broken = brokenNesting(t);
  if (broken && !brokenNesting(s))
    out.add(lang, 'markup', 'tagNesting', 'warning', `nesting:${broken.key}`, { token: broken.text });
}
