import { enqueueActions, setup } from 'xstate';
import type { LayerAction, LayerEvent } from './stack';

/**
 * Most protocol layers are queues and counters rather than many named states. Their rules are
 * written as a pure function `(context, event) → (context, actions)`, tested on its own, and
 * hosted here in an xstate machine so the engine drives every layer the same way. The machine's
 * own states say whether the process is running: `active`, or `crashed` (where it ignores
 * everything until a `restart` fault).
 */
export interface LayerLogic<C, I> {
  init(input: I): C;
  on(context: C, event: LayerEvent): { context: C; out: LayerAction[] };
}

export interface Outcome<C> {
  context: C;
  out: LayerAction[];
}

export function layerMachine<C extends object, I>(id: string, logic: LayerLogic<C, I>) {
  return setup({
    types: { context: {} as C, events: {} as LayerEvent, input: {} as I },
    actions: {
      // The engine carries these out; here they are only named so `transition()` returns them.
      down: () => {},
      up: () => {},
      setTimer: () => {},
      cancelTimer: () => {},
      record: () => {},
    },
  }).createMachine({
    id,
    // xstate 5.33's transition() builds a throwaway actor per call and runs this factory with no
    // input; only the first snapshot needs it, so skip init (which would throw) on those calls.
    context: ({ input }) => (input === undefined ? ({} as C) : logic.init(input)),
    initial: 'active',
    states: {
      active: {
        on: {
          '*': {
            actions: enqueueActions(({ context, event, enqueue }) => {
              const r = logic.on(context as C, event as LayerEvent);
              if (r.context !== context) enqueue.assign(() => r.context);
              for (const a of r.out) enqueue(a as never);
            }),
          },
        },
      },
    },
  });
}

/** Small constructors so layer logic reads like the lecture. */
export const act = {
  down: (params: Extract<LayerAction, { type: 'down' }>['params']): LayerAction => ({ type: 'down', params }),
  up: (params: Extract<LayerAction, { type: 'up' }>['params']): LayerAction => ({ type: 'up', params }),
  record: (params: Extract<LayerAction, { type: 'record' }>['params']): LayerAction => ({ type: 'record', params }),
  setTimer: (id: string, after: number, data?: unknown): LayerAction => ({
    type: 'setTimer',
    params: { id, after, data },
  }),
  cancelTimer: (id: string): LayerAction => ({ type: 'cancelTimer', params: { id } }),
};
