import { assign, setup } from 'xstate';
import type { LayerAction, LayerEvent, Packet } from './stack';

/**
 * Most protocol layers are queues and counters rather than many named states. Their rules are
 * written as a pure function `(context, event) → (context, actions)`, tested on its own, and
 * hosted here in an xstate machine so the engine drives every layer the same way. Whether the
 * process is running is the host's business (a crashed process's layers get no events).
 */
export interface LayerLogic<C, I> {
  init(input: I): C;
  on(context: C, event: LayerEvent): { context: C; out: LayerAction[] };
}

export interface Outcome<C> {
  context: C;
  out: LayerAction[];
}

/** No actions: shared, and never written to. */
const NONE: LayerAction[] = [];

const LAYER_EVENTS = ['down', 'up', 'timer', 'fault', 'control'] as const;

export function layerMachine<C extends object, I>(id: string, logic: LayerLogic<C, I>) {
  // The rules run once per event, inside the assign; the actions they return are handed to the
  // `effects` action, which xstate resolves right after the assign and before any other event
  // (a machine takes one event at a time, synchronously). A variable is enough, and cheaper than
  // keying them by the event object in a WeakMap.
  let event: LayerEvent | undefined;
  let out: LayerAction[] = NONE;
  const handle = {
    actions: [
      assign(({ context, event: e }: { context: C; event: LayerEvent }) => {
        const r = logic.on(context, e);
        event = e;
        out = r.out;
        return r.context;
      }),
      {
        type: 'effects' as const,
        params: ({ event: e }: { event: LayerEvent }) => (e === event ? out : NONE),
      },
    ],
  };
  return setup({
    types: { context: {} as C, events: {} as LayerEvent, input: {} as I },
    actions: {
      // The host collects the effects and carries them out (src/protocols/stack.ts).
      effects: (_: unknown, _effects: LayerAction[]) => {},
    },
  }).createMachine({
    id,
    context: ({ input }) => logic.init(input),
    initial: 'active',
    states: {
      active: {
        // Explicit event names rather than a '*' wildcard: xstate matches them faster.
        on: Object.fromEntries(LAYER_EVENTS.map((e) => [e, handle])) as never,
      },
    },
  });
}

/** Small constructors so layer logic reads like the lecture. */
export const act = {
  down: (params: Extract<LayerAction, { type: 'down' }>['params']): LayerAction => ({ type: 'down', params }),
  up: (params: Extract<LayerAction, { type: 'up' }>['params']): LayerAction => ({ type: 'up', params }),
  record: (params: Extract<LayerAction, { type: 'record' }>['params']): LayerAction => ({
    type: 'record',
    params,
  }),
  /** A trace event about packet `p` in the lecture's words: `receive`, `holdback`, `deliver`, `discard`. */
  about: (type: string, p: Packet, detail?: Record<string, unknown>): LayerAction => ({
    type: 'record',
    params: { type, msg: p.msg, from: p.from, kind: p.kind, ...(detail ? { detail } : {}) },
  }),
  setTimer: (id: string, after: number, data?: unknown): LayerAction => ({
    type: 'setTimer',
    params: { id, after, data },
  }),
  cancelTimer: (id: string): LayerAction => ({ type: 'cancelTimer', params: { id } }),
};
