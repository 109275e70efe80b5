import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRow } from './check';
import { placeholderTokens } from './placeholders';

/**
 * Placeholders and tags as a class: a translation carrying the source's tokens in any order, amid arbitrary text,
 * is never flagged; one with a token removed, repeated or changed always is.
 */

// Tokens whose order may change freely (printf arguments here carry positions; tags are not paired).
const POOL = [
  '%1$s',
  '%2$d',
  '%3$.2f',
  '%%',
  '{0}',
  '{1}',
  '{name}',
  '{count, number}',
  '{{user}}',
  '${city}',
  '<br/>',
  '<x id="1"/>',
  '<x id="2"/>',
  '<img src="a.png"/>',
  '&lt;br/&gt;',
  '[[photo]]',
  '[IMG1]',
  '[VIDEO]',
];
const KO_WORDS = [
  '서울',
  '정부는',
  '5%',
  '0.4%p',
  '3명',
  '[서울=연합뉴스]',
  '<기생충>',
  '밝혔다.',
  '(',
  ')',
  '지난해',
];
const TARGET_WORDS = [
  'Seoul',
  'chính phủ',
  '5%',
  '5 %',
  '5 phần trăm',
  '3 người',
  'up 5%',
  'năm ngoái',
  '<Parasite>',
  '(',
  ')',
  'said.',
  'tăng',
  '100%',
  'đ',
  '{a few words}',
  '[UPDATE]',
  'https://example.com/a%2Fb',
  '-',
  '—',
];

const filler = (words: readonly string[]) =>
  fc.array(fc.constantFrom(...words), { maxLength: 4 }).map((w) => w.join(' '));
const embed = (tokens: readonly string[], fill: readonly string[]) =>
  tokens.map((t, i) => `${fill[i] ?? ''} ${t} `).join('') + (fill[tokens.length] ?? '');

// An empty translation is not checked at all: every one here ends with a word.
const markup = (source: string, vi: string) =>
  checkRow({ id: 'r', source, targets: { vi: `${vi} xong.` } }).filter((f) => f.check === 'markup');

const row = fc.record({
  tokens: fc.array(fc.constantFrom(...POOL), { minLength: 1, maxLength: 5 }),
  ko: fc.array(filler(KO_WORDS), { minLength: 6, maxLength: 6 }),
  vi: fc.array(filler(TARGET_WORDS), { minLength: 6, maxLength: 6 }),
  seed: fc.nat(),
});

describe('placeholders and tags in arbitrary text', () => {
  it('reads back exactly the tokens embedded', () => {
    fc.assert(
      fc.property(row, ({ tokens, vi }) => {
        expect(placeholderTokens(embed(tokens, vi)).map((t) => t.text)).toEqual(tokens);
      }),
    );
  });

  it('never flags a translation that carries them all, in any order', () => {
    fc.assert(
      fc.property(row, fc.func(fc.integer()), ({ tokens, ko, vi }, order) => {
        const shuffled = [...tokens].sort((a, b) => order(a) - order(b));
        expect(markup(embed(tokens, ko), embed(shuffled, vi))).toEqual([]);
      }),
    );
  });

  it('always flags one removed, repeated or changed', () => {
    fc.assert(
      fc.property(row, fc.constantFrom('remove', 'repeat', 'change'), ({ tokens, ko, vi, seed }, how) => {
        const i = seed % tokens.length;
        const t = [...tokens];
        if (how === 'remove') t.splice(i, 1);
        else if (how === 'repeat') t.splice(i, 0, t[i]!);
        else t[i] = POOL.filter((p) => p !== t[i])[seed % (POOL.length - 1)]!;
        const found = markup(embed(tokens, ko), embed(t, vi));
        expect(found.length).toBeGreaterThan(0);
        if (how !== 'change') expect(found.every((f) => f.severity === 'error')).toBe(true);
      }),
    );
  });

  it('leaves no difference between the two translations unreported (the cross-check is implied)', () => {
    const variant = fc.constantFrom('same', 'remove', 'repeat');
    fc.assert(
      fc.property(row, variant, variant, ({ tokens, ko, vi, seed }, a, b) => {
        const mutate = (how: string) =>
          how === 'same'
            ? tokens
            : how === 'remove'
              ? tokens.slice(1)
              : [...tokens, tokens[seed % tokens.length]!];
        const [tv, te] = [mutate(a), mutate(b)];
        const findings = checkRow({
          id: 'r',
          source: embed(tokens, ko),
          targets: { vi: `${embed(tv, vi)} xong.`, en: `${embed(te, vi)} done.` },
        });
        if ([...tv].sort().join() !== [...te].sort().join())
          expect(findings.filter((f) => f.check === 'markup').length).toBeGreaterThan(0);
      }),
    );
  });
});

// Well-nested markup: a tree of elements whose children may be reordered, never overlapped.
type Tree = { tag: string; kids: Tree[] };
const tree: fc.Arbitrary<Tree[]> = fc.letrec<{ node: Tree; forest: Tree[] }>((tie) => ({
  node: fc.record({ tag: fc.constantFrom('b', 'i', 'span', '1', 'g id="3"'), kids: tie('forest') }),
  forest: fc.oneof({ depthSize: 'small' }, fc.constant<Tree[]>([]), fc.array(tie('node'), { maxLength: 3 })),
})).forest;
const render = (forest: Tree[], word: string): string =>
  forest.map((n) => `<${n.tag}>${word} ${render(n.kids, word)}</${n.tag.split(' ')[0]}> `).join('');
const mirror = (forest: Tree[]): Tree[] => [...forest].reverse().map((n) => ({ ...n, kids: mirror(n.kids) }));

describe('nested tags', () => {
  it('are never flagged when siblings change places', () => {
    fc.assert(
      fc.property(tree, (forest) => {
        expect(markup(`서울 ${render(forest, '시민')}`, `Seoul ${render(mirror(forest), 'dân')}`)).toEqual(
          [],
        );
      }),
    );
  });

  it('are flagged when two closing tags of nested elements change places', () => {
    fc.assert(
      fc.property(tree, (forest) => {
        const ko = render(forest, '시민');
        const vi = render(forest, 'dân');
        const m = /<\/([a-z\d]+)> <\/([a-z\d]+)>/u.exec(vi);
        fc.pre(m !== null && m[1] !== m[2]);
        const swapped = vi.replace(m![0], `</${m![2]}> </${m![1]}>`);
        expect(markup(ko, swapped).map((f) => f.code)).toEqual(['qa:tagNesting']);
      }),
    );
  });
});
