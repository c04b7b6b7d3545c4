import type { MsgId, NodeId } from '../sim/ids';
import type { Trace } from '../sim/trace';

/**
 * Checkers are pure functions of a trace. They compute happens-before from the trace's own sends
 * and deliveries, never from a protocol's vectors, so a buggy protocol cannot vouch for itself.
 * Used by the property tests and shown live in the UI.
 */
export type Guarantee = 'fifo' | 'causal' | 'total' | 'sync' | (string & {});

/**
 * The first violation found: at `node`, message `second` was delivered (at `step`) although
 * `first` should have come before it, for the reason `rule` names. `other` is a second process
 * involved (total order: the process that delivered the pair the other way round).
 */
export interface Violation {
  guarantee: Guarantee;
  node: NodeId;
  first: MsgId;
  second: MsgId;
  step: number;
  /** Machine-readable rule (one of `Rule`); views render the sentence in the chosen language. */
  rule: string;
  other?: NodeId;
  /** Sync: the sync message whose barrier was crossed. */
  sync?: MsgId;
}

/**
 * The rules a checker can report broken:
 * - `sender-order` (fifo): `first` was multicast by the same sender before `second`, and was not
 *   delivered at `node` before it.
 * - `happens-before` (causal): the multicast of `first` happens before that of `second`, and `first`
 *   was not delivered at `node` before it.
 * - `order-differs` (total): `other` delivered `first` before `second`; `node` delivered them the
 *   other way round. `missing-earlier` (total): `node` delivered `second` without ever delivering
 *   `first`, which `other` delivered before it.
 * - `sync-barrier` (sync): `first` was sent before the sync message `sync` and `second` after it, yet
 *   `node` delivered `second` without having delivered `first`.
 */
export type Rule = 'sender-order' | 'happens-before' | 'order-differs' | 'missing-earlier' | 'sync-barrier';

export interface CheckResult {
  guarantee: Guarantee;
  holds: boolean;
  violation?: Violation;
  /** Nothing in this run could have violated it (e.g. one message in all). */
  vacuous?: boolean;
}

export type Checker = (trace: Trace) => CheckResult;
