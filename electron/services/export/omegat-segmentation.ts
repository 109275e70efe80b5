/**
 * `omegat/segmentation.conf` for the OmegaT package: the sentence breaks of the Korean article exactly as our
 * memory was cut (the export splitter, `./segmenting`), written as OmegaT segmentation rules, so OmegaT cuts
 * the source file where the memory's units begin and end and finds every approved sentence. A row whose
 * translation does not split into the same number of sentences gets no break: the memory holds it whole, and
 * OmegaT keeps it whole.
 *
 * The file is OmegaT's own format (a `java.beans.XMLDecoder` document of `org.omegat.core.segmentation.SRX`, as
 * OmegaT 3.6 writes it). Each break is one break rule: the whole sentence before it and the whole sentence after it
 * as literal patterns, so a rule matches only its own place. Only Korean (the source) has rules: OmegaT segments
 * nothing else in this project.
 */
import { escapeText } from '../xml-write';

/** A Java regular expression matching `s` literally (every metacharacter escaped). */
export function javaLiteral(s: string): string {
  return s.replace(/[\\^$.|?*+()[\]{}]/gu, '\\$&');
}

const PROPERTY = (name: string, value: string) =>
  `<void property="${name}"><string>${escapeText(value)}</string></void>`;

function breakRule(before: string, after: string): string {
  return `<void method="add"><object class="org.omegat.core.segmentation.Rule">${PROPERTY('afterbreak', `\\s+${javaLiteral(after)}`)}${PROPERTY('beforebreak', javaLiteral(before))}<void property="breakRule"><boolean>true</boolean></void></object></void>`;
}

/** The places between consecutive sentences, as `before\0after` keys. */
function breaks(sentences: readonly string[]): string[] {
  return sentences.slice(1).map((s, i) => `${sentences[i]}\u0000${s}`);
}

/**
 * The configuration for paragraphs cut into sentences (`cuts`: each paragraph's sentences in order, one entry for a
 * paragraph kept whole). `vetoed`: how paragraphs kept whole would otherwise have been cut; a break between the same
 * two sentences elsewhere is not written either, so a paragraph the memory holds whole is never cut.
 */
export function segmentationConf(
  cuts: ReadonlyArray<readonly string[]>,
  vetoed: ReadonlyArray<readonly string[]> = [],
): string {
  const rules: string[] = [];
  const seen = new Set<string>(vetoed.flatMap(breaks));
  for (const key of cuts.flatMap(breaks)) {
    if (seen.has(key)) continue;
    seen.add(key);
    const [before, after] = key.split('\u0000') as [string, string];
    rules.push(breakRule(before, after));
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<java version="1.8.0" class="java.beans.XMLDecoder">
<object class="org.omegat.core.segmentation.SRX">
<void property="mappingRules"><void method="add"><object class="org.omegat.core.segmentation.MapRule">
${PROPERTY('language', 'Korean (sentences as in the Bilingual Review memory)')}
${PROPERTY('pattern', 'KO.*')}
<void property="rules"><object class="java.util.ArrayList">
${rules.join('\n')}
</object></void>
</object></void></void>
<void property="segmentSubflows"><boolean>true</boolean></void>
<void property="version"><string>0.2.2</string></void>
</object>
</java>
`;
}
