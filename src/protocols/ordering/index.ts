import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import { layerMachine } from '../layer';
import { fifo } from './fifo';
import type { OrderingInput, OrderingView } from './types';
import { unordered } from './unordered';

/**
 * The orderings the lecture names ("Message ordering"), each a layer machine with a hold-back
 * queue and a delivery queue. `simulate` picks one by the scenario's `ordering`.
 */
export interface OrderingDef {
  machine: AnyStateMachine;
  /** The process panel's view of the layer's state. */
  view(snap: AnyMachineSnapshot): OrderingView;
}

const plainView = (snap: AnyMachineSnapshot): OrderingView => {
  const c = snap.context as Partial<OrderingView> & { last?: Record<string, number> };
  return { holdback: c.holdback ?? [], delivered: c.delivered ?? [], ...(c.last ? { vector: c.last } : {}) };
};

export const ORDERING_DEFS: Record<string, OrderingDef> = {
  unordered: { machine: layerMachine('unordered', unordered), view: plainView },
  fifo: { machine: layerMachine('fifo', fifo), view: plainView },
};

export type { OrderingInput, OrderingView };
