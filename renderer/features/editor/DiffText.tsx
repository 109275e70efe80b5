import { memo, useMemo } from 'react';
import { highlightParts } from './grid-model';
import { wordDiff } from './word-diff';

/** A word diff, insertions and deletions marked by `<ins>`/`<del>` (underline and strike-through, not colour only). */
export const DiffText = memo(function DiffText(props: { before: string; after: string; lang: string }) {
  const parts = useMemo(
    () => wordDiff(props.before, props.after, props.lang),
    [props.before, props.after, props.lang],
  );
  return (
    <span className="diff" lang={props.lang}>
      {parts.map((p, i) =>
        p.kind === 'ins' ? (
          <ins key={i}>{p.text}</ins>
        ) : p.kind === 'del' ? (
          <del key={i}>{p.text}</del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </span>
  );
});

/** Text with the search hits marked. */
export function Highlighted(props: { text: string; needle: string }) {
  if (props.needle === '') return <>{props.text}</>;
  return (
    <>
      {highlightParts(props.text, props.needle).map((p, i) =>
        p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>,
      )}
    </>
  );
}
