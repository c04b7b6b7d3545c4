import { memo, useMemo } from 'react';
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
import { LAN_HALF_H, LAN_HALF_W, type LinkGeom, type NodeGeom, type TopologyLayout } from './layout';
import { fill, type NetText, useNetText } from './strings';

/**
 * The network drawn at a cursor: LANs as bars, routers as circles, hosts as squares, links with
 * their latency and the copies they carried so far, packets on their way, the current
 * distribution tree (PIM) and the rendezvous point. React draws; the geometry comes from
 * layout.ts and frame.ts. Nodes are buttons: Enter or a click opens their tables.
 */
export interface TopologyViewProps {
  scenario: NetworkScenario;
  trace: Trace;
  cursor: number;
  layout: TopologyLayout;
  selected: string | null;
  onSelect(node: string | null): void;
  onInspect(msg: string): void;
}

/** Packets shaped by family as well as coloured, so the legend reads without colour: data ●, IGMP ■, PIM ◆. */
function PacketMark({ p, t, onInspect }: { p: PacketGeom; t: NetText; onInspect(msg: string): void }) {
  const name = `${t.pkt[p.cls]} ${p.label}`;
  const shape =
    p.cls === 'data' || p.cls === 'other' ? (
      <circle r={6} />
    ) : p.cls.startsWith('igmp') ? (
      <rect x={-5.5} y={-5.5} width={11} height={11} />
    ) : (
      <rect x={-5} y={-5} width={10} height={10} transform="rotate(45)" />
    );
  const igmp = isIgmp(p.kind);
  return (
    <g
      className={`nl-packet pk-${p.cls}${p.lost ? ' lost' : ''}${igmp ? ' clickable' : ''}`}
      style={{ transform: `translate(${p.x}px, ${p.y}px)` }}
      data-copy={p.copy}
      data-kind={p.kind}
      {...(igmp
        ? {
            role: 'button',
            tabIndex: 0,
            'aria-label': fill(t.inspector.open, { msg: p.msg }),
            onClick: () => onInspect(p.msg),
            onKeyDown: (e: React.KeyboardEvent) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onInspect(p.msg);
              }
            },
          }
        : { 'aria-hidden': true })}
    >
      <title>{name}</title>
      {shape}
      {p.lost && <path className="nl-cross" d="M-7,-7L7,7M-7,7L7,-7" />}
    </g>
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
  fate,
  groups,
  rp,
  onSelect,
}: {
  n: NodeGeom;
  label: string;
  selected: boolean;
  fate: 'received' | 'discarded' | 'filtered' | null;
  groups: string[] | undefined;
  rp: boolean;
  onSelect(node: string | null): void;
}) {
  const interactive = n.kind !== 'lan';
  const cls = `nl-node nl-${n.kind}${selected ? ' selected' : ''}${fate ? ` fate-${fate}` : ''}${groups ? ' member' : ''}`;
  const shape =
    n.kind === 'lan' ? (
      <rect x={-LAN_HALF_W} y={-LAN_HALF_H} width={2 * LAN_HALF_W} height={2 * LAN_HALF_H} rx={LAN_HALF_H} />
    ) : n.kind === 'router' ? (
      <circle r={17} />
    ) : (
      <rect x={-14} y={-14} width={28} height={28} rx={4} />
    );
  return (
    <g
      className={cls}
      transform={`translate(${n.x},${n.y})`}
      data-node={n.id}
      {...(interactive
        ? {
            role: 'button',
            tabIndex: 0,
            'aria-label': label,
            'aria-pressed': selected,
            onClick: () => onSelect(selected ? null : n.id),
            onKeyDown: (e: React.KeyboardEvent) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onSelect(selected ? null : n.id);
              }
            },
          }
        : {})}
    >
      <title>{label}</title>
      {fate && n.kind === 'host' && (
        <rect className="nl-fate" x={-19} y={-19} width={38} height={38} rx={7} />
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
  layout,
  selected,
  onSelect,
  onInspect,
}: TopologyViewProps) {
  const t = useNetText();
  const lang = useLab((s) => s.lang);
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
        <g className="nl-nodes">
          {layout.nodes.map((n) => (
            <NodeMark
              key={n.id}
              n={n}
              label={labelOf(n)}
              selected={selected === n.id}
              fate={tallies[n.id]?.last ?? null}
              groups={members[n.id]}
              rp={n.id === rp}
              onSelect={onSelect}
            />
          ))}
        </g>
        <g className="nl-packets">
          {packets.map((p) => (
            <PacketMark key={p.copy} p={p} t={t} onInspect={onInspect} />
          ))}
        </g>
      </svg>
    </figure>
  );
}
