import type { MsgId, NodeId } from '../../sim/ids';
import type { Packet } from '../stack';

/**
 * The reliability layer sits under the ordering layer (ARCHITECTURE.md: application → ordering →
 * reliability → membership → network). Its header rides in `packet.h.rel` and is stripped before
 * a packet goes up, so the ordering layer sees what it sent.
 */

/** What acknowledges a channel's messages: exact sequence numbers, or everything up to one (cumulative). */
export interface AckInfo {
  /** The incarnation of the sender whose numbers these are (a restarted sender numbers afresh). */
  inc: number;
  seqs?: number[];
  upTo?: number;
}

export interface RelHeader {
  /** Checksum of the contents (faults/checksum.ts). */
  sum?: string;
  /** The sender's incarnation. */
  inc?: number;
  /** Per-destination channel sequence numbers: each receiver reads its own. */
  seq?: Record<string, number>;
  /** ACKs for messages of the named original senders: on an ACK, or piggybacked on a message. */
  ack?: Record<string, AckInfo>;
  /** A negative ACK: the receiver asks again for these numbers. */
  nack?: { inc: number; seqs: number[] };
  /** Atomic multicast (example 1): the unique id of the message an ACK, `go` or `done` is about. */
  atomic?: { id: string };
}

export const relOf = (p: Packet): RelHeader | undefined => p.h.rel as RelHeader | undefined;

export function withRel(p: Packet, rel: RelHeader): Packet {
  return { ...p, h: { ...p.h, rel } };
}

/** The packet as the layer above sent it. */
export function stripRel(p: Packet): Packet {
  if (!('rel' in p.h)) return p;
  const { rel: _rel, ...h } = p.h;
  return { ...p, h };
}

export interface TransportConfig {
  self: NodeId;
  /** `unreliable`: best effort. `reliable`: ACKs (or NACKs) and retransmission. */
  mode: 'unreliable' | 'reliable';
  timeout: number;
  tries: number;
  window: number;
  cumulative: boolean;
  ackDelay: number;
  piggyback: boolean;
  nack: boolean;
  /** Tell the layer above when every destination ACKed a message or when it gave up (virtual synchrony). */
  notify: boolean;
}

export interface AtomicConfig {
  self: NodeId;
  timeout: number;
}

/**
 * A status the transport passes up when `notify` is on: `acked` (every destination ACKed the
 * packet `msg`) or `giveup` (the members in `to` never did).
 */
export interface StatusHeader {
  status: 'acked' | 'giveup';
  of: string;
  to: NodeId[];
}

export const STATUS_KIND = 'status';

/** The part of a reliability layer's state the process panel shows. */
export interface ReliabilityView {
  scheme: 'unreliable' | 'reliable' | 'atomic';
  /** Messages awaiting ACKs (or, with NACKs, kept for retransmission): the retransmission buffer. */
  buffered: number;
  /** Their ids, oldest first. */
  buffer: MsgId[];
  /** Messages waiting for a slot in the pipelining window */
  queued: MsgId[];
  /** Per buffered message, the members whose ACK (atomic after "go": whose reply) has not come. */
  pending: { msg: MsgId; waiting: NodeId[] }[];
  /** Atomic multicast: the persistent log. */
  log?: LogEntry[];
  /** Atomic multicast: messages logged and acknowledged but held from the application until "go". */
  held?: MsgId[];
}

/**
 * One line of atomic multicast's persistent log (lecture, "Achieving atomicity – example 1"):
 * the sender logs the message and each ACK, then "go"; a receiver logs the message, then "go".
 */
export type LogEntry =
  | {
      t: 'msg';
      id: string;
      msg: MsgId;
      from: NodeId;
      role: 'sender' | 'receiver';
      to?: NodeId[];
      packet: Packet;
    }
  | { t: 'ack'; id: string; by: NodeId }
  | { t: 'go'; id: string }
  | { t: 'done'; id: string; by: NodeId };
