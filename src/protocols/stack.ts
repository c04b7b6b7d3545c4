import { type AnyStateMachine, type AnyMachineSnapshot, initialTransition, transition } from 'xstate';
import type { Effects, NodeHost, NodeInput, RecordInput } from '../sim/engine';
import type { CopyId, MsgId, NodeId } from '../sim/ids';

/**
 * A process is a stack of layers: application → ordering → reliability → membership → network
 * (ARCHITECTURE.md). Each layer is its own xstate machine with a small vocabulary, so any
 * ordering runs over any reliability setting. The host below drives the machines with xstate's
 * pure `transition()` and carries out the actions they return, in order:
 *
 *   layer event   `down`  a packet from the layer above (or the application) to send
 *                 `up`    a packet from the layer below (or the network) that arrived
 *                 `timer` a timer this layer set has fired
 *                 `fault` the process crashed, restarted, … (reliability issue)
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

export type LayerEvent =
  | ({ type: 'down' } & DownParams)
  | ({ type: 'up' } & UpParams)
  | { type: 'timer'; id: string; data: unknown }
  | { type: 'fault'; fault: string };

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
  | { type: 'fault'; fault: string };

interface Running {
  layer: Layer;
  snap: AnyMachineSnapshot;
}

export class ProcessHost implements NodeHost<ProcessAction> {
  private readonly layers: Running[];
  private fx!: Effects;

  constructor(
    readonly id: NodeId,
    layers: readonly Layer[],
  ) {
    this.layers = layers.map((layer) => {
      const [snap] = initialTransition(layer.machine, layer.input);
      return { layer, snap: snap as AnyMachineSnapshot };
    });
  }

  handle(input: NodeInput<ProcessAction>, fx: Effects): void {
    this.fx = fx;
    switch (input.type) {
      case 'action': {
        const a = input.action;
        if (a.type === 'multicast') {
          const packet: Packet = { msg: a.msg, from: this.id, kind: a.kind ?? 'data', h: a.h ?? {} };
          this.dispatch(0, { type: 'down', packet, to: [] });
        } else {
          for (let i = 0; i < this.layers.length; i++) this.dispatch(i, { type: 'fault', fault: a.fault });
        }
        break;
      }
      case 'net': {
        const packet = input.payload as Packet;
        this.dispatch(this.layers.length - 1, { type: 'up', packet, copy: input.copy.id, src: input.copy.src });
        break;
      }
      case 'timer': {
        // Timer ids are `<layer index>:<layer's own id>`.
        const colon = input.id.indexOf(':');
        const idx = Number(input.id.slice(0, colon));
        this.dispatch(idx, { type: 'timer', id: input.id.slice(colon + 1), data: input.data });
        break;
      }
    }
  }

  private dispatch(idx: number, event: LayerEvent): void {
    const r = this.layers[idx];
    if (!r) return;
    const [next, actions] = transition(r.layer.machine, r.snap, event);
    r.snap = next as AnyMachineSnapshot;
    for (const a of actions as unknown as LayerAction[]) {
      switch (a.type) {
        case 'down':
          if (idx + 1 < this.layers.length) this.dispatch(idx + 1, { type: 'down', ...a.params });
          else this.toNetwork(a.params);
          break;
        case 'up':
          if (idx > 0) this.dispatch(idx - 1, { type: 'up', ...a.params });
          break;
        case 'setTimer':
          this.fx.setTimer(`${idx}:${a.params.id}`, a.params.after, a.params.data);
          break;
        case 'cancelTimer':
          this.fx.cancelTimer(`${idx}:${a.params.id}`);
          break;
        case 'record':
          this.fx.record(a.params);
          break;
      }
    }
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
        ? r.layer.view(r.snap)
        : { state: r.snap.value, context: r.snap.context as unknown };
    }
    return out;
  }
}
