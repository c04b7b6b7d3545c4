import type { CopyRecord, Trace } from '../../sim/trace';
import { type LinkGeom, linkBetween, pointOn, type TopologyLayout } from './layout';

/**
 * What the topology shows at a cursor, as pure functions of (trace, cursor, layout). The cursor
 * counts events shown, so the event just shown is `events[cursor - 1]` and the time on screen is
 * its time. A packet is drawn RaftScope's way: a fraction (now − sentAt) / (arriveAt − sentAt)
 * along the link it crosses, so stepping back is just a smaller fraction.
 */

/** What a copy is, for its colour and legend: data, an IGMP message, or a PIM message. */
export type PacketClass =
  | 'data'
  | 'igmp-query'
  | 'igmp-report'
  | 'igmp-leave'
  | 'pim-join'
  | 'pim-prune'
  | 'pim-graft'
  | 'pim-graft-ack'
  | 'pim-assert'
  | 'pim-register'
  | 'pim-register-stop'
  | 'pim-state-refresh'
  | 'pim-hello'
  | 'other';

export function packetClass(kind: string): PacketClass {
  switch (kind) {
    case 'data':
      return 'data';
    case 'query':
      return 'igmp-query';
    case 'report':
    case 'v1-report':
    case 'v2-report':
      return 'igmp-report';
    case 'leave':
      return 'igmp-leave';
    case 'pim-join-prune':
      return 'pim-join';
    case 'pim-join':
    case 'pim-prune':
    case 'pim-graft':
    case 'pim-graft-ack':
    case 'pim-assert':
    case 'pim-register':
    case 'pim-register-stop':
    case 'pim-state-refresh':
    case 'pim-hello':
      return kind;
    default:
      return 'other';
  }
}

/** IGMP copies are the ones the packet inspector can open. */
export const isIgmp = (kind: string) => packetClass(kind).startsWith('igmp-');

export interface PacketGeom {
  copy: string;
  msg: string;
  kind: string;
  cls: PacketClass;
  src: string;
  to: string;
  link: string;
  x: number;
  y: number;
  /** 0 when it leaves `src`, 1 when it reaches `to`. */
  f: number;
  lost: boolean;
  label: string;
}

/** Virtual time on screen at a cursor (the time of the event just shown; 0 before any). */
export function timeAtCursor(trace: Trace, cursor: number): number {
  const c = Math.max(0, Math.min(cursor, trace.events.length));
  return c === 0 ? 0 : trace.events[c - 1]!.time;
}

/** A copy is on the wire at a cursor once its send is shown and until its arrival (or loss) is. */
export const onWire = (c: CopyRecord, cursor: number) =>
  c.sentStep < cursor && (c.arriveStep === null || c.arriveStep >= cursor);

export function packetsAt(trace: Trace, cursor: number, layout: TopologyLayout): PacketGeom[] {
  const now = timeAtCursor(trace, cursor);
  const out: PacketGeom[] = [];
  for (const c of trace.copies) {
    if (!onWire(c, cursor)) continue;
    const link = linkBetween(layout, c.src, c.to);
    if (!link) continue;
    const span = c.arriveAt - c.sentAt;
    const raw = span > 0 ? (now - c.sentAt) / span : 1;
    // A lost copy stops half way, where the view draws its cross.
    const f = Math.max(0, Math.min(c.lost ? 0.5 : 1, raw));
    const [x, y] = pointOn(link, c.src, f);
    out.push({
      copy: c.id,
      msg: c.msg,
      kind: c.kind,
      cls: packetClass(c.kind),
      src: c.src,
      to: c.to,
      link: link.id,
      x,
      y,
      f,
      lost: c.lost !== null,
      label: c.label ?? c.msg,
    });
  }
  return out;
}

export interface LinkCount {
  data: number;
  control: number;
}

/** Copies that have crossed (or are crossing) each link up to the cursor, data and control apart. */
export function linkCounts(trace: Trace, cursor: number, layout: TopologyLayout): Record<string, LinkCount> {
  const out: Record<string, LinkCount> = {};
  const cache = new Map<string, LinkGeom | undefined>();
  for (const c of trace.copies) {
    if (c.sentStep >= cursor) continue;
    const key = `${c.src}|${c.to}`;
    if (!cache.has(key)) cache.set(key, linkBetween(layout, c.src, c.to));
    const link = cache.get(key);
    if (!link) continue;
    const n = out[link.id] ?? { data: 0, control: 0 };
    if (c.kind === 'data') n.data++;
    else n.control++;
    out[link.id] = n;
  }
  return out;
}

/** A host's fate for the messages it saw so far: delivered, discarded after taking it in, or filtered by its card. */
export interface HostTally {
  received: number;
  discarded: number;
  filtered: number;
  /** The most recent of the three, which the view marks on the host. */
  last: 'received' | 'discarded' | 'filtered' | null;
}

export function hostTallies(trace: Trace, cursor: number): Record<string, HostTally> {
  const out: Record<string, HostTally> = {};
  const kind = (n: string) => (trace.initial[n] as { kind?: string } | undefined)?.kind;
  const end = Math.min(cursor, trace.events.length);
  for (let i = 0; i < end; i++) {
    const e = trace.events[i]!;
    if (kind(e.node) !== 'host' || !e.msg) continue;
    const fate =
      e.type === 'deliver'
        ? 'received'
        : e.type === 'discard' && e.node !== e.from
          ? 'discarded'
          : e.type === 'filter'
            ? 'filtered'
            : null;
    if (!fate) continue;
    const t = out[e.node] ?? { received: 0, discarded: 0, filtered: 0, last: null };
    t[fate]++;
    t.last = fate;
    out[e.node] = t;
  }
  return out;
}

/** A node's recorded state after the events shown (its last snapshot before the cursor). */
export function nodeStateAt<T>(trace: Trace, node: string, cursor: number): T | undefined {
  let v = trace.initial[node];
  for (const s of trace.states) {
    if (s.step >= cursor) break;
    if (s.node === node) v = s.state;
  }
  return v as T | undefined;
}

/** Groups each host has joined at the cursor (its `joined` list). */
export function membersAt(trace: Trace, cursor: number): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const n of trace.nodes) {
    const st = nodeStateAt<{ kind?: string; joined?: string[] }>(trace, n, cursor);
    if (st?.kind === 'host' && st.joined && st.joined.length > 0) out[n] = [...st.joined];
  }
  return out;
}

/**
 * The links a distribution tree's edges lie on: an edge is "router/host `from` put the packet on
 * `on`", where `on` is a point-to-point link's id or a LAN's id (then the link from `from` to it).
 */
export function treeLinks(layout: TopologyLayout, edges: readonly { on: string; from: string }[]): string[] {
  const ids = new Set<string>();
  for (const e of edges) {
    const direct = layout.links.find((l) => l.id === e.on);
    const link = direct ?? linkBetween(layout, e.from, e.on);
    if (link) ids.add(link.id);
  }
  return [...ids].sort();
}
