import { checkAll } from '../checks';
import { checkAtomicity } from '../checks/atomicity';
import { checkIntegrity } from '../checks/integrity';
import { checkReliableDelivery } from '../checks/reliability';
import type { CheckResult } from '../checks/types';
import { checkVirtualSynchrony } from '../checks/vsync';
import type { Scenario } from '../scenarios/schema';
import type { NodeId } from '../sim/ids';
import type { Trace } from '../sim/trace';

/** The checkers' verdicts on a trace, computed once per trace and shared by the diagram and the checks panel. */
const cache = new WeakMap<Trace, CheckResult[]>();
const groupCache = new WeakMap<Trace, CheckResult[]>();

/**
 * The ordering checkers, and with `group` (a scenario with a reliability setting, groups or
 * faults) the group checkers too: reliable delivery, atomicity, integrity, virtual synchrony.
 * `group.members` is the scenario's processes, so a sequencer's lane is not taken for a member.
 */
export function checksFor(trace: Trace, group?: { members: readonly string[] }): CheckResult[] {
  const c = group ? groupCache : cache;
  let r = c.get(trace);
  if (!r) {
    r = checkAll(trace);
    if (group) {
      const opts = { members: group.members as readonly NodeId[] };
      r = [
        ...r,
        checkReliableDelivery(trace, opts),
        checkAtomicity(trace, opts),
        checkIntegrity(trace, opts),
        checkVirtualSynchrony(trace, opts),
      ];
    }
    c.set(trace, r);
  }
  return r;
}

/** The group the group checkers judge, if the scenario has a reliability setting, groups or faults. */
export function groupMembers(s: Scenario): readonly string[] | null {
  if (s.lab !== 'process') return null;
  return s.reliability || s.groups || (s.faults?.length ?? 0) > 0 ? s.processes : null;
}

/**
 * The ordering guarantees a run under `ordering` promises (lecture, "Message ordering"): its own,
 * and FIFO under causal ordering (causal order contains each sender's order) and under total
 * ordering (rule 1 of the lecture's definition; the sequencer numbers each sender's messages in
 * the order they were sent). A violation of any other guarantee is the run showing how the
 * orderings differ, not a fault of the protocol.
 */
export function promisedBy(ordering: Exclude<Scenario, { lab: 'network' }>['ordering']): readonly string[] {
  if (ordering === 'causal' || ordering === 'total') return [ordering, 'fifo'];
  if (ordering === 'unordered' || ordering === 'globaltime') return [];
  return [ordering];
}
