import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Segment, TargetLang } from '../../../electron/contract';
import type { BadgeLoader } from './match-badges';

/**
 * "Match 92%" in a target cell's corner: the memory holds a good match for a cell not yet approved, so the
 * reviewer sees where help is without focusing every cell. Gone once the cell holds the match or is approved.
 */
export function MatchBadge(props: { loader: BadgeLoader; segment: Segment; lang: TargetLang; text: string }) {
  const { loader, segment, lang } = props;
  const { t } = useTranslation('tm');
  useEffect(() => loader.want(segment.id), [loader, segment.id]);
  const badge = useSyncExternalStore(loader.subscribe, () => loader.get(segment.id, lang));
  if (!badge || segment.targets[lang].status === 'approved' || badge.target === props.text) return null;
  return (
    <span
      className="chip chip-fuzzy"
      data-testid={`match-${lang}-${segment.id}`}
      title={t('badge.title', { score: badge.score })}
    >
      {t('badge.text', { score: badge.score })}
    </span>
  );
}
