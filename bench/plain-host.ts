import type { AnyMachineSnapshot } from 'xstate';
import type { LayerLogic } from '../src/protocols/layer';
import { ORDERING_DEFS } from '../src/protocols/ordering';
import { causal } from '../src/protocols/ordering/causal';
import { fifo } from '../src/protocols/ordering/fifo';
import { globaltime } from '../src/protocols/ordering/globaltime';
import { sync } from '../src/protocols/ordering/sync';
import { total } from '../src/protocols/ordering/total';
import { unordered } from '../src/protocols/ordering/unordered';
import type { DownParams, LayerAction, LayerEvent, Packet, ProcessAction } from '../src/protocols/stack';
import type { ProcessScenario } from '../src/scenarios/schema';
import { type Effects, type NodeHost, type NodeInput, run } from '../src/sim/engine';
import { msgId, type NodeId, nodeId } from '../src/sim/ids';
import { linkModel } from '../src/sim/network';
import type { Trace } from '../src/sim/trace';

/**
 * The reference the benchmark compares against: the same engine and the same layer logic, but
 * each layer's `on()` called directly instead of through xstate's `transition()`. It mirrors
 * ProcessHost (src/protocols/stack.ts) and simulateProcess (src/scenarios/simulate.ts) for
 * multicast workloads with the ordering layer alone, so the xstate/plain ratio is the cost of hosting layers in xstate
 * machines; run.ts checks both produce the identical trace.
 */

// biome-ignore lint/suspicious/noExplicitAny: each layer has its own context type.
type AnyLogic = LayerLogic<any, unknown>;

const LOGIC: Record<string, AnyLogic> = { unordered, fifo, causal, total, sync, globaltime };

interface PlainLayer {
  name: string;
  logic: AnyLogic;
  input: unknown;
  view: (snap: AnyMachineSnapshot) => unknown;
}

class PlainProcessHost implements NodeHost<ProcessAction> {
  private readonly layers: { layer: PlainLayer; context: object }[];
  private fx!: Effects;

  constructor(
    readonly id: NodeId,
    layers: readonly PlainLayer[],
  ) {
    this.layers = layers.map((layer) => ({ layer, context: layer.logic.init(layer.input) }));
  }

  handle(input: NodeInput<ProcessAction>, fx: Effects): void {
    this.fx = fx;
    switch (input.type) {
      case 'action': {
        const a = input.action;
        // The benchmark's workloads are multicasts only; faults and group operations are not mirrored.
        if (a.type !== 'multicast') throw new Error(`the plain reference does not run "${a.type}" actions`);
        const packet: Packet = { msg: a.msg, from: this.id, kind: a.kind ?? 'data', h: a.h ?? {} };
        this.dispatch(0, { type: 'down', packet, to: [] });
        break;
      }
      case 'net':
        this.dispatch(this.layers.length - 1, {
          type: 'up',
          packet: input.payload as Packet,
          copy: input.copy.id,
          src: input.copy.src,
        });
        break;
      case 'timer': {
        const colon = input.id.indexOf(':');
        this.dispatch(Number(input.id.slice(0, colon)), {
          type: 'timer',
          id: input.id.slice(colon + 1),
          data: input.data,
        });
        break;
      }
    }
  }

  private dispatch(idx: number, event: LayerEvent): void {
    const r = this.layers[idx];
    if (!r) return;
    const { context, out } = r.layer.logic.on(r.context, { ...event, now: this.fx.now });
    r.context = context;
    for (const a of out as LayerAction[]) {
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
    // The views read only `context`, so a snapshot-shaped wrapper is enough.
    for (const r of this.layers)
      out[r.layer.name] = r.layer.view({ context: r.context } as AnyMachineSnapshot);
    return out;
  }
}

export function hasPlainLogic(ordering: string): boolean {
  return ordering in LOGIC && ordering in ORDERING_DEFS;
}

export function simulatePlain(s: ProcessScenario): Trace {
  const def = ORDERING_DEFS[s.ordering];
  const logic = LOGIC[s.ordering];
  if (!def || !logic) throw new Error(`ordering "${s.ordering}" has no plain reference`);
  // Groups, reliability and faults add layers and actions below the ordering: not mirrored here.
  if (s.groups || s.reliability || s.faults?.length)
    throw new Error('the plain reference runs the ordering layer alone: no groups, reliability or faults');
  const group = s.processes.map(nodeId);
  const sequencer = nodeId(s.sequencer ?? 'S');
  const layersFor = (self: NodeId): PlainLayer[] => [
    {
      name: 'ordering',
      logic,
      input: {
        self,
        group,
        sequencer,
        maxDelay: s.network.latency[1],
        ...(s.clocks?.[self] ? { clock: s.clocks[self] } : {}),
      },
      view: def.view,
    },
  ];
  const nodes = def.sequencer && !group.includes(sequencer) ? [...group, sequencer] : group;
  const hosts = nodes.map((p) => new PlainProcessHost(p, layersFor(p)));
  const actions = s.actions.map((a) => {
    if (a.type !== 'multicast' && a.type !== 'sync')
      throw new Error(`the plain reference does not run "${a.type}" actions`);
    const action: ProcessAction = {
      type: 'multicast',
      msg: msgId(a.msg),
      kind: a.type === 'sync' ? 'sync' : 'data',
    };
    return { time: a.at, node: nodeId(a.node), action };
  });
  return run({
    hosts,
    network: linkModel({
      seed: s.seed,
      latency: s.network.latency,
      loss: s.network.loss,
      overrides: s.interventions,
    }),
    actions,
    ...(s.maxTime !== undefined ? { maxTime: s.maxTime } : {}),
  });
}
