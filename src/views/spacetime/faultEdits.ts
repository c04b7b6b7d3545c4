import type { FaultInput } from '../../scenarios/process-ext';
import type { Scenario } from '../../scenarios/schema';

/**
 * Faults as scenario edits (issue 3 §2, "injectable by click at any point and written into the
 * scenario"), pure `scenario → scenario` functions for `store.edit`, so each is undoable and goes
 * into the URL. An edit that would make the scenario invalid returns it unchanged.
 */

/** The lecture's failure kinds ("Failure considerations") a process can suffer at a point in time. */
export const FAULT_CHOICES = [
  'crash',
  'crash-restart',
  'crash-restart-nolog',
  'send-omission',
  'receive-omission',
  'byzantine-corrupt',
  'byzantine-equivocate',
] as const;
export type FaultChoice = (typeof FAULT_CHOICES)[number];

/** Ticks until a restart, or the length of an omission or byzantine window, unless the student says otherwise. */
export const DEFAULT_SPAN = 20;

const MAX_TIME = 1_000_000;
const tick = (t: number) => Math.max(0, Math.min(MAX_TIME, Math.round(Number.isFinite(t) ? t : 0)));

function faultFor(node: string, at: number, choice: FaultChoice, span: number): FaultInput {
  const end = Math.min(MAX_TIME, at + Math.max(1, Math.round(span)));
  switch (choice) {
    case 'crash':
      return { type: 'crash', at, node };
    case 'crash-restart':
    case 'crash-restart-nolog':
      return { type: 'crash', at, node, restart: { at: end, log: choice === 'crash-restart' } };
    case 'send-omission':
    case 'receive-omission':
      return { type: choice, at, node, until: end };
    case 'byzantine-corrupt':
      return { type: 'byzantine', at, node, mode: 'corrupt', until: end };
    case 'byzantine-equivocate':
      return { type: 'byzantine', at, node, mode: 'equivocate', until: end };
  }
}

/** A fault at `node` from virtual time `at`; a restart or the window's end comes `span` ticks later. */
export function addFault(node: string, at: number, choice: FaultChoice, span = DEFAULT_SPAN) {
  return (s: Scenario): Scenario => {
    if (s.lab !== 'process' || !s.processes.includes(node)) return s;
    const t = tick(at);
    // A window must end after it starts: nothing fits at the very end of time.
    if (t >= MAX_TIME && choice !== 'crash') return s;
    return { ...s, faults: [...(s.faults ?? []), faultFor(node, t, choice, span)] };
  };
}

/**
 * The sub-groups of a partition from each process's side number (0, 1, 2 …), in side order,
 * every process in exactly one; processes without a side go with side 0.
 */
export function partitionGroups(processes: readonly string[], sides: Readonly<Record<string, number>>) {
  const bySide = new Map<number, string[]>();
  for (const p of processes) {
    const side = sides[p] ?? 0;
    const g = bySide.get(side);
    if (g) g.push(p);
    else bySide.set(side, [p]);
  }
  return [...bySide.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g);
}

/**
 * Split the processes into `groups` at `at` ("the network may get segmented, dividing the group
 * into two or more unreachable sub-groups"). Needs two non-empty groups covering every process once.
 */
export function addPartition(groups: readonly (readonly string[])[], at: number) {
  return (s: Scenario): Scenario => {
    if (s.lab !== 'process') return s;
    const parts = groups.filter((g) => g.length > 0).map((g) => [...g]);
    const flat = parts.flat();
    const covers =
      flat.length === s.processes.length &&
      new Set(flat).size === flat.length &&
      s.processes.every((p) => flat.includes(p));
    if (parts.length < 2 || !covers) return s;
    return { ...s, faults: [...(s.faults ?? []), { type: 'partition', at: tick(at), groups: parts }] };
  };
}

/** Whether a partition is in force at time `t`: the latest partition or heal at or before `t` is a partition. */
export function partitionOpenAt(s: Scenario, t: number): boolean {
  if (s.lab !== 'process') return false;
  let open = false;
  let last = -1;
  for (const f of s.faults ?? []) {
    if ((f.type === 'partition' || f.type === 'heal') && f.at <= t && f.at >= last) {
      open = f.type === 'partition';
      last = f.at;
    }
  }
  return open;
}

/** End the partition in force at `at`; nothing to heal leaves the scenario as it is. */
export function addHeal(at: number) {
  return (s: Scenario): Scenario =>
    s.lab !== 'process' || !partitionOpenAt(s, tick(at))
      ? s
      : { ...s, faults: [...(s.faults ?? []), { type: 'heal', at: tick(at) }] };
}
