import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import type { MsgId } from '../../sim/ids';
import { layerMachine } from '../layer';
import { type CausalContext, causal, vectorRecord } from './causal';
import { toArray, withDelivered } from './delivered';
import { type FifoContext, fifo } from './fifo';
import { type GlobalTimeContext, globaltime } from './globaltime';
import { type SyncContext, sync } from './sync';
import { type TotalContext, total } from './total';
import type { HeldBack, OrderingInput, OrderingView } from './types';
import { type UnorderedContext, unordered } from './unordered';

/**
 * The orderings the lecture names ("Message ordering"), each a layer machine with a hold-back
 * queue and a delivery queue. `simulate` picks one by the scenario's `ordering`.
 */
export interface OrderingDef {
  machine: AnyStateMachine;
  /** The process panel's view of the layer's state. */
  view(snap: AnyMachineSnapshot): OrderingView;
  /** Total ordering: the sequencer runs this machine too; if it is not a member it gets a lane of its own. */
  sequencer?: true;
}

const fifoView = (snap: AnyMachineSnapshot): OrderingView => {
  const c = snap.context as FifoContext;
  return withDelivered({ holdback: c.holdback, vector: c.last }, c.delivered);
};

const unorderedView = (snap: AnyMachineSnapshot): OrderingView => {
  const c = snap.context as UnorderedContext;
  return withDelivered({ holdback: [] }, c.delivered);
};

const VECTOR = { get: causalVector, enumerable: true, configurable: false };
const DELIVERED = { get: causalDelivered, enumerable: true, configurable: false };
function causalVector(this: CausalView): Record<string, number> {
  return vectorRecord(CausalView.context(this));
}
function causalDelivered(this: CausalView): MsgId[] {
  return toArray(CausalView.context(this).delivered);
}

/**
 * The causal layer's view: `holdback`, then `vector` keyed by member and `delivered`, both made
 * when they are read (by the panel, or JSON.stringify of the trace) from the context, which the
 * view keeps in a private field (neither JSON nor an equality test sees it). The context keeps its
 * vector as an array in group order, cheap to copy on each delivery; and a private field costs far
 * less than a hidden property set with Object.defineProperty, which a view is made with once per step.
 */
class CausalView {
  readonly holdback: HeldBack[];
  readonly #c: CausalContext;
  constructor(c: CausalContext) {
    this.holdback = c.holdback;
    this.#c = c;
    Object.defineProperty(this, 'vector', VECTOR);
    Object.defineProperty(this, 'delivered', DELIVERED);
  }
  static context(v: CausalView): CausalContext {
    return v.#c;
  }
}

const causalView = (snap: AnyMachineSnapshot): OrderingView =>
  new CausalView(snap.context as CausalContext) as unknown as OrderingView;

const totalView = (snap: AnyMachineSnapshot): OrderingView => {
  const c = snap.context as TotalContext;
  if (!c.group.includes(c.self))
    return withDelivered({ holdback: c.waiting, nextId: c.assign, role: 'sequencer' as const }, c.delivered);
  const orders = Object.entries(c.ids).map(([msg, id]) => ({ id, msg: msg as MsgId }));
  return withDelivered(
    {
      holdback: c.holdback,
      nextId: c.next,
      orders: orders.sort((a, b) => a.id - b.id),
      role: c.self === c.sequencer ? ('member+sequencer' as const) : ('member' as const),
    },
    c.delivered,
  );
};

const syncView = (snap: AnyMachineSnapshot): OrderingView => {
  const c = snap.context as SyncContext;
  return withDelivered({ holdback: c.holdback, epoch: c.epoch, completeEpochs: c.done }, c.delivered);
};

const globalTimeView = (snap: AnyMachineSnapshot): OrderingView => {
  const c = snap.context as GlobalTimeContext;
  return withDelivered({ holdback: c.holdback, clock: c.reading }, c.delivered);
};

export const ORDERING_DEFS: Record<string, OrderingDef> = {
  unordered: { machine: layerMachine('unordered', unordered), view: unorderedView },
  fifo: { machine: layerMachine('fifo', fifo), view: fifoView },
  causal: { machine: layerMachine('causal', causal), view: causalView },
  total: { machine: layerMachine('total', total), view: totalView, sequencer: true },
  sync: { machine: layerMachine('sync', sync), view: syncView },
  globaltime: { machine: layerMachine('globaltime', globaltime), view: globalTimeView },
};

export type { HeldBack, WaitReason } from './types';
export type { OrderingInput, OrderingView };
