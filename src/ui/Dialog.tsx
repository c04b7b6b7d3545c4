import { type ReactNode, useEffect, useRef } from 'react';
import { Icon } from './Icon';

interface Props {
  open: boolean;
  title: string;
  closeLabel: string;
  onClose(): void;
  className?: string;
  children: ReactNode;
}

/**
 * A modal dialog on the native <dialog> (focus kept inside, Esc closes, the page behind is inert),
 * opened and closed from React state.
 */
export function Dialog({ open, title, closeLabel, onClose, className, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`}
      aria-label={title}
      onClose={() => open && onClose()}
      onClick={(e) => {
        // A click on the backdrop (the dialog element itself, outside its content) closes it.
        if (e.target === e.currentTarget) onClose();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <div className="dialog-body">
        <div className="dialog-head">
          <h2>{title}</h2>
          <button type="button" className="icon-btn ghost" onClick={onClose} aria-label={closeLabel}>
            <Icon name="close" />
          </button>
        </div>
        {open && children}
      </div>
    </dialog>
  );
}
