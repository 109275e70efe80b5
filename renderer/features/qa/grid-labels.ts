import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QaFinding } from '../../../common/qa';
import { useMessage } from '../../i18n/messages';

/**
 * Every string the QA feature shows inside the grid, made once per UI language: rows call no `t()` (per-cell
 * lookups were most of a grid re-render's cost). Finding messages are looked up once per finding and kept.
 */
export interface QaGridLabels {
  findings: string;
  more(count: number): string;
  severity: Record<QaFinding['severity'], string>;
  /** The hover text of a term: its Vietnamese and English. */
  hover(vi: string, en: string): string;
  message(f: QaFinding): string;
}

/** The QA grid labels of the current UI language. */
export function useQaGridLabels(): QaGridLabels {
  const { t, i18n } = useTranslation('qa');
  const message = useMessage();
  const lng = i18n.language;
  return useMemo(() => {
    // Findings have stable ids per text; a message is built once for each and reused while scrolling.
    const messages = new Map<string, string>();
    const hover = t('termbase.hover', { vi: '\u0001VI\u0001', en: '\u0001EN\u0001' });
    return {
      findings: t('cell.findings'),
      // Only for a cell with more than three findings: rare enough for a lookup.
      more: (count) => t('cell.more', { count }),
      severity: { error: t('panel.error'), warning: t('panel.warning'), note: t('panel.note') },
      hover: (vi, en) => hover.replace('\u0001VI\u0001', vi || '–').replace('\u0001EN\u0001', en || '–'),
      message(f) {
        const key = `${lng}|${f.id}|${f.code}|${JSON.stringify(f.params ?? {})}`;
        let text = messages.get(key);
        if (text === undefined) messages.set(key, (text = message(f)));
        return text;
      },
    };
    // `lng` is the dependency that matters: `t` alone may keep its identity across a language change.
  }, [t, message, lng]);
}
