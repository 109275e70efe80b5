import { useId, type ReactNode } from 'react';

/** What a field's control spreads onto itself: the id its label points at, and the hint it is described by. */
export interface FieldControl {
  id: string;
  'aria-describedby'?: string;
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

/**
 * One labelled form field: the label, the control and an optional hint, which screen readers read with the
 * control. The control gets its id and description from `children`:
 * `<Field label="Name">{(c) => <input {...c} value={name} onChange={…} />}</Field>`.
 * `describedBy` adds the id of another description (an error shown below the field).
 */
export function Field(props: {
  label: ReactNode;
  hint?: ReactNode;
  describedBy?: string;
  children(control: FieldControl): ReactNode;
}) {
  const id = useId();
  const hintId = useId();
  const control = {
    id,
    'aria-describedby': describedBy(props.hint !== undefined && hintId, props.describedBy),
  };
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {props.label}
      </label>
      {props.children(control)}
      {props.hint !== undefined && (
        <span className="field-hint" id={hintId}>
          {props.hint}
        </span>
      )}
    </div>
  );
}

/** A checkbox with its label beside it and an optional hint read with it. */
export function CheckField(props: {
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  hint?: ReactNode;
}) {
  const hintId = useId();
  return (
    <div className="field">
      <label className="inline">
        <input
          type="checkbox"
          aria-describedby={props.hint !== undefined ? hintId : undefined}
          checked={props.checked}
          onChange={(e) => props.onChange(e.target.checked)}
        />
        {props.label}
      </label>
      {props.hint !== undefined && (
        <span className="field-hint" id={hintId}>
          {props.hint}
        </span>
      )}
    </div>
  );
}
