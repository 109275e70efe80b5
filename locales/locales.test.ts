import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The UI ships in three languages; a key missing in one shows up as a raw key to a reviewer. English is the source.
const dir = import.meta.dirname;
const langs = ['en', 'ko', 'vi'];
const namespaces = readdirSync(join(dir, 'en')).filter((f) => f.endsWith('.json'));

function flatten(o: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
    else out.set(key, String(v));
  }
  return out;
}
const load = (lng: string, ns: string) => flatten(JSON.parse(readFileSync(join(dir, lng, ns), 'utf8')));
const vars = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

for (const ns of namespaces)
  describe(`locale namespace ${ns}`, () => {
    const source = load('en', ns);

    it.each(langs)('%s has exactly the English keys, none empty', (lng) => {
      const messages = load(lng, ns);
      expect([...messages.keys()].sort()).toEqual([...source.keys()].sort());
      for (const [key, text] of messages) expect(text.trim(), `${lng}/${ns} ${key}`).not.toBe('');
    });

    // A percentage is written as the language writes it (48% / 48 %) by the `percent` formatter, never by hand.
    it.each(langs)('%s writes no percent sign after a value: {{x, percent}} does', (lng) => {
      for (const [key, text] of load(lng, ns))
        expect(text, `${lng}/${ns} ${key}`).not.toMatch(/\{\{\s*\w+\s*\}\}\s?%/);
    });

    it.each(langs)('%s uses the same {{variables}} as English', (lng) => {
      const messages = load(lng, ns);
      for (const [key, text] of source)
        expect(vars(messages.get(key) ?? ''), `${lng}/${ns} ${key}`).toEqual(vars(text));
    });
  });

it('every language has the same namespaces', () => {
  for (const lng of langs) expect(readdirSync(join(dir, lng)).sort()).toEqual([...namespaces].sort());
});

// A Korean or Vietnamese string equal to the English one is almost always a string someone forgot to translate.
// Only strings with nothing to translate (placeholders, numbers, format names) may stay the same.
const UNTRANSLATABLE =
  /\{\{\s*\w+\s*(?:,\s*\w+\s*)?\}\}|\b(XLIFF|TMX|HTML|CSV|DOCX|DeepL|DEEPL_AUTH_KEY|Word)\b|[\d\s\p{P}\p{S}]/gu;

for (const ns of namespaces)
  it.each(['ko', 'vi'])(`%s translates every string of ${ns}`, (lng) => {
    const source = load('en', ns);
    for (const [key, text] of load(lng, ns))
      if (text === source.get(key))
        expect(text.replace(UNTRANSLATABLE, ''), `${lng}/${ns} ${key} is still English`).toBe('');
  });
