import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InterventionInput } from '../../scenarios/schema';
import { timeAt } from '../../store/lab';
import { useLab } from '../../store/react';
import { popoverKeys } from '../../ui/popoverKeys';
import { canIntervene } from './frame';
import { type Arrow, modelFor } from './model';

/**
 * The click-to-intervene menu of a copy not yet arrived (issue 2, part 6). Each choice is an
 * edit of the scenario (ARCHITECTURE.md): the store re-simulates and the URL follows.
 * The diagram opens it by selecting the copy; it anchors itself to the copy on screen.
 */

/** The three edits a student can make to one copy's fate. */
export function copyChoices(arrow: Arrow, tNow: number, delayTicks: number) {
  const nextAt = Math.max(tNow, arrow.sentAt);
  const delayAt = arrow.arriveAt + delayTicks;
  return {
    deliverNext: { copy: arrow.id, deliverAt: nextAt } satisfies InterventionInput,
    delay: { copy: arrow.id, deliverAt: delayAt } satisfies InterventionInput,
    drop: arrow.lost === null ? ({ copy: arrow.id, drop: true } satisfies InterventionInput) : null,
  };
}

export interface CopyMenuViewProps {
  arrow: Arrow;
  tNow: number;
  delayTicks: number;
  onIntervene(i: InterventionInput): void;
  /** Close without acting. */
  onClose(): void;
}

/** The menu itself: a small non-modal dialog of buttons; Esc closes it. */
export function CopyMenuView({ arrow, tNow, delayTicks, onIntervene, onClose }: CopyMenuViewProps) {
  const { t } = useTranslation('views');
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    first.current?.focus();
  }, []);
  const choices = copyChoices(arrow, tNow, delayTicks);

  const onKeyDown = popoverKeys(onClose);

  return (
    <div
      className="mv-copy-menu-body"
      role="dialog"
      aria-label={t('menu.title', { copy: arrow.id })}
      onKeyDown={onKeyDown}
    >
      <p className="mv-copy-menu-title">
        <strong>{arrow.id}</strong>{' '}
        <span>{t('menu.where', { msg: arrow.msg, src: arrow.src, to: arrow.to })}</span>
      </p>
      <button type="button" ref={first} onClick={() => onIntervene(choices.deliverNext)}>
        <span className="mv-menu-icon" aria-hidden="true">
          ⇥
        </span>
        {t('menu.deliverNext')}
        <small>{t('menu.deliverNextHint', { time: choices.deliverNext.deliverAt })}</small>
      </button>
      <button type="button" onClick={() => onIntervene(choices.delay)}>
        <span className="mv-menu-icon" aria-hidden="true">
          +
        </span>
        {t('menu.delay')}
        <small>{t('menu.delayHint', { ticks: delayTicks, time: choices.delay.deliverAt })}</small>
      </button>
      {choices.drop && (
        <button type="button" onClick={() => choices.drop && onIntervene(choices.drop)}>
          <span className="mv-menu-icon" aria-hidden="true">
            ✕
          </span>
          {t('menu.drop')}
          <small>{t('menu.dropHint')}</small>
        </button>
      )}
      <button type="button" className="mv-copy-menu-close" onClick={onClose}>
        {t('menu.close')}
      </button>
    </div>
  );
}

const MENU_WIDTH = 250;

/** The copy's shape in the diagram: the moving packet if it is in flight, else its arrow. */
function copyElement(copy: string): SVGGraphicsElement | null {
  const g = document.querySelector<SVGGElement>(`[data-copy="${CSS.escape(copy)}"]`);
  return (
    g?.querySelector<SVGGraphicsElement>('.mv-packet') ??
    g?.querySelector<SVGGraphicsElement>('.mv-line') ??
    null
  );
}

/** Back to the copy after the menu closes, or to the diagram when the copy can no longer be changed. */
function refocus(copy: string) {
  requestAnimationFrame(() => {
    const g = document.querySelector<SVGGElement>(`[data-copy="${CSS.escape(copy)}"]`);
    if (g?.getAttribute('tabindex') === '0') g.focus();
    else document.querySelector<HTMLElement>('.mv-plot')?.focus();
  });
}

export interface CopyMenuProps {
  className?: string;
}

/** The menu for the selected copy, shown while that copy can still be changed. */
export function CopyMenu({ className }: CopyMenuProps) {
  const copy = useLab((s) => s.selection.copy);
  const trace = useLab((s) => s.trace);
  const cursor = useLab((s) => s.cursor);
  const select = useLab((s) => s.select);
  const intervene = useLab((s) => s.intervene);
  const delayTicks = useLab((s) =>
    s.scenario.lab === 'process' ? Math.max(2, s.scenario.network.latency[1]) : 3,
  );
  const box = useRef<HTMLDivElement>(null);
  const [at, setAt] = useState<{ left: number; top: number } | null>(null);

  const arrow = copy ? modelFor(trace).arrowById.get(copy) : undefined;
  const open = arrow !== undefined && canIntervene(arrow, cursor);

  // Anchor beside the copy on screen, kept inside the viewport; re-measured after every render
  // because the packet moves with the cursor and the diagram pans and zooms.
  useLayoutEffect(() => {
    if (!open || !copy) return;
    const r = copyElement(copy)?.getBoundingClientRect();
    const h = box.current?.offsetHeight ?? 180;
    const x = r ? (r.left + r.right) / 2 : window.innerWidth / 2;
    const y = r ? (r.top + r.bottom) / 2 : window.innerHeight / 3;
    const left = Math.round(Math.max(4, Math.min(x + 14, window.innerWidth - MENU_WIDTH - 8)));
    const top = Math.round(Math.max(4, Math.min(y + 14, window.innerHeight - h - 8)));
    setAt((prev) => (prev && prev.left === left && prev.top === top ? prev : { left, top }));
  });

  const close = useCallback(() => {
    select({});
    if (copy) refocus(copy);
  }, [copy, select]);

  // A press anywhere else closes it, as a popover does.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      const target = e.target as Element | null;
      if (box.current?.contains(target) || target?.closest?.('[data-copy]')) return;
      select({});
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open, select]);

  if (!open || !arrow) return null;
  const onIntervene = (i: InterventionInput) => {
    intervene(i);
    refocus(arrow.id);
  };
  return (
    <div
      ref={box}
      className={['mv-copy-menu', className].filter(Boolean).join(' ')}
      style={{ width: MENU_WIDTH, ...(at ?? { left: 0, top: 0, opacity: 0 }) }}
    >
      <CopyMenuView
        key={arrow.id}
        arrow={arrow}
        tNow={timeAt(trace, cursor)}
        delayTicks={delayTicks}
        onIntervene={onIntervene}
        onClose={close}
      />
    </div>
  );
}
