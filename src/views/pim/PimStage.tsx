import { type KeyboardEvent, type ReactNode, useId, useMemo, useRef } from 'react';
import type { NetworkScenario } from '../../scenarios/schema';
import { PIM_TABS } from '../../scenarios/url';
import type { Trace } from '../../sim/trace';
import { ControlDiagram } from './ControlDiagram';
import { scenarioDiagnostics } from './diagnose';
import { ModeCompare } from './ModeCompare';
import { PimDiagnostics } from './PimDiagnostics';
import { usePimText } from './strings';
import './pim.css';

/**
 * Where the network lab's drawing goes when a scenario runs PIM: the network's problems first,
 * then tabs to switch the stage between the topology (passed in as `children`), the space-time
 * diagram of control messages, and dense vs sparse compared. Without PIM it is just the topology.
 * A lesson step may point at a tab (`pointed`); the student's own choice (`chosen`, kept by the
 * caller in the store so the share link carries it) holds over it until the step changes.
 */
export interface PimStageProps {
  scenario: NetworkScenario;
  trace: Trace;
  cursor: number;
  onSelectRouter(router: string): void;
  /** The tab a lesson step points at. */
  pointed?: PimTab;
  /** The tab the student chose, if any: it wins over `pointed`. */
  chosen?: PimTab;
  /** The student picks a tab (a click, or the arrow keys). */
  onChoose?(tab: PimTab): void;
  children: ReactNode;
}

/** The stage's tabs in order; the share link's `view.tab` is one of them. */
const TABS = PIM_TABS;
export type PimTab = (typeof TABS)[number];

export function PimStage({
  scenario,
  trace,
  cursor,
  onSelectRouter,
  pointed,
  chosen,
  onChoose,
  children,
}: PimStageProps) {
  const t = usePimText();
  const id = useId();
  const tab = chosen ?? pointed ?? 'topology';
  const setTab = (k: PimTab) => onChoose?.(k);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const diagnostics = useMemo(() => scenarioDiagnostics(scenario), [scenario]);
  if (!scenario.pim) return <>{children}</>;
  // WAI-ARIA tabs: arrow keys move between tabs (and are kept from stepping the cursor).
  const onKey = (e: KeyboardEvent, i: number) => {
    const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!d) return;
    e.preventDefault();
    const next = (i + d + TABS.length) % TABS.length;
    setTab(TABS[next]!);
    tabs.current[next]?.focus();
  };
  const rp = scenario.pim.mode === 'sparse' ? (scenario.pim.rp ?? null) : null;
  return (
    <div className="pim-stage" data-testid="pim-stage">
      <PimDiagnostics diagnostics={diagnostics} />
      <div className="pim-tabs" role="tablist" aria-label={t.views}>
        {TABS.map((k, i) => (
          <button
            key={k}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${k}`}
            aria-selected={tab === k}
            aria-controls={tab === k || k === 'topology' ? `${id}-panel-${k}` : undefined}
            tabIndex={tab === k ? 0 : -1}
            onClick={() => setTab(k)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {t.tab[k]}
          </button>
        ))}
      </div>
      {/* The topology stays mounted while hidden, so its packets and tree do not restart when a student comes back. */}
      <div
        role="tabpanel"
        id={`${id}-panel-topology`}
        aria-labelledby={`${id}-tab-topology`}
        hidden={tab !== 'topology'}
        className="pim-panel"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a tab panel is focusable so keyboard users reach and scroll it (WAI-ARIA tabs; axe scrollable-region-focusable).
        tabIndex={0}
      >
        {children}
      </div>
      {tab === 'control' && (
        <div
          role="tabpanel"
          id={`${id}-panel-control`}
          aria-labelledby={`${id}-tab-control`}
          className="pim-panel"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a tab panel is focusable so keyboard users reach and scroll it (WAI-ARIA tabs; axe scrollable-region-focusable).
          tabIndex={0}
        >
          <ControlDiagram trace={trace} cursor={cursor} rp={rp} onSelectRouter={onSelectRouter} />
        </div>
      )}
      {tab === 'compare' && (
        <div
          role="tabpanel"
          id={`${id}-panel-compare`}
          aria-labelledby={`${id}-tab-compare`}
          className="pim-panel"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a tab panel is focusable so keyboard users reach and scroll it (WAI-ARIA tabs; axe scrollable-region-focusable).
          tabIndex={0}
        >
          <ModeCompare scenario={scenario} trace={trace} />
        </div>
      )}
    </div>
  );
}
