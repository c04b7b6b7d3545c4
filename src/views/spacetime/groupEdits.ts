import { type GroupsInput, GroupsSchema } from '../../scenarios/process-ext';
import type { ProcessScenario, Scenario } from '../../scenarios/schema';
import { validateScenario } from '../../scenarios/validate';
import type { Trace } from '../../sim/trace';

/**
 * Edits of a scenario's group (lecture: "Groups", "Design issues"): the four primitives called
 * by one process at a time, and the group's settings as switches. `groupEdit` makes a pure
 * `scenario → scenario` function for `store.edit`, so each change re-simulates, is undoable and
 * goes into the URL. A change the schema would reject is no edit, and `groupProblem` says why, so
 * the control that would make it can say so instead.
 */

/** join_group, leave_group, send_to_group, query_membership, as the bar and the lane menu name them. */
export type GroupOp = 'join' | 'leave' | 'send' | 'query';
export const GROUP_OPS: readonly GroupOp[] = ['join', 'leave', 'send', 'query'];

const ACTION = {
  join: 'join_group',
  leave: 'leave_group',
  send: 'send_to_group',
  query: 'query_membership',
} as const;

/** Request ids read as what they are: j1 (a join), l1 (a leave), q1 (a query), m1 (a message). */
const PREFIX: Record<GroupOp, string> = { join: 'j', leave: 'l', send: 'm', query: 'q' };

/** The group a first group edit creates: the schema's defaults, every process a member. */
const DEFAULT_GROUP: GroupsInput = GroupsSchema.parse({});

/** The scenario's group, or null when it has none (every process in one static group). */
export function groupOf(s: Scenario): GroupsInput | null {
  return s.lab === 'process' ? (s.groups ?? null) : null;
}

/** `prefix` and the first number no action uses yet (message and request ids are unique in a scenario). */
export function freshId(s: ProcessScenario, prefix: string): string {
  const used = new Set<string>(s.actions.map((a) => a.msg));
  let n = 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/**
 * One change of the group: a primitive called by `node` at virtual time `at`, or one of the
 * group's settings (closed/open, peer/hierarchical, centralized/distributed management).
 */
export type GroupChange =
  | { op: GroupOp; node: string; at: number }
  | { closed: boolean }
  | { structure: GroupsInput['structure'] }
  | { management: GroupsInput['management'] };

const withGroup = (s: ProcessScenario, patch: Partial<GroupsInput>): ProcessScenario => ({
  ...s,
  groups: { ...(s.groups ?? DEFAULT_GROUP), ...patch },
});

/**
 * A hierarchy for the processes: the root coordinator is the first member, and the others are
 * split into subgroups of at most three, each served by its first process as the subgroup
 * coordinator ("Root coordinator: forwards message to appropriate subgroup coordinators").
 */
export function hierarchyFor(processes: readonly string[], members: readonly string[]) {
  const root = members[0] ?? processes[0] ?? '';
  const rest = processes.filter((p) => p !== root);
  const subgroups: GroupsInput['subgroups'] = [];
  for (let i = 0; i < rest.length; i += 3) {
    const [coordinator, ...served] = rest.slice(i, i + 3);
    if (coordinator !== undefined && served.length > 0) subgroups.push({ coordinator, members: served });
  }
  return { root, subgroups };
}

/** The scenario `change` makes of `s`, before any check (the same object when nothing changes). */
function build(s: ProcessScenario, change: GroupChange): ProcessScenario {
  const g = s.groups ?? DEFAULT_GROUP;
  if ('op' in change) {
    const action = {
      type: ACTION[change.op],
      at: change.at,
      node: change.node,
      group: g.id,
      msg: freshId(s, PREFIX[change.op]),
    };
    return { ...withGroup(s, {}), actions: [...s.actions, action] };
  }
  if ('closed' in change) return g.closed === change.closed ? s : withGroup(s, { closed: change.closed });
  if ('structure' in change) {
    if (g.structure === change.structure) return s;
    if (change.structure === 'peer') {
      const { root: _root, ...rest } = g;
      return { ...s, groups: { ...rest, structure: 'peer', subgroups: [] } };
    }
    return withGroup(s, {
      structure: 'hierarchical',
      ...hierarchyFor(s.processes, g.members ?? s.processes),
    });
  }
  if (g.management === change.management) return s;
  const { manager: _manager, ...rest } = g;
  const manager = (g.members ?? s.processes)[0] ?? s.processes[0] ?? '';
  return {
    ...s,
    groups:
      change.management === 'distributed'
        ? { ...rest, management: 'distributed' }
        : { ...rest, management: 'centralized', manager },
  };
}

/**
 * The edit for `store.edit`: the changed scenario, or the scenario itself (no edit) when the
 * schema would reject the change (`groupProblem` says why).
 */
export function groupEdit(change: GroupChange) {
  return (s: Scenario): Scenario => {
    if (s.lab !== 'process') return s;
    const next = build(s, change);
    return next !== s && validateScenario(next).ok ? next : s;
  };
}

/** Why `change` cannot be made to `s` (the schema's first complaint), or null if it can. */
export function groupProblem(s: Scenario, change: GroupChange): string | null {
  if (s.lab !== 'process') return null;
  const v = validateScenario(build(s, change));
  return v.ok ? null : (v.errors.map((e) => `${e.path}: ${e.message}`)[0] ?? null);
}

/**
 * Who is a member at a cursor, as the run says: for each process, the members of the last view
 * it had installed by then (its `view` events), else the group's first members.
 */
export function membersAt(s: Scenario, trace: Trace, cursor: number): Set<string> {
  if (s.lab !== 'process') return new Set();
  const initial = s.groups?.members ?? s.processes;
  const last = new Map<string, string[]>();
  for (const e of trace.events.slice(0, Math.max(0, cursor)))
    if (e.type === 'view' && Array.isArray(e.detail?.members))
      last.set(e.node, (e.detail.members as unknown[]).map(String));
  return new Set(s.processes.filter((p) => (last.get(p) ?? initial).includes(p)));
}

/** Who is a member at virtual time `time`: `membersAt` once every event up to that time has happened. */
export function membersAtTime(s: Scenario, trace: Trace, time: number): Set<string> {
  const shown = trace.events.findIndex((e) => e.time > time);
  return membersAt(s, trace, shown === -1 ? trace.events.length : shown);
}
