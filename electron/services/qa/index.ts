import type { GlossaryEntry, Project, QaIssue, Segment, TargetLang } from '../../contract';
import { TARGET_LANGS } from '../../contract';
import { isReviewable } from '../project/cells';

/**
 * Cross-checks of a project's translations: each target against the Korean source, and — what no single-target
 * CAT tool can do — Vietnamese against English. Findings are `qa:` i18n codes; nothing here changes the project.
 *
 * Checks: numbers of the source missing in a target (Korean 만/억 units understood), numbers that differ between
 * the two targets, URLs and e-mail addresses not kept verbatim, glossary terms not used, Hangul left in a target,
 * and one target far shorter or longer than the other (a sentence dropped or duplicated).
 */
export function checkProject(project: Project): QaIssue[] {
  const issues: QaIssue[] = [];
  for (const segment of project.segments) {
    if (!isReviewable(segment)) continue;
    issues.push(...checkSegment(segment, project.glossary));
  }
  return issues;
}

/** The checks for one row. Exposed for tests and for checking a row as the reviewer approves it. */
export function checkSegment(segment: Segment, glossary: readonly GlossaryEntry[] = []): QaIssue[] {
  const issues: QaIssue[] = [];
  const present = TARGET_LANGS.filter((l) => segment.targets[l].text.trim() !== '');
  const sourceNumbers = numbersInKorean(segment.source);
  const targetNumbers = new Map<TargetLang, Set<string>>();

  for (const lang of present) {
    const text = segment.targets[lang].text;
    const found = new Set(numbersInTarget(text, lang));
    targetNumbers.set(lang, found);
    const missing = sourceNumbers.filter((alternatives) => !alternatives.some((n) => found.has(n)));
    if (missing.length)
      issues.push(
        issue(segment, lang, 'numberMissing', 'error', { numbers: missing.map((a) => a[0]).join(', ') }),
      );

    const lost = protectedTokens(segment.source).filter((t) => !text.includes(t));
    if (lost.length) issues.push(issue(segment, lang, 'tokenChanged', 'error', { tokens: lost.join(' ') }));

    for (const entry of glossary) {
      const want = entry[lang].trim();
      if (
        want &&
        entry.ko &&
        segment.source.includes(entry.ko) &&
        !text.toLowerCase().includes(want.toLowerCase())
      )
        issues.push(issue(segment, lang, 'glossaryMissing', 'warning', { term: entry.ko, expected: want }));
    }

    const hangul = text.match(/[\uac00-\ud7a3]+/g);
    if (hangul && !protectedTokens(segment.source).some((t) => /[\uac00-\ud7a3]/.test(t)))
      issues.push(issue(segment, lang, 'hangulLeft', 'warning', { text: hangul.slice(0, 3).join(' ') }));
  }

  const vi = targetNumbers.get('vi');
  const en = targetNumbers.get('en');
  if (vi && en) {
    const onlyVi = [...vi].filter((n) => !en.has(n) && !sourceHasEquivalent(sourceNumbers, n, en));
    const onlyEn = [...en].filter((n) => !vi.has(n) && !sourceHasEquivalent(sourceNumbers, n, vi));
    if (onlyVi.length || onlyEn.length)
      issues.push(
        issue(segment, 'both', 'numbersDiffer', 'warning', {
          vi: onlyVi.join(', ') || '–',
          en: onlyEn.join(', ') || '–',
        }),
      );
    const ratio = segment.targets.vi.text.length / Math.max(1, segment.targets.en.text.length);
    // Vietnamese runs a little longer than English; far outside that band one of them lost or repeated a sentence.
    if (segment.source.length > 40 && (ratio < 0.55 || ratio > 2.2))
      issues.push(issue(segment, 'both', 'lengthMismatch', 'warning', { ratio: ratio.toFixed(2) }));
  }
  return issues;
}

function issue(
  segment: Segment,
  lang: TargetLang | 'both',
  code: string,
  severity: QaIssue['severity'],
  params: Record<string, string | number>,
): QaIssue {
  return { segmentId: segment.id, lang, code: `qa:${code}`, params, severity };
}

const URL_OR_EMAIL = /(?:https?:\/\/[^\s)\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)/g;

/** URLs and e-mail addresses that must reach the target unchanged. */
export function protectedTokens(text: string): string[] {
  return [...new Set(text.match(URL_OR_EMAIL) ?? [])];
}

const UNIT: Record<string, number> = { 만: 1e4, 억: 1e8, 조: 1e12 };

/**
 * Numbers in Korean text, each as the list of figures a correct translation may show: `50만` (50 ten-thousands)
 * may come out as 500,000, "500 thousand", "0.5 million" or keep the 50. Digits inside URLs and e-mail addresses
 * are skipped: those are checked verbatim.
 */
export function numbersInKorean(text: string): string[][] {
  const stripped = text.replace(URL_OR_EMAIL, ' ');
  const out: string[][] = [];
  for (const m of stripped.matchAll(/(\d[\d,]*(?:\.\d+)?)\s*(만|억|조)?/g)) {
    const raw = m[1]!.replace(/,/g, '');
    const value = Number(raw);
    if (!Number.isFinite(value)) continue;
    const unit = m[2] ? UNIT[m[2]] : undefined;
    const forms = new Set<string>([canonical(value)]);
    if (unit) {
      const full = value * unit;
      forms.add(canonical(full));
      for (const scale of [1e3, 1e6, 1e9]) if (full >= scale / 10) forms.add(canonical(full / scale));
    }
    out.push([...forms]);
  }
  return out;
}

/** Numbers written in a Vietnamese or English target, normalised (thousands separators removed). */
export function numbersInTarget(text: string, lang: TargetLang): string[] {
  const stripped = text.replace(URL_OR_EMAIL, ' ');
  const out: string[] = [];
  // Vietnamese groups thousands with dots and uses a decimal comma; English the other way round.
  const pattern =
    lang === 'vi'
      ? /\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?/g
      : /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;
  for (const m of stripped.matchAll(pattern)) {
    const s = lang === 'vi' ? m[0].replace(/\./g, '').replace(',', '.') : m[0].replace(/,/g, '');
    const value = Number(s);
    if (Number.isFinite(value)) out.push(canonical(value));
  }
  return out;
}

function sourceHasEquivalent(source: string[][], n: string, other: Set<string>): boolean {
  // Both targets may render one source number differently (500,000 vs 500 nghìn): that is not a disagreement.
  return source.some((forms) => forms.includes(n) && forms.some((f) => other.has(f)));
}

function canonical(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}
