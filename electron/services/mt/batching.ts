/**
 * Splitting texts into `/v2/translate` requests within DeepL's limits: at most 50 texts and 128 KiB of request
 * body. deepl-node sends a form-encoded body (URLSearchParams), where a Korean syllable takes 9 bytes (`%EC%98%A4`),
 * so sizes are measured on that encoding, not on characters.
 */

/** DeepL's maximum number of texts in one request. */
export const MAX_TEXTS = 50;
/** DeepL's maximum request body size. */
export const MAX_BODY_BYTES = 128 * 1024;
/** Headroom for parameters a future deepl-node might add that we cannot see. */
export const SAFETY_MARGIN_BYTES = 2 * 1024;

/** Bytes `key=value` adds to a form body, counting the `&` that joins it to the previous parameter. */
export function formParamBytes(key: string, value: string): number {
  // URLSearchParams output is pure ASCII, so its length is its byte count.
  return new URLSearchParams([[key, value]]).toString().length + 1;
}

/** Bytes of the parameters every request of a run carries (everything but the texts). */
export function baseBodyBytes(params: ReadonlyArray<readonly [string, string]>): number {
  return params.reduce((n, [k, v]) => n + formParamBytes(k, v), 0);
}

/** The plan for one language: requests in document order, and texts too large to send at all. */
export interface BatchPlan<T> {
  batches: T[][];
  tooLarge: T[];
}

/**
 * Pack items into few requests (first-fit in document order): each text joins the earliest request that still has
 * room for it, else starts a new one. Requests stay roughly in article order, so the article fills in from the top,
 * while short texts later on top up requests that a long text could not, which next-fit would leave part-empty.
 */
export function planBatches<T>(
  items: readonly T[],
  textBytes: (item: T) => number,
  baseBytes: number,
  limits: { maxTexts?: number; maxBytes?: number } = {},
): BatchPlan<T> {
  const maxTexts = limits.maxTexts ?? MAX_TEXTS;
  const budget = (limits.maxBytes ?? MAX_BODY_BYTES - SAFETY_MARGIN_BYTES) - baseBytes;
  const batches: T[][] = [];
  const used: number[] = [];
  const tooLarge: T[] = [];
  // Requests that are full (by count, or with less room than any text could need) are skipped quickly.
  let firstOpen = 0;
  for (const item of items) {
    const size = textBytes(item);
    if (size > budget) {
      tooLarge.push(item);
      continue;
    }
    let placed = false;
    for (let b = firstOpen; b < batches.length; b++) {
      if (batches[b]!.length < maxTexts && used[b]! + size <= budget) {
        batches[b]!.push(item);
        used[b]! += size;
        placed = true;
        break;
      }
    }
    if (!placed) {
      batches.push([item]);
      used.push(size);
    }
    while (firstOpen < batches.length && batches[firstOpen]!.length >= maxTexts) firstOpen++;
  }
  return { batches, tooLarge };
}

/** The fewest requests any packing could use for these sizes: a lower bound for benchmarks. */
export function minimumRequests(
  sizes: readonly number[],
  baseBytes: number,
  limits: { maxTexts?: number; maxBytes?: number } = {},
): number {
  const maxTexts = limits.maxTexts ?? MAX_TEXTS;
  const budget = (limits.maxBytes ?? MAX_BODY_BYTES - SAFETY_MARGIN_BYTES) - baseBytes;
  const total = sizes.reduce((a, b) => a + b, 0);
  return Math.max(Math.ceil(sizes.length / maxTexts), Math.ceil(total / budget));
}
