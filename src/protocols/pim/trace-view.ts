import type { CopyRecord, Trace, TraceEvent } from '../../sim/trace';
import type { PimState } from './state';
import { stateCount } from './tables';

/**
 * What the multicast-routing views read from a trace, as pure functions of (trace, step): the
 * distribution tree, data copies per link, the PIM state each router holds, and how long a new
 * receiver waited for the stream.
 */

interface DataDetail {
  role?: string;
  on?: string;
  group?: string;
  source?: string;
  tree?: 'source' | 'shared';
}

/** A data transmission onto a link or LAN by a router or the source (a LAN's relaying is not one). */
const isDataSend = (e: TraceEvent) =>
  e.type === 'send' && e.kind === 'data' && (e.detail as DataDetail)?.role !== 'medium';

/** Data copies put on each link (p2p link id) or LAN (LAN id) up to `step` (inclusive), optionally for one group. */
export function dataCopiesPerLink(
  trace: Trace,
  step = Number.POSITIVE_INFINITY,
  group?: string,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of trace.events) {
    if (e.step > step) break;
    if (!isDataSend(e)) continue;
    const d = e.detail as DataDetail;
    if (!d.on || (group !== undefined && d.group !== group)) continue;
    out[d.on] = (out[d.on] ?? 0) + 1;
  }
  return out;
}

export interface TreeEdge {
  /** The link or LAN the packet was put on, and who put it there. */
  on: string;
  from: string;
  /** Source tree (dense mode, or sparse (S,G)) or the RP's shared tree. */
  tree: 'source' | 'shared';
}

export interface DistributionTree {
  source: string;
  group: string;
  /** The data packet whose copies draw the tree. */
  msg: string;
  edges: TreeEdge[];
}

/**
 * The distribution tree of every (source, group) at `step`: the links that carried the most
 * recent packet that had finished travelling by then (or, before any had, the one on its way).
 */
export function distributionTrees(trace: Trace, step: number): DistributionTree[] {
  const copiesOf = new Map<string, CopyRecord[]>();
  for (const c of trace.copies) {
    if (c.kind !== 'data') continue;
    const l = copiesOf.get(c.msg) ?? [];
    l.push(c);
    copiesOf.set(c.msg, l);
  }
  const sends = new Map<string, TraceEvent[]>();
  const firstOf = new Map<string, { source: string; group: string }>();
  for (const e of trace.events) {
    if (e.step > step) break;
    if (!isDataSend(e) || !e.msg) continue;
    const d = e.detail as DataDetail;
    if (!d.group) continue;
    if (!firstOf.has(e.msg)) firstOf.set(e.msg, { source: (e.from ?? e.node) as string, group: d.group });
    const l = sends.get(e.msg) ?? [];
    l.push(e);
    sends.set(e.msg, l);
  }
  const best = new Map<string, { msg: string; done: boolean }>();
  for (const [msg, sg] of firstOf) {
    const key = `${sg.source}|${sg.group}`;
    const done = (copiesOf.get(msg) ?? []).every(
      (c) => c.sentStep <= step && c.arriveStep !== null && c.arriveStep <= step,
    );
    const cur = best.get(key);
    // Later packets replace earlier ones, but a finished packet is never replaced by one on its way.
    if (!cur || done || !cur.done) best.set(key, { msg, done });
  }
  const out: DistributionTree[] = [];
  for (const [key, { msg }] of best) {
    const [source, group] = key.split('|') as [string, string];
    const edges = (sends.get(msg) ?? []).map((e) => {
      const d = e.detail as DataDetail;
      return { on: d.on!, from: e.node as string, tree: d.tree ?? 'source' };
    });
    out.push({ source, group, msg, edges });
  }
  return out.sort((a, b) => (a.group + a.source < b.group + b.source ? -1 : 1));
}

/** A router's recorded PIM state at `step` (its last trace view at or before it). */
export function pimStateAt(trace: Trace, router: string, step: number): PimState | null {
  let v = trace.initial[router] as { pim?: PimState } | undefined;
  for (const s of trace.states) {
    if (s.step > step) break;
    if (s.node === router) v = s.state as { pim?: PimState };
  }
  return v?.pim ?? null;
}

/** The (*,G), (S,G) and (S,G,rpt) entries each router holds at `step`. */
export function stateEntries(trace: Trace, step: number): Record<string, ReturnType<typeof stateCount>> {
  const out: Record<string, ReturnType<typeof stateCount>> = {};
  for (const n of trace.nodes) {
    const st = pimStateAt(trace, n, step);
    if (st) out[n] = stateCount(st);
  }
  return out;
}

export interface JoinLatency {
  host: string;
  group: string;
  joinedAt: number;
  /** The first packet of the group the host delivered after joining; null if none came. */
  firstAt: number | null;
  latency: number | null;
}

/** Time until a new receiver gets the stream: from each host's join to its first delivery of the group. */
export function joinLatencies(trace: Trace): JoinLatency[] {
  const out: JoinLatency[] = [];
  for (const e of trace.events) {
    if (e.type !== 'join') continue;
    const group = (e.detail as { group?: string }).group;
    if (!group) continue;
    const first = trace.events.find(
      (x) =>
        x.step > e.step &&
        x.node === e.node &&
        x.type === 'deliver' &&
        (x.detail as { group?: string }).group === group,
    );
    out.push({
      host: e.node,
      group,
      joinedAt: e.time,
      firstAt: first?.time ?? null,
      latency: first ? first.time - e.time : null,
    });
  }
  return out;
}
