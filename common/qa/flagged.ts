import { checkRow } from './check';

/**
 * What the checker reports on one row as a problem (notes left out), each as `lang:check:value`: the short form
 * the class tests of this folder compare with what a reviewer should (or should not) be shown.
 */
export const flagged = (ko: string, vi: string, en: string): string[] =>
  checkRow({ id: 'r', source: ko, targets: { vi, en } })
    .filter((f) => f.severity !== 'note')
    .map((f) => `${f.lang}:${f.check}:${String(f.params?.value ?? '')}`);
