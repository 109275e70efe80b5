import type { Mention, QaCheck, QaFinding, QaLang } from './types';

// The findings list the checks write to, below every check (check.ts, cross.ts, direction.ts, omission.ts).

/** Builds findings with stable ids; a key seen twice in one row and language gets `#2`, `#3`… */
export class FindingList {
  readonly items: QaFinding[] = [];
  private readonly seen = new Map<string, number>();
  constructor(
    readonly segmentId: string,
    private readonly disabled: ReadonlySet<QaCheck>,
  ) {}
  add(
    lang: QaFinding['lang'],
    check: QaCheck,
    code: string,
    severity: QaFinding['severity'],
    key: string,
    params: Record<string, string | number>,
  ): void {
    if (this.disabled.has(check)) return;
    const base = `${this.segmentId}|${lang}|${check}|${key}`;
    const n = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, n);
    const id = n === 1 ? base : `${base}#${n}`;
    this.items.push({
      id,
      segmentId: this.segmentId,
      lang,
      check,
      code: `qa:${code}`,
      params,
      severity,
      key,
    });
  }
}

/** What one target's check found out that the cross-target checks reuse. */
export interface TargetAnalysis {
  lang: QaLang;
  text: string;
  values: Mention[];
  /** Per source value, the index of the target value it matched, or -1. */
  matched: number[];
}
