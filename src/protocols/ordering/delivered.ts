import type { MsgId } from '../../sim/ids';

/**
 * The delivery queue a process's application reads (lecture: "Sending, delivering, holding
 * back"). It only ever grows, and the trace keeps a snapshot of it after every step, so copying
 * it on each delivery would cost O(n²) time and memory over a run. Instead successive states
 * share one append-only log and each remembers its own length: appending is O(1), and a state
 * still shows exactly the messages delivered up to it.
 */
export interface DeliveryQueue {
  readonly log: MsgId[];
  /** Where each message sits in `log`. */
  readonly at: Map<MsgId, number>;
  /** How much of `log` this state has delivered. */
  readonly length: number;
}

export const emptyQueue = (): DeliveryQueue => ({ log: [], at: new Map(), length: 0 });

export function append(q: DeliveryQueue, msg: MsgId): DeliveryQueue {
  let { log, at } = q;
  // Appending to an older state than the latest (never in a forward run) copies, so states never share a wrong future.
  if (log.length !== q.length) {
    log = log.slice(0, q.length);
    at = new Map(log.map((m, i) => [m, i]));
  }
  at.set(msg, log.length);
  log.push(msg);
  return { log, at, length: q.length + 1 };
}

/** Has this state delivered `msg`? */
export function hasDelivered(q: DeliveryQueue, msg: MsgId): boolean {
  const i = q.at.get(msg);
  return i !== undefined && i < q.length;
}

export const toArray = (q: DeliveryQueue): MsgId[] => q.log.slice(0, q.length);

/**
 * Give a view its `delivered` list, computed when it is read (by a panel, or JSON.stringify of
 * the trace) rather than copied into every step's snapshot.
 */
export function withDelivered<V extends object>(view: V, q: DeliveryQueue): V & { delivered: MsgId[] } {
  return Object.defineProperty(view, 'delivered', { enumerable: true, get: () => toArray(q) }) as V & {
    delivered: MsgId[];
  };
}
