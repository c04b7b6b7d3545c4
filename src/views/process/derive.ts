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
    // A duplicate's discard drops the extra copy: the copy first received still waits.
    else if (e.type === 'deliver' || (e.type === 'discard' && e.detail?.reason !== 'duplicate')) {
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

/**
 * `processAt`, the same object for every cursor at which the node's shown events and state are
 * the same: a step that does not touch this process leaves its panel as it was (no re-render).
 */
const memo = new WeakMap<ProcessIndex, Map<string, ProcessAt>>();
export function processAtMemo(index: ProcessIndex, node: string, cursor: number): ProcessAt {
  const evs = index.events.get(node) ?? [];
  const recs = index.states.get(node) ?? [];
  const key = `${node}\u0000${byStep(evs, cursor)}\u0000${byStep(recs, cursor)}`;
  let m = memo.get(index);
  if (!m) {
    m = new Map();
    memo.set(index, m);
  }
  let p = m.get(key);
  if (!p) {
    p = processAt(index, node, cursor);
    m.set(key, p);
  }
  return p;
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

/** One line of atomic multicast's persistent log, as the panel words it. */
export type LogLine =
  | { t: 'msg'; msg: string; role: 'sender' | 'receiver'; from: string; to: string[] }
  | { t: 'ack' | 'done'; id: string; by: string }
  | { t: 'go'; id: string };

/**
 * The reliability state of a process at a cursor (issue 3 §3–4), from the latest state record:
 * the retransmission buffer and, per message, whose ACK is still missing; what waits for the
 * pipelining window; atomic multicast's persistent log and the messages held until "go"; and,
 * with views, the current view and the messages held until they are stable.
 */
export interface ReliabilityAt {
  scheme: string | null;
  buffer: string[];
  pending: { msg: string; waiting: string[]; afterGo: boolean }[];
  queued: string[];
  log: LogLine[] | null;
  held: string[];
  view: { id: number; members: string[]; member: boolean; flushing: boolean } | null;
  stableHeld: string[];
}

const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const obj = (v: unknown): Record<string, unknown> | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

function logLine(v: unknown): LogLine | null {
  const l = obj(v);
  if (!l) return null;
  if (l.t === 'msg')
    return {
      t: 'msg',
      msg: String(l.msg),
      role: l.role === 'sender' ? 'sender' : 'receiver',
      from: String(l.from),
      to: strs(l.to),
    };
  if (l.t === 'ack' || l.t === 'done') return { t: l.t, id: String(l.id), by: String(l.by) };
  if (l.t === 'go') return { t: 'go', id: String(l.id) };
  return null;
}

function deliveredSince(index: ProcessIndex, node: string, after: number, cursor: number): Set<string> {
  const evs = index.events.get(node) ?? [];
  const out = new Set<string>();
  for (let i = byStep(evs, after + 1); i < evs.length && evs[i]!.step < cursor; i++) {
    const e = evs[i]!;
    if (e.type === 'deliver' && e.msg !== undefined) out.add(e.msg);
  }
  return out;
}

/** Null when the process runs neither a reliability nor a membership layer. */
export function reliabilityAt(index: ProcessIndex, node: string, cursor: number): ReliabilityAt | null {
  const base = stateBefore(index, node, cursor);
  const layers = obj(base.state);
  const rel = obj(layers?.reliability);
  const mem = obj(layers?.membership);
  if (!rel && !mem) return null;
  const log = Array.isArray(rel?.log) ? rel.log.map(logLine).filter((l): l is LogLine => l !== null) : null;
  const went = new Set((log ?? []).flatMap((l) => (l.t === 'go' ? [l.id] : [])));
  const pending = (Array.isArray(rel?.pending) ? rel.pending : []).flatMap((p) => {
    const o = obj(p);
    return o ? [{ msg: String(o.msg), waiting: strs(o.waiting), afterGo: went.has(String(o.msg)) }] : [];
  });
  const view = obj(mem?.view);
  return {
    scheme: typeof rel?.scheme === 'string' ? rel.scheme : null,
    buffer: strs(rel?.buffer),
    pending,
    queued: strs(rel?.queued),
    log,
    // A delivery shown since the state was recorded (mid-handling) is no longer held.
    held: strs(rel?.held).filter((m) => !deliveredSince(index, node, base.step, cursor).has(m)),
    view:
      view && typeof view.id === 'number'
        ? {
            id: view.id,
            members: strs(view.members),
            member: mem?.member === true,
            flushing: mem?.flushing === true,
          }
        : null,
    stableHeld: strs(mem?.held),
  };
}
