import type { Project, TargetCell, TargetLang } from '../../contract';
import { X2_STATE, x12State } from '../interchange/baseline';
import { isMemoryText } from '../project/cells';
import { fingerprint as baseline } from '../interchange/roundtrip';
import { assertXmlSafe, escapeAttr, escapeText, xliff2Text } from '../xml-write';
import { langTag, numbered } from './rows';

// Besides the stored baseline (the real base of a round trip), every unit carries its exported target's
// fingerprint and the file its export id: with them an older export, or one whose notes survived, still compares.

function noteText(text: string, row: number): string {
  assertXmlSafe(text, row);
  return escapeText(text);
}

/** XLIFF 2.0, one target language: a unit per row, `state` from our status, MT and comments as notes. */
export function xliff2(project: Project, lang: TargetLang, appVersion: string, exportId = ''): string {
  const units = numbered(project).map(({ segment, row }) => {
    const cell = segment.targets[lang];
    const notes: string[] = [];
    // Notes hold plain text only (no <cp>), so a control character there cannot be encoded: the row is refused.
    if (cell.mt !== undefined) notes.push(`<note category="mt" id="mt">${noteText(cell.mt, row)}</note>`);
    if (cell.comment)
      notes.push(`<note category="comment" id="comment">${noteText(cell.comment, row)}</note>`);
    notes.push(`<note category="x-baseline" id="baseline">${baseline(cell.text)}</note>`);
    const translate = segment.translate ? '' : ' translate="no"';
    const target = !segment.translate
      ? `<target>${xliff2Text(segment.source, row)}</target>`
      : cell.text !== ''
        ? `<target>${xliff2Text(cell.text, row)}</target>`
        : '';
    const state = segment.translate ? X2_STATE[cell.status] : 'final';
    return `    <unit id="${segment.id}" name="row-${row}" type="review:${segment.kind}"${translate}>
      <notes>${notes.join('')}</notes>
      <segment id="${segment.id}-s" state="${state}"><source xml:space="preserve">${xliff2Text(segment.source, row)}</source>${target.replace('<target>', '<target xml:space="preserve">')}</segment>
    </unit>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ko" trgLang="${langTag(project, lang)}">
  <file id="f-${project.id}" original="${escapeAttr(project.source.fileName)}">
    <notes><note category="x-tool" id="tool">Bilingual Review ${escapeText(appVersion)}; project ${project.id}</note>${exportId ? `<note category="x-export" id="export">${escapeText(exportId)}</note>` : ''}</notes>
${units.join('\n')}
  </file>
</xliff>
`;
}

/**
 * XLIFF 1.2 state attributes of a cell; untouched machine output is flagged `mt-suggestion`, text still as the
 * translation memory filled it (101 %/100 %) `exact-match`.
 */
function x12Attrs(cell: TargetCell): string {
  const { state, qualifier: mt } = x12State(cell.status);
  const qualifier = mt ?? (isMemoryText(cell) ? 'exact-match' : undefined);
  return ` state="${state}"${qualifier ? ` state-qualifier="${qualifier}"` : ''}`;
}

/** XLIFF 1.2, one target language: `state` and `approved`, the original MT in `alt-trans`. */
export function xliff12(project: Project, lang: TargetLang, appVersion: string, exportId = ''): string {
  const tag = langTag(project, lang);
  const units = numbered(project).map(({ segment, row }) => {
    const cell = segment.targets[lang];
    for (const t of [segment.source, cell.text, cell.mt ?? '', cell.comment ?? '']) assertXmlSafe(t, row);
    const attrs = [
      `id="${segment.id}"`,
      `resname="row-${row}"`,
      `restype="x-${segment.kind}"`,
      `translate="${segment.translate ? 'yes' : 'no'}"`,
      ...(segment.translate && cell.status === 'approved' ? ['approved="yes"'] : []),
      'xml:space="preserve"',
    ].join(' ');
    const target = !segment.translate
      ? `<target xml:lang="${tag}" state="final">${escapeText(segment.source)}</target>`
      : cell.text !== ''
        ? `<target xml:lang="${tag}"${x12Attrs(cell)}>${escapeText(cell.text)}</target>`
        : '';
    const alt =
      cell.mt !== undefined
        ? `<alt-trans origin="DeepL"><target xml:lang="${tag}">${escapeText(cell.mt)}</target></alt-trans>`
        : '';
    const comment = cell.comment ? `<note from="reviewer">${escapeText(cell.comment)}</note>` : '';
    const base = `<note from="x-baseline">${baseline(cell.text)}</note>`;
    return `      <trans-unit ${attrs}><source xml:lang="ko">${escapeText(segment.source)}</source>${target}${comment}${base}${alt}</trans-unit>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="${escapeAttr(project.source.fileName)}" source-language="ko" target-language="${tag}" datatype="plaintext" product-name="Bilingual Review" product-version="${escapeAttr(appVersion)}">
    <header><note from="x-project">${project.id}</note>${exportId ? `<note from="x-export">${escapeText(exportId)}</note>` : ''}</header>
    <body>
${units.join('\n')}
    </body>
  </file>
</xliff>
`;
}
