/**
 * The "skeleton" of a user name (Unicode Technical Standard #39, section 4, "Confusable Detection"): two names with
 * the same skeleton look alike (`Boss`, `boss`, Cyrillic `bоss`, `b0ss`), so the desk allows only one of them.
 *
 * skeleton(name) = NFC(map(NFD(caseFold(NFKC(name))))), where `map` replaces each character by its prototype from a
 * compact table of the common Latin, Cyrillic and Greek look-alikes, taken from Unicode's confusables.txt
 * (https://www.unicode.org/Public/security/latest/confusables.txt, "MA" mappings to Latin prototypes). Diacritics
 * are kept: Vietnamese `Lân` and `Lan` are different people.
 */

/** Look-alike → Latin prototype (lower case, after NFD; from confusables.txt). */
const PROTOTYPES: Record<string, string> = {
  // Cyrillic
  а: 'a',
  в: 'b',
  ԁ: 'd',
  е: 'e',
  ё: 'e',
  һ: 'h',
  і: 'i',
  ї: 'i',
  ј: 'j',
  к: 'k',
  ӏ: 'l',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  ԛ: 'q',
  г: 'r',
  ѕ: 's',
  т: 't',
  ѵ: 'v',
  ԝ: 'w',
  х: 'x',
  у: 'y',
  ү: 'y',
  з: '3',
  ь: 'b',
  ɡ: 'g',
  // Greek
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  γ: 'y',
  ϲ: 'c',
  ϳ: 'j',
  ω: 'w',
  // Latin and digits that read as another letter
  ı: 'i',
  ȷ: 'j',
  ℓ: 'l',
  '0': 'o',
  '1': 'l',
  '5': 's',
  '|': 'l',
  ſ: 'f',
};

/** Multi-letter look-alikes, applied after the single characters (`rn` reads as `m`). */
const SEQUENCES: Array<[RegExp, string]> = [
  [/rn/g, 'm'],
  [/vv/g, 'w'],
];

/** The confusable skeleton of a user name, for uniqueness and sign-in look-up. */
export function nameSkeleton(name: string): string {
  const folded = name.trim().normalize('NFKC').toLowerCase().replace(/ß/g, 'ss').normalize('NFD');
  let out = '';
  for (const ch of folded) out += PROTOTYPES[ch] ?? ch;
  for (const [re, to] of SEQUENCES) out = out.replace(re, to);
  return out.normalize('NFC');
}
