import type { AnyMachineSnapshot } from 'xstate';
import type { MsgId, NodeId } from '../../sim/ids';
import { byzantine } from '../faults/byzantine';
import { byzantineWindows, type FaultSpec } from '../faults/schedule';
import { layerMachine } from '../layer';
import { membershipMachine, membershipView } from '../membership';
import type { MembershipConfig } from '../membership/types';
import type { Layer } from '../stack';
import { type AtomicContext, atomic } from './atomic';
import { type TransportContext, transport } from './transport';
import type { ReliabilityView } from './types';

/**
 * The layers a process runs under its ordering layer, from the scenario's `reliability`,
 * `groups` and `faults`: membership (views, closed/open, hierarchy, virtual synchrony), then the
 * reliability layer (best effort, reliable with its ACK optimizations, or atomic example 1),
 * then, on a byzantine process, the layer that lies. Membership sits above reliability so its
 * own messages (flush, view) travel on reliable channels. Nothing is added for a scenario
 * without these fields, so it runs exactly as before.
 */

export type Scheme = 'unreliable' | 'reliable' | 'atomic' | 'vsync';

export interface ReliabilitySpec {
  scheme: Scheme;
  timeout: number;
  tries: number;
  window: number;
  cumulative: boolean;
  ackDelay: number;
  piggyback: boolean;
  nack: boolean;
  stableTimeout?: number | undefined;
}

export interface GroupSpec {
  id: string;
  members?: string[] | undefined;
  closed: boolean;
  structure: 'peer' | 'hierarchical';
  root?: string | undefined;
  subgroups: { coordinator: string; members: string[] }[];
  management: 'centralized' | 'distributed';
  manager?: string | undefined;
}

export interface LowerSpec {
  processes: readonly NodeId[];
  reliability?: ReliabilitySpec | undefined;
  groups?: GroupSpec | undefined;
  faults: readonly FaultSpec[];
  /** The network's maximum latency, for default timeouts. */
  maxLatency: number;
}

const transportMachine = layerMachine('transport', transport);
const atomicMachine = layerMachine('atomic', atomic);
const byzantineMachine = layerMachine('byzantine', byzantine);

export const DEFAULT_RELIABILITY: ReliabilitySpec = {
  scheme: 'unreliable',
  timeout: 10,
  tries: 4,
  window: 1,
  cumulative: false,
  ackDelay: 0,
  piggyback: false,
  nack: false,
};

/** Long enough for a sender to try every member `tries` times and for the last answer to come back. */
function patience(r: ReliabilitySpec, maxLatency: number): number {
  return r.timeout * (r.tries + 1) + 2 * maxLatency + r.ackDelay;
}

export function lowerLayers(spec: LowerSpec, self: NodeId): Layer[] {
  const layers: Layer[] = [];
  const byz = byzantineWindows(spec.faults, self);
  const anyByz = spec.faults.some((f) => f.type === 'byzantine');
  const rel = spec.reliability ?? (anyByz ? DEFAULT_RELIABILITY : undefined);
  const vsync = rel?.scheme === 'vsync';
  if (spec.groups || vsync) layers.push(membershipLayer(spec, self, rel, vsync));
  if (rel) layers.push(reliabilityLayer(rel, self, !!spec.groups || vsync));
  if (byz.length > 0)
    layers.push({ name: 'byzantine', machine: byzantineMachine, input: { self, windows: byz } });
  return layers;
}

function membershipLayer(
  spec: LowerSpec,
  self: NodeId,
  rel: ReliabilitySpec | undefined,
  vsync: boolean,
): Layer {
  const g = spec.groups;
  const initial = (g?.members ?? spec.processes) as NodeId[];
  const first = initial[0] ?? spec.processes[0]!;
  const wait = patience(rel ?? DEFAULT_RELIABILITY, spec.maxLatency);
  const input: MembershipConfig = {
    self,
    group: g?.id ?? 'G',
    processes: [...spec.processes],
    initial: [...initial],
    closed: g?.closed ?? false,
    structure: g?.structure ?? 'peer',
    root: (g?.root ?? first) as NodeId,
    subgroups: (g?.subgroups ?? []).map((s) => ({
      coordinator: s.coordinator as NodeId,
      members: s.members as NodeId[],
    })),
    // Virtual synchrony without a `groups` entry: every member takes part, so no single manager can stall it.
    management: g?.management ?? 'distributed',
    manager: (g?.manager ?? first) as NodeId,
    vsync,
    // Long enough for the sender's retries and a view change that removes a silent member.
    stableTimeout: rel?.stableTimeout ?? 2 * wait,
    flushTimeout: wait,
  };
  return { name: 'membership', machine: membershipMachine, input, view: membershipView };
}

function reliabilityLayer(r: ReliabilitySpec, self: NodeId, views: boolean): Layer {
  if (r.scheme === 'atomic')
    return {
      name: 'reliability',
      machine: atomicMachine,
      input: { self, timeout: r.timeout },
      view: atomicView,
    };
  return {
    name: 'reliability',
    machine: transportMachine,
    input: {
      self,
      mode: r.scheme === 'unreliable' ? 'unreliable' : 'reliable',
      timeout: r.timeout,
      tries: r.tries,
      // A view change must know what is on the wire: with views, no message ever waits for a window slot.
      window: views ? Number.POSITIVE_INFINITY : r.window,
      cumulative: r.cumulative,
      ackDelay: r.ackDelay,
      piggyback: r.piggyback,
      nack: r.nack,
      notify: r.scheme === 'vsync',
    },
    view: transportView,
  };
}

function transportView(snap: AnyMachineSnapshot): ReliabilityView {
  const c = snap.context as TransportContext;
  const buf = c.cfg.nack ? c.buffer : c.out;
  return {
    scheme: c.cfg.mode,
    buffered: buf.length,
    buffer: buf.map((o) => o.packet.msg),
    queued: c.queue.map((q) => q.packet.msg),
    // NACK mode keeps messages without waiting for anyone: nothing is pending.
    pending: c.cfg.nack ? [] : c.out.map((o) => ({ msg: o.packet.msg, waiting: [...o.waiting] })),
  };
}

function atomicView(snap: AnyMachineSnapshot): ReliabilityView {
  const c = snap.context as AtomicContext;
  return {
    scheme: 'atomic',
    buffered: c.sending.length,
    buffer: c.sending.map((s) => s.packet.msg),
    queued: [],
    pending: c.sending.map((s) => ({
      msg: s.packet.msg,
      waiting: s.to.filter((n) => !(s.phase === 'collect' ? s.acked : s.done).includes(n)),
    })),
    // The log without the packets it keeps: each line says what was written.
    log: c.log.map((l) => (l.t === 'msg' ? { ...l, packet: { ...l.packet, h: {} } } : l)),
    held: c.held.map((p) => p.msg as MsgId),
  };
}

/**
 * Atomic multicast never gives up, so a run with a member that never comes back would go on for
 * ever: unless the scenario says when to stop, it stops this long after the last scheduled event.
 */
export function defaultHorizon(
  r: ReliabilitySpec | undefined,
  lastScheduled: number,
  maxLatency: number,
): number | undefined {
  if (r?.scheme !== 'atomic') return undefined;
  return lastScheduled + 30 * (r.timeout + maxLatency);
}
