import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

const FOCUSABLE =
  'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])';

/**
 * A modal dialog: labelled by its title, closed with Escape, Tab kept inside, focus moved in on open and given
 * back to what had it on close (so keyboard users land where they were in the grid). A dialog that holds the
 * person's typing not yet stored (`draft`) is not closed by a stray Escape: it asks first, keeping the typing
 * as the safe (focused) choice.
 */
export function Dialog(props: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** The button row at the bottom. */
  footer?: ReactNode;
  wide?: boolean;
  testId?: string;
  /** Role `alertdialog` for questions that interrupt (e.g. "open anyway?"). */
  alert?: boolean;
  /** The dialog holds typing that closing would throw away (a comment, a pasted article, a term not added). */
  draft?: boolean;
}) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const [asking, setAsking] = useState(false);
  const draft = !!props.draft;
  useModalFocus(ref, () => {
    if (asking) setAsking(false);
    else if (draft) setAsking(true);
    else props.onClose();
  });

  return (
    <div
      className="backdrop"
      // A stray click beside the dialog must not take focus (and Escape, Tab) away from it.
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) e.preventDefault();
      }}
    >
      <div
        ref={ref}
        className={props.wide ? 'dialog wide' : 'dialog'}
        role={props.alert ? 'alertdialog' : 'dialog'}
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={props.testId}
        tabIndex={-1}
      >
        {/* Plain boxes, not header/footer: inside a dialog those would be a second banner and contentinfo. */}
        <div className="dialog-head">
          <h2 id={titleId}>{props.title}</h2>
        </div>
        {/* Focusable, so a long body (the shortcut list) scrolls from the keyboard too. */}
        <div className="dialog-body" tabIndex={0}>
          {props.children}
        </div>
        {asking && draft ? (
          <DiscardQuestion onKeep={() => setAsking(false)} onDiscard={props.onClose} />
        ) : (
          props.footer && <div className="dialog-foot">{props.footer}</div>
        )}
      </div>
    </div>
  );
}

/**
 * Escape over typing not stored yet: keep it (focused, so Enter or a second Escape keeps it) or throw it away.
 * Keeping it puts the focus back in the field that had it.
 */
function DiscardQuestion(props: { onKeep(): void; onDiscard(): void }) {
  const { t } = useTranslation('common');
  const keep = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLElement | null>(null);
  useEffect(() => {
    field.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    keep.current?.focus();
    const back = field;
    return () => {
      if (back.current?.isConnected) back.current.focus();
    };
  }, []);
  return (
    <div className="dialog-foot dialog-discard" role="group" aria-label={t('dialog.discardQuestion')}>
      <span className="dialog-discard-text" role="alert">
        {t('dialog.discardQuestion')}
      </span>
      <button type="button" onClick={props.onDiscard}>
        {t('dialog.discard')}
      </button>
      <button type="button" className="primary" ref={keep} data-autofocus onClick={props.onKeep}>
        {t('dialog.keepEditing')}
      </button>
    </div>
  );
}

/**
 * The dialog's keyboard and focus: focus moves in on open ({@link FOCUSABLE}, or the element marked
 * `data-autofocus`) and back to what had it on close; Escape closes; Tab and Shift+Tab cycle inside; focus that
 * leaves for the page comes back.
 */
function useModalFocus(ref: RefObject<HTMLDivElement | null>, onClose: () => void): void {
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = ref.current;
    (
      root?.querySelector<HTMLElement>('[data-autofocus]') ?? root?.querySelector<HTMLElement>(FOCUSABLE)
    )?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        onCloseRef.current();
      } else if (e.key === 'Tab' && root) keepTabInside(e, root);
    };
    // A modal keeps the focus: a button that disables itself while it works drops it to the page, and a grid
    // cell may take it back as the dialog opens over it; either way Escape and Tab would no longer reach the
    // dialog. Focus that lands outside every dialog comes back (a dialog opened over this one keeps its own).
    const reclaim = () => requestAnimationFrame(() => reclaimFocus(root));
    const onFocusOut = reclaim;
    document.addEventListener('focusin', reclaim);
    root?.addEventListener('keydown', onKey);
    root?.addEventListener('focusout', onFocusOut);
    return () => {
      root?.removeEventListener('keydown', onKey);
      root?.removeEventListener('focusout', onFocusOut);
      document.removeEventListener('focusin', reclaim);
      if (before?.isConnected) before.focus();
    };
  }, [ref]);
}

/** Tab from the last visible control goes to the first, Shift+Tab from the first to the last. */
function keepTabInside(e: KeyboardEvent, root: HTMLElement): void {
  const items = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}

/** Focus back into the dialog, unless it is gone or the focus is in a dialog (this one, or one opened over it). */
function reclaimFocus(root: HTMLElement | null): void {
  const at = document.activeElement;
  if (
    !root?.isConnected ||
    (at && at !== document.body && at.closest('[role="dialog"],[role="alertdialog"]'))
  )
    return;
  (root.querySelector<HTMLElement>('[data-autofocus]') ?? root).focus();
}
