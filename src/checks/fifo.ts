import { DeliveredPrefix, history } from './history';
import type { Checker } from './types';

/**
 * Single-source FIFO (lecture: "Single Source FIFO (SSF) ordering"): "if a process issues a
 * multicast of m followed by m', then every process that delivers m' will have already
 * delivered m."
 */
export const checkFifo: Checker = (trace) => {
  const h = history(trace);
  const done = new DeliveredPrefix(h);
  let constrained = false;
  for (const d of h.deliveries) {
    const m = d.mc;
    if (!m) continue;
    if (m.no > 1) {
      constrained = true;
      if (done.get(d.q, m.s) < m.no - 1)
        return {
          guarantee: 'fifo',
          holds: false,
          violation: {
            guarantee: 'fifo',
            node: d.node,
            first: done.firstMissing(d.q, m.s).msg,
            second: m.msg,
            step: d.step,
            rule: 'sender-order',
          },
        };
    }
    done.mark(d.q, m);
  }
  return constrained ? { guarantee: 'fifo', holds: true } : { guarantee: 'fifo', holds: true, vacuous: true };
};
