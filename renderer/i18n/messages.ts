import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../electron/contract';

/**
 * Error and QA codes arrive from the Node side at run time (`import.empty`, `qa:numberMissing`), so they cannot be
 * checked as literal keys. This is the one place that looks up such a code; missing codes fall back to the
 * generic message instead of showing a raw key.
 */
export function useMessage(): (error: ApiError) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: ApiError) => {
      const key = error.code.includes(':') ? error.code : `errors:${error.code}`;
      const lookup = t as unknown as (k: string, o?: Record<string, unknown>) => string;
      const options = { detail: '', ...(error.params ?? {}) };
      // With its params: a message in plural forms (`_one`, `_other`) exists only for a count.
      if (!i18n.exists(key, options)) return lookup('errors:unknown', { detail: error.code });
      return lookup(key, options);
    },
    [t, i18n],
  );
}
