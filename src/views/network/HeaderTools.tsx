import { useEffect, useId, useRef, useState } from 'react';
import { EXAMPLE_SECTIONS, exampleById } from '../../scenarios/examples';
import { useLab } from '../../store/react';
import { AddressLab } from './AddressLab';
import { useNetText } from './strings';

/**
 * Entries in the header, in any lab: the Examples menu (every built-in example of every lab,
 * grouped by the lecture's sections, src/scenarios/examples/index.ts) and the Address lab in a
 * modal dialog. The shell passes `onOpen`, which validates and loads the chosen example like
 * any file, and switches lab when the example belongs to the other one.
 */
export function ExamplesPicker({ onOpen }: { onOpen(data: unknown): void }) {
  const t = useNetText();
  const lang = useLab((s) => s.lang);
  const id = useId();
  return (
    <label className="field nl-examples" htmlFor={id}>
      <span>{t.examples}</span>
      <select
        id={id}
        // Presenter mode hides the visible label; the name must survive it (axe: select-name).
        aria-label={t.examples}
        value=""
        data-testid="examples"
        onChange={(e) => {
          const ex = exampleById(e.currentTarget.value);
          if (ex) onOpen(ex.data);
        }}
      >
        <option value="">…</option>
        {EXAMPLE_SECTIONS.map((s) => (
          <optgroup key={s.title.en} label={s.title[lang]}>
            {s.examples.map((e) => (
              <option key={e.id} value={e.id}>
                {e.title[lang]}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}

/** A button that opens the address lab in a native modal <dialog> (focus kept inside, Esc closes). */
export function AddressLabButton() {
  const t = useNetText();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t.address.open}
      </button>
      <dialog
        ref={ref}
        className="dialog address-dialog"
        aria-label={t.address.title}
        onClose={() => setOpen(false)}
        onClick={(e) => {
          if (e.target === e.currentTarget) setOpen(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false);
        }}
      >
        <div className="dialog-body">
          <div className="dialog-head">
            <h2>{t.address.title}</h2>
            <button
              type="button"
              className="icon-btn ghost"
              onClick={() => setOpen(false)}
              aria-label={t.close}
            >
              ×
            </button>
          </div>
          {open && <AddressLab />}
        </div>
      </dialog>
    </>
  );
}
