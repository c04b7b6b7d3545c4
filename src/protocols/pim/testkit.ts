import { type AnyMachineSnapshot, type AnyStateMachine, initialTransition } from 'xstate';
import { drive } from '../igmp/drive';
import { pimTicks } from './timers';

/** RFC defaults at 8 ticks per second, the lab's classroom scale. */
export const T = pimTicks(8);

/** Drive one machine from a chain of events and read where it is and what it asked for. */
export function machine(m: AnyStateMachine, input?: unknown) {
  let snap = initialTransition(m, input)[0] as AnyMachineSnapshot;
  return {
    send(e: { type: string; [k: string]: unknown }) {
      const r = drive(m, snap, e);
      snap = r.snap;
      return {
        state: snap.value as string,
        actions: r.actions.filter((a) => !a.type.startsWith('store ')).map((a) => a.type),
        params: Object.fromEntries(r.actions.map((a) => [a.type, a.params])),
        handled: r.handled,
      };
    },
    get state() {
      return snap.value as string;
    },
    get context() {
      return snap.context as Record<string, unknown>;
    },
  };
}
