/**
 * The `/v2/translate` and `/v2/languages` endpoints of the DeepL-compatible test server (`deepl-server.ts`):
 * parameters checked as DeepL checks them, answers from the sample fixture or marked pseudo-translations with the
 * glossary and the house style applied (see the server's header).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  HttpError,
  applyGlossary,
  one,
  type Dictionary,
  type GlossaryStore,
  type Params,
} from './deepl-glossary';
import { MAX_TEXTS_PER_REQUEST, type Reply } from './deepl-request';
import { StyleRefusal, type StyleApplication, type StyleState } from './deepl-style';
import { escapeXml, keepElements, plainOf, xmlRuns } from './deepl-xml';

const TARGET_LANGS = new Set(
  'AR BG CS DA DE EL EN-GB EN-US ES ES-419 ET FI FR HE HU ID IT JA KO LT LV NB NL PL PT-BR PT-PT RO RU SK SL SV TH TR UK VI ZH ZH-HANS ZH-HANT'.split(
    ' ',
  ),
);
const SOURCE_LANGS = new Set(
  'AR BG CS DA DE EL EN ES ET FI FR HE HU ID IT JA KO LT LV NB NL PL PT RO RU SK SL SV TH TR UK VI ZH'.split(
    ' ',
  ),
);
const FORMALITY_LANGS = new Set('DE FR IT ES ES-419 NL PL PT-BR PT-PT JA RU'.split(' '));
const MODEL_TYPES: Record<string, string> = {
  quality_optimized: 'quality_optimized',
  prefer_quality_optimized: 'quality_optimized',
  latency_optimized: 'latency_optimized',
};

interface FixtureEntry {
  ko: string;
  vi: string;
  'en-US': string;
  'en-GB'?: string;
}

/** The sample article's real translations, by Korean line (whitespace folded). */
export type Fixture = Map<string, FixtureEntry>;

const normalize = (s: string) => s.replace(/\s+/g, ' ').trim();

export function loadFixture(): Fixture {
  const file = fileURLToPath(new URL('./sample-translations.json', import.meta.url));
  const data = JSON.parse(readFileSync(file, 'utf8')) as { entries: FixtureEntry[] };
  return new Map(data.entries.map((e) => [normalize(e.ko), e]));
}

/** What the translate endpoint works with: the server's fixture, glossaries, house style and account. */
export interface TranslateContext {
  fixture: Fixture;
  glossaries: GlossaryStore;
  style: StyleState;
  /** Add billed characters to the account's usage. */
  bill(characters: number): void;
  /** The `drop-texts` fault: the answer lacks the last half of the translations. */
  dropTexts: boolean;
}

/** A translate request's parameters, checked. */
interface TranslateRequest {
  texts: string[];
  target: string;
  source: string | undefined;
  modelType: string | undefined;
  /** `tag_handling` was given: texts are XML (or HTML) and tags are kept. */
  xml: boolean;
  ignoreTags: Set<string>;
  showBilled: boolean;
}

function checkFormality(params: Params, target: string): void {
  const formality = one(params, 'formality');
  if (formality === undefined) return;
  const soft = formality === 'default' || formality.startsWith('prefer_');
  if (!['less', 'more', 'default', 'prefer_less', 'prefer_more'].includes(formality)) {
    throw new HttpError(400, "Value for 'formality' not supported.");
  }
  if (!soft && !FORMALITY_LANGS.has(target)) {
    throw new HttpError(400, "'formality' is not supported for given 'target_lang'.");
  }
}

/** The parameters DeepL checks before translating, refused with DeepL's status and message. */
function readTranslateRequest(params: Params): TranslateRequest {
  const texts = params.get('text') ?? [];
  if (texts.length === 0) throw new HttpError(400, "Parameter 'text' not specified.");
  if (texts.length > MAX_TEXTS_PER_REQUEST) throw new HttpError(413, 'Too many texts in one request.');
  const targetRaw = one(params, 'target_lang');
  if (!targetRaw) throw new HttpError(400, "Parameter 'target_lang' not specified.");
  const target = targetRaw.toUpperCase();
  if (!TARGET_LANGS.has(target)) throw new HttpError(400, "Value for 'target_lang' not supported.");
  const source = one(params, 'source_lang')?.toUpperCase();
  if (source !== undefined && !SOURCE_LANGS.has(source))
    throw new HttpError(400, "Value for 'source_lang' not supported.");
  checkFormality(params, target);
  const modelType = one(params, 'model_type');
  if (modelType !== undefined && !MODEL_TYPES[modelType])
    throw new HttpError(400, "Value for 'model_type' not supported.");
  const tagHandling = one(params, 'tag_handling');
  if (tagHandling !== undefined && tagHandling !== 'xml' && tagHandling !== 'html') {
    throw new HttpError(400, "Value for 'tag_handling' not supported.");
  }
  const billed = one(params, 'show_billed_characters');
  return {
    texts,
    target,
    source,
    modelType,
    xml: tagHandling !== undefined,
    ignoreTags: new Set((one(params, 'ignore_tags') ?? '').split(',').filter(Boolean)),
    showBilled: billed === '1' || billed === 'true',
  };
}

/** The glossary's dictionary for the request's language pair (a glossary needs a source language). */
function dictionaryOf(
  params: Params,
  r: TranslateRequest,
  glossaries: GlossaryStore,
): Dictionary | undefined {
  const glossaryId = one(params, 'glossary_id');
  if (glossaryId === undefined) return undefined;
  if (r.source === undefined)
    throw new HttpError(400, "Use of a glossary requires the 'source_lang' parameter.");
  const g = glossaries.glossaries.get(glossaryId);
  if (!g) throw new HttpError(400, 'Invalid glossary_id.');
  const dict = g.dictionaries.find(
    (d) => d.sourceLang === r.source!.toLowerCase() && d.targetLang === r.target.split('-')[0]!.toLowerCase(),
  );
  if (!dict) throw new HttpError(400, 'The glossary has no dictionary for this language pair.');
  return dict;
}

/** One text's answer before the style's rewriting: the memory's, the fixture's, or marked pseudo-translation. */
function translatePlain(
  text: string,
  r: TranslateRequest,
  fixture: Fixture,
  dict: Dictionary | undefined,
  styled: StyleApplication,
): string {
  const plain = r.xml ? plainOf(text) : text;
  const stored = styled.fromMemory(plain);
  if (stored !== undefined) return r.xml ? escapeXml(stored) : stored;
  const hit = fixture.get(normalize(plain));
  if (hit) {
    const answer =
      r.target === 'VI' ? hit.vi : r.target === 'EN-GB' ? (hit['en-GB'] ?? hit['en-US']) : hit['en-US'];
    return r.xml ? keepElements(text, answer) : answer;
  }
  const marker = `[${r.target === 'EN-US' ? 'EN' : r.target}] `;
  if (!r.xml) return marker + applyGlossary(text, dict);
  const body = xmlRuns(text, r.ignoreTags)
    .map((run) => (run.tag || run.ignored ? run.value : applyGlossary(run.value, dict)))
    .join('');
  return marker + body;
}

/** `/v2/translate`: every text answered, its characters billed. */
export function handleTranslate(params: Params, ctx: TranslateContext): Reply {
  const r = readTranslateRequest(params);
  const dict = dictionaryOf(params, r, ctx.glossaries);
  let styled: StyleApplication;
  try {
    styled = ctx.style.check(params, r.target, r.source);
  } catch (e) {
    throw e instanceof StyleRefusal ? new HttpError(e.status, e.message) : e;
  }
  let results = r.texts.map((text) => {
    const translated = styled.rewrite(translatePlain(text, r, ctx.fixture, dict, styled));
    const billed = [...(r.xml ? plainOf(text) : text)].length;
    ctx.bill(billed);
    return {
      detected_source_language: r.source ?? 'KO',
      text: translated,
      ...(r.showBilled ? { billed_characters: billed } : {}),
      ...(r.modelType ? { model_type_used: MODEL_TYPES[r.modelType] } : {}),
    };
  });
  if (ctx.dropTexts) results = results.slice(0, Math.floor(results.length / 2));
  return { status: 200, body: { translations: results } };
}

/** `/v2/languages`: the source languages, or with `type=target` the targets and whether they take formality. */
export function handleLanguages(params: Params): Reply {
  const targets = one(params, 'type') === 'target';
  return {
    status: 200,
    body: [...(targets ? TARGET_LANGS : SOURCE_LANGS)].map((language) => ({
      language,
      name: language,
      ...(targets ? { supports_formality: FORMALITY_LANGS.has(language) } : {}),
    })),
  };
}
