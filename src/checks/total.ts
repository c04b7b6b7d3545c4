import type { MsgId, NodeId } from '../sim/ids';
import { history } from './history';
import type { Checker, Violation } from './types';

/**
 * Total ordering (lecture: "Total ordering", rule 2): "if a process delivers m' before m'' then
 * every other process will have delivered m' before m''". For every pair of processes q, r and
 * every m'' both delivered: each m' that q delivered before m'' must come before m'' at r too.
 * The violation reported is the one that became visible first (its `step` is the later of the
 * two deliveries of m''). Rule 1 of the lecture's definition is FIFO: see `checkFifo`.
 * With group views, r is asked to have delivered m' only if r owes m' (views.ts): a joiner is
 * not faulted for missing what was multicast before it joined.
 */
interface Deliveries {
  msgs: MsgId[];
  pos: Map<MsgId, number>;
  step: Map<MsgId, number>;
}

export const checkTotal: Checker = (trace) => {
  const h = history(trace);
  /** Each node's deliveries in order (first delivery of each message only), and their positions. */
  const order = new Map<NodeId, Deliveries>();
  for (const d of h.deliveries) {
    const o: Deliveries = order.get(d.node) ?? { msgs: [], pos: new Map(), step: new Map() };
    order.set(d.node, o);
    if (o.pos.has(d.msg)) continue;
    o.pos.set(d.msg, o.msgs.length);
    o.step.set(d.msg, d.step);
    o.msgs.push(d.msg);
  }
  const lists = [...order.entries()];
  if (lists.length < 2 || lists.every(([, o]) => o.msgs.length < 2))
    return { guarantee: 'total', holds: true, vacuous: true };

  let best: Violation | undefined;
  const index = new Map(h.nodes.map((n, i) => [n, i]));
  for (const [qn, q] of lists)
    for (const [rn, r] of lists) {
      if (qn === rn) continue;
      const ri = index.get(rn)!;
      /** The first message in q's order so far that r never delivered. */
      let missing: MsgId | undefined;
      /** Of q's messages so far, the one r delivered last, and where. */
      let latest: MsgId | undefined;
      let latestPos = -1;
      for (const b of q.msgs) {
        const pb = r.pos.get(b);
        if (pb === undefined) {
          if (h.owes(ri, b)) missing ??= b;
          continue;
        }
        const first = missing ?? (latestPos > pb ? latest : undefined);
        if (first !== undefined) {
          const step = Math.max(q.step.get(b)!, r.step.get(b)!);
          if (!best || step < best.step)
            best = {
              guarantee: 'total',
              node: rn,
              first,
              second: b,
              step,
              rule: missing !== undefined ? 'missing-earlier' : 'order-differs',
              other: qn,
            };
        }
        if (pb > latestPos) {
          latestPos = pb;
          latest = b;
        }
      }
    }
  return best ? { guarantee: 'total', holds: false, violation: best } : { guarantee: 'total', holds: true };
};
