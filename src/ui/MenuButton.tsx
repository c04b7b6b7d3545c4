import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';

export interface MenuItem {
  id: string;
  label: string;
  /** A longer description, shown as the item's tooltip. */
  title?: string;
  run(): void;
}

/**
 * A menu button as the WAI-ARIA Authoring Practices describe it ("Menu Button" pattern): Enter,
 * Space or ↓ opens the menu on its first item, ↑ on its last; ↑ ↓ Home End move; Esc closes and
 * returns focus to the button; Tab or a click elsewhere closes it; choosing an item closes it,
 * returns focus to the button, then runs the item.
 */
export function MenuButton({
  label,
  items,
  className,
}: {
  label: string;
  items: readonly MenuItem[];
  className?: string;
}) {
  const [focus, setFocus] = useState<number | null>(null);
  const open = focus !== null;
  const button = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLSpanElement>(null);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const id = useId();

  useEffect(() => {
    if (focus !== null) refs.current[focus]?.focus();
  }, [focus]);

  // A press outside the menu closes it, leaving focus where the press put it.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setFocus(null);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const close = () => {
    setFocus(null);
    button.current?.focus();
  };

  const onButtonKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    setFocus(e.key === 'ArrowDown' ? 0 : items.length - 1);
  };

  const onMenuKey = (e: KeyboardEvent) => {
    const n = items.length;
    const at = focus ?? 0;
    const moves: Record<string, number> = {
      ArrowDown: (at + 1) % n,
      ArrowUp: (at - 1 + n) % n,
      Home: 0,
      End: n - 1,
    };
    const to = moves[e.key];
    if (to !== undefined) {
      e.preventDefault();
      setFocus(to);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'Tab') setFocus(null);
  };

  return (
    <span className={['menu-anchor', className].filter(Boolean).join(' ')} ref={box}>
      <button
        ref={button}
        id={`${id}-button`}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={`${id}-menu`}
        onClick={() => setFocus(open ? null : 0)}
        onKeyDown={onButtonKey}
      >
        {label}
        <span className="menu-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <div
          className="menu"
          role="menu"
          id={`${id}-menu`}
          aria-labelledby={`${id}-button`}
          onKeyDown={onMenuKey}
        >
          {items.map((item, i) => (
            <button
              key={item.id}
              ref={(el) => {
                refs.current[i] = el;
              }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              title={item.title}
              onClick={() => {
                close();
                item.run();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </span>
  );
}
