/**
 * The termbase as TBX, read by the tools a translator uses: translate-toolkit (`translate.storage.tbx`) and OmegaT
 * 3.6 (its own TBX glossary reader, in a project loaded in console mode); and read back by us in both forms.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { omegatGlossary, python, unzipTo } from '../../../test/support/real-tools';
import type { TermEntry } from '../../contract';
import { buildExport } from '../export';
import { smallProject, CTX } from '../../../test/support/interchange';
import { parseTermFile, writeTermFile } from './termfiles';

const term = (t: Partial<TermEntry> & Pick<TermEntry, 'ko' | 'vi' | 'en'>, i: number): TermEntry => ({
  id: `t${i}`,
  scope: 'desk',
  forbiddenVi: [],
  forbiddenEn: [],
  updatedAt: '2026-12-01T00:00:00.000Z',
  updatedBy: 'Lan',
  ...t,
});

const TERMS: TermEntry[] = [
  { ko: '007', vi: '007', en: '007' },
  {
    ko: '부산시',
    vi: 'Thành phố Busan; TP Busan',
    en: 'Busan',
    note: 'city & <metro> "hall"',
    forbiddenVi: ['Pusan'],
    forbiddenEn: ['Pusan City'],
  },
  { ko: 'K-팝', vi: 'K-pop', en: '  K-pop  ' },
  { ko: '1.50', vi: '1,50', en: '1.50' },
].map(term);

const READ = `
import json, sys
from translate.storage import tbx
store = tbx.tbxfile.parsefile(sys.argv[1])
XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'
out = []
for unit in store.units:
    langs = {n.get(XML_LANG): [t.text for t in n.iter('term')] for n in unit.getlanguageNodes()}
    out.append({'source': unit.source, 'target': unit.target, 'langs': langs, 'notes': unit.getnotes()})
print(json.dumps(out, ensure_ascii=False))
`;

async function tbxFile(form: 'tbx' | 'tbx-v3'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tbx-'));
  const { fileName, data } = writeTermFile(TERMS, form, 'termbase');
  await writeFile(join(dir, fileName), data);
  return join(dir, fileName);
}

describe('termbase TBX', () => {
  it('the default is TBX-Basic in the 2008 martif form, well-formed', async () => {
    const { fileName, data } = writeTermFile(TERMS, 'tbx', 'termbase');
    expect(fileName).toBe('termbase.tbx');
    expect(data).toMatch(/<martif type="TBX-Basic-V1" xml:lang="ko">/);
    const lint = spawnSync('xmllint', ['--noout', await tbxFile('tbx')], { encoding: 'utf8' });
    expect(lint.stderr).toBe('');
  });

  it('translate-toolkit reads every term exactly, "007" included, with the note', async () => {
    const units = JSON.parse(python(READ, [await tbxFile('tbx')])) as Array<{
      source: string;
      target: string;
      langs: Record<string, string[]>;
      notes: string;
    }>;
    expect(units.map((u) => u.langs)).toEqual([
      { ko: ['007'], vi: ['007'], en: ['007'] },
      { ko: ['부산시'], vi: ['Thành phố Busan', 'TP Busan', 'Pusan'], en: ['Busan', 'Pusan City'] },
      { ko: ['K-팝'], vi: ['K-pop'], en: ['K-pop'] },
      { ko: ['1.50'], vi: ['1,50'], en: ['1.50'] },
    ]);
    expect(units.map((u) => u.source)).toEqual(['007', '부산시', 'K-팝', '1.50']);
    expect(units[1]!.notes).toBe('city & <metro> "hall"');
  });

  it('OmegaT loads it as a glossary of a Korean→Vietnamese project: preferred terms, forbidden ones marked', async () => {
    const pkg = await buildExport(
      smallProject(),
      { lang: 'vi', format: 'omegat', policy: 'approved-only' },
      CTX,
    );
    const root = await unzipTo(pkg.data, await mkdtemp(join(tmpdir(), 'omegat-tbx-')));
    const entries = await omegatGlossary(root, await tbxFile('tbx'));
    const pairs = entries.map(([src, tgt]) => `${src}→${tgt}`);
    expect(pairs).toEqual([
      '007→007',
      '부산시→Thành phố Busan',
      '부산시→TP Busan',
      '부산시→Pusan',
      'K-팝→K-pop',
      '1.50→1,50',
    ]);
    // OmegaT 3.6 shows the administrative status as the comment: the forbidden variant is labelled so.
    expect(entries[3]![2]).toContain('deprecatedTerm-admn-sts');
    expect(entries[1]![2]).toContain('city & <metro> "hall"');
  }, 150_000);

  it.each(['tbx', 'tbx-v3'] as const)('%s: we read back exactly what we wrote', (form) => {
    const { data } = writeTermFile(TERMS, form, 'termbase');
    const back = parseTermFile('termbase.tbx', new TextEncoder().encode(data));
    expect(back).toEqual(
      TERMS.map((t) => ({
        ko: t.ko,
        vi: t.vi
          .split(';')
          .map((x) => x.trim())
          .join('; '),
        en: t.en.trim(),
        forbiddenVi: t.forbiddenVi,
        forbiddenEn: t.forbiddenEn,
        ...(t.note ? { note: t.note } : {}),
      })),
    );
  });

  it('TBX v3 is the 2019 form, on request', () => {
    const { fileName, data } = writeTermFile(TERMS, 'tbx-v3', 'termbase');
    expect(fileName).toBe('termbase.tbx-v3.tbx');
    expect(data).toContain(
      '<tbx type="TBX-Basic" style="dca" xml:lang="ko" xmlns="urn:iso:std:iso:30042:ed-2">',
    );
    expect(data).toContain('<conceptEntry id="c1">');
  });
});
