import type { CopyId, MsgId, NodeId } from './ids';

/**
 * The trace: what `simulate(scenario)` returns and every view reads.
 * It is plain JSON (so the CLI prints it and Node and the browser can compare it byte for byte)
 * and holds enough per-step state to draw any step without re-running the simulation.
 */

/**
 * The lecture's words for what a receiver does with a message ("Sending, delivering, holding
 * back"), plus the network's and the engine's own events. Protocol families add their own types
 * (`ack`, `crash`, `view`, `prune`, …): the field is an open string.
 */
export type TraceType =
  | 'send'
  | 'receive'
  | 'holdback'
  | 'deliver'
  | 'discard'
  | 'lost'
  | 'ignored'
  | 'timer'
  | (string & {});

export interface TraceEvent {
  /** 0, 1, 2, … in order: the cursor is a step. */
  step: number;
  /** Integer virtual time. */
  time: number;
  type: TraceType;
  /** Where it happened. */
  node: NodeId;
  /** For message events: the message id and its original sender. */
  msg?: MsgId;
  from?: NodeId;
  /** For a send: the copies it put on the wire; for receive: the copy that arrived. */
  copy?: CopyId;
  /** Protocol message kind: `data`, `order`, `ack`, `go`, `query`, `join`, … */
  kind?: string;
  /** Event-specific facts a view shows: vector timestamps, sequence numbers, reasons. JSON only. */
  detail?: Record<string, unknown>;
}

/** One copy of a message on the wire, from send to arrival (or loss). */
export interface CopyRecord {
  id: CopyId;
  msg: MsgId;
  kind: string;
  /** The message's original sender. */
  from: NodeId;
  /** The node that put this copy on the wire (a sequencer or coordinator may forward). */
  src: NodeId;
  to: NodeId;
  sentAt: number;
  sentStep: number;
  /** When it arrives, or for a lost copy when the network dropped it (drawn as a cross). */
  arriveAt: number;
  /** The step at which it arrived or was lost; null if the run ended first. */
  arriveStep: number | null;
  /** Why the network lost it (`loss`, `dropped`, `partition`, …); null if it arrived. */
  lost: string | null;
  /** Headers a view shows on the arrow: vector timestamp, sequence number, … */
  label?: string;
}

/** The state of one node after a step that touched it. */
export interface StateRecord {
  step: number;
  node: NodeId;
  state: unknown;
}

export interface Trace {
  format: 1;
  nodes: NodeId[];
  events: TraceEvent[];
  copies: CopyRecord[];
  states: StateRecord[];
  /** Each node's state before step 0. */
  initial: Record<string, unknown>;
  endTime: number;
  /** True when the run hit the scenario's event limit before the queue emptied. */
  truncated: boolean;
}
