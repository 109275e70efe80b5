/**
 * The one control-character policy: characters no export format can carry (XML 1.0 forbids them): C0 controls
 * other than tab and line feed, lone surrogates, U+FFFE/U+FFFF. Imports remove them (with a warning); typed text
 * holding one is refused at the contract's validation with `text.controlCharacter`, on every transport and store
 * (PostgreSQL refuses NUL outright, which would leave a desk cell unsaved for ever).
 */
export const CONTROL_CHARS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CONTROL_CHARS_G = new RegExp(CONTROL_CHARS.source, 'g');

/** `text` without the characters of the policy. */
export function stripControlChars(text: string): string {
  return text.replace(CONTROL_CHARS_G, '');
}

/** The first character of the policy in `text`, as `U+XXXX`, or null when there is none. */
export function firstControlChar(text: string): string | null {
  const m = CONTROL_CHARS.exec(text);
  return m ? `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : null;
}
