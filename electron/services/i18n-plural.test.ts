import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeI18n, describeError } from './i18n';
import { findAppRoot } from './paths';

const ROOT = findAppRoot(import.meta.dirname);

/** Every error message written in plural forms (`key_one` / `key_other`), as the code that names it. */
function pluralCodes(): string[] {
  const out: string[] = [];
  const walk = (o: Record<string, unknown>, path: string[]) => {
    for (const [k, v] of Object.entries(o)) {
      if (v && typeof v === 'object') walk(v as Record<string, unknown>, [...path, k]);
      else if (k.endsWith('_other')) out.push([...path, k.slice(0, -'_other'.length)].join('.'));
    }
  };
  walk(JSON.parse(readFileSync(join(ROOT, 'locales', 'en', 'errors.json'), 'utf8')) as never, []);
  return out;
}

describe('error messages in plural forms', () => {
  const codes = pluralCodes();

  it('exist (the check below is not vacuous)', () => {
    expect(codes).toContain('desk.notAllApproved');
    expect(readdirSync(join(ROOT, 'locales'))).toEqual(expect.arrayContaining(['en', 'ko', 'vi']));
  });

  it.each(codes)('%s reads as a sentence for one and for several, in every UI language', (code) => {
    for (const lng of ['en', 'ko', 'vi']) {
      const i18n = createNodeI18n(ROOT, lng);
      const one = describeError(i18n, { code, params: { count: 1 } });
      const three = describeError(i18n, { code, params: { count: 3 } });
      for (const text of [one, three]) expect(text, `${lng} ${code}`).not.toMatch(/^[\w.]+$|\(s\)|\{\{/);
      expect(one).toContain('1');
      expect(three).toContain('3');
      if (lng === 'en') expect(one.replace('1', '3')).not.toBe(three); // "1 row is" / "3 rows are"
    }
  });
});
