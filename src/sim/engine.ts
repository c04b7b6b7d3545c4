import { type CopyId, copyId, type MsgId, type NodeId } from './ids';
import { EventQueue } from './queue';
import type { CopyRecord, StateRecord, Trace, TraceEvent } from './trace';

/**
 * The engine owns virtual time, the event queue and the network. Nodes (processes, hosts,
 * routers) are hosts of xstate machines: they receive inputs and answer through `Effects`,
 * never touching the clock or the network themselves (ARCHITECTURE.md).
 */

/** A message a node puts on the wire, one copy per destination. */
export interface Outgoing {
  to: readonly NodeId[];
  msg: MsgId;
  kind: string;
  /** Original sender; defaults to the sending node. */
  from?: NodeId;
  /** What the receiver's machines get. Must be JSON. */
  payload: unknown;
  /** A short header text drawn on the copy's arrow (`[1,0,0]`, `#3`). */
  label?: string;
  /** Extra facts recorded on the `send` trace event. */
  detail?: Record<string, unknown>;
}

export type RecordInput = Omit<TraceEvent, 'step' | 'time' | 'node'> & { node?: NodeId };

/** What a node may do in answer to an input. */
export interface Effects {
  readonly now: number;
  readonly self: NodeId;
  send(out: Outgoing): void;
  setTimer(id: string, after: number, data?: unknown): void;
  cancelTimer(id: string): void;
  record(event: RecordInput): void;
}

/** An input the engine gives a node. `A` is the family's own scenario action type. */
export type NodeInput<A> =
  | { type: 'net'; copy: CopyRecord; payload: unknown }
  | { type: 'timer'; id: string; data: unknown }
  | { type: 'action'; action: A };

export interface NodeHost<A> {
  readonly id: NodeId;
  handle(input: NodeInput<A>, fx: Effects): void;
  /** JSON view of the node's state, recorded in the trace after each input that changed it. */
  view(): unknown;
}

/** A copy as the network model sees it when deciding its fate. */
export interface CopyDraft {
  id: CopyId;
  msg: MsgId;
  kind: string;
  from: NodeId;
  src: NodeId;
  to: NodeId;
  sentAt: number;
}

export type Fate = { arriveAt: number; prio?: number } | { lost: string; at: number };

/** Decides each copy's fate when it is sent: latency, loss, user overrides, partitions. */
export interface NetworkModel {
  fate(copy: CopyDraft): Fate;
}

type Item<A> =
  | { kind: 'arrive'; copy: CopyRecord; payload: unknown }
  | { kind: 'lost'; copy: CopyRecord }
  | { kind: 'timer'; node: NodeId; id: string; gen: number; data: unknown }
  | { kind: 'action'; node: NodeId; action: A };

export interface RunOptions<A> {
  hosts: readonly NodeHost<A>[];
  network: NetworkModel;
  /** Scenario actions: at `time`, give `action` to `node`. */
  actions: readonly { time: number; node: NodeId; action: A }[];
  /** Stop after this many trace events (a guard against runaway scenarios). */
  maxEvents?: number;
  /** Stop at this virtual time. */
  maxTime?: number;
}

export function run<A>(opts: RunOptions<A>): Trace {
  const maxEvents = opts.maxEvents ?? 200_000;
  const maxTime = opts.maxTime ?? Number.MAX_SAFE_INTEGER;
  const hosts = new Map<NodeId, NodeHost<A>>();
  for (const h of opts.hosts) hosts.set(h.id, h);

  const queue = new EventQueue<Item<A>>();
  const events: TraceEvent[] = [];
  const copies: CopyRecord[] = [];
  const states: StateRecord[] = [];
  const initial: Record<string, unknown> = {};
  for (const h of opts.hosts) initial[h.id] = h.view();
  /** Transmissions so far of each (msg, to), so a retransmission gets its own copy id. */
  const sentCount = new Map<string, number>();
  /** The live generation of each node's timer; a fired timer whose generation is stale was cancelled. */
  const timerGen = new Map<string, number>();
  let timerCounter = 0;
  let now = 0;
  let truncated = false;

  for (const a of opts.actions) queue.push(a.time, { kind: 'action', node: a.node, action: a.action });

  const push = (node: NodeId, e: RecordInput): TraceEvent => {
    const ev: TraceEvent = { step: events.length, time: now, node, ...e } as TraceEvent;
    if (e.node === undefined) ev.node = node;
    events.push(ev);
    return ev;
  };

  /** Each node's effects, built once: `now` reads the clock, so the object serves every input. */
  const effects = new Map<NodeId, Effects>();
  const effectsFor = (self: NodeId): Effects => {
    let fx = effects.get(self);
    if (!fx) {
      fx = makeEffects(self);
      effects.set(self, fx);
    }
    return fx;
  };
  const makeEffects = (self: NodeId): Effects => ({
    get now() {
      return now;
    },
    self,
    send(out) {
      const from = out.from ?? self;
      const detail: Record<string, unknown> = { to: out.to.slice() };
      if (out.label) detail.label = out.label;
      if (out.detail) Object.assign(detail, out.detail);
      const sentStep = push(self, { type: 'send', msg: out.msg, from, kind: out.kind, detail }).step;
      for (const to of out.to) {
        const key = `${out.msg}@${to}`;
        const n = (sentCount.get(key) ?? 0) + 1;
        sentCount.set(key, n);
        // Built once in its final key order (the trace is compared byte for byte); the network
        // model reads it as the draft of the copy whose fate it decides. The first transmission's
        // id is the key itself.
        const id = n === 1 ? (key as CopyId) : copyId(out.msg, to, n);
        // With its label in the literal rather than added after: V8 then keeps every field in
        // the object itself instead of allocating a second array for the one added late.
        const rec: CopyRecord = out.label
          ? {
              id,
              msg: out.msg,
              kind: out.kind,
              from,
              src: self,
              to,
              sentAt: now,
              sentStep,
              arriveAt: now,
              arriveStep: null,
              lost: null,
              label: out.label,
            }
          : {
              id,
              msg: out.msg,
              kind: out.kind,
              from,
              src: self,
              to,
              sentAt: now,
              sentStep,
              arriveAt: now,
              arriveStep: null,
              lost: null,
            };
        const fate = opts.network.fate(rec);
        if ('lost' in fate) {
          rec.arriveAt = Math.max(now, fate.at);
          rec.lost = fate.lost;
          queue.push(rec.arriveAt, { kind: 'lost', copy: rec });
        } else {
          rec.arriveAt = Math.max(now, fate.arriveAt);
          queue.push(rec.arriveAt, { kind: 'arrive', copy: rec, payload: out.payload }, fate.prio ?? 0);
        }
        copies.push(rec);
      }
    },
    setTimer(id, after, data) {
      const gen = ++timerCounter;
      timerGen.set(`${self}\u0000${id}`, gen);
      queue.push(now + Math.max(0, after), { kind: 'timer', node: self, id, gen, data });
    },
    cancelTimer(id) {
      timerGen.delete(`${self}\u0000${id}`);
    },
    record(e) {
      push(self, e);
    },
  });

  /** Gives `node` the input; true if it recorded anything (its first event is then the step it had before). */
  const deliverTo = (node: NodeId, input: NodeInput<A>): boolean => {
    const host = hosts.get(node);
    if (!host) return false;
    const before = events.length;
    host.handle(input, effectsFor(node));
    if (events.length === before) return false;
    states.push({ step: events.length - 1, node, state: host.view() });
    return true;
  };

  for (;;) {
    const next = queue.pop();
    if (!next) break;
    // A cancelled (or re-armed) timer is no event: it must not move the clock, stretch the run's
    // end time, nor count as cut off by maxTime.
    if (
      next.item.kind === 'timer' &&
      timerGen.get(`${next.item.node}\u0000${next.item.id}`) !== next.item.gen
    )
      continue;
    if (next.time > maxTime || events.length >= maxEvents) {
      truncated = true;
      break;
    }
    now = next.time;
    const it = next.item;
    switch (it.kind) {
      case 'action':
        deliverTo(it.node, { type: 'action', action: it.action });
        break;
      case 'timer': {
        const key = `${it.node}\u0000${it.id}`;
        if (timerGen.get(key) !== it.gen) break;
        timerGen.delete(key);
        deliverTo(it.node, { type: 'timer', id: it.id, data: it.data });
        break;
      }
      case 'lost': {
        const c = it.copy;
        c.arriveStep = events.length;
        push(c.to, {
          type: 'lost',
          msg: c.msg,
          from: c.from,
          copy: c.id,
          kind: c.kind,
          detail: { reason: c.lost },
        });
        break;
      }
      case 'arrive': {
        const c = it.copy;
        const first = events.length;
        if (deliverTo(c.to, { type: 'net', copy: c, payload: it.payload })) c.arriveStep = first;
        else {
          c.arriveStep = events.length;
          push(c.to, { type: 'ignored', msg: c.msg, from: c.from, copy: c.id, kind: c.kind });
        }
        break;
      }
    }
  }

  return {
    format: 1,
    nodes: opts.hosts.map((h) => h.id),
    events,
    copies,
    states,
    initial,
    endTime: now,
    truncated,
  };
}
