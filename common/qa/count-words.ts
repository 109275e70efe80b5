/**
 * A small count said in words or digits, as the span readers meet it (two decades, một năm rưỡi, eleven years and
 * six months): English and Vietnamese words for 1–11, or the digits themselves.
 *
 * What this does not know: larger numbers in words (the number parsers read those), and words for zero.
 */
const WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  một: 1,
  hai: 2,
  ba: 3,
  bốn: 4,
  năm: 5,
  sáu: 6,
  bảy: 7,
  tám: 8,
  chín: 9,
  mười: 10,
  'mười một': 11,
};

/** The count a word (any case) or a run of digits stands for; NaN for anything else. */
export const smallCount = (w: string): number => WORDS[w.toLowerCase()] ?? Number(w);
