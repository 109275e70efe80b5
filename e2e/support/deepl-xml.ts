/**
 * Tag handling of the DeepL-compatible test server (`deepl-server.ts`, `tag_handling=xml`): texts read without
 * their tags, tags kept in place in the answer, and the content of ignored tags left alone.
 */

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, e: string) => {
    const lower = e.toLowerCase();
    if (lower === 'amp') return '&';
    if (lower === 'lt') return '<';
    if (lower === 'gt') return '>';
    if (lower === 'quot') return '"';
    if (lower === 'apos') return "'";
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : m;
  });
}

/** The text an XML text stands for: tags removed, entities read. */
export function plainOf(xml: string): string {
  return unescapeXml(xml.replace(/<[^>]*>/g, ''));
}

/** A piece of XML-ish text: a tag, or a text run (`ignored` inside an ignored tag, so nothing rewrites it). */
export interface XmlRun {
  tag: boolean;
  value: string;
  ignored: boolean;
}

/** Split XML-ish text into tags and text runs; text inside ignored tags is flagged so nothing rewrites it. */
export function xmlRuns(text: string, ignoreTags: Set<string>): XmlRun[] {
  const runs: XmlRun[] = [];
  const re = /<\/?([A-Za-z_][\w.-]*)[^>]*?\/?>/g;
  const open: string[] = [];
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) runs.push({ tag: false, value: text.slice(last, m.index), ignored: open.length > 0 });
    const whole = m[0];
    const name = m[1]!;
    runs.push({ tag: true, value: whole, ignored: false });
    if (ignoreTags.has(name) && !whole.endsWith('/>')) {
      if (whole.startsWith('</')) open.pop();
      else open.push(name);
    }
    last = m.index + whole.length;
  }
  if (last < text.length) runs.push({ tag: false, value: text.slice(last), ignored: open.length > 0 });
  return runs;
}

/**
 * A plain `answer` to the XML `text`, with the text's elements put back around the same words (as DeepL keeps
 * tags in place); an element whose content the answer lacks, and every empty element, is appended.
 */
export function keepElements(text: string, answer: string): string {
  let out = escapeXml(answer);
  const re = /(<([A-Za-z_][\w.-]*)[^>]*?>)([\s\S]*?)(<\/\2>)|(<[A-Za-z_][\w.-]*[^>]*?\/>)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[5]) {
      out += ` ${m[5]}`;
      continue;
    }
    const inner = m[3]!;
    const at = out.indexOf(escapeXml(unescapeXml(inner)));
    if (at >= 0)
      out = out.slice(0, at) + m[1] + inner + m[4] + out.slice(at + escapeXml(unescapeXml(inner)).length);
    else out += ` ${m[1]}${inner}${m[4]}`;
  }
  return out;
}
