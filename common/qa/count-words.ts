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

/**
 * Native Korean numerals, in every form a counter, 배 (times) or 째 (ordinal) takes: 한/첫, 두/둘, 세/셋/석/서,
 * 네/넷/넉/너, 다섯 … 열. Each reader's pattern names the forms it reads; the value is the same for all.
 */
export const KOREAN_NATIVE: Readonly<Record<string, number>> = {
  한: 1,
  첫: 1,
  두: 2,
  둘: 2,
  세: 3,
  셋: 3,
  석: 3,
  서: 3,
  네: 4,
  넷: 4,
  넉: 4,
  너: 4,
  다섯: 5,
  여섯: 6,
  일곱: 7,
  여덟: 8,
  아홉: 9,
  열: 10,
};

/** Vietnamese words of scale (hai chục, ba trăm, năm nghìn, 1,2 tỷ …); each reader's pattern names those it reads. */
export const VIETNAMESE_SCALE: Readonly<Record<string, number>> = {
  chục: 10,
  trăm: 1e2,
  nghìn: 1e3,
  ngàn: 1e3,
  vạn: 1e4,
  triệu: 1e6,
  tỷ: 1e9,
  tỉ: 1e9,
};
