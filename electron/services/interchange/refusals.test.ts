/**
 * Every way an interchange import (XLIFF back from a CAT tool, a TMX memory, a TBX or CSV termbase) can be refused,
 * through the app's handlers as the UI sends the file: each refusal has its own code, changes nothing, and reads
 * as its own message in English, Korean and Vietnamese (never a key, a fallback to English, or the XML library's
 * words).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../handlers';
import { toApiError } from '../api-errors';
import { createNodeI18n, describeError } from '../i18n';
import { findAppRoot } from '../paths';
import { testCore } from '../../../test/support/project';
import { smallProject } from '../../../test/support/interchange';

type Kind = 'xliff' | 'tmx' | 'terms';
interface Case {
  what: string;
  kind: Kind;
  code: string;
  file: () => Buffer;
  name?: string;
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');
let exported = '';
const x20 = (body: string, attrs = 'version="2.0" trgLang="vi"') =>
  utf8(`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="ko" ${attrs}>${body}</xliff>`);
const unit = (id: string, seg = '<segment><source>x</source><target>y</target></segment>') =>
  `<unit id="${id}">${seg}</unit>`;
const TMX =
  '<tmx version="1.4"><header/><body><tu><tuv xml:lang="ko"><seg>서울</seg></tuv><tuv xml:lang="vi"><seg>Seoul</seg></tuv></tu></body></tmx>';
const TBX =
  '<martif type="TBX-Basic"><text><body><termEntry><langSet xml:lang="ko"><tig><term>서울</term></tig></langSet></termEntry></body></text></martif>';

/** The first bytes of a Word document (a ZIP) and of a PNG picture, as a mistaken pick would send them. */
const DOCX = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  Buffer.from('word/document.xml,ko,vi\nx,y,z\n'),
]);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('abc,def,ghi\n'),
]);

const CASES: Case[] = [
  {
    what: 'two XLIFF documents glued together',
    kind: 'xliff',
    code: 'xml.afterRoot',
    file: () => utf8(exported.replace(/<\/xliff>\s*$/, '</xliff>\n' + exported.replace(/^<\?xml[^>]*>/, ''))),
  },
  {
    what: 'TMX with text after its root',
    kind: 'tmx',
    code: 'xml.afterRoot',
    file: () => utf8(`${TMX}\n<tu><tuv xml:lang="ko"><seg>부산</seg></tuv></tu>`),
  },
  {
    what: 'XLIFF with a control character written as it is',
    kind: 'xliff',
    code: 'xml.forbiddenChar',
    file: () => utf8(exported.replace('Liên hệ', 'Liên\u0001hệ')),
  },
  {
    what: 'TMX with a control character written as it is',
    kind: 'tmx',
    code: 'xml.forbiddenChar',
    file: () => utf8(TMX.replace('Seoul', 'Seo\u001bul')),
  },
  {
    what: 'a file that is not XLIFF by its name',
    kind: 'xliff',
    code: 'interchange.notXliffName',
    name: 'article.docx',
    file: () => utf8(exported),
  },
  {
    what: 'a file over the size limit',
    kind: 'xliff',
    code: 'interchange.tooLarge',
    file: () => Buffer.alloc(17 * 1024 * 1024, 0x20),
  },
  {
    what: 'UTF-16 without its byte-order mark',
    kind: 'xliff',
    code: 'xml.badEncoding',
    file: () => Buffer.from(exported, 'utf16le'),
  },
  {
    what: 'a truncated file',
    kind: 'xliff',
    code: 'xml.truncated',
    file: () => utf8(exported.slice(0, exported.length / 2)),
  },
  {
    what: 'a mismatched closing tag',
    kind: 'xliff',
    code: 'xml.mismatchedTag',
    file: () => utf8(exported.replace('</segment>', '</segmnt>')),
  },
  {
    what: 'a bare ampersand',
    kind: 'xliff',
    code: 'xml.notWellFormed',
    file: () => utf8(exported.replace('</target>', ' & </target>')),
  },
  {
    what: 'XML that is not XLIFF',
    kind: 'xliff',
    code: 'export.notXliff',
    file: () => utf8('<html><body/></html>'),
  },
  {
    what: 'another XLIFF version',
    kind: 'xliff',
    code: 'interchange.xliffVersion',
    file: () => x20(`<file id="f">${unit('p1')}</file>`, 'version="2.1" trgLang="vi"'),
  },
  { what: 'no <file>', kind: 'xliff', code: 'interchange.noFile', file: () => x20('') },
  {
    what: 'another target language',
    kind: 'xliff',
    code: 'export.wrongLanguage',
    file: () => x20(`<file id="f">${unit('p1')}</file>`, 'version="2.0" trgLang="fr"'),
  },
  {
    what: 'another article',
    kind: 'xliff',
    code: 'export.otherProject',
    file: () => x20(`<file id="f">${unit('zz')}</file>`),
  },
  {
    what: 'a unit without an id',
    kind: 'xliff',
    code: 'interchange.unitWithoutId',
    file: () => x20(`<file id="f"><unit>${'<segment><source>x</source></segment>'}</unit></file>`),
  },
  {
    what: 'a unit given twice',
    kind: 'xliff',
    code: 'interchange.duplicateUnit',
    file: () => x20(`<file id="f">${unit('p1')}${unit('p1')}</file>`),
  },
  {
    what: 'a unit without a source',
    kind: 'xliff',
    code: 'interchange.unitWithoutSource',
    file: () => x20(`<file id="f">${unit('p1', '<segment><target>y</target></segment>')}</file>`),
  },
  {
    what: 'an XLIFF 1.2 <file> without <body>',
    kind: 'xliff',
    code: 'interchange.fileWithoutBody',
    file: () =>
      utf8(
        '<xliff version="1.2"><file source-language="ko" target-language="vi" datatype="plaintext" original="a"/></xliff>',
      ),
  },
  {
    what: 'an XLIFF target with an entity the file does not define (read on: literal "&foo;")',
    kind: 'xliff',
    code: 'xml.unknownEntity',
    file: () => utf8(exported.replace('</target>', ' &foo;</target>')),
  },
  {
    what: 'a TMX whose entity is declared through another entity',
    kind: 'tmx',
    code: 'xml.unknownEntity',
    file: () =>
      utf8('<!DOCTYPE tmx [<!ENTITY a "Seoul"><!ENTITY b "&a; &a;">]>' + TMX.replace('>Seoul<', '>&b;<')),
  },
  {
    what: 'a TBX term with an undefined entity in an attribute',
    kind: 'terms',
    code: 'xml.unknownEntity',
    name: 't.tbx',
    file: () => utf8(TBX.replace('xml:lang="ko"', 'xml:lang="&ko;"')),
  },
  { what: 'a truncated TMX', kind: 'tmx', code: 'xml.truncated', file: () => utf8(TMX.slice(0, 60)) },
  { what: 'XML that is not TMX', kind: 'tmx', code: 'tm.notTmx', file: () => utf8('<html><body/></html>') },
  {
    what: 'a TMX in UTF-16 without its mark',
    kind: 'tmx',
    code: 'xml.badEncoding',
    file: () => Buffer.from(TMX, 'utf16le').swap16(),
  },
  {
    what: 'a truncated TBX',
    kind: 'terms',
    code: 'xml.truncated',
    name: 't.tbx',
    file: () => utf8(TBX.slice(0, 80)),
  },
  {
    what: 'XML that is not TBX',
    kind: 'terms',
    code: 'qa.termFileNotTbx',
    name: 't.tbx',
    file: () => utf8('<nothing/>'),
  },
  {
    what: 'a CSV termbase with an unclosed quote',
    kind: 'terms',
    code: 'qa.termCsvQuote',
    name: 't.csv',
    file: () => utf8('ko,vi,en\n"서울,Seoul,Seoul\n'),
  },
  {
    what: 'a Word document given as XLIFF',
    kind: 'xliff',
    code: 'xml.binary',
    file: () => DOCX,
  },
  {
    what: 'a picture given as TMX',
    kind: 'tmx',
    code: 'xml.binary',
    file: () => PNG,
  },
  {
    what: 'a Word document given as a termbase',
    kind: 'terms',
    code: 'qa.termFileBinary',
    name: 'glossary.docx',
    file: () => DOCX,
  },
  {
    what: 'a CSV termbase in a Western code page',
    kind: 'terms',
    code: 'qa.termFileEncoding',
    name: 'terms.csv',
    file: () => Buffer.from('ko,vi,en\ncaf\xe9,c\xe0 ph\xea,caf\xe9 cr\xe8me\n', 'latin1'),
  },
];

const ROOT = findAppRoot(import.meta.dirname);
const I18N = {
  en: createNodeI18n(ROOT, 'en'),
  ko: createNodeI18n(ROOT, 'ko'),
  vi: createNodeI18n(ROOT, 'vi'),
};
const HANGUL = /[\uAC00-\uD7A3]/;
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

let core: Core;
beforeAll(async () => {
  ({ core } = await testCore());
  await core.store.insert(smallProject());
  const file = await core.handlers.buildExport({
    projectId: 'proj-rt',
    lang: 'vi',
    format: 'xliff2',
    policy: 'include-unapproved',
  });
  exported = Buffer.from(file.dataBase64, 'base64').toString('utf8');
});
afterAll(() => core.close());

/** What the app holds that an import could change: the project, the memory, the termbase. */
async function state() {
  const h = core.handlers;
  return {
    project: (await core.store.get('proj-rt')).segments,
    memory: Buffer.from((await h.exportTmx()).dataBase64, 'base64')
      .toString('utf8')
      .replace(/creationdate="[^"]*"/g, ''),
    terms: await h.listTerms(null),
  };
}

function send(c: Case) {
  const dataBase64 = c.file().toString('base64');
  const h = core.handlers;
  if (c.kind === 'xliff')
    return h.importInterchange({ projectId: 'proj-rt', fileName: c.name ?? 'back.xlf', dataBase64 });
  if (c.kind === 'tmx') return h.importTmx({ fileName: c.name ?? 'm.tmx', dataBase64 });
  return h.importTerms({ fileName: c.name!, dataBase64, scope: 'desk' });
}

describe('interchange refusals', () => {
  const messages = new Map<string, Record<string, string>>();

  it.each(CASES)('$what: refused as $code, nothing changed, told in en/ko/vi', async (c) => {
    const before = await state();
    const error = toApiError(
      await send(c).then(
        () => 'accepted',
        (e: unknown) => e,
      ),
    );
    expect(error.code).toBe(c.code);
    expect(await state()).toEqual(before);
    const said = Object.fromEntries(
      Object.entries(I18N).map(([lng, i18n]) => [lng, describeError(i18n, error)]),
    );
    for (const text of Object.values(said)) {
      expect(text).not.toBe(c.code);
      expect(text).not.toMatch(/\{\{|Expected closing tag|Unclosed|Invalid '|undefined|unknown/);
    }
    expect(said.ko).toMatch(HANGUL);
    expect(said.vi).toMatch(VIETNAMESE);
    expect(new Set(Object.values(said)).size).toBe(3);
    // An XML refusal names the format the user gave.
    if (c.code.startsWith('xml.'))
      for (const text of Object.values(said))
        expect(text).toContain(c.kind === 'terms' ? 'TBX' : c.kind.toUpperCase());
    messages.set(`${c.kind}:${c.code}`, said);
  });

  it('no two refusals read the same in any language', () => {
    expect(messages.size).toBe(CASES.length);
    for (const lng of ['en', 'ko', 'vi']) {
      const texts = [...messages.values()].map((m) => m[lng]);
      expect(new Set(texts).size).toBe(texts.length);
    }
  });
});
