import type { Ordering, Scenario } from '../scenarios/schema';

/**
 * The shell's edits of a scenario. Each is a pure function `scenario → scenario` handed to
 * `store.edit`, so it re-simulates, is undoable, and the URL follows (ARCHITECTURE.md). They
 * apply to the process lab (the ordering lab's group of processes); any other lab is returned
 * unchanged, which `store.edit` treats as no edit.
 */

/** A message id no action uses yet: m1, m2, … (the schema requires ids unique in a scenario). */
export function freshMsgId(s: Scenario): string {
  const used = new Set<string>(s.actions.flatMap((a) => ('msg' in a ? [a.msg] : [])));
  let n = 1;
  while (used.has(`m${n}`)) n++;
  return `m${n}`;
}

/** The application at `node` multicasts a new message (or a sync message) at virtual time `at`. */
export function addMulticast(node: string, at: number, sync = false) {
  return (s: Scenario): Scenario =>
    s.lab !== 'process'
      ? s
      : {
          ...s,
          actions: [...s.actions, { type: sync ? 'sync' : 'multicast', at, node, msg: freshMsgId(s) }],
        };
}

/** Re-run the same schedule under another ordering: the only field that changes is `ordering`. */
export function setOrdering(ordering: Ordering) {
  return (s: Scenario): Scenario => (s.lab !== 'process' || s.ordering === ordering ? s : { ...s, ordering });
}
