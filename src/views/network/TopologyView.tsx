import { memo, useMemo, useRef, useState } from 'react';
import { PIM_KIND_INFO } from '../../protocols/pim/messages';
import { distributionTrees } from '../../protocols/pim/trace-view';
import type { NetworkScenario } from '../../scenarios/schema';
import type { Trace } from '../../sim/trace';
import { useLab } from '../../store/react';
import {
  hostTallies,
  isIgmp,
  linkCounts,
  membersAt,
  type PacketClass,
  type PacketGeom,
  packetClass as packetClassOf,
  packetsAt,
  timeAtCursor,
  treeLinks,
} from './frame';
import {
  hostHalfWidth,
  LAN_HALF_H,
  LAN_HALF_W,
  type LinkGeom,
  type NodeGeom,
  type TopologyLayout,
  toScenario,
  withNodeAt,
} from './layout';
import { fill, type NetText, useNetText } from './strings';

/**
 * The network drawn at a cursor: LANs as bars, routers as circles, hosts as squares, links with
 * their latency and the copies they carried so far, packets on their way, the current
 * distribution tree (PIM) and the rendezvous point. React draws; the geometry comes from
 * layout.ts and frame.ts. Nodes are buttons: Enter or a click opens their tables (a click always
 * selects; Close in the tables deselects). Dragging a node moves it (an edit of the scenario,
 * handed to `onMove` in scenario coordinates); the editor's position fields do the same from the
 * keyboard. A packet on the wire is a button too, handed to `onPacket`.
 *
 * Packets are drawn above the nodes but take no pointer events there: each clickable packet has a
 * transparent hit target drawn *under* the nodes, so a packet just leaving or reaching a router
 * never swallows a click meant for the router (the lost first click of issue 5's Graft lesson).
 */
export interface TopologyViewProps {
  scenario: NetworkScenario;
  trace: Trace;
  cursor: number;
  layout: TopologyLayout;
  selected: string | null;
  onSelect(node: string | null): void;
  /** A packet on the wire was clicked or pressed (Enter): the lab opens its menu. */
  onPacket(p: PacketGeom): void;
  /** A lesson step's emphasis: nodes ringed, packets of these messages ringed. */
  highlight?: { nodes?: readonly string[]; msgs?: readonly string[] };
  /** A node was dragged and dropped here (scenario coordinates). Without it nodes do not drag. */
  onMove?(node: string, x: number, y: number): void;
}

/**
 * Pointer travel in screen pixels before a press on a node counts as a drag rather than a click:
 * measured on screen, not in drawing units, so a shrunk drawing does not turn a shaky click into a move.
 */
const DRAG_SLOP_PX = 6;

interface DragHandlers {
  onPointerDown(id: string, e: React.PointerEvent<SVGGElement>): void;
  onPointerMove(e: React.PointerEvent<SVGGElement>): void;
  onPointerUp(e: React.PointerEvent<SVGGElement>): void;
  /** True right after a drag ended, so the click that follows it does not toggle the selection. */
  swallowClick(): boolean;
}

/** A packet the student can act on: one still on its way (drop or delay it) or an IGMP message (inspect it). */
export const clickablePacket = (p: PacketGeom) => !p.lost || isIgmp(p.kind);

/** Packets shaped by family as well as coloured, so the legend reads without colour: data ●, IGMP ■, PIM ◆. */
function PacketMark({
  p,
  t,
  hl,
  onPacket,
}: {
  p: PacketGeom;
  t: NetText;
  hl: boolean;
  onPacket(p: PacketGeom): void;
}) {
  const name = `${t.pkt[p.cls]} ${p.label}`;
  const shape =
    p.cls === 'data' || p.cls === 'other' ? (
      <circle r={6} />
    ) : p.cls.startsWith('igmp') ? (
      <rect x={-5.5} y={-5.5} width={11} height={11} />
    ) : (
      <rect x={-5} y={-5} width={10} height={10} transform="rotate(45)" />
    );
  const clickable = clickablePacket(p);
  return (
    <g
      className={`nl-packet pk-${p.cls}${p.lost ? ' lost' : ''}${clickable ? ' clickable' : ''}${hl ? ' hl' : ''}`}
      style={{ transform: `translate(${p.x}px, ${p.y}px)` }}
      data-copy={p.copy}
      data-kind={p.kind}
      {...(clickable
        ? {
            role: 'button',
            tabIndex: 0,
            'aria-haspopup': 'dialog' as const,
            'aria-label': fill(t.packetMenu.open, { copy: p.copy, what: name }),
            onClick: () => onPacket(p),
            onKeyDown: (e: React.KeyboardEvent) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onPacket(p);
              }
            },
          }
        : { 'aria-hidden': true })}
    >
      <title>{name}</title>
      {hl && <circle className="nl-hl-ring" r={11} />}
      {shape}
      {p.lost && <path className="nl-cross" d="M-7,-7L7,7M-7,7L7,-7" />}
    </g>
  );
}

/** The mouse's way in to a packet: a transparent disc under the nodes (the keyboard uses the packet itself). */
function PacketHit({ p, onPacket }: { p: PacketGeom; onPacket(p: PacketGeom): void }) {
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a larger target for the pointer only; the keyboard reaches the same packet through its own focusable mark.
    <circle
      className="nl-packet-hit"
      r={9}
      style={{ transform: `translate(${p.x}px, ${p.y}px)` }}
      data-hit={p.copy}
      onClick={() => onPacket(p)}
    />
  );
}

const LinkLine = memo(function LinkLine({
  l,
  tree,
  count,
  t,
}: {
  l: LinkGeom;
  tree: 'source' | 'shared' | null;
  count: { data: number; control: number } | undefined;
  t: NetText;
}) {
  const mx = (l.ax + l.bx) / 2;
  const my = (l.ay + l.by) / 2;
  // Labels sit either side of the line, along its normal, so they never cover it.
  const len = Math.hypot(l.bx - l.ax, l.by - l.ay) || 1;
  const nx = -(l.by - l.ay) / len;
  const ny = (l.bx - l.ax) / len;
  return (
    <g className={`nl-link${tree ? ` tree-${tree}` : ''}`} data-link={l.id}>
      <title>{`${l.id}: ${fill(t.latency, { n: l.latency })}${count ? `; ${fill(t.copies, count)}` : ''}`}</title>
      {tree && <line className="nl-tree-halo" x1={l.ax} y1={l.ay} x2={l.bx} y2={l.by} />}
      <line x1={l.ax} y1={l.ay} x2={l.bx} y2={l.by} />
      <text
        className="nl-latency"
        x={mx + nx * 10}
        y={my + ny * 10}
        dominantBaseline="middle"
        textAnchor="middle"
      >
        {l.latency}
      </text>
      {count && count.data + count.control > 0 && (
        <text
          className="nl-count"
          x={mx - nx * 12}
          y={my - ny * 12}
          dominantBaseline="middle"
          textAnchor="middle"
          data-testid={`count-${l.id}`}
        >
          {count.data}
          {count.control > 0 && <tspan className="nl-count-ctl">+{count.control}</tspan>}
        </text>
      )}
    </g>
  );
});

function NodeMark({
  n,
  label,
  selected,
  hl,
  fate,
  groups,
  rp,
  onSelect,
  drag,
}: {
  n: NodeGeom;
  label: string;
  selected: boolean;
  hl: boolean;
  fate: 'received' | 'discarded' | 'filtered' | null;
  groups: string[] | undefined;
  rp: boolean;
  onSelect(node: string | null): void;
  drag: DragHandlers | null;
}) {
  const interactive = n.kind !== 'lan';
  const hw = hostHalfWidth(n.id);
  const cls = `nl-node nl-${n.kind}${selected ? ' selected' : ''}${hl ? ' hl' : ''}${fate ? ` fate-${fate}` : ''}${groups ? ' member' : ''}${drag ? ' draggable' : ''}`;
  const shape =
    n.kind === 'lan' ? (
      <rect x={-LAN_HALF_W} y={-LAN_HALF_H} width={2 * LAN_HALF_W} height={2 * LAN_HALF_H} rx={LAN_HALF_H} />
    ) : n.kind === 'router' ? (
      <circle r={17} />
    ) : (
      <rect x={-hw} y={-14} width={2 * hw} height={28} rx={4} />
    );
  return (
    <g
      className={cls}
      transform={`translate(${n.x},${n.y})`}
      data-node={n.id}
      {...(drag
        ? {
            onPointerDown: (e: React.PointerEvent<SVGGElement>) => drag.onPointerDown(n.id, e),
            onPointerMove: drag.onPointerMove,
            onPointerUp: drag.onPointerUp,
            onPointerCancel: drag.onPointerUp,
          }
        : {})}
      {...(interactive
        ? {
            role: 'button',
            tabIndex: 0,
            'aria-label': label,
            'aria-pressed': selected,
            // One click always selects: a toggle would make the click on a node a lesson step already
            // selected look ignored. The tables' Close button deselects.
            onClick: () => {
              if (!drag?.swallowClick()) onSelect(n.id);
            },
            onKeyDown: (e: React.KeyboardEvent) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onSelect(n.id);
              }
            },
          }
        : {})}
    >
      <title>{label}</title>
      {hl &&
        (n.kind === 'lan' ? (
          <rect
            className="nl-hl-ring"
            x={-LAN_HALF_W - 7}
            y={-LAN_HALF_H - 7}
            width={2 * LAN_HALF_W + 14}
            height={2 * LAN_HALF_H + 14}
            rx={LAN_HALF_H + 7}
          />
        ) : n.kind === 'host' ? (
          <rect className="nl-hl-ring" x={-hw - 10} y={-24} width={2 * hw + 20} height={48} rx={10} />
        ) : (
          <circle className="nl-hl-ring" r={26} />
        ))}
      {fate && n.kind === 'host' && (
        <rect className="nl-fate" x={-hw - 5} y={-19} width={2 * hw + 10} height={38} rx={7} />
      )}
      {shape}
      <text className="nl-id" dominantBaseline="central" textAnchor="middle">
        {n.id}
      </text>
      {rp && (
        <g className="nl-rp" transform="translate(16,-18)">
          <rect x={-2} y={-9} width={26} height={16} rx={4} />
          <text x={11} y={-1} dominantBaseline="middle" textAnchor="middle">
            RP
          </text>
        </g>
      )}
      {groups && (
        <text className="nl-groups" y={n.kind === 'host' ? 28 : 30} textAnchor="middle">
          {groups.join(' ')}
        </text>
      )}
    </g>
  );
}

/** The legend's entries: only the packet kinds this run sends. */
export function usedClasses(trace: Trace): PacketClass[] {
  const order: PacketClass[] = [
    'data',
    'igmp-query',
    'igmp-report',
    'igmp-leave',
    'pim-join',
    'pim-prune',
    'pim-graft',
    'pim-graft-ack',
    'pim-assert',
    'pim-register',
    'pim-register-stop',
    'pim-state-refresh',
    'pim-hello',
    'other',
  ];
  const seen = new Set<PacketClass>();
  for (const c of trace.copies) seen.add(packetClassOf(c.kind));
  return order.filter((c) => seen.has(c));
}

export function TopologyView({
  scenario,
  trace,
  cursor,
  selected,
  onSelect,
  onPacket,
  highlight,
  onMove,
  layout: fitted,
}: TopologyViewProps) {
  const t = useNetText();
  const lang = useLab((s) => s.lang);
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{
    id: string;
    x: number;
    y: number;
    /** Where the press began on screen, for the drag threshold. */
    cx0: number;
    cy0: number;
    moved: boolean;
  } | null>(null);
  const swallow = useRef(false);
  // While a node is dragged it is drawn at the pointer, its links following; dropping it edits the scenario.
  const layout = drag?.moved ? withNodeAt(fitted, drag.id, drag.x, drag.y) : fitted;
  const toDrawing = (e: React.PointerEvent): { x: number; y: number } | null => {
    const m = svg.current?.getScreenCTM();
    if (!m) return null;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
    return { x: Math.max(0, Math.min(fitted.width, p.x)), y: Math.max(0, Math.min(fitted.height, p.y)) };
  };
  const handlers: DragHandlers | null = onMove
    ? {
        onPointerDown(id, e) {
          if (e.button !== 0) return;
          // A new press starts afresh: a drag that ended without a click (pointercancel) must not eat this one.
          swallow.current = false;
          const p = toDrawing(e);
          if (!p) return;
          e.currentTarget.setPointerCapture?.(e.pointerId);
          setDrag({ id, ...p, cx0: e.clientX, cy0: e.clientY, moved: false });
        },
        onPointerMove(e) {
          if (!drag) return;
          const p = toDrawing(e);
          if (!p) return;
          const moved = drag.moved || Math.hypot(e.clientX - drag.cx0, e.clientY - drag.cy0) > DRAG_SLOP_PX;
          setDrag({ ...drag, ...p, moved });
        },
        onPointerUp() {
          if (!drag) return;
          setDrag(null);
          if (!drag.moved) return;
          swallow.current = true;
          const at = toScenario(fitted.fit, drag.x, drag.y);
          onMove(drag.id, at.x, at.y);
        },
        swallowClick() {
          const s = swallow.current;
          swallow.current = false;
          return s;
        },
      }
    : null;
  const hlNodes = new Set(highlight?.nodes ?? []);
  const hlMsgs = new Set(highlight?.msgs ?? []);
  const packets = useMemo(() => packetsAt(trace, cursor, layout), [trace, cursor, layout]);
  const counts = useMemo(() => linkCounts(trace, cursor, layout), [trace, cursor, layout]);
  const tallies = useMemo(() => hostTallies(trace, cursor), [trace, cursor]);
  const members = useMemo(() => membersAt(trace, cursor), [trace, cursor]);
  const trees = useMemo(
    () => (scenario.pim && cursor > 0 ? distributionTrees(trace, cursor - 1) : []),
    [scenario.pim, trace, cursor],
  );
  const treeOf = useMemo(() => {
    const m = new Map<string, 'source' | 'shared'>();
    for (const tr of trees) {
      for (const kind of ['source', 'shared'] as const)
        for (const id of treeLinks(
          layout,
          tr.edges.filter((e) => e.tree === kind),
        ))
          if (!m.has(id) || kind === 'shared') m.set(id, kind);
    }
    return m;
  }, [trees, layout]);
  const rp = scenario.pim?.mode === 'sparse' ? (scenario.pim.rp ?? null) : null;
  const subnet = new Map(scenario.topology.lans.map((l) => [l.id, l.subnet]));
  const time = timeAtCursor(trace, cursor);
  const treeText = trees
    .map((tr) =>
      fill(t.treeSummary, {
        group: tr.group,
        source: tr.source,
        tree: tr.edges.every((e) => e.tree === 'shared')
          ? t.sharedTree
          : tr.edges.some((e) => e.tree === 'shared')
            ? t.mixedTree
            : t.sourceTree,
        n: treeLinks(layout, tr.edges).length,
      }),
    )
    .join(' ');
  const summary = fill(t.summary, {
    lans: scenario.topology.lans.length,
    routers: scenario.topology.routers.length,
    hosts: scenario.topology.hosts.length,
    time,
    flight: packets.length,
    tree: treeText,
  }).trim();
  const labelOf = (n: NodeGeom) => {
    const base =
      n.kind === 'lan'
        ? fill(t.node.lan, { id: n.id, subnet: subnet.get(n.id) ?? '' })
        : fill(t.node[n.kind], { id: n.id });
    const extra: string[] = [];
    if (n.id === rp) extra.push(t.rpLong);
    const g = members[n.id];
    if (g) extra.push(fill(t.memberOf, { groups: g.join(', ') }));
    const tl = tallies[n.id];
    if (tl) extra.push(fill(t.hostMark, { r: tl.received, d: tl.discarded, f: tl.filtered }));
    return extra.length ? `${base}: ${extra.join('; ')}` : base;
  };
  const classes = usedClasses(trace);
  return (
    <figure className="nl-topology" aria-label={t.topology}>
      <figcaption className="nl-caption">
        {trees.length > 0 && (
          <p className="nl-tree-text" data-testid="tree-text">
            {treeText}
          </p>
        )}
        <ul className="nl-legend" aria-label={t.legend}>
          {classes.map((c) => (
            <li
              key={c}
              className={`pk-${c}`}
              title={c in PIM_KIND_INFO ? PIM_KIND_INFO[c as keyof typeof PIM_KIND_INFO][lang] : undefined}
            >
              <svg width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true">
                {c === 'data' || c === 'other' ? (
                  <circle r={5} />
                ) : c.startsWith('igmp') ? (
                  <rect x={-5} y={-5} width={10} height={10} />
                ) : (
                  <rect x={-4} y={-4} width={8} height={8} transform="rotate(45)" />
                )}
              </svg>
              {t.pkt[c]}
            </li>
          ))}
          <li className="lg-fate fate-received">{t.received}</li>
          <li className="lg-fate fate-discarded">{t.discarded}</li>
          <li className="lg-fate fate-filtered">{t.filtered}</li>
          {treeOf.size > 0 && <li className="lg-tree tree-source">{t.sourceTree}</li>}
          {[...treeOf.values()].includes('shared') && <li className="lg-tree tree-shared">{t.sharedTree}</li>}
        </ul>
      </figcaption>
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG drawing whose nodes are buttons; a fieldset cannot live inside SVG. */}
      <svg
        ref={svg}
        className={drag?.moved ? 'dragging' : undefined}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="group"
        aria-label={summary}
        data-testid="topology"
      >
        <g className="nl-links">
          {layout.links.map((l) => (
            <LinkLine key={l.id} l={l} tree={treeOf.get(l.id) ?? null} count={counts[l.id]} t={t} />
          ))}
        </g>
        <g className="nl-packet-hits">
          {packets.filter(clickablePacket).map((p) => (
            <PacketHit key={p.copy} p={p} onPacket={onPacket} />
          ))}
        </g>
        <g className="nl-nodes">
          {layout.nodes.map((n) => (
            <NodeMark
              key={n.id}
              n={n}
              label={labelOf(n)}
              selected={selected === n.id}
              hl={hlNodes.has(n.id)}
              fate={tallies[n.id]?.last ?? null}
              groups={members[n.id]}
              rp={n.id === rp}
              onSelect={onSelect}
              drag={handlers}
            />
          ))}
        </g>
        <g className="nl-packets">
          {packets.map((p) => (
            <PacketMark key={p.copy} p={p} t={t} hl={hlMsgs.has(p.msg)} onPacket={onPacket} />
          ))}
        </g>
      </svg>
    </figure>
  );
}
