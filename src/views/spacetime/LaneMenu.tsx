import {
  type ComponentType,
  type MouseEvent,
  type PointerEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcessScenario, Scenario } from '../../scenarios/schema';
import { useLab } from '../../store/react';
import { popoverKeys } from '../../ui/popoverKeys';
import type { Tx } from '../text';
import {
  addFault,
  addHeal,
  addPartition,
  DEFAULT_SPAN,
  FAULT_CHOICES,
  type FaultChoice,
  partitionGroups,
  partitionOpenAt,
} from './faultEdits';
import { GroupSection } from './GroupSection';
import type { Geometry } from './geometry';

/**
 * The menu a click on a process's lane opens, at the time clicked (a click on the lane's name,
 * or Enter on it, opens it at the cursor's time). Everything in it is a scenario edit, so it is
 * undoable and goes into the URL. The menu is a list of sections; each section is one fieldset.
 */

/** What a section gets: the process and time the menu is for, and how to change the scenario. */
export interface LaneSectionProps {
  node: string;
  time: number;
  scenario: ProcessScenario;
  /** Apply an edit and close the menu. */
  edit(change: (s: Scenario) => Scenario): void;
  t: Tx;
}

export interface LaneSection {
  id: string;
  /** The section's heading, a `views` key. */
  title: string;
  /** Whether the section has something to offer for this process. */
  applies(s: ProcessScenario, node: string): boolean;
  Body: ComponentType<LaneSectionProps>;
}

// ---------------------------------------------------------------------------------------------
// Sections of the lane menu, in order. To add one (e.g. "Group": join/leave/send/query), write
// its Body component and add an entry to LANE_SECTIONS.
// ---------------------------------------------------------------------------------------------

const ICONS: Record<FaultChoice, string> = {
  crash: '✕',
  'crash-restart': '↻',
  'crash-restart-nolog': '↺',
  'send-omission': '⇥',
  'receive-omission': '⇤',
  'byzantine-corrupt': '≠',
  'byzantine-equivocate': '⋔',
};

/** The lecture's failures ("Failure considerations") at this process and time. */
function FaultSection({ node, time, scenario, edit, t }: LaneSectionProps) {
  const [span, setSpan] = useState(DEFAULT_SPAN);
  const procs = scenario.processes;
  // Default sides: this process alone against the rest; the student can make more sub-groups.
  const [sides, setSides] = useState<Record<string, number>>(() =>
    Object.fromEntries(procs.map((p) => [p, p === node ? 0 : 1])),
  );
  const groups = partitionGroups(procs, sides);
  const open = partitionOpenAt(scenario, time);
  const spanId = useId();
  const sidesId = useId();
  // The sub-group picker is long: it opens on demand, so the menu fits the screen.
  const [picking, setPicking] = useState(false);
  const timed = (c: FaultChoice) => c !== 'crash';
  return (
    <>
      <label className="mv-lane-field" htmlFor={spanId}>
        <span>{t('lane.span')}</span>
        <input
          id={spanId}
          type="number"
          min={1}
          max={10000}
          value={span}
          onChange={(e) =>
            setSpan(Math.max(1, Math.min(10000, Math.round(Number(e.currentTarget.value)) || 1)))
          }
          data-testid="lane-span"
        />
      </label>
      {FAULT_CHOICES.map((c) => (
        <button
          key={c}
          type="button"
          onClick={() => edit(addFault(node, time, c, span))}
          data-testid={`lane-fault-${c}`}
        >
          <span className="mv-menu-icon" aria-hidden="true">
            {ICONS[c]}
          </span>
          {t(`lane.fault.${c}`)}
          <small>{t(`lane.hint.${c}`, timed(c) ? { from: time, until: time + span } : { from: time })}</small>
        </button>
      ))}
      <button
        type="button"
        aria-expanded={picking}
        aria-controls={sidesId}
        onClick={() => setPicking((p) => !p)}
        data-testid="lane-partition-open"
      >
        <span className="mv-menu-icon" aria-hidden="true">
          ✂
        </span>
        {t('lane.partition')}
        <small>{t('lane.partitionHint')}</small>
      </button>
      <fieldset className="mv-lane-partition" id={sidesId} hidden={!picking}>
        <legend>{t('lane.partition')}</legend>
        <div className="mv-lane-sides">
          {procs.map((p) => (
            <label key={p}>
              <span>{p}</span>
              <select
                value={sides[p] ?? 0}
                onChange={(e) => {
                  const v = Number(e.currentTarget.value);
                  setSides((s) => ({ ...s, [p]: v }));
                }}
                aria-label={t('lane.side', { node: p })}
                data-testid={`lane-side-${p}`}
              >
                {[0, 1, 2].map((i) => (
                  <option key={i} value={i}>
                    {t('lane.sideName', { n: i + 1 })}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
        <button
          type="button"
          disabled={groups.length < 2}
          title={groups.length < 2 ? t('lane.partitionWhy') : undefined}
          onClick={() => edit(addPartition(groups, time))}
          data-testid="lane-partition"
        >
          <span className="mv-menu-icon" aria-hidden="true">
            ✂
          </span>
          {t('lane.partitionGo', { n: groups.length })}
          <small>{groups.map((g) => g.join(', ')).join(' | ')}</small>
        </button>
      </fieldset>
      <button type="button" disabled={!open} onClick={() => edit(addHeal(time))} data-testid="lane-heal">
        <span className="mv-menu-icon" aria-hidden="true">
          ∥
        </span>
        {t('lane.heal')}
        <small>{open ? t('lane.healHint', { time }) : t('lane.healWhy', { time })}</small>
      </button>
    </>
  );
}

export const LANE_SECTIONS: readonly LaneSection[] = [
  {
    id: 'faults',
    title: 'lane.faults',
    applies: (s, node) => s.processes.includes(node),
    Body: FaultSection,
  },
  {
    id: 'group',
    title: 'laneGroup.title',
    applies: (s, node) => s.processes.includes(node),
    Body: GroupSection,
  },
];

// ---------------------------------------------------------------------------------------------
// End of the sections.
// ---------------------------------------------------------------------------------------------

/** Where the menu was asked for: a process, a virtual time, and a point on screen to sit beside. */
export interface LaneAt {
  node: string;
  time: number;
  clientX: number;
  clientY: number;
}

/** The sections that have something for `node`. */
export function sectionsFor(s: Scenario, node: string): LaneSection[] {
  return s.lab === 'process' ? LANE_SECTIONS.filter((sec) => sec.applies(s, node)) : [];
}

/** The virtual time at a pixel column of the plot, to the nearest tick and never before 0. */
export function timeAtX(geo: Pick<Geometry, 'x'>, px: number): number {
  const a = geo.x(0);
  const b = geo.x(1) - a;
  return b === 0 ? 0 : Math.max(0, Math.round((px - a) / b));
}

/** The lane whose line is nearest to `py`, if it is within a third of the lane gap. */
export function laneAtY(geo: Pick<Geometry, 'lanes'>, py: number, gap: number): string | null {
  let best: string | null = null;
  let dist = gap / 3;
  for (const l of geo.lanes) {
    const d = Math.abs(l.y - py);
    if (d <= dist) {
      dist = d;
      best = l.node;
    }
  }
  return best;
}

const MENU_WIDTH = 320;
/** A press that moved further than this was a drag (panning), not a click. */
const CLICK_SLOP = 4;

interface LaneMenuViewProps {
  at: LaneAt;
  /** `refocus`: return focus to the lane (not when the student pressed elsewhere). */
  onClose(refocus: boolean): void;
}

/** The menu: a non-modal dialog; focus goes to its first control, Esc closes it. */
function LaneMenuView({ at, onClose }: LaneMenuViewProps) {
  const { t } = useTranslation('views');
  const tx = t as unknown as Tx;
  const scenario = useLab((s) => s.scenario);
  const edit = useLab((s) => s.edit);
  const [time, setTime] = useState(at.time);
  const box = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);
  const timeId = useId();
  const titleId = useId();

  useEffect(() => {
    box.current?.querySelector<HTMLElement>('button:not([disabled])')?.focus();
  }, []);
  useLayoutEffect(() => {
    const h = box.current?.offsetHeight ?? 300;
    const left = Math.round(Math.max(4, Math.min(at.clientX + 12, window.innerWidth - MENU_WIDTH - 8)));
    const top = Math.round(Math.max(4, Math.min(at.clientY + 12, window.innerHeight - h - 8)));
    setPos((p) => (p && p.left === left && p.top === top ? p : { left, top }));
  });
  // A press anywhere else closes it, as a popover does.
  useEffect(() => {
    const onDown = (e: globalThis.PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) onClose(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [onClose]);

  if (scenario.lab !== 'process') return null;
  const sections = sectionsFor(scenario, at.node);
  const onKeyDown = popoverKeys(() => onClose(true));
  const apply = (change: (s: Scenario) => Scenario) => {
    edit(change);
    onClose(true);
  };
  return (
    <div
      ref={box}
      className="mv-lane-menu"
      role="dialog"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      style={{ width: MENU_WIDTH, ...(pos ?? { left: 0, top: 0, opacity: 0 }) }}
      data-testid="lane-menu"
    >
      <p className="mv-copy-menu-title" id={titleId}>
        <strong>{t('lane.title', { node: at.node, time })}</strong>
      </p>
      <label className="mv-lane-field" htmlFor={timeId}>
        <span>{t('lane.time')}</span>
        <input
          id={timeId}
          type="number"
          min={0}
          max={1_000_000}
          value={time}
          onChange={(e) =>
            setTime(Math.max(0, Math.min(1_000_000, Math.round(Number(e.currentTarget.value)) || 0)))
          }
          data-testid="lane-time"
        />
      </label>
      {sections.map((sec) => (
        <fieldset key={sec.id} className="mv-lane-section">
          <legend>{t(sec.title)}</legend>
          <sec.Body node={at.node} time={time} scenario={scenario} edit={apply} t={tx} />
        </fieldset>
      ))}
      <button type="button" className="mv-copy-menu-close" onClick={() => onClose(true)}>
        {t('menu.close')}
      </button>
    </div>
  );
}

const laneButton = (node: string) =>
  document.querySelector<SVGGElement>(`.mv-lane-button[data-lane="${CSS.escape(node)}"]`);

/**
 * The lane menu for the space-time diagram: press handlers for its <svg> (a click on a lane, not
 * a drag, opens the menu at that time), a focusable button on each lane's name (the keyboard's
 * way in), and the menu itself.
 */
export function useLaneMenu(geo: Geometry, gap: number, tNow: number) {
  const { t } = useTranslation('views');
  const scenario = useLab((s) => s.scenario);
  const [at, setAt] = useState<LaneAt | null>(null);
  const press = useRef<{ x: number; y: number } | null>(null);

  const atRef = useRef(at);
  atRef.current = at;
  /** Close; back to the lane's button unless the student pressed somewhere else. */
  const close = useCallback((refocus: boolean) => {
    const prev = atRef.current;
    setAt(null);
    if (prev && refocus) requestAnimationFrame(() => laneButton(prev.node)?.focus());
  }, []);

  const can = (node: string) => sectionsFor(scenario, node).length > 0;

  const svgProps = {
    onPointerDown: (e: PointerEvent<SVGSVGElement>) => {
      press.current = { x: e.clientX, y: e.clientY };
    },
    onClick: (e: MouseEvent<SVGSVGElement>) => {
      const p = press.current;
      press.current = null;
      if (!p || Math.hypot(e.clientX - p.x, e.clientY - p.y) > CLICK_SLOP) return;
      // A copy on the wire has its own menu; a lane name is its own button.
      if ((e.target as Element).closest('[data-copy], .mv-lane-button')) return;
      const r = e.currentTarget.getBoundingClientRect();
      const px = e.clientX - r.left;
      const node = laneAtY(geo, e.clientY - r.top, gap);
      if (node === null || !can(node) || px < geo.plotLeft - 8 || px > geo.plotRight + 8) return;
      setAt({ node, time: timeAtX(geo, px), clientX: e.clientX, clientY: e.clientY });
    },
  };

  // Memoized: a step that leaves the time where it was (most do) re-renders none of this, and
  // each lane's label is translated once (i18next's t() is a measurable part of a step).
  const openNode = at?.node;
  const lanes = geo.lanes;
  const buttonWidth = Math.max(10, geo.plotLeft - 14);
  const targets: ReactNode = useMemo(() => {
    const openAtCursor = (node: string, el: Element) => {
      const r = el.getBoundingClientRect();
      setAt({ node, time: tNow, clientX: r.right, clientY: r.top });
    };
    return (
      <g className="mv-lane-buttons">
        {lanes
          .filter((l) => sectionsFor(scenario, l.node).length > 0)
          .map((l) => {
            const name = t('lane.button', { node: l.node, time: tNow });
            return (
              // biome-ignore lint/a11y/useSemanticElements: an svg shape cannot be a <button>; role and keys make it one.
              <g
                key={l.node}
                className="mv-lane-button"
                data-lane={l.node}
                role="button"
                tabIndex={0}
                aria-haspopup="dialog"
                aria-expanded={openNode === l.node}
                aria-label={name}
                onClick={(e) => openAtCursor(l.node, e.currentTarget)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    e.stopPropagation();
                    openAtCursor(l.node, e.currentTarget);
                  }
                }}
              >
                <title>{name}</title>
                <rect x={4} y={l.y - 13} width={buttonWidth} height={26} rx={4} />
              </g>
            );
          })}
      </g>
    );
  }, [lanes, buttonWidth, tNow, openNode, scenario, t]);

  const menu: ReactNode = at ? <LaneMenuView key={`${at.node} ${at.time}`} at={at} onClose={close} /> : null;
  return { svgProps, targets, menu };
}
