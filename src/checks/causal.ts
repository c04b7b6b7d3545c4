import { DeliveredPrefix, history, type Multicast } from './history';
import type { Checker } from './types';

/**
 * Causal ordering (lecture: "Causal ordering"): "if multicast(G, m) → multicast(G, m') then every
 * process that delivers m' will have delivered m", with → the happens-before of the trace itself.
 */
export const checkCausal: Checker = (trace) => {
  const h = history(trace);
  const done = new DeliveredPrefix(h);
  let constrained = false;
  for (const d of h.deliveries) {
    const m = d.mc;
    if (!m) continue;
    // Every multicast before m: for each node p, p's first `before[p]` multicasts (m itself excluded).
    let missing: Multicast | undefined;
    for (let p = 0; p < h.nodes.length; p++) {
      const need = m.before[p]! - (p === m.s ? 1 : 0);
      if (need > 0) constrained = true;
      if (done.get(d.q, p) < need) {
        const first = done.firstMissing(d.q, p);
        if (!missing || first.step < missing.step) missing = first;
      }
    }
    if (missing)
      return {
        guarantee: 'causal',
        holds: false,
        violation: {
          guarantee: 'causal',
          node: d.node,
          first: missing.msg,
          second: m.msg,
          step: d.step,
          rule: 'happens-before',
        },
      };
    done.mark(d.q, m);
  }
  return constrained
    ? { guarantee: 'causal', holds: true }
    : { guarantee: 'causal', holds: true, vacuous: true };
};
