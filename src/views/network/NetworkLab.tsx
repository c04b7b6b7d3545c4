import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Bilingual } from '../../protocols/address/text';
import type { Highlight } from '../../scenarios/lessons/types';
import type { NetworkScenario } from '../../scenarios/schema';
import { networkReport } from '../../scenarios/simulate-network';
import type { NetPanel } from '../../scenarios/url';
import type { NetView } from '../../store/lab';
import { useLab, useLabStore } from '../../store/react';
import { MachineView, PimSettings, PimStage } from '../pim';
import type { PimTab } from '../pim/PimStage';
import { AddressLab } from './AddressLab';
import { CardsPanel } from './CardsPanel';
import { delayCopy, dropCopy, type EditOutcome, moveNode } from './edits';
import { isIgmp } from './frame';
import { igmpPacket } from './IgmpInspector';
import { IgmpPanel } from './IgmpPanel';
import { topologyLayout } from './layout';
import { comparesModes, ModesComparison } from './ModesComparison';
import { NodeDetails } from './NodeDetails';
import { PacketMenu } from './PacketMenu';
import { fill, NET_TEXT, useNetText } from './strings';
import { TopologyEditor } from './TopologyEditor';
import { TopologyView } from './TopologyView';
import './network.css';

/**
 * The network lab's main area: the topology at the cursor beside one panel at a time — the
 * selected node's tables, the modes compared, IGMP (inspector, memberships, leave latency,
 * timers), the Ethernet cards, the address lab, the topology editor. A lesson step's highlight
 * picks the panel, rings its nodes and fills the address lab. Playback, the event log and sharing
 * stay in the shell. To add a panel, add an entry to `panels` below (and its name to NET_PANELS in
 * src/scenarios/url.ts, so a share link can carry it).
 */
export type PanelId = NetPanel;

/** A lesson's `highlight.panel` (lessons/types.ts) → the side panel that shows it. */
export const PANEL_OF_HIGHLIGHT: Readonly<Record<string, PanelId>> = {
  modes: 'modes',
  compare: 'modes',
  routing: 'details',
  pim: 'details',
  igmp: 'igmp',
  address: 'address',
};

/**
 * Where a lesson step's `highlight.panel` goes on a scenario: the side panel, and for PIM the
 * stage's tab. With PIM, `compare` is the stage's "Dense vs sparse" tab (the side keeps the
 * highlighted router's tables); `pim` is the highlighted router's tables, PIM table and state
 * machines first, beside the topology where its control messages travel.
 */
export function highlightTarget(
  panel: string | undefined,
  s: NetworkScenario,
): { side: PanelId | undefined; stage: PimTab | undefined } {
  if (s.pim && panel === 'compare') return { side: 'details', stage: 'compare' };
  if (s.pim && panel === 'pim') return { side: 'details', stage: 'topology' };
  return { side: PANEL_OF_HIGHLIGHT[panel ?? ''], stage: undefined };
}

interface Panel {
  id: PanelId;
  label: string;
  /** Tables too wide for the narrow column get a wider one. */
  wide?: boolean;
  body: ReactNode;
}

/** The panel a scenario opens on: its modes compared if it compares modes, else IGMP if it runs IGMP. */
export function defaultPanel(s: NetworkScenario): PanelId {
  return comparesModes(s) ? 'modes' : s.igmp ? 'igmp' : 'details';
}

type Status = { kind: 'done'; done: string; note?: Bilingual } | { kind: 'problem'; problem: Bilingual };

export function NetworkLab({ highlight }: { highlight?: Highlight }) {
  const t = useNetText();
  const store = useLabStore();
  const lang = useLab((s) => s.lang);
  const scenario = useLab((s) => s.scenario) as NetworkScenario;
  const loaded = useLab((s) => s.loaded);
  const trace = useLab((s) => s.trace);
  const cursor = useLab((s) => s.cursor);
  const inspectedMsg = useLab((s) => s.selection.msg ?? null);
  const canUndo = useLab((s) => s.undoStack.length > 0);
  const layout = useMemo(() => topologyLayout(scenario.topology), [scenario.topology]);
  const report = useMemo(() => networkReport(scenario), [scenario]);
  // The editor's last outcome, shown until another scenario is loaded.
  const [statusIn, setStatusIn] = useState<{ s: Status; loaded: unknown } | null>(null);
  const status = statusIn && statusIn.loaded === loaded ? statusIn.s : null;
  const side = useRef<HTMLElement>(null);
  const inspected = inspectedMsg && igmpPacket(trace, inspectedMsg) ? inspectedMsg : null;
  const modes = comparesModes(scenario);

  // A lesson step points at a panel and at nodes. The student's own choice of panel, node or PIM
  // tab holds until the step, or the scenario as loaded (a link, an example), changes; an edit
  // keeps it. The choices live in the store (`netView`), so the share link carries them.
  const hlKey = JSON.stringify(highlight ?? null);
  const view = useLab((s) => s.netView);
  const choose = (change: NetView) => store.getState().setNetView({ ...store.getState().netView, ...change });
  const setChosen = (panel: PanelId) => choose({ panel });
  const setSelected = (node: string | null) => choose({ node });
  const target = highlightTarget(highlight?.panel, scenario);
  const hlPanel = highlight ? (highlight.address !== undefined ? 'address' : target.side) : undefined;
  const kindOf = (n: string) => (trace.initial[n] as { kind?: string } | undefined)?.kind;
  // A PIM step opens a router's tables (a host has no PIM table); any other step its first router or host.
  const pimStep =
    scenario.pim !== undefined && (highlight?.panel === 'pim' || highlight?.panel === 'compare');
  const hlNode =
    (pimStep ? highlight?.nodes?.find((n) => kindOf(n) === 'router') : undefined) ??
    highlight?.nodes?.find((n) => kindOf(n) === 'router' || kindOf(n) === 'host') ??
    null;
  const selected = view.node !== undefined ? view.node : hlNode;

  // biome-ignore lint/correctness/useExhaustiveDependencies: hlKey stands for the highlight's content; its identity changes on every render.
  useEffect(() => {
    if (!highlight) return;
    // An IGMP step that names an IGMP message opens it in the inspector.
    const packet = hlPanel === 'igmp' ? highlight.msgs?.find((m) => igmpPacket(trace, m)) : undefined;
    if (packet) store.getState().select({ msg: packet });
    if (hlPanel) side.current?.scrollIntoView?.({ block: 'nearest' });
  }, [hlKey]);

  // Opening an IGMP message (on the topology, in the log, in the picker) shows it in the IGMP panel.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a newly opened message switches the panel.
  useEffect(() => {
    if (inspected) setChosen('igmp');
  }, [inspected]);

  const inspect = (msg: string | null) => store.getState().select(msg ? { msg } : {});
  // The packet whose menu is open, until another scenario is loaded.
  const [menuIn, setMenuIn] = useState<{ copy: string; loaded: unknown } | null>(null);
  const menuCopy = menuIn && menuIn.loaded === loaded ? menuIn.copy : null;
  const menuRecord = menuCopy ? trace.copies.find((c) => c.id === menuCopy) : undefined;
  const closeMenu = useCallback(() => setMenuIn(null), []);
  const select = (n: string | null) => choose(n ? { node: n, panel: 'details' } : { node: n });
  const apply = (outcome: EditOutcome, done: string) => {
    if (!outcome.ok) {
      setStatusIn({ s: { kind: 'problem', problem: outcome.problem }, loaded });
      return;
    }
    try {
      store.getState().edit(() => outcome.scenario);
      setStatusIn({ s: { kind: 'done', done, ...(outcome.note ? { note: outcome.note } : {}) }, loaded });
    } catch (e) {
      // The store re-simulates before it commits, so a failure leaves the student's scenario as it was.
      const detail = e instanceof Error ? e.message : String(e);
      setStatusIn({
        s: {
          kind: 'problem',
          problem: {
            en: fill(NET_TEXT.en.edit.simFailed, { detail }),
            zh: fill(NET_TEXT.zh.edit.simFailed, { detail }),
          },
        },
        loaded,
      });
    }
  };

  // Undo takes the last edit back and says so, in place of the outcome it reported.
  const undo = () => {
    store.getState().undo();
    setStatusIn({ s: { kind: 'done', done: t.edit.whatUndo }, loaded });
  };

  // A node the scenario lacks (a link's, or one an edit removed) shows no details; Undo brings it back.
  const node = selected && trace.nodes.includes(selected as never) ? selected : null;
  const panels: Panel[] = [
    {
      id: 'details',
      label: t.panels.details,
      // A router's PIM table has seven columns.
      wide: scenario.pim !== undefined,
      body: node ? (
        <NodeDetails
          node={node}
          trace={trace}
          cursor={cursor}
          report={report}
          onClose={() => setSelected(null)}
          {...(scenario.pim ? { pimExtra: <MachineView router={node} trace={trace} cursor={cursor} /> } : {})}
        />
      ) : (
        <p className="nl-hint">{t.clickHint}</p>
      ),
    },
    ...(modes
      ? [
          {
            id: 'modes' as const,
            label: t.panels.modes,
            wide: true,
            body: <ModesComparison scenario={scenario} trace={trace} highlight={highlight?.msgs ?? []} />,
          },
        ]
      : []),
    {
      id: 'igmp',
      label: t.panels.igmp,
      wide: true,
      body: (
        <IgmpPanel
          scenario={scenario}
          trace={trace}
          cursor={cursor}
          inspected={inspected}
          onInspect={inspect}
        />
      ),
    },
    {
      id: 'cards',
      label: t.panels.cards,
      wide: true,
      body: <CardsPanel scenario={scenario} trace={trace} cursor={cursor} />,
    },
    {
      id: 'address',
      label: t.panels.address,
      wide: true,
      body: <AddressLab key={highlight?.address ?? ''} initial={highlight?.address ?? '224.10.8.5'} />,
    },
    {
      id: 'edit',
      label: t.panels.edit,
      body: (
        <TopologyEditor scenario={scenario} selected={node} apply={apply} canUndo={canUndo} onUndo={undo} />
      ),
    },
    ...(scenario.topology.routers.length > 0
      ? [
          {
            id: 'pim' as const,
            label: t.panels.pim,
            body: <PimSettings scenario={scenario} selected={node} apply={apply} />,
          },
        ]
      : []),
  ];
  const wanted = view.panel ?? hlPanel ?? defaultPanel(scenario);
  const active = panels.find((p) => p.id === wanted) ?? panels[0]!;
  const pointed = hlPanel;

  return (
    <div className="network-lab" data-testid="network-lab">
      <div className="nl-stage">
        <PimStage
          scenario={scenario}
          trace={trace}
          cursor={cursor}
          onSelectRouter={select}
          {...(view.tab ? { chosen: view.tab } : {})}
          onChoose={(tab) => choose({ tab })}
          {...(highlight && target.stage ? { pointed: target.stage } : {})}
        >
          <TopologyView
            scenario={scenario}
            trace={trace}
            cursor={cursor}
            layout={layout}
            selected={node}
            onSelect={select}
            onPacket={(p) => setMenuIn({ copy: p.copy, loaded })}
            {...(highlight ? { highlight } : {})}
            onMove={(id, x, y) => apply(moveNode(scenario, id, x, y), fill(t.edit.whatMove, { id }))}
          />
        </PimStage>
        {menuRecord && (
          <PacketMenu
            key={menuRecord.id}
            copy={menuRecord}
            igmp={isIgmp(menuRecord.kind)}
            onDrop={() => {
              closeMenu();
              apply(dropCopy(scenario, menuRecord.id), fill(t.packetMenu.whatDrop, { copy: menuRecord.id }));
            }}
            onDelay={(ticks) => {
              const outcome = delayCopy(scenario, menuRecord.id, menuRecord.arriveAt, ticks);
              if (outcome.ok) closeMenu();
              apply(
                outcome,
                fill(t.packetMenu.whatDelay, { copy: menuRecord.id, at: menuRecord.arriveAt + ticks }),
              );
            }}
            onInspect={() => {
              closeMenu();
              inspect(menuRecord.msg);
            }}
            onClose={closeMenu}
          />
        )}
        <section
          ref={side}
          className={`nl-side${active.wide ? ' wide' : ''}${pointed === active.id ? ' hl' : ''}`}
          aria-label={t.tables}
        >
          <nav className="nl-tabs" aria-label={t.panels.label}>
            {panels.map((p) => (
              <button
                key={p.id}
                type="button"
                aria-pressed={p.id === active.id}
                aria-controls="nl-panel"
                data-panel={p.id}
                className={pointed === p.id ? 'pointed' : undefined}
                onClick={() => setChosen(p.id)}
              >
                {p.label}
              </button>
            ))}
          </nav>
          {status && (
            <div className={`nl-status ${status.kind}`} data-testid="edit-status">
              {status.kind === 'problem' ? (
                <p role="alert">
                  {t.edit.refused}
                  {status.problem[lang]}
                </p>
              ) : (
                <>
                  <p role="status">
                    {fill(t.edit.done, { what: status.done })} {status.note?.[lang]}
                  </p>
                  {/* Edits by click (a packet dropped, a PIM setting) are taken back here, beside what they did. */}
                  {canUndo && (
                    <button type="button" onClick={undo} data-testid="edit-undo">
                      {t.edit.undo}
                    </button>
                  )}
                </>
              )}
            </div>
          )}
          {report.warnings.length > 0 && (
            <section className="nl-warnings" aria-label={t.warnings}>
              {report.warnings.map((w) => (
                <p key={w.en} role="note">
                  {w[lang]}
                </p>
              ))}
            </section>
          )}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling panel must be reachable by keyboard to scroll it (axe: scrollable-region-focusable). */}
          <section className="nl-panel" id="nl-panel" tabIndex={0} aria-label={active.label}>
            {pointed === active.id && <p className="nl-pointed">{t.highlightNote}</p>}
            {active.body}
          </section>
        </section>
      </div>
    </div>
  );
}
