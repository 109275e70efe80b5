import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/** One entry of a {@link Menu}: a command, or a choice among several (shown checked when `checked` is set). */
export interface MenuItem {
  label: string;
  title?: string;
  disabled?: boolean;
  checked?: boolean;
  run(): void;
}

/**
 * A menu button (WAI-ARIA menu button pattern): the button opens a list of commands under it; ↑/↓, Home/End move
 * between them, Enter runs one, Esc or a click elsewhere closes the list and gives the focus back to the button.
 * The list floats over the page only while it is open, so the header keeps one line whatever it offers.
 */
export function Menu(props: { label: ReactNode; name: string; items: MenuItem[]; testId?: string }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const id = useId();
  const items = props.items;

  useEffect(() => {
    if (!open) return;
    const first = list.current?.querySelector<HTMLButtonElement>('[role^="menuitem"]:not(:disabled)');
    first?.focus();
    const away = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!list.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const move = (e: React.KeyboardEvent) => {
    const entries = [
      ...(list.current?.querySelectorAll<HTMLButtonElement>('[role^="menuitem"]:not(:disabled)') ?? []),
    ];
    const at = entries.indexOf(document.activeElement as HTMLButtonElement);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: entries.length - 1 }[e.key];
    if (e.key === 'Escape' || e.key === 'Tab') {
      if (e.key === 'Escape') e.preventDefault();
      e.stopPropagation();
      close();
    } else if (to !== undefined && entries.length) {
      e.preventDefault();
      entries[(to + entries.length) % entries.length]?.focus();
    }
  };

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
        <div ref={list} id={id} role="menu" aria-label={props.name} className="menu-list" onKeyDown={move}>
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role={item.checked === undefined ? 'menuitem' : 'menuitemradio'}
              aria-checked={item.checked}
              title={item.title}
              disabled={item.disabled}
              tabIndex={-1}
              onClick={() => {
                close();
                item.run();
              }}
            >
              <span className="menu-check" aria-hidden="true">
                {item.checked ? '✓' : ''}
              </span>
              {item.label}
            </button>
          ))}
        </div>
      )}
    </span>
  );
}
