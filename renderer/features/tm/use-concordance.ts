import { useEffect, useState } from 'react';
import type { ApiError, TargetLang, TmConcordanceResult } from '../../../electron/contract';
import { api, toApiError } from '../../api';

/** Typing pauses this long before the memory is asked (one request per pause, not per key). */
const TYPING_PAUSE_MS = 250;

/** The memory's answer for a phrase, with the phrase it answers (the box may hold another by then). */
export type ConcordanceFound = TmConcordanceResult & { phrase: string };

/**
 * The memory looked up for a phrase once typing pauses; a late answer for an older phrase is dropped. `active` is
 * the picked hit, back on the first with every new answer.
 */
export function useConcordance(phrase: string, lang: TargetLang) {
  const [found, setResult] = useState<ConcordanceFound | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [active, setActive] = useState(0);

  useEffect(() => {
    const asked = phrase.trim();
    if (!asked) return;
    let live = true;
    const timer = window.setTimeout(() => {
      api.tmConcordance({ phrase: asked, lang }).then(
        (r) => {
          if (!live) return;
          setResult({ ...r, phrase: asked });
          setError(null);
          setActive(0);
        },
        (e: unknown) => live && setError(toApiError(e)),
      );
    }, TYPING_PAUSE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [phrase, lang]);

  return { found, error, active, setActive };
}
