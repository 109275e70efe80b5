import type { FindingList } from './findings';
import type { Mention, QaLang } from './types';
import { valueKey } from './values';

/**
 * The direction of a change: the Korean says a value rose (오른, 늘었다, 증가, 인상, 상승) or fell (하락, 내린,
 * 줄었다, 감소, 인하), and the translation says the opposite near the same value (fell/giảm for 상승). Reported only
 * when the translation has a word of the opposite direction next to the value and none of the right one: a
 * translation that says nothing about the direction ("stood at 29 percent") is not judged.
 *
 * What this does not know: a direction stated without a number (기온이 크게 떨어질 → "will rise"), a direction
 * carried by a noun far from its value ("the decline … 3 percent"), and rises or falls said by idiom (mất giá is
 * read, "shed" is not).
 */

// A rate noun (증가율, 상승률: the growth rate) names the measure, not the direction of this value.
const KO_UP = /^(?:상승(?![율률])|오른|오르|올라|올랐|늘|증가(?![율률])|인상|확대|급등|높아|높았|웃돌)/u;
const KO_DOWN =
  /^(?:하락(?![율률])|내린|내려|내렸|내리|떨어|줄|감소(?![율률])|인하|축소|급락|낮아|낮았|밑돌|하회)/u;
// After the value: its counter or unit word (명, 원, 달러로), a hedge (이상, 가까이), then the verb.
// A parenthesis may sit between (8.15포인트(0.97%) 오른): the direction is the whole phrase's.
const KO_GAP =
  /^[\s)]*(?:[가-힣]{1,3}(?=[\s(]))?(?:\([^)]{0,20}\))?\s?(?:(?:이상|가까이|넘게|가량|정도|씩|이나|연속|째)\s)?/u;

const EN_UP =
  /\b(?:rose|risen|rises?|rising|up(?!\s+to\b)|increased?|increases|increasing|gain(?:ed|s)?|grew|grows?|grown|climb(?:ed|s)?|jump(?:ed|s)?|surg(?:ed|es?)|rais(?:ed|es?)|higher|hike[ds]?|soar(?:ed|s)?|advanced)\b/iu;
const EN_DOWN =
  /\b(?:fell|fallen|falls?|falling|down|decreas(?:ed|es?)|declin(?:ed|es?)|lost|los(?:es?|ing)|lower(?:ed)?|dropp?(?:ed|s)?|shr[au]nk|shrinks?|cut|cuts|slid|slipp(?:ed)|reduc(?:ed|es?)|plung(?:ed|es?)|tumbl(?:ed|es?)|sank|eased)\b/iu;
const VI_UP = /(?<!\p{L})(?:tăng|nâng|cao hơn)(?!\p{L})/iu;
const VI_DOWN = /(?<!\p{L})(?:giảm|hạ|mất giá|mất|thấp hơn|sụt|lỗ)(?!\p{L})/iu;

/** One reading with two opposite poles: the direction of a change, or the sign of a balance (흑자 / 적자). */
interface Axis {
  name: 'dir' | 'bal' | 'par';
  ko: { up: RegExp; down: RegExp };
  words: Record<QaLang, { up: RegExp; down: RegExp }>;
  codes: [up: string, down: string];
}

const AXES: Axis[] = [
  {
    name: 'dir',
    ko: { up: KO_UP, down: KO_DOWN },
    words: { en: { up: EN_UP, down: EN_DOWN }, vi: { up: VI_UP, down: VI_DOWN } },
    codes: ['directionUp', 'directionDown'],
  },
  {
    // A surplus or a deficit (91억 달러 흑자, 52억 달러 적자): trade, current account, budget, operating result.
    name: 'bal',
    ko: { up: /^(?:흑자|순흑자|무역흑자)/u, down: /^(?:적자|순적자|무역적자|순손실|영업손실)/u },
    words: {
      en: { up: /\b(?:surplus(?:es)?|profits?)\b/iu, down: /\b(?:deficits?|shortfalls?|loss(?:es)?)\b/iu },
      vi: {
        up: /(?<!\p{L})(?:thặng dư|xuất siêu|lãi|có lãi)(?!\p{L})/iu,
        down: /(?<!\p{L})(?:thâm hụt|nhập siêu|lỗ|thua lỗ)(?!\p{L})/iu,
      },
    },
    codes: ['balanceSurplus', 'balanceDeficit'],
  },
  {
    // A golf score against par (12언더파: 12 under; 3오버파: 3 over).
    name: 'par',
    ko: { up: /^\s?언더(?:파)?/u, down: /^\s?오버(?:파)?/u },
    words: {
      en: { up: /\bunder\b/iu, down: /\bover\b/iu },
      vi: {
        up: /(?<!\p{L})(?:dưới chuẩn|dưới par|âm)(?!\p{L})/iu,
        down: /(?<!\p{L})(?:trên chuẩn|trên par|dương)(?!\p{L})/iu,
      },
    },
    codes: ['parUnder', 'parOver'],
  },
];

/** +1 when the Korean says the value rose, -1 when it fell, 0 when it says neither right after it. */
export function koreanDirection(source: string, m: Mention, axis: Axis = AXES[0]!): number {
  const after = source.slice(m.end, m.end + 16);
  // The verb right after the value (1.2% 하락한, 0.05% 올라), else after its counter or hedge (5천 명 늘어난).
  const near = /^[\s)]*/u.exec(after)![0].length;
  const gap = KO_GAP.exec(after)?.[0] ?? '';
  for (const rest of [after.slice(near), after.slice(gap.length)]) {
    if (rest === after.slice(gap.length) && /\d/u.test(gap.replace(/\([^)]*\)/gu, ''))) return 0;
    if (axis.ko.up.test(rest)) return 1;
    if (axis.ko.down.test(rest)) return -1;
  }
  return 0;
}

/** The direction a translation gives a value: the words just before it (within its clause) and just after it. */
export function targetDirection(lang: QaLang, text: string, m: Mention, axis: Axis = AXES[0]!): number {
  const before = text
    .slice(Math.max(0, m.start - 32), m.start)
    .split(/[.;:!?]\s/u)
    .pop()!;
  const after = text.slice(m.end, m.end + 18).split(/[,.;:!?]/u)[0]!;
  const near = `${before} ${after}`;
  const { up, down } = axis.words[lang];
  const u = up.test(near);
  const d = down.test(near);
  return u === d ? 0 : u ? 1 : -1;
}

/** Report values whose change goes the other way in the translation. */
export function directionFindings(
  out: FindingList,
  lang: QaLang,
  source: string,
  sourceValues: readonly Mention[],
  text: string,
  values: readonly Mention[],
  matched: readonly number[],
): void {
  sourceValues.forEach((m, i) => {
    const j = matched[i]!;
    // A date or a time has no direction (10월 수출 증가율: the growth is the exports', not October's).
    if (j < 0 || m.alts[0]!.k !== 'n') return;
    const flip = rateAsCurrency(source, m, lang, text, values[j]!) ? -1 : 1;
    for (const axis of AXES) {
      const want = koreanDirection(source, m, axis) * (axis.name === 'dir' ? flip : 1);
      const got = want ? targetDirection(lang, text, values[j]!, axis) : 0;
      if (got && got !== want)
        out.add(lang, 'values', axis.codes[want > 0 ? 0 : 1], 'error', `${axis.name}:${valueKey(m)}`, {
          value: m.raw.trim(),
        });
    }
  });
}

const RATE: Record<QaLang, RegExp> = { en: /\b(?:exchange\s+)?rates?\b/iu, vi: /tỷ\s+giá/iu };
// The currency as the subject, not as the unit of a sum (1,382.5 won) or a pair (won/USD).
const CURRENCY_SUBJECT: Record<QaLang, RegExp> = {
  en: /\bthe\s+(?:Korean\s+)?won\b(?!\s*\/)|\b(?:Korean|local)\s+currency\b/iu,
  vi: /(?<!\p{L})(?:đồng(?:\s+tiền)?\s+won(?!\s*\/)|nội\s+tệ)(?!\p{L})/iu,
};

/**
 * 환율 (won per dollar) rising is the won falling: a translation that makes the won the subject (the won plunged 10
 * won against the dollar, đồng won mất giá) says the opposite word for the same change. Not when its sentence
 * names the rate (tỷ giá, the exchange rate).
 */
function rateAsCurrency(source: string, m: Mention, lang: QaLang, text: string, t: Mention): boolean {
  if (!/환율/u.test(source.slice(Math.max(0, m.start - 24), m.start))) return false;
  const sentence = text
    .slice(0, t.start)
    .split(/[.;!?]\s/u)
    .pop()!;
  const before = sentence.slice(-40);
  return CURRENCY_SUBJECT[lang].test(before) && !RATE[lang].test(sentence);
}

// An English-style decimal in Vietnamese text (12.5% for 12,5%): a dot before one or two digits is never a
// Vietnamese thousands separator, so before a unit or scale word it can only be a decimal point written wrongly.
const VI_ENGLISH_DECIMAL =
  /(?<![\d.,])\d{1,3}\.\d{1,2}(?![\d.,])(?=\s?(?:%|phần trăm|triệu|tỷ|tỉ|nghìn|ngàn|lần|điểm|USD|won|đồng|euro|km|m|kg|tấn|độ|ha)(?!\p{L}))/gu;

/** Decimals written the English way in a Vietnamese translation. */
export function vietnameseDecimalFindings(out: FindingList, text: string): void {
  for (const m of text.matchAll(VI_ENGLISH_DECIMAL))
    out.add('vi', 'values', 'decimalStyle', 'error', `style:${m[0]}`, {
      value: m[0],
      expected: m[0].replace('.', ','),
    });
}
