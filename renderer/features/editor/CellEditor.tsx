import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { TargetLang } from '../../../electron/contract';
import type { EditorActions } from './actions';

/** A pause longer than this while the cell is focused counts as this much: the reviewer was away. */
const IDLE_CAP_MS = 30_000;

/**
 * The one live text box of the grid, mounted for the focused cell only. It keeps its text locally (a keystroke
 * re-renders nothing else) and hands it to the save queue, which batches saves.
 */
export function CellEditor(props: {
  segmentId: string;
  lang: TargetLang;
  text: string;
  label: string;
  testId: string;
  placeholder: string | undefined;
  actions: EditorActions;
  /** Shown and moved through, not typed into (a desk language this person may not change). */
  readOnly?: boolean;
}) {
  const { segmentId, lang, actions } = props;
  const [text, setText] = useState(props.text);
  const area = useRef<HTMLTextAreaElement>(null);
  const last = useRef(0);

  // Text changed from outside (machine output, undo, a suggestion taken) while nothing is being typed here.
  const shown = useRef(props.text);
  useEffect(() => {
    if (props.text !== shown.current) {
      shown.current = props.text;
      setText(props.text);
    }
  }, [props.text]);

  useLayoutEffect(() => {
    const el = area.current;
    if (el && document.activeElement !== el) {
      el.focus({ preventScroll: true });
      el.setSelectionRange(el.value.length, el.value.length);
    }
  }, []);

  const elapsed = () => {
    const now = performance.now();
    const ms = Math.min(now - last.current, IDLE_CAP_MS);
    last.current = now;
    return ms;
  };

  return (
    <textarea
      ref={area}
      className="cell-editor"
      aria-label={props.label}
      data-testid={props.testId}
      lang={lang}
      value={text}
      rows={1}
      spellCheck
      placeholder={props.placeholder}
      readOnly={props.readOnly}
      onFocus={() => {
        last.current = performance.now();
      }}
      onChange={(e) => {
        shown.current = e.target.value;
        setText(e.target.value);
        actions.type(segmentId, lang, e.target.value, elapsed());
      }}
      onBlur={() => actions.blur(segmentId, lang)}
      onKeyDown={(e) => actions.keyDown(e, segmentId, lang)}
    />
  );
}
