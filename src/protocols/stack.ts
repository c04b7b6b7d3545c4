import { type Actor, type AnyMachineSnapshot, type AnyStateMachine, createActor } from 'xstate';
import type { Effects, NodeHost, NodeInput, RecordInput } from '../sim/engine';
import type { CopyId, MsgId, NodeId } from '../sim/ids';

/**
 * A process is a stack of layers: application → ordering → membership → reliability → byzantine
 * → network (ARCHITECTURE.md lists reliability above membership; membership sits on top here so
 * its view changes travel on reliable channels). Each layer is its own xstate machine with a
 * small vocabulary, so any ordering runs over any reliability setting. The host below hands each
 * machine one event at a time and carries out the actions it returns, in order:
 *
 *   layer event   `down`  a packet from the layer above (or the application) to send
 *                 `up`    a packet from the layer below (or the network) that arrived
 *                 `timer` a timer this layer set has fired
 *                 `fault` a fault the scenario injects; after a crash the host itself sends
 *                         `restart` (detail: `log`, `incarnation`) so layers re-arm their timers
 *                 `control` a group operation the application asked for (`join`, `leave`, `query`),
 *                         or `send`: the application's message offered to the lower layers first
 *                 Every event carries `now`, the virtual time, for layers whose rules depend on it.
 *   layer action  `down`  pass a packet to the layer below; below the lowest: the network
 *                 `up`    pass a packet to the layer above; above the highest: the application
 *                 `setTimer` / `cancelTimer`  (ids are per layer)
 *                 `record` a trace event (`receive`, `holdback`, `deliver`, `discard`, …)
 */

/** What travels between layers and over the wire. */
export interface Packet {
  msg: MsgId;
  /** The original sender. */
  from: NodeId;
  /** `data` for application messages; protocol messages name themselves (`order`, `sync`, `ack`). */
  kind: string;
  /** Headers added by the layers: `vt` (vector timestamp), `seq`, `gid`, `ts`, … JSON only. */
  h: Record<string, unknown>;
}

/** Where a packet going down is addressed: explicit destinations, or the layer's group. */
export interface DownParams {
  packet: Packet;
  /** Destinations; from the application it is empty, meaning "the group" as the layer knows it. */
  to: readonly NodeId[];
  /** Short header text drawn on the arrow. */
  label?: string;
}

export interface UpParams {
  packet: Packet;
  /** The copy that brought it, when it came from the network. */
  copy?: CopyId;
  src?: NodeId;
}

export type LayerEvent = (
  | ({ type: 'down' } & DownParams)
  | ({ type: 'up' } & UpParams)
  | { type: 'timer'; id: string; data: unknown }
  | { type: 'fault'; fault: string; detail?: Record<string, unknown> }
  | { type: 'control'; op: string; args: Record<string, unknown> }
) & { now?: number };

export type LayerAction =
  | { type: 'down'; params: DownParams }
  | { type: 'up'; params: UpParams }
  | { type: 'setTimer'; params: { id: string; after: number; data?: unknown } }
  | { type: 'cancelTimer'; params: { id: string } }
  | { type: 'record'; params: RecordInput };

/** A layer: its machine, the input it starts with, and how its state shows in the trace. */
export interface Layer {
  name: string;
  machine: AnyStateMachine;
  input: unknown;
  /** JSON projection of the layer's snapshot for the trace (defaults to value + context). */
  view?: (snap: AnyMachineSnapshot) => unknown;
}

/** Scenario actions the process host understands; families extend the union. */
export type ProcessAction =
  | { type: 'multicast'; msg: MsgId; kind?: string; h?: Record<string, unknown> }
  /**
   * `crash` stops the process: it cancels its timers and ignores every input (trace `ignored`,
   * reason `crashed`) until `restart`, which keeps the layers' state when `detail.log` is not
   * false (the persistent log survived) and starts them afresh otherwise. Any other fault is
   * recorded as a trace event of its own name (unless `quiet`) and handed to the layers.
   */
  | { type: 'fault'; fault: string; detail?: Record<string, unknown>; quiet?: boolean }
  /** A group operation (`join`, `leave`, `query`) handed to every layer; the membership layer acts on it. */
  | { type: 'control'; op: string; args?: Record<string, unknown> };

interface Running {
  layer: Layer;
  actor: Actor<AnyStateMachine>;
}

/**
 * The actions a layer machine returns are collected here while the host hands it one event, and
 * carried out once the machine has finished (never from inside it). One collector is enough:
 * the host only dispatches the next event after the previous `send` has returned.
 */
let collecting: LayerAction[] = [];
const collect = (type: LayerAction['type']) => (_: unknown, params: unknown) => {
  collecting.push({ type, params } as LayerAction);
};
const collectors = {
  effects: (_: unknown, effects: LayerAction[]) => {
    for (const e of effects) collecting.push(e);
  },
  down: collect('down'),
  up: collect('up'),
  setTimer: collect('setTimer'),
  cancelTimer: collect('cancelTimer'),
  record: collect('record'),
};
const collectingMachines = new WeakMap<AnyStateMachine, AnyStateMachine>();

/**
 * Each layer runs as a long-lived xstate actor whose only action implementations collect
 * effects. This is 2–3 times faster than xstate's pure `transition()`, which builds a throwaway
 * actor on every call (measured in BENCHMARKS.md), and no less pure: a layer machine still reads
 * no clock (no delayed transitions: timers are effects the engine schedules) and no randomness.
 */
const fresh = (layer: Layer): Running => {
  let machine = collectingMachines.get(layer.machine);
  if (!machine) {
    machine = layer.machine.provide({ actions: collectors } as never) as AnyStateMachine;
    collectingMachines.set(layer.machine, machine);
  }
  return { layer, actor: createActor(machine, { input: layer.input }).start() };
};

export class ProcessHost implements NodeHost<ProcessAction> {
  private layers: Running[];
  private fx!: Effects;
  /** Crashed processes ignore every input until they restart (lecture: "Crash failure"). */
  private crashed = false;
  /** How many times this process has restarted; layers stamp it on what they send. */
  private incarnation = 0;
  /** Timers set and not yet fired or cancelled, so a crash can cancel them all. */
  private readonly timers = new Set<string>();

  constructor(
    readonly id: NodeId,
    layers: readonly Layer[],
  ) {
    this.layers = layers.map(fresh);
  }

  handle(input: NodeInput<ProcessAction>, fx: Effects): void {
    this.fx = fx;
    if (this.crashed && !(input.type === 'action' && input.action.type === 'fault')) {
      this.ignore(input);
      return;
    }
    switch (input.type) {
      case 'action': {
        const a = input.action;
        if (a.type === 'multicast') {
          const packet: Packet = { msg: a.msg, from: this.id, kind: a.kind ?? 'data', h: a.h ?? {} };
          if (!this.takenBelow(packet)) this.dispatch(0, { type: 'down', packet, to: [] });
        } else if (a.type === 'control') {
          for (let i = 0; i < this.layers.length; i++)
            this.dispatch(i, { type: 'control', op: a.op, args: a.args ?? {} });
        } else if (a.fault === 'crash') this.crash();
        else if (a.fault === 'restart') this.restart(a.detail?.log !== false);
        else {
          if (!a.quiet) fx.record({ type: a.fault, ...(a.detail ? { detail: a.detail } : {}) });
          if (!this.crashed)
            for (let i = 0; i < this.layers.length; i++)
              this.dispatch(i, { type: 'fault', fault: a.fault, ...(a.detail ? { detail: a.detail } : {}) });
        }
        break;
      }
      case 'net': {
        const packet = input.payload as Packet;
        this.dispatch(this.layers.length - 1, {
          type: 'up',
          packet,
          copy: input.copy.id,
          src: input.copy.src,
        });
        break;
      }
      case 'timer': {
        this.timers.delete(input.id);
        // Timer ids are `<layer index>:<layer's own id>`.
        const colon = input.id.indexOf(':');
        const idx = Number(input.id.slice(0, colon));
        this.dispatch(idx, { type: 'timer', id: input.id.slice(colon + 1), data: input.data });
        break;
      }
    }
  }

  /** A crashed process: copies and the application's requests are recorded as ignored. */
  private ignore(input: NodeInput<ProcessAction>): void {
    if (input.type === 'net') {
      const c = input.copy;
      this.fx.record({
        type: 'ignored',
        msg: c.msg,
        from: c.from,
        copy: c.id,
        kind: c.kind,
        detail: { reason: 'crashed' },
      });
    } else if (input.type === 'action') {
      const a = input.action;
      this.fx.record({
        type: 'ignored',
        ...(a.type === 'multicast' ? { msg: a.msg, from: this.id, kind: a.kind ?? 'data' } : {}),
        detail: { reason: 'crashed', action: a.type === 'control' ? a.op : a.type },
      });
    }
  }

  private crash(): void {
    if (this.crashed) return;
    this.fx.record({ type: 'crash' });
    for (const t of this.timers) this.fx.cancelTimer(t);
    this.timers.clear();
    this.crashed = true;
  }

  /** Restart after a crash: with the persistent log the layers keep their state, else they start afresh. */
  private restart(log: boolean): void {
    if (!this.crashed) return;
    this.crashed = false;
    this.incarnation++;
    if (!log) this.layers = this.layers.map((r) => fresh(r.layer));
    const detail = { log, incarnation: this.incarnation };
    this.fx.record({ type: 'restart', detail });
    for (let i = 0; i < this.layers.length; i++)
      this.dispatch(i, { type: 'fault', fault: 'restart', detail });
  }

  /**
   * Offers the application's send (control `send`, arg `packet`) to the layers under the top one
   * before the top layer numbers it and delivers it locally. A layer that acts on the offer has
   * taken the message: a closed group takes a non-member's send this way, so that it is refused
   * without being delivered anywhere (lecture, "Design issues").
   */
  private takenBelow(packet: Packet): boolean {
    for (let i = 1; i < this.layers.length; i++)
      if (this.dispatch(i, { type: 'control', op: 'send', args: { packet } }).length > 0) return true;
    return false;
  }

  /** Hands layer `idx` one event and carries out its actions; returns them. */
  private dispatch(idx: number, event: LayerEvent): LayerAction[] {
    const r = this.layers[idx];
    if (!r) return [];
    const actions: LayerAction[] = [];
    collecting = actions;
    // Every caller builds a fresh event, so it is stamped in place rather than copied.
    event.now = this.fx.now;
    r.actor.send(event);
    const snap = r.actor.getSnapshot();
    // xstate catches an exception thrown by a layer and stops the actor; surface it instead.
    if (snap.status === 'error') throw snap.error;
    for (const a of actions) {
      switch (a.type) {
        case 'down':
          if (idx + 1 < this.layers.length) this.dispatch(idx + 1, { type: 'down', ...a.params });
          else this.toNetwork(a.params);
          break;
        case 'up':
          if (idx > 0) this.dispatch(idx - 1, { type: 'up', ...a.params });
          break;
        case 'setTimer':
          this.timers.add(`${idx}:${a.params.id}`);
          this.fx.setTimer(`${idx}:${a.params.id}`, a.params.after, a.params.data);
          break;
        case 'cancelTimer':
          this.timers.delete(`${idx}:${a.params.id}`);
          this.fx.cancelTimer(`${idx}:${a.params.id}`);
          break;
        case 'record':
          this.fx.record(a.params);
          break;
      }
    }
    return actions;
  }

  private toNetwork(p: DownParams): void {
    if (p.to.length === 0) return;
    this.fx.send({
      to: p.to,
      msg: p.packet.msg,
      kind: p.packet.kind,
      from: p.packet.from,
      payload: p.packet,
      ...(p.label ? { label: p.label } : {}),
    });
  }

  view(): unknown {
    const out: Record<string, unknown> = {};
    for (const r of this.layers) {
      out[r.layer.name] = r.layer.view
        ? r.layer.view(r.actor.getSnapshot() as AnyMachineSnapshot)
        : { state: r.actor.getSnapshot().value, context: r.actor.getSnapshot().context as unknown };
    }
    return out;
  }
}
