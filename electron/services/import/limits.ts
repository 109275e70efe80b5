/** Largest article file accepted. A long feature is ~100 KB; anything near this is not one article. */
export const MAX_BYTES = 20 * 1024 * 1024;
/** Most rows accepted in one article: a reviewer cannot work through more, and the grid would crawl. */
export const MAX_SEGMENTS = 20_000;
