import type { MsgId, NodeId } from '../sim/ids';
import type { Trace, TraceEvent } from '../sim/trace';
import { type GroupViews, groupViews, isApp, owes } from './views';

/**
 * What the checkers read from a trace, and nothing else: the application's multicasts and every
 * delivery, in step order. Happens-before is the trace's own (Lamport): process order, and a
 * multicast's send before each of its deliveries. A multicast's send is the `send` of an
 * application message (`data` or `sync`) at its original sender, or, for a message that went
 * nowhere, its delivery there. Protocol messages (`order`, `flush`, …) are never delivered and
 * carry no application causality. A send a closed group refused is no multicast (views.ts).
 *
 * With group views in the trace, a process owes only the multicasts of the views it belongs to
 * (views.ts): the ordering checkers ask nothing of a process about a message it does not owe.
 */
export interface Multicast {
  msg: MsgId;
  sender: NodeId;
  /** Index of the sender in `History.nodes`. */
  s: number;
  /** 1, 2, …: its place among its sender's multicasts. */
  no: number;
  kind: string;
  /** Step of its send. */
  step: number;
  /**
   * For each node (indexed like `History.nodes`): how many of that node's multicasts happen
   * before this one's send, this one included. So multicast x happens before this one
   * exactly when `before[x.s] >= x.no` (and x is not this one).
   */
  before: Int32Array;
}

export interface Delivery {
  node: NodeId;
  /** Index of the delivering node in `History.nodes`. */
  q: number;
  msg: MsgId;
  step: number;
  /** The multicast delivered; undefined when the trace never shows it being sent. */
  mc: Multicast | undefined;
}

export interface History {
  nodes: NodeId[];
  multicasts: Map<MsgId, Multicast>;
  /** Each node's multicasts in the order it sent them. */
  sent: Multicast[][];
  deliveries: Delivery[];
  views: GroupViews;
  /** Does the node at index `q` owe message `msg` (views.ts)? */
  owes(q: number, msg: MsgId): boolean;
}

const isSendOfApp = (e: TraceEvent) => e.type === 'send' && e.node === e.from && isApp(e);

export function history(trace: Trace): History {
  const nodes = [...trace.nodes];
  const index = new Map<NodeId, number>(nodes.map((n, i) => [n, i]));
  for (const e of trace.events)
    for (const n of [e.node, e.from])
      if (n !== undefined && !index.has(n)) {
        index.set(n, nodes.length);
        nodes.push(n);
      }
  const n = nodes.length;
  const clocks = nodes.map(() => new Int32Array(n));
  const multicasts = new Map<MsgId, Multicast>();
  const sent: Multicast[][] = nodes.map(() => []);
  const deliveries: Delivery[] = [];
  const views = groupViews(trace);

  for (const e of trace.events) {
    if (e.msg === undefined || e.from === undefined) continue;
    const isDeliver = e.type === 'deliver';
    const origin = isSendOfApp(e) || (isDeliver && e.node === e.from);
    if (origin && !multicasts.has(e.msg) && !views.refused.has(e.msg)) {
      const s = index.get(e.from)!;
      const clock = clocks[s]!;
      clock[s]!++;
      const mc: Multicast = {
        msg: e.msg,
        sender: e.from,
        s,
        no: sent[s]!.length + 1,
        kind: e.kind ?? 'data',
        step: e.step,
        before: clock.slice(),
      };
      multicasts.set(e.msg, mc);
      sent[s]!.push(mc);
    }
    if (isDeliver) {
      const q = index.get(e.node)!;
      const mc = multicasts.get(e.msg);
      if (mc) {
        const clock = clocks[q]!;
        for (let i = 0; i < n; i++) if (mc.before[i]! > clock[i]!) clock[i] = mc.before[i]!;
      }
      deliveries.push({ node: e.node, q, msg: e.msg, step: e.step, mc });
    }
  }
  return { nodes, multicasts, sent, deliveries, views, owes: (q, msg) => owes(views, nodes[q]!, msg) };
}

/**
 * For each node q and sender p: how many of p's first multicasts q has delivered (or does not
 * owe) without a gap. "q has delivered everything p sent up to its k-th multicast that q owes" is
 * then one comparison.
 */
export class DeliveredPrefix {
  private readonly n: number;
  private readonly prefix: Int32Array;
  /** Delivered multicasts beyond the prefix, per (q, p). */
  private readonly ahead = new Map<number, Set<number>>();

  constructor(private readonly h: History) {
    this.n = h.nodes.length;
    this.prefix = new Int32Array(this.n * this.n);
    // A multicast q does not owe counts as delivered there: no order is asked of q about it.
    if (h.views.hasViews)
      for (let q = 0; q < this.n; q++)
        for (const list of h.sent) for (const mc of list) if (!h.owes(q, mc.msg)) this.mark(q, mc);
  }

  /** How many of p's multicasts, counted from its first, q has delivered. */
  get(q: number, p: number): number {
    return this.prefix[q * this.n + p]!;
  }

  /** The first of p's multicasts that q has not delivered (its prefix stops there). */
  firstMissing(q: number, p: number): Multicast {
    return this.h.sent[p]![this.get(q, p)]!;
  }

  mark(q: number, mc: Multicast): void {
    const key = q * this.n + mc.s;
    let k = this.prefix[key]!;
    if (mc.no <= k) return;
    if (mc.no === k + 1) {
      k++;
      const more = this.ahead.get(key);
      while (more?.delete(k + 1)) k++;
      this.prefix[key] = k;
    } else {
      const more = this.ahead.get(key) ?? new Set<number>();
      more.add(mc.no);
      this.ahead.set(key, more);
    }
  }
}
