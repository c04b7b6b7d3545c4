import { DeliveredPrefix, history, type Multicast } from './history';
import type { Checker, Violation } from './types';

/**
 * Sync ordering (lecture: "Sync ordering": all pending messages are delivered before any
 * post-sync message is accepted). For each sync message y: "sent before y" is every multicast
 * whose send happens before y's send, "after y" every multicast whose send y's send happens
 * before. No process may deliver one sent after y until it has delivered everything sent before.
 * Concurrent multicasts are neither, so no protocol is asked to know the unknowable.
 */
export const checkSync: Checker = (trace) => {
  const h = history(trace);
  const syncs = [...h.multicasts.values()].filter((m) => m.kind === 'sync');
  const done = new DeliveredPrefix(h);
  let constrained = false;
  for (const d of h.deliveries) {
    const m = d.mc;
    if (!m) continue;
    for (const y of syncs) {
      if (y === m || m.before[y.s]! < y.no) continue;
      let missing: Multicast | undefined;
      for (let p = 0; p < h.nodes.length; p++) {
        const need = y.before[p]! - (p === y.s ? 1 : 0);
        if (need > 0) constrained = true;
        if (done.get(d.q, p) < need) {
          const first = done.firstMissing(d.q, p);
          if (!missing || first.step < missing.step) missing = first;
        }
      }
      if (missing) {
        const violation: Violation = {
          guarantee: 'sync',
          node: d.node,
          first: missing.msg,
          second: m.msg,
          step: d.step,
          rule: 'sync-barrier',
          sync: y.msg,
        };
        return { guarantee: 'sync', holds: false, violation };
      }
    }
    done.mark(d.q, m);
  }
  return constrained ? { guarantee: 'sync', holds: true } : { guarantee: 'sync', holds: true, vacuous: true };
};
