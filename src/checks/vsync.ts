import { type MsgId, msgId, type NodeId } from '../sim/ids';
import type { Trace } from '../sim/trace';
import { facts, type GroupOptions, violation } from './reliability';
import type { CheckResult } from './types';

/**
 * Virtual synchrony (lecture, "Achieving atomicity – example 2"; Coulouris 15.2.3): views are
 * the same wherever they are installed, and the processes that move from one view to the next
 * delivered the same set of messages in the first. A process's own messages count as delivered
 * in the view in which it put them on the wire (the ordering layers deliver them to the sender
 * at once, which may be before a view change under way lets them out).
 *
 * Rules: `view-mismatch` (`node` and `other` installed view `view` with different members);
 * `not-in-view` (`other` delivered `first` in view `view` and `node` did not, though both moved
 * from that view to the next; `step` is where `node` installed the next view).
 */
export interface VsyncViolation {
  view: number;
}

export function checkVirtualSynchrony(
  trace: Trace,
  opts: GroupOptions = {},
): CheckResult & { violation?: VsyncViolation } {
  const f = facts(trace, opts);
  const fail = (v: ReturnType<typeof violation>, view: number) => ({
    guarantee: 'vsync',
    holds: false,
    violation: { ...v, view },
  });
  const byId = new Map<number, { node: NodeId; members: string }>();
  for (const [node, list] of f.views)
    for (const v of list) {
      const members = [...v.members].sort().join(',');
      const prev = byId.get(v.id);
      if (!prev) byId.set(v.id, { node, members });
      else if (prev.members !== members)
        return fail(
          violation('vsync', 'view-mismatch', node, msgId(`view:${v.id}`), v.step, prev.node),
          v.id,
        );
    }
  // The set each process delivered in each view it left for the next one.
  const sets = new Map<string, { node: NodeId; set: Set<MsgId>; step: number }[]>();
  let moves = 0;
  for (const [node, list] of f.views) {
    for (let i = 0; i + 1 < list.length; i++) {
      const from = list[i]!;
      const to = list[i + 1]!;
      const set = new Set<MsgId>();
      for (const d of f.deliveries)
        if (d.node === node && !d.own && d.step > from.step && d.step < to.step) set.add(d.msg);
      for (const [msg, o] of f.sends)
        if (o.from === node && o.step > from.step && o.step < to.step) set.add(msg);
      const key = `${from.id}>${to.id}`;
      const group = sets.get(key) ?? [];
      group.push({ node, set, step: to.step });
      sets.set(key, group);
      moves++;
    }
  }
  for (const [key, group] of sets) {
    const view = Number(key.split('>')[0]);
    for (const a of group)
      for (const b of group)
        for (const m of a.set)
          if (!b.set.has(m)) return fail(violation('vsync', 'not-in-view', b.node, m, b.step, a.node), view);
  }
  return { guarantee: 'vsync', holds: true, ...(moves === 0 ? { vacuous: true } : {}) };
}
