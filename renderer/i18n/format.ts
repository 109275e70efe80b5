import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Numbers as the UI language writes them (3,340 · 3.340), for counts the reviewer reads at a glance. */
export function useNumberFormat(): (n: number) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const format = new Intl.NumberFormat(i18n.language);
    return (n: number) => format.format(n);
  }, [i18n.language]);
}
