import { useCallback, useEffect, useId, useRef, useState, type CSSProperties, type ReactNode } from 'react';

/** One entry of a {@link Menu}: a command, or a choice among several (shown checked when `checked` is set). */
export interface MenuItem {
  label: string;
  title?: string;
  disabled?: boolean;
  checked?: boolean;
  /** The keys that do the same from the grid, shown at the item's end. */
  keys?: string;
  run(): void;
}

/**
 * An open list of commands (WAI-ARIA menu): the first one takes the focus, ↑/↓, Home/End move between them, Enter
 * runs one, Esc, Tab or a click elsewhere closes it (`onClose` gives the focus back where it belongs).
 */
export function MenuList(props: {
  id?: string;
  name: string;
  items: MenuItem[];
  onClose(): void;
  /** Elements a click on which does not close the list (the menu's own button). */
  keepOpenOn?: () => Array<Element | null>;
  style?: CSSProperties;
  testId?: string;
}) {
  const list = useRef<HTMLDivElement>(null);
  const { onClose, keepOpenOn } = props;
  useEffect(() => {
    list.current?.querySelector<HTMLButtonElement>('[role^="menuitem"]:not(:disabled)')?.focus();
    const away = (e: PointerEvent) => {
      const target = e.target as Node;
      const inside = [list.current, ...(keepOpenOn?.() ?? [])].some((el) => el?.contains(target));
      if (!inside) onClose();
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [onClose, keepOpenOn]);

  const move = (e: React.KeyboardEvent) => {
    const entries = [
      ...(list.current?.querySelectorAll<HTMLButtonElement>('[role^="menuitem"]:not(:disabled)') ?? []),
    ];
    const at = entries.indexOf(document.activeElement as HTMLButtonElement);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: entries.length - 1 }[e.key];
    if (e.key === 'Escape' || e.key === 'Tab') {
      if (e.key === 'Escape') e.preventDefault();
      e.stopPropagation();
      onClose();
    } else if (to !== undefined && entries.length) {
      e.preventDefault();
      entries[(to + entries.length) % entries.length]?.focus();
    }
  };

  return (
    <div
      ref={list}
      id={props.id}
      role="menu"
      aria-label={props.name}
      className="menu-list"
      style={props.style}
      data-testid={props.testId}
      onKeyDown={move}
    >
      {props.items.map((item) => (
        <button
          key={item.label}
          type="button"
          role={item.checked === undefined ? 'menuitem' : 'menuitemradio'}
          aria-checked={item.checked}
          aria-keyshortcuts={item.keys}
          title={item.title}
          disabled={item.disabled}
          tabIndex={-1}
          onClick={() => {
            onClose();
            item.run();
          }}
        >
          <span className="menu-check" aria-hidden="true">
            {item.checked ? '✓' : ''}
          </span>
          {item.label}
          {item.keys && (
            <kbd className="menu-keys" aria-hidden="true">
              {item.keys}
            </kbd>
          )}
        </button>
      ))}
    </div>
  );
}

/**
 * A menu button (WAI-ARIA menu button pattern): the button opens a {@link MenuList} under it; closing it gives the
 * focus back to the button. The list floats over the page only while it is open, so the header keeps one line
 * whatever it offers.
 */
export function Menu(props: { label: ReactNode; name: string; items: MenuItem[]; testId?: string }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();
  const close = useCallback(() => {
    setOpen(false);
    button.current?.focus();
  }, []);
  const keepOpenOn = useCallback(() => [button.current], []);

  return (
    <span className="menu">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={props.name}
        data-testid={props.testId}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {props.label} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <MenuList id={id} name={props.name} items={props.items} onClose={close} keepOpenOn={keepOpenOn} />
      )}
    </span>
  );
}
