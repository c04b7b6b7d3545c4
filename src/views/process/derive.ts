import { bisector } from 'd3-array';
import type { StateRecord, Trace, TraceEvent } from '../../sim/trace';

/**
 * What the process panel shows at a cursor, derived from the trace alone:
 * - the delivery queue: the node's `deliver` events so far (every delivery is one; exact);
 * - the hold-back queue: its `holdback` events not yet followed by a `deliver` or `discard` of
 *   the same message (exact), each with the reason from the latest state record that lists it
 *   (a drain re-words the reasons when it ends) or else the reason the `holdback` event gave;
 * - the vector (causal: precedence vector; FIFO: last number delivered per sender): the latest
 *   state record's, advanced by the deliveries recorded since within the same handling;
 * - other facts an ordering shows (total order's numbers, sync's epochs, a physical clock): the
 *   latest state record's.
 */

export interface HeldItem {
  msg: string;
  from: string;
  step: number;
  time: number;
  reason: unknown;
}

export interface DeliveredItem {
  msg: string;
  from: string;
  step: number;
  time: number;
  own: boolean;
}

/** What some orderings add to the panel (protocols/ordering/types.ts, OrderingView). */
export interface OrderingFacts {
  nextId?: number;
  orders?: { id: number; msg: string }[];
  epoch?: number;
  completeEpochs?: number;
  clock?: number;
  role?: string;
}

export interface ProcessAt {
  node: string;
  /** From the latest state record: total order's numbers, sync's epochs, global time's clock. */
  facts: OrderingFacts;
  /** False for nodes without an ordering layer (a sequencer, say). */
  hasQueues: boolean;
  holdback: HeldItem[];
  delivered: DeliveredItem[];
  vector: Record<string, number> | null;
}

export interface ProcessIndex {
  trace: Trace;
  events: ReadonlyMap<string, TraceEvent[]>;
  states: ReadonlyMap<string, StateRecord[]>;
}

interface OrderingState extends OrderingFacts {
  holdback: { msg: string; reason?: unknown }[];
  delivered: unknown[];
  vector?: Record<string, number>;
}

function factsOf(o: OrderingState | null): OrderingFacts {
  if (!o) return {};
  const f: OrderingFacts = {};
  if (typeof o.nextId === 'number') f.nextId = o.nextId;
  if (Array.isArray(o.orders)) f.orders = o.orders;
  if (typeof o.epoch === 'number') f.epoch = o.epoch;
  if (typeof o.completeEpochs === 'number') f.completeEpochs = o.completeEpochs;
  if (typeof o.clock === 'number') f.clock = o.clock;
  if (typeof o.role === 'string') f.role = o.role;
  return f;
}

function isOrdering(v: unknown): v is OrderingState {
  return (
    typeof v === 'object' &&
    v !== null &&
    Array.isArray((v as OrderingState).holdback) &&
    Array.isArray((v as OrderingState).delivered)
  );
}

/** The ordering layer's view inside a node's state: the `ordering` layer, or any layer shaped like one. */
export function orderingState(state: unknown): OrderingState | null {
  if (typeof state !== 'object' || state === null) return null;
  const layers = state as Record<string, unknown>;
  if (isOrdering(layers.ordering)) return layers.ordering;
  for (const v of Object.values(layers)) if (isOrdering(v)) return v;
  return null;
}

function groupByNode<T extends { node: string }>(xs: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of xs) {
    const l = out.get(x.node);
    if (l) l.push(x);
    else out.set(x.node, [x]);
  }
  return out;
}

export function processIndex(trace: Trace): ProcessIndex {
  return { trace, events: groupByNode(trace.events), states: groupByNode(trace.states) };
}

const byStep = bisector((x: { step: number }) => x.step).left;

/** The node's state after the last handling completed before the cursor, and the step it was recorded at. */
function stateBefore(index: ProcessIndex, node: string, cursor: number): { state: unknown; step: number } {
  const recs = index.states.get(node) ?? [];
  const i = byStep(recs, cursor) - 1;
  const rec = recs[i];
  return rec ? { state: rec.state, step: rec.step } : { state: index.trace.initial[node], step: -1 };
}

function vtEntry(vt: unknown, from: string, keys: string[]): number | undefined {
  if (Array.isArray(vt)) {
    const v = vt[keys.indexOf(from)];
    return typeof v === 'number' ? v : undefined;
  }
  if (typeof vt === 'object' && vt !== null) {
    const v = (vt as Record<string, unknown>)[from];
    return typeof v === 'number' ? v : undefined;
  }
  return undefined;
}

export function processAt(index: ProcessIndex, node: string, cursor: number): ProcessAt {
  const evs = index.events.get(node) ?? [];
  const shown = evs.slice(0, byStep(evs, cursor));
  const base = stateBefore(index, node, cursor);
  const ord = orderingState(base.state);

  const delivered: DeliveredItem[] = [];
  const held = new Map<string, HeldItem>();
  for (const e of shown) {
    if (e.msg === undefined) continue;
    if (e.type === 'holdback')
      held.set(e.msg, {
        msg: e.msg,
        from: e.from ?? node,
        step: e.step,
        time: e.time,
        reason: e.detail?.reason,
      });
    else if (e.type === 'deliver' || e.type === 'discard') {
      held.delete(e.msg);
      if (e.type === 'deliver')
        delivered.push({
          msg: e.msg,
          from: e.from ?? node,
          step: e.step,
          time: e.time,
          own: e.detail?.own === true,
        });
    }
  }
  if (ord)
    for (const h of ord.holdback) {
      const item = held.get(h.msg);
      if (item && h.reason !== undefined) item.reason = h.reason;
    }

  const vector: Record<string, number> | null = ord?.vector ? { ...ord.vector } : null;
  if (vector) {
    const keys = Object.keys(vector);
    for (const e of shown) {
      if (e.step <= base.step || e.type !== 'deliver' || e.from === undefined || !(e.from in vector))
        continue;
      // Causal: the deliver event records the whole vector after it, in group order.
      const after = e.detail?.vector;
      if (Array.isArray(after) && after.length === keys.length) {
        keys.forEach((k, i) => {
          if (typeof after[i] === 'number') vector![k] = after[i];
        });
        continue;
      }
      // Causal (Coulouris 15.4.3): delivering from j sets V[j] to the message's V[j].
      const fromVt = vtEntry(e.detail?.vt, e.from, keys);
      const seq = e.detail?.seq;
      if (fromVt !== undefined) vector[e.from] = fromVt;
      // FIFO: R[sender] becomes the number just delivered, the next in sequence.
      else if (typeof seq === 'number' && seq === (vector[e.from] ?? 0) + 1) vector[e.from] = seq;
    }
  }

  return {
    node,
    facts: factsOf(ord),
    hasQueues: ord !== null || held.size > 0 || delivered.length > 0,
    holdback: [...held.values()],
    delivered,
    vector,
  };
}

/** Entries of the vector that differ from the previous cursor's, so the panel can point at them. */
export function changedKeys(
  now: Record<string, number> | null,
  before: Record<string, number> | null,
): Set<string> {
  const out = new Set<string>();
  if (!now) return out;
  for (const [k, v] of Object.entries(now)) if (before?.[k] !== v) out.add(k);
  return out;
}
