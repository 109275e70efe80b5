import type { TFunction } from 'i18next';
import type { QaFinding } from '../../../common/qa';
import type { Segment, TargetLang } from '../../../electron/contract';
import type { QaGridLabels } from './grid-labels';

/**
 * The question before approving cells of a row that have open errors (their texts as typed), naming each
 * language's errors; null when none has one.
 */
export function approveQuestion(q: {
  segment: Segment;
  row: number;
  langs: readonly TargetLang[];
  text(lang: TargetLang): string;
  check(segment: Segment, lang: TargetLang, text: string): QaFinding[];
  labels: Pick<QaGridLabels, 'message'>;
  t: TFunction<['qa', 'common']>;
}): { title: string; message: string; confirm: string } | null {
  const { segment, row, langs, t } = q;
  const lines = langs.flatMap((lang) => {
    const errors = q.check(segment, lang, q.text(lang)).filter((f) => f.severity === 'error');
    if (!errors.length) return [];
    const list = errors.map((f) => q.labels.message(f)).join('; ');
    return [t('approve.line', { lang: t(`common:lang.${lang}`), row, count: errors.length, list })];
  });
  if (!lines.length) return null;
  const both = langs.length > 1;
  return {
    title: both ? t('approve.rowTitle', { row }) : t('approve.title'),
    message: [...lines, ...(both ? [t('approve.rowBoth')] : [])].join('\n'),
    confirm: both ? t('approve.rowConfirm') : t('approve.confirm'),
  };
}
