/**
 * The quality checker, shared by the renderer (findings as the reviewer types) and the Node side (runQa, the CLI).
 * Isomorphic: no Node, Electron, React or DOM.
 */
export { checkRow } from './check';
export { englishValues } from './numbers-en';
export { koreanValues, koreanNumeralValue } from './numbers-ko';
export { vietnameseValues } from './numbers-vi';
export { emailPlaceholder, protectedTokens } from './protected';
export { alignSentences, splitSentences } from './sentences';
export { checkTerms, containsPhrase, findKoreanTerm } from './terms';
export { nfc } from './text';
export * from './types';
export { mergeTerms, toQaTerm, type StoredTerm } from './termbase';
