/**
 * Canonical equivalence (Unicode NFC). "Việt" typed on Windows and the same word pasted from a Mac (V i e U+0302
 * U+0323 t), or 한 and its conjoining jamo (ᄒ ᅡ ᆫ), are one text to every reader: NFC composes them without
 * changing a letter (unlike NFKC, which would turn ﬁ into fi or ㄱ into ᄀ). The app stores text composed, and
 * compares texts as composed wherever one may come from elsewhere (a project file, a desk, a file from a CAT tool).
 */

/** Text in the form the app stores it: composed (NFC). */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/** Whether two texts are the same text to a reader: equal once both are composed. */
export function sameText(a: string, b: string): boolean {
  return a === b || a.normalize('NFC') === b.normalize('NFC');
}
