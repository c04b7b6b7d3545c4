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
  /** Global-time ordering: the delay a message is assumed never to exceed (the network's maximum latency). */
  maxDelay?: number;
}

/** A message waiting in the hold-back queue, and why (shown in the process panel). */
export interface HeldBack {
  msg: MsgId;
  from: NodeId;
  /** The headers it arrived with (vector timestamp, sequence number, …). */
  h: Record<string, unknown>;
  /** Machine-readable reason; views render it in the chosen language. */
  reason: WaitReason;
  /** The packet kind when it is not `data` (a `sync` message waits in the queue too). */
  kind?: string;
}

/**
 * Why a message waits. Views turn these into sentences ("needs P0's message 1 first").
 * - `seq`: the next message in sequence from `sender` has not been delivered: needs number `need`.
 * - `causal`: a message it causally depends on (from `sender`, number `need`) is missing.
 * - `order`: total ordering: the sequencer's number is unknown (`need` null), or number `need` comes first.
 * - `sync`: a sync is in progress: `need` more pre-sync messages must be delivered, and the members in
 *   `missing` have not yet said how many they sent before it; `epoch` is the number of the
 *   unfinished sync period (0 before the first sync).
 * - `time`: global time: waits until the local clock reads `until` (its timestamp plus the assumed maximum delay).
 */
export type WaitReason =
  | { kind: 'seq'; sender: NodeId; need: number }
  | { kind: 'causal'; sender: NodeId; need: number }
  | { kind: 'order'; need: number | null }
  | { kind: 'sync'; need: number; epoch?: number; missing?: NodeId[] }
  | { kind: 'time'; until: number };

/** The part of every ordering layer's state the process panel shows. */
export interface OrderingView {
  holdback: HeldBack[];
  /** Delivered message ids in delivery order: the delivery queue the process reads. */
  delivered: MsgId[];
  /** Causal: the precedence vector; FIFO: the last number delivered from each sender. */
  vector?: Record<string, number>;
  /** Total: the next sequence number this member delivers, or (the sequencer) hands out. */
  nextId?: number;
  /** Total: sequence numbers this member has learnt for messages it has not delivered yet. */
  orders?: { id: number; msg: MsgId }[];
  /** Sync: how many syncs this process has passed (its messages carry this number). */
  epoch?: number;
  /** Sync: how many sync periods are complete here (everything sent in them delivered). */
  completeEpochs?: number;
  /** Global time: the local physical clock's reading at this step. */
  clock?: number;
  /** Total: `sequencer` for the process that hands out the numbers. */
  role?: 'member' | 'sequencer' | 'member+sequencer';
}
