import type { CopyRecord, Trace } from '../../sim/trace';

/**
 * The space-time diagram in virtual time, before any pixels: one lane per process, an arrow per
 * copy, a hold-back span per held message, a numbered mark per delivery. Built once per trace;
 * `geometry.ts` turns it into pixels for a size and a time window, and `frame.ts` says what each
 * piece looks like at a cursor.
 */

export interface Arrow {
  id: string;
  msg: string;
  kind: string;
  from: string;
  src: string;
  to: string;
  srcLane: number;
  toLane: number;
  sentAt: number;
  arriveAt: number;
  sentStep: number;
  /** The step at which it arrived or was lost; null if the run ended first. */
  arriveStep: number | null;
  lost: string | null;
  label?: string;
}

/** A message waiting in a receiver's hold-back queue, from its `holdback` event to its `deliver`. */
export interface HoldSpan {
  key: string;
  node: string;
  lane: number;
  msg: string;
  from: string;
  startStep: number;
  startTime: number;
  /** The deliver (or discard) that ended the wait; null if it still waits when the run ends. */
  endStep: number | null;
  endTime: number | null;
  reason: unknown;
}

/** A point event on a lane: a send, a delivery (numbered in the lane's delivery order) or a discard. */
export interface Mark {
  key: string;
  type: 'send' | 'deliver' | 'discard';
  node: string;
  lane: number;
  msg: string;
  from: string;
  step: number;
  time: number;
  /** Deliveries: 1, 2, 3 … in this process's delivery order. */
  n: number;
  /** Marks at the same lane and time sit side by side: 0, 1, 2 … */
  slot: number;
  own: boolean;
  /** The header it carries (sends: what goes on the wire; deliveries: the message's header). */
  label: string;
}

export interface DiagramModel {
  arrowById: ReadonlyMap<string, Arrow>;
  /** Lane order: the trace's nodes, then any other node that appears (a sequencer, say). */
  lanes: string[];
  laneOf: ReadonlyMap<string, number>;
  /** Sorted by send time. */
  arrows: Arrow[];
  spans: HoldSpan[];
  /** Sorted by step. */
  marks: Mark[];
  /** Latest time anything happens or arrives. */
  endTime: number;
  /** Longest time a copy spends on the wire: bounds the window search. */
  maxFlight: number;
  steps: number;
}

function laneOrder(trace: Trace): string[] {
  const lanes = [...trace.nodes] as string[];
  const seen = new Set(lanes);
  const add = (n: string | undefined) => {
    if (n !== undefined && !seen.has(n)) {
      seen.add(n);
      lanes.push(n);
    }
  };
  for (const e of trace.events) add(e.node);
  for (const c of trace.copies) {
    add(c.src);
    add(c.to);
  }
  return lanes;
}

function labelOf(d: Record<string, unknown> | undefined): string {
  if (!d) return '';
  if (typeof d.label === 'string') return d.label;
  if (Array.isArray(d.vt)) return `[${d.vt.join(',')}]`;
  if (typeof d.seq === 'number') return `#${d.seq}`;
  return '';
}

export function diagramModel(trace: Trace): DiagramModel {
  const lanes = laneOrder(trace);
  const laneOf = new Map(lanes.map((n, i) => [n, i]));
  const lane = (n: string) => laneOf.get(n) ?? 0;

  const arrows: Arrow[] = trace.copies.map((c: CopyRecord) => ({
    id: c.id,
    msg: c.msg,
    kind: c.kind,
    from: c.from,
    src: c.src,
    to: c.to,
    srcLane: lane(c.src),
    toLane: lane(c.to),
    sentAt: c.sentAt,
    arriveAt: c.arriveAt,
    sentStep: c.sentStep,
    arriveStep: c.arriveStep,
    lost: c.lost,
    ...(c.label !== undefined ? { label: c.label } : {}),
  }));
  arrows.sort((a, b) => a.sentAt - b.sentAt || a.sentStep - b.sentStep);

  const spans: HoldSpan[] = [];
  const open = new Map<string, HoldSpan>();
  const marks: Mark[] = [];
  const delivered = new Map<string, number>();
  const slots = new Map<string, number>();
  const nextSlot = (node: string, time: number) => {
    const k = `${node}\u0000${time}`;
    const s = slots.get(k) ?? 0;
    slots.set(k, s + 1);
    return s;
  };
  let endTime = trace.endTime;

  for (const e of trace.events) {
    endTime = Math.max(endTime, e.time);
    if (e.msg === undefined) continue;
    const key = `${e.node}\u0000${e.msg}`;
    const from = e.from ?? e.node;
    if (e.type === 'holdback') {
      const span: HoldSpan = {
        key: `h${e.step}`,
        node: e.node,
        lane: lane(e.node),
        msg: e.msg,
        from,
        startStep: e.step,
        startTime: e.time,
        endStep: null,
        endTime: null,
        reason: e.detail?.reason,
      };
      spans.push(span);
      open.set(key, span);
    } else if (e.type === 'deliver' || e.type === 'discard' || e.type === 'send') {
      const held = open.get(key);
      // A duplicate's discard is about another copy: the held one still waits.
      const endsWait = e.type === 'deliver' || (e.type === 'discard' && e.detail?.reason !== 'duplicate');
      if (held && endsWait) {
        held.endStep = e.step;
        held.endTime = e.time;
        open.delete(key);
      }
      const n = e.type === 'deliver' ? (delivered.get(e.node) ?? 0) + 1 : 0;
      if (e.type === 'deliver') delivered.set(e.node, n);
      marks.push({
        key: `${e.type[0]}${e.step}`,
        type: e.type as Mark['type'],
        node: e.node,
        lane: lane(e.node),
        msg: e.msg,
        from,
        step: e.step,
        time: e.time,
        n,
        slot: nextSlot(e.node, e.time),
        own: e.detail?.own === true,
        label: labelOf(e.detail),
      });
    }
  }

  let maxFlight = 0;
  for (const a of arrows) {
    endTime = Math.max(endTime, a.arriveAt);
    maxFlight = Math.max(maxFlight, a.arriveAt - a.sentAt);
  }
  const arrowById = new Map(arrows.map((a) => [a.id, a]));
  return { arrowById, lanes, laneOf, arrows, spans, marks, endTime, maxFlight, steps: trace.events.length };
}

const models = new WeakMap<Trace, DiagramModel>();

/** One model per trace, shared by the diagram and the copy menu. */
export function modelFor(trace: Trace): DiagramModel {
  let m = models.get(trace);
  if (!m) {
    m = diagramModel(trace);
    models.set(trace, m);
  }
  return m;
}
