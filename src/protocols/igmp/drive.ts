import { type AnyMachineSnapshot, type AnyStateMachine, transition } from 'xstate';

/** One named action a machine asked for, with its parameters (e.g. `start timer` {after: 80}). */
export interface MachineAction {
  type: string;
  params?: Record<string, unknown>;
}

/**
 * Drive a machine one event with xstate's pure `transition()`: the next snapshot and the named
 * actions for the host to carry out, in order. `handled` says whether the state had a transition
 * for the event (a guard may still have chosen none).
 */
export function drive(
  machine: AnyStateMachine,
  snap: AnyMachineSnapshot,
  event: { type: string },
): { snap: AnyMachineSnapshot; actions: MachineAction[]; handled: boolean } {
  const handled = snap.can(event);
  if (!handled) return { snap, actions: [], handled };
  const [next, actions] = transition(machine, snap, event);
  return {
    snap: next as AnyMachineSnapshot,
    actions: (actions as unknown as { type: string; params?: unknown }[])
      .filter((a) => typeof a.type === 'string' && !a.type.startsWith('xstate.'))
      .map((a) => ({ type: a.type, ...(a.params ? { params: a.params as Record<string, unknown> } : {}) })),
    handled,
  };
}
