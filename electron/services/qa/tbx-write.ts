import type { TermEntry } from '../../contract';
import { escapeAttr, escapeText } from '../xml-write';

/**
 * Termbase as TBX, in two forms:
 * - `martif`: TBX-Basic in the 2008 ISO 30042 form (`martif`/`termEntry`/`langSet`/`tig`), the one translate-toolkit
 *   and OmegaT read. The default.
 * - `v3`: TBX-Basic in the 2019 form (TBX v3, DCA style: `tbx`/`conceptEntry`/`langSec`/`termSec`).
 * Both carry the same data: Korean term, preferred vi/en terms (`;`-separated alternatives, one term each), the
 * forbidden variants as `deprecatedTerm-admn-sts`, the note on the entry. Terms are text, written exactly.
 */
export type TbxForm = 'martif' | 'v3';

const split = (s: string) =>
  s
    .split(';')
    .map((v) => v.trim())
    .filter(Boolean);

interface Names {
  entry: string;
  lang: string;
  term: string;
}
const NAMES: Record<TbxForm, Names> = {
  martif: { entry: 'termEntry', lang: 'langSet', term: 'tig' },
  v3: { entry: 'conceptEntry', lang: 'langSec', term: 'termSec' },
};

function entry(t: TermEntry, i: number, n: Names): string {
  const term = (text: string, status?: 'preferred' | 'deprecated') =>
    `<${n.term}><term>${escapeText(text)}</term>${status ? `<termNote type="administrativeStatus">${status}Term-admn-sts</termNote>` : ''}</${n.term}>`;
  const lang = (code: string, terms: string[]) =>
    terms.length ? `<${n.lang} xml:lang="${escapeAttr(code)}">${terms.join('')}</${n.lang}>` : '';
  const target = (code: string, preferred: string, forbidden: readonly string[]) =>
    lang(code, [
      ...split(preferred).map((x) => term(x, 'preferred')),
      ...forbidden.map((x) => term(x, 'deprecated')),
    ]);
  return (
    `<${n.entry} id="c${i + 1}">${t.note ? `<note>${escapeText(t.note)}</note>` : ''}` +
    lang('ko', [term(t.ko)]) +
    target('vi', t.vi, t.forbiddenVi) +
    target('en', t.en, t.forbiddenEn) +
    `</${n.entry}>`
  );
}

const DESC = '<fileDesc><sourceDesc><p>Bilingual Review termbase</p></sourceDesc></fileDesc>';

/** The whole file in one of the two forms. */
export function termsToTbx(terms: readonly TermEntry[], form: TbxForm = 'martif'): string {
  const n = NAMES[form];
  const body = `<text><body>\n${terms.map((t, i) => entry(t, i, n)).join('\n')}\n</body></text>`;
  const head = '<?xml version="1.0" encoding="UTF-8"?>\n';
  if (form === 'v3')
    return `${head}<tbx type="TBX-Basic" style="dca" xml:lang="ko" xmlns="urn:iso:std:iso:30042:ed-2">\n<tbxHeader>${DESC}</tbxHeader>\n${body}\n</tbx>\n`;
  return `${head}<martif type="TBX-Basic-V1" xml:lang="ko">\n<martifHeader>${DESC}<encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc></martifHeader>\n${body}\n</martif>\n`;
}
