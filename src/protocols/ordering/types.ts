import type { MsgId, NodeId } from '../../sim/ids';

/** What every ordering layer is started with. */
export interface OrderingInput {
  self: NodeId;
  /** The group's members (the sender is one of them). */
  group: readonly NodeId[];
  /** Total ordering: the sequencer's id. */
  sequencer?: NodeId;
  /** Global-time ordering: this process's physical clock. */
  clock?: { offset: number; drift: number };
}

/** A message waiting in the hold-back queue, and why (shown in the process panel). */
export interface HeldBack {
  msg: MsgId;
  from: NodeId;
  /** The headers it arrived with (vector timestamp, sequence number, …). */
  h: Record<string, unknown>;
  /** Machine-readable reason; views render it in the chosen language. */
  reason: WaitReason;
}

/**
 * Why a message waits. Views turn these into sentences ("needs P0's message 1 first").
 * - `seq`: the next message in sequence from `sender` has not been delivered: needs number `need`.
 * - `causal`: a message it causally depends on (from `sender`, number `need`) is missing.
 * - `order`: total ordering: the sequencer's number is unknown, or number `need` comes first.
 * - `sync`: a sync is in progress; `need` more pre-sync messages must be delivered.
 * - `time`: global time: waits until the clock passes its timestamp plus the assumed maximum delay.
 */
export type WaitReason =
  | { kind: 'seq'; sender: NodeId; need: number }
  | { kind: 'causal'; sender: NodeId; need: number }
  | { kind: 'order'; need: number | null }
  | { kind: 'sync'; need: number }
  | { kind: 'time'; until: number };

/** The part of every ordering layer's state the process panel shows. */
export interface OrderingView {
  holdback: HeldBack[];
  /** Delivered message ids in delivery order: the delivery queue the process reads. */
  delivered: MsgId[];
  /** Causal: the precedence vector; FIFO: the last number delivered from each sender. */
  vector?: Record<string, number>;
}
