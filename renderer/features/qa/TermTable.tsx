import { useTranslation } from 'react-i18next';
import type { TermEntry } from '../../../electron/contract';

/**
 * The terms, desk and project, with their forbidden variants struck through; a click on the Korean edits one.
 * Without `onEdit`/`onDelete` (a desk reviewer) the list is read-only.
 */
export function TermTable(props: {
  terms: TermEntry[];
  onEdit?(term: TermEntry): void;
  onDelete?(id: string): void;
}) {
  const { onEdit, onDelete } = props;
  const { t } = useTranslation('qa');
  return (
    <table className="glossary" data-testid="term-table">
      <thead>
        <tr>
          <th>{t('termbase.ko')}</th>
          <th>{t('termbase.vi')}</th>
          <th>{t('termbase.en')}</th>
          <th>{t('termbase.note')}</th>
          <th>
            <span className="sr-only">{t('termbase.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.terms.map((term) => (
          <tr key={term.id}>
            <td lang="ko">
              {onEdit ? (
                <button type="button" className="link" onClick={() => onEdit(term)}>
                  {term.ko}
                </button>
              ) : (
                term.ko
              )}
              <small> {term.scope === 'desk' ? t('termbase.desk') : t('termbase.project')}</small>
            </td>
            <td lang="vi">
              {term.vi}
              {term.forbiddenVi.length > 0 && <del> {term.forbiddenVi.join('; ')}</del>}
            </td>
            <td lang="en">
              {term.en}
              {term.forbiddenEn.length > 0 && <del> {term.forbiddenEn.join('; ')}</del>}
            </td>
            <td>{term.note}</td>
            <td>
              {onDelete && (
                <button type="button" className="small" onClick={() => onDelete(term.id)}>
                  {t('termbase.delete')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
