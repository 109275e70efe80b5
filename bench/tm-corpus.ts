// Synthetic but realistic Korean news units for the translation-memory benchmark: sentences built from newswire
// templates with names, places, organisations and figures drawn from lists, so a million units are (nearly) all
// distinct, share the long common stretches real wire copy has ("…라고 밝혔다."), and differ by a number or a word
// the way one day's market report differs from the next.
const PLACES = [
  '서울',
  '부산',
  '인천',
  '대구',
  '광주',
  '대전',
  '울산',
  '세종',
  '수원',
  '창원',
  '하노이',
  '호찌민',
  '도쿄',
  '베이징',
  '워싱턴',
];
const SYLLABLES =
  '가나다라마바사아자차카타파하강민서연지훈유진하늘도윤수재혁채원성현우영준호태석경희은정미숙';
const SURNAMES = '김이박최정강조윤장임한오서신권황안송류홍';
/** Proper nouns are where real copy varies most: thousands of people and companies, not ten. */
function generated(count: number, make: (i: number) => string): string[] {
  return Array.from({ length: count }, (_, i) => make(i));
}
const syl = (i: number, k: number) =>
  SYLLABLES[(i * 7 + k * 13 + Math.floor(i / (k + 3))) % SYLLABLES.length]!;
const NAMES = generated(6000, (i) => SURNAMES[i % SURNAMES.length]! + syl(i, 1) + syl(i * 3, 2));
const COMPANIES = generated(
  4000,
  (i) =>
    syl(i, 3) +
    syl(i * 5, 4) +
    ['전자', '건설', '바이오', '에너지', '물산', '제약', '모빌리티', '증권'][i % 8]!,
);
const ORGS = [
  ...COMPANIES,
  '서울시',
  '기획재정부',
  '한국은행',
  '산업통상자원부',
  '국토교통부',
  '보건복지부',
  '삼성전자',
  '현대자동차',
  'SK하이닉스',
  'LG에너지솔루션',
  '금융위원회',
  '통계청',
  '기상청',
  '교육부',
  '환경부',
];
const TOPICS = [
  '스마트 모빌리티',
  '전기차 충전 인프라',
  '반도체 공급망',
  '청년 일자리',
  '부동산 공급 대책',
  '탄소중립',
  '인공지능 산업',
  '관광 활성화',
  '물가 안정',
  '수출 지원',
];
const VERBS = ['밝혔다', '발표했다', '전했다', '강조했다', '설명했다', '덧붙였다'];
const TEMPLATES: Array<(p: () => string) => string> = [
  (p) => `[${p()}=뉴시스]${p()} 기자 = `,
  (p) => `${p()}는 ${p()}일 ${p()}와 ${p()} 분야 협력을 위한 업무협약을 체결했다고 ${p()}.`,
  (p) => `코스피 지수는 전 거래일보다 ${p()}포인트(${p()}%) 오른 ${p()}에 장을 마감했다.`,
  (p) => `${p()}는 올해 ${p()} 예산으로 ${p()}억원을 편성해 ${p()} 사업을 추진할 계획이라고 ${p()}.`,
  (p) => `${p()} 관계자는 "${p()} 정책의 효과가 ${p()}월부터 본격적으로 나타날 것"이라고 ${p()}.`,
  (p) => `${p()}에 따르면 지난달 ${p()} 지역의 소비자물가는 전년 같은 달보다 ${p()}% 상승했다.`,
  (p) => `${p()} 장관은 ${p()}일 ${p()}에서 열린 간담회에서 ${p()} 관련 현안을 점검했다.`,
];
const SLOTS: string[][][] = [
  [PLACES, NAMES],
  [ORGS, DAYS(), ORGS, TOPICS, VERBS],
  [DECIMALS(), PERCENTS(), INDEXES()],
  [ORGS, TOPICS, AMOUNTS(), TOPICS, VERBS],
  [ORGS, TOPICS, MONTHS(), VERBS],
  [ORGS, PLACES, PERCENTS()],
  [ORGS, DAYS(), PLACES, TOPICS],
];
function DAYS() {
  return Array.from({ length: 31 }, (_, i) => String(i + 1));
}
function MONTHS() {
  return Array.from({ length: 12 }, (_, i) => String(i + 1));
}
function DECIMALS() {
  return Array.from({ length: 3000 }, (_, i) => (i / 100).toFixed(2));
}
function PERCENTS() {
  return Array.from({ length: 500 }, (_, i) => (i / 100).toFixed(2));
}
function INDEXES() {
  return Array.from({ length: 8000 }, (_, i) =>
    (2000 + i / 10).toLocaleString('en-US', { minimumFractionDigits: 2 }),
  );
}
function AMOUNTS() {
  return Array.from({ length: 9000 }, (_, i) => (100 + i).toLocaleString('en-US'));
}

/** A deterministic generator of Korean news sentences (LCG seeded, so runs compare). */
export function sentences(seed: number): () => string {
  let s = seed;
  const rand = () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return () => {
    const t = Math.floor(rand() * TEMPLATES.length);
    const slots = SLOTS[t]!;
    let k = 0;
    const pick = () => {
      const list = slots[k++ % slots.length]!;
      return list[Math.floor(rand() * list.length)]!;
    };
    // A tail clause now and then makes paragraphs of different lengths, as in real copy.
    const tail =
      rand() < 0.4
        ? ` 이번 조치로 ${TOPICS[Math.floor(rand() * TOPICS.length)]} 분야의 경쟁력이 높아질 전망이다.`
        : '';
    return TEMPLATES[t]!(pick) + tail;
  };
}

/**
 * A deterministic generator of memory units as the app stores them: one row of an article, i.e. a paragraph of one
 * to three sentences (a byline or a one-sentence lead is a unit too).
 */
export function paragraphs(seed: number): () => string {
  const next = sentences(seed);
  let s = seed + 1;
  const rand = () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return () => Array.from({ length: 1 + Math.floor(rand() * 3) }, next).join(' ');
}
