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
  /**
   * Where each message sits in `log`, shared like the log; filled only as far as a
   * `hasDelivered` question needs (an ordering that never asks, causal, never pays for it).
   */
  readonly at: LogIndex;
  /** How much of `log` this state has delivered. */
  readonly length: number;
}

/** A message's position in a shared log, for the first `indexed` entries of it. */
interface LogIndex {
  readonly pos: Map<MsgId, number>;
  indexed: number;
}

export const emptyQueue = (): DeliveryQueue => ({ log: [], at: { pos: new Map(), indexed: 0 }, length: 0 });

export function append(q: DeliveryQueue, msg: MsgId): DeliveryQueue {
  let { log, at } = q;
  // Appending to an older state than the latest (never in a forward run) copies, so states never share a wrong future.
  if (log.length !== q.length) {
    log = log.slice(0, q.length);
    at = { pos: new Map(), indexed: 0 };
  }
  log.push(msg);
  return { log, at, length: q.length + 1 };
}

/** Has this state delivered `msg`? */
export function hasDelivered(q: DeliveryQueue, msg: MsgId): boolean {
  const { log, at } = q;
  // The log only grows (`append` copies it otherwise), so the index extends and never goes stale.
  // A message in the log twice keeps its last position, as when the index was kept on each append.
  for (; at.indexed < log.length; at.indexed++) at.pos.set(log[at.indexed]!, at.indexed);
  const i = at.pos.get(msg);
  return i !== undefined && i < q.length;
}

export const toArray = (q: DeliveryQueue): MsgId[] => q.log.slice(0, q.length);

/** Where a view keeps its queue: a symbol, and not enumerable, so neither JSON nor an equality test sees it. */
const QUEUE = Symbol('delivery queue');

/** One getter shared by every view: a fresh closure per view would give each its own hidden class. */
function deliveredOf(this: { [QUEUE]: DeliveryQueue }): MsgId[] {
  return toArray(this[QUEUE]);
}

const QUEUE_SLOT = {
  value: undefined as DeliveryQueue | undefined,
  writable: false,
  enumerable: false,
  configurable: false,
};
const DELIVERED = { get: deliveredOf, enumerable: true, configurable: false };

/**
 * Give a view its `delivered` list, computed when it is read (by a panel, or JSON.stringify of
 * the trace) rather than copied into every step's snapshot.
 */
export function withDelivered<V extends object>(view: V, q: DeliveryQueue): V & { delivered: MsgId[] } {
  QUEUE_SLOT.value = q;
  Object.defineProperty(view, QUEUE, QUEUE_SLOT);
  QUEUE_SLOT.value = undefined;
  return Object.defineProperty(view, 'delivered', DELIVERED) as V & { delivered: MsgId[] };
}
