import {
  DEEPL_STYLE_SUPPORT,
  TARGET_LANGS,
  type HouseStyle,
  type MtStyleUsed,
  type TargetLang,
} from '../../contract';
import { styleFeaturesSet } from '../mt/house-style';
import { escapeText } from '../xml-write';
import { docStrings, type DocLang } from './doc-strings';

/** The languages with a house style, with what is set and what DeepL does not take for that target. */
function styled(style: HouseStyle | undefined) {
  if (!style) return [];
  return TARGET_LANGS.flatMap((lang: TargetLang) => {
    const s = style[lang];
    const set = styleFeaturesSet(s);
    if (!set.length) return [];
    return [{ lang, s, notSent: set.filter((f) => !DEEPL_STYLE_SUPPORT[lang][f]) }];
  });
}

/** The house style a cell's machine text was made with, as DeepL's parameters ('' for none). */
export function styleUsedText(s: MtStyleUsed | undefined): string {
  if (!s) return '';
  return [
    s.styleId && `style_id: ${s.styleId}`,
    s.customInstructions?.length && `custom_instructions: ${s.customInstructions.join(' | ')}`,
    s.translationMemoryId && `translation_memory_id: ${s.translationMemoryId}`,
  ]
    .filter(Boolean)
    .join('; ');
}

/** One line per language with a house style, for the report CSV (field names in English, like its header). */
export function houseStyleLines(style: HouseStyle | undefined): Array<{ lang: TargetLang; text: string }> {
  return styled(style).map(({ lang, s, notSent }) => ({
    lang,
    text: [
      s.styleId && `style_id: ${s.styleId}`,
      s.customInstructions.length && `custom_instructions: ${s.customInstructions.join(' | ')}`,
      s.translationMemoryId && `translation_memory_id: ${s.translationMemoryId}`,
      notSent.length && `not sent (DeepL does not support it for this target): ${notSent.join(', ')}`,
    ]
      .filter(Boolean)
      .join('; '),
  }));
}

/** The house style section of the HTML report ('' when the report was built without one). */
export function houseStyleHtml(style: HouseStyle | undefined, ui: DocLang): string {
  if (!style) return '';
  const w = docStrings(ui).report;
  const rows = styled(style);
  const cell = (text: string, notSent: boolean) =>
    `<td>${escapeText(text)}${notSent && text ? ` (${escapeText(w.styleNotSent)})` : ''}</td>`;
  const body = rows.length
    ? `<table><thead><tr>${[w.language, w.styleRule, w.styleInstructions, w.styleMemory].map((h) => `<th>${escapeText(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows
  .map(
    ({ lang, s, notSent }) =>
      `<tr><th scope="row">${lang}</th>${cell(s.styleId, notSent.includes('styleRule'))}${cell(s.customInstructions.join(' · '), notSent.includes('customInstructions'))}${cell(s.translationMemoryId, notSent.includes('translationMemory'))}</tr>`,
  )
  .join('\n')}
</tbody></table>`
    : `<p>${escapeText(w.styleNone)}</p>`;
  return `<h2>${escapeText(w.styleTitle)}</h2>\n${body}`;
}
