import type { NodeId } from '../sim/ids';
import type { Trace } from '../sim/trace';
import { facts, type GroupOptions, installed, required, viewOf, violation } from './reliability';
import type { CheckResult } from './types';

/**
 * Atomicity (lecture, "Atomic multicast": "a message sent to a group arrives at all group
 * members; if it fails to arrive at any member, no member will process it"): for each message,
 * either no recipient delivers it, or every correct member of the view in which it was multicast
 * does (views.ts; but those the group removed next: see reliability.ts). A recipient that
 * delivered and then crashed still counts as having processed it (that is what makes atomicity
 * stronger than reliable delivery). The sender's own delivery, which the ordering layers make at
 * once, is not a recipient's: the sender is not counted.
 *
 * Rule `not-all`: `other`, a member of the view `first` was multicast in, delivered it at `step`;
 * correct member `node` of that view never delivered it.
 */
export function checkAtomicity(trace: Trace, opts: GroupOptions = {}): CheckResult {
  const f = facts(trace, opts);
  const delivered = new Set(f.deliveries.map((d) => `${d.node}\u0000${d.msg}`));
  const done = new Set<string>();
  let any = false;
  for (const d of f.deliveries) {
    const sender = f.origins.get(d.msg)?.from ?? d.from;
    if (d.own || d.node === sender || done.has(d.msg)) continue;
    const v = viewOf(f, d.msg);
    if (!v?.members.includes(d.node) || !installed(f, d.node, v.id)) continue;
    done.add(d.msg);
    any = true;
    for (const q of v.members as NodeId[]) {
      if (q === sender || !required(f, q, v, d.node)) continue;
      if (!delivered.has(`${q}\u0000${d.msg}`))
        return {
          guarantee: 'atomic',
          holds: false,
          violation: violation('atomic', 'not-all', q, d.msg, d.step, d.node),
        };
    }
  }
  return { guarantee: 'atomic', holds: true, ...(any ? {} : { vacuous: true }) };
}
