import { useTranslation } from 'react-i18next';
import type { TranslateEstimate } from '../../../electron/contract';
import { useNumberFormat } from '../../i18n/format';

/**
 * Never bill without knowing: before a run larger than Settings › Memory's threshold, what it would send DeepL
 * (characters, cells), what the memory fills for free, and the account's quota left; the person chooses.
 */
export function EstimateBar(props: {
  estimate: TranslateEstimate;
  onAnswer(choice: 'all' | 'memory' | 'none'): void;
}) {
  const { t } = useTranslation('translate');
  const n = useNumberFormat();
  const { estimate, onAnswer } = props;
  const usage = estimate.usage;
  const quota =
    usage && usage.characterLimit !== null
      ? t('estimate.quota', {
          left: n(Math.max(0, usage.characterLimit - usage.characterCount)),
          limit: n(usage.characterLimit),
        })
      : t('estimate.quotaUnknown');
  return (
    <section
      className="mt-bar estimate"
      role="alertdialog"
      aria-label={t('estimate.title')}
      data-testid="mt-estimate"
    >
      <span>
        {t('estimate.text', { characters: n(estimate.characters), cells: n(estimate.rows) })}{' '}
        {estimate.fromMemory > 0 && t('estimate.fromMemory', { count: estimate.fromMemory })} {quota}
      </span>
      <span className="spacer" />
      <button type="button" onClick={() => onAnswer('none')} autoFocus>
        {t('estimate.notNow')}
      </button>
      <button type="button" onClick={() => onAnswer('memory')}>
        {t('estimate.memoryOnly')}
      </button>
      <button type="button" className="primary" onClick={() => onAnswer('all')}>
        {t('estimate.all', { characters: n(estimate.characters) })}
      </button>
    </section>
  );
}
