import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { CopyRecord } from '../../sim/trace';
import { popoverKeys } from '../../ui/popoverKeys';
import { MAX_DELAY } from './edits';
import { fill, useNetText } from './strings';

/**
 * The network lab's packet menu (like the process lab's copy menu, ../spacetime/CopyMenu.tsx):
 * a click on a packet on the wire offers to drop it or delay it by some ticks, and an IGMP
 * message can also be opened in the inspector. The lab turns a choice into an intervention in the
 * scenario (`{copy, drop}` / `{copy, deliverAt}`), so it is undoable and travels in the link.
 */
export interface PacketMenuProps {
  copy: CopyRecord;
  igmp: boolean;
  onDrop(): void;
  onDelay(ticks: number): void;
  onInspect(): void;
  onClose(): void;
}

const WIDTH = 260;
const DEFAULT_DELAY = 3;

export function PacketMenu({ copy, igmp, onDrop, onDelay, onInspect, onClose }: PacketMenuProps) {
  const t = useNetText();
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const first = useRef<HTMLButtonElement | HTMLInputElement>(null);
  const [ticks, setTicks] = useState(String(DEFAULT_DELAY));
  const [at, setAt] = useState<{ left: number; top: number } | null>(null);
  const lost = copy.lost !== null;
  const n = Number(ticks);

  useEffect(() => {
    first.current?.focus();
  }, []);

  // Beside the packet on screen, inside the viewport: below and right of it, else above or left, so
  // it never covers the packet; re-measured as the packet glides with the cursor.
  useLayoutEffect(() => {
    const r = document.querySelector(`[data-hit="${CSS.escape(copy.id)}"]`)?.getBoundingClientRect();
    const h = box.current?.offsetHeight ?? 160;
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const fitsRight = !r || r.right + 8 + WIDTH <= vw - 8;
    const fitsBelow = !r || r.bottom + 8 + h <= vh - 8;
    const x = r ? (fitsRight ? r.right + 8 : r.left - 8 - WIDTH) : vw / 2;
    const y = r ? (fitsBelow ? r.bottom + 8 : r.top - 8 - h) : vh / 3;
    const left = Math.round(Math.max(4, Math.min(x, vw - WIDTH - 8)));
    const top = Math.round(Math.max(4, Math.min(y, vh - h - 8)));
    setAt((p) => (p && p.left === left && p.top === top ? p : { left, top }));
  });

  // A press anywhere else closes it, as a popover does (a press on another packet opens that one's).
  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      const target = e.target as Element | null;
      if (box.current?.contains(target) || target?.closest?.('[data-hit],[data-copy]')) return;
      onClose();
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [onClose]);

  const onKeyDown = popoverKeys(onClose);

  return (
    <div
      ref={box}
      className="nl-packet-menu"
      role="dialog"
      aria-label={fill(t.packetMenu.title, { copy: copy.id })}
      data-testid="packet-menu"
      style={{ width: WIDTH, ...(at ?? { left: 0, top: 0, opacity: 0 }) }}
      onKeyDown={onKeyDown}
    >
      <p className="nl-packet-menu-title">
        <strong>{fill(t.packetMenu.title, { copy: copy.id })}</strong>
        <br />
        <span>
          {fill(lost ? t.packetMenu.lost : t.packetMenu.where, {
            msg: copy.label ?? copy.msg,
            src: copy.src,
            to: copy.to,
            at: copy.arriveAt,
          })}
        </span>
      </p>
      {!lost && (
        <>
          <button
            type="button"
            ref={first as React.RefObject<HTMLButtonElement>}
            onClick={onDrop}
            data-testid="packet-drop"
          >
            {t.packetMenu.drop} <small>{t.packetMenu.dropHint}</small>
          </button>
          <form
            className="nl-packet-delay"
            // The lab's refusal says what is wrong in the student's language; the browser's bubble would not.
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              onDelay(n);
            }}
          >
            <label htmlFor={`${id}-ticks`}>{t.packetMenu.delayBy}</label>
            <input
              id={`${id}-ticks`}
              type="number"
              min={1}
              max={MAX_DELAY}
              step={1}
              value={ticks}
              data-testid="packet-delay-ticks"
              onChange={(e) => setTicks(e.currentTarget.value)}
            />
            <button type="submit" data-testid="packet-delay">
              {t.packetMenu.delay}
            </button>
            {Number.isInteger(n) && n >= 1 && n <= MAX_DELAY && (
              <small>{fill(t.packetMenu.delayHint, { at: copy.arriveAt + n })}</small>
            )}
          </form>
        </>
      )}
      {igmp && (
        <button
          type="button"
          {...(lost ? { ref: first as React.RefObject<HTMLButtonElement> } : {})}
          onClick={onInspect}
        >
          {t.packetMenu.inspect}
        </button>
      )}
      <button type="button" className="ghost" onClick={onClose}>
        {t.packetMenu.close}
      </button>
    </div>
  );
}
