import { memo } from 'react';
import { useLangLock } from '../desk/desk-access';
import { CellEditor } from './CellEditor';
import { DiffText } from './DiffText';
import { CellButtons, CellChips, CellText, SuggestionLine, type TargetCellProps } from './TargetCellParts';

/** One target cell: text (or the editor), status in words, save state, actions, diff against the machine text. */
export const TargetCellView = memo(function TargetCellView(props: TargetCellProps) {
  const { segment, lang, row, draft, labels, actions } = props;
  // On a desk, a language signed off or not assigned to this reviewer is shown, not edited (see LangLockNote).
  const locked = useLangLock(lang) !== null;
  const cell = segment.targets[lang];
  const text = draft?.text ?? cell.text;
  const testId = `cell-${lang}-${segment.id}`;
  const parts = { ...props, text, locked };
  return (
    <div className={`cell status-${cell.status}${draft ? ` save-${draft.state}` : ''}`}>
      {props.focused ? (
        <CellEditor
          segmentId={segment.id}
          lang={lang}
          text={text}
          label={labels.langs[lang].cell(row)}
          testId={testId}
          placeholder={cell.status === 'empty' ? labels.emptyPlaceholder : undefined}
          actions={actions}
          readOnly={locked}
        />
      ) : (
        <CellText {...parts} testId={testId} />
      )}
      {props.diffOpen && cell.mt !== undefined && cell.mt !== text && (
        <p className="mt-diff">
          <span className="muted">{labels.machineWas}</span>{' '}
          <DiffText before={cell.mt} after={text} lang={lang} />
        </p>
      )}
      <div className="cell-bar">
        <CellChips {...parts} />
        <span className="spacer" />
        <CellButtons {...parts} />
      </div>
      <SuggestionLine {...parts} />
      {props.aside}
    </div>
  );
});
