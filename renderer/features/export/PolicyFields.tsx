import { useTranslation } from 'react-i18next';
import type { ApprovalPolicy, TmxSegmentation } from '../../../electron/contract';

/** What happens to rows not approved, and (for memories) whether to segment by sentence. */
export function PolicyFields(props: {
  policy: ApprovalPolicy;
  onPolicy(p: ApprovalPolicy): void;
  /** Shown only for formats whose memory can be segmented. */
  segmentable: boolean;
  segmentation: TmxSegmentation;
  onSegmentation(s: TmxSegmentation): void;
}) {
  const { t } = useTranslation('export');
  const radio = (p: ApprovalPolicy, label: string) => (
    <label className="inline">
      <input type="radio" name="policy" checked={props.policy === p} onChange={() => props.onPolicy(p)} />
      {label}
    </label>
  );
  return (
    <>
      <fieldset className="field-set">
        <legend>{t('policy')}</legend>
        {radio('approved-only', t('approvedOnly'))}
        {radio('include-unapproved', t('includeUnapproved'))}
      </fieldset>
      {props.segmentable && (
        <label className="inline">
          <input
            type="checkbox"
            data-testid="by-sentence"
            checked={props.segmentation === 'sentence'}
            onChange={(e) => props.onSegmentation(e.target.checked ? 'sentence' : 'paragraph')}
          />
          {t('bySentence')}
        </label>
      )}
    </>
  );
}
