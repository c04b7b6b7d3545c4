import type { MsgId, NodeId } from '../../sim/ids';
import type { Packet } from '../stack';

/** A group view (lecture: "Groups are dynamic"): its number and its members, in group order. */
export interface View {
  id: number;
  members: NodeId[];
}

export interface MembershipConfig {
  self: NodeId;
  /** The group's name (`G`). */
  group: string;
  /** Every process of the scenario; other nodes (a sequencer) are the group's machinery. */
  processes: NodeId[];
  /** Members at time 0. */
  initial: NodeId[];
  /** Closed: only members may send to the group (lecture, "Design issues"). */
  closed: boolean;
  structure: 'peer' | 'hierarchical';
  /** Hierarchical: the root coordinator, and the subgroup coordinators with the members they serve. */
  root: NodeId;
  subgroups: { coordinator: NodeId; members: NodeId[] }[];
  management: 'centralized' | 'distributed';
  /** Centralized: the membership manager. */
  manager: NodeId;
  /** Virtual synchrony (atomicity, example 2): hold messages until stable, survivors forward. */
  vsync: boolean;
  /** Vsync: ticks a member waits for "stable" before suspecting the sender. */
  stableTimeout: number;
  /** Ticks a view change waits for flush answers and in-flight messages before going on without them. */
  flushTimeout: number;
}

/** The membership header, in `packet.h.grp`. */
export interface GrpHeader {
  /** The view the sender was in. */
  vid: number;
  /** Sent by a process outside the group (an open group accepts it, a closed one refuses it). */
  ext?: true;
  /** Hierarchical forwarding: `root` asks the root coordinator to forward, `sub` a subgroup coordinator. */
  route?: 'root' | 'sub';
  /** Forwarded by a survivor during a view change (virtual synchrony): not counted again. */
  fwd?: true;
}

/** A membership change someone asked for: join, leave, or the removal of a suspected member. */
export interface Request {
  op: 'join' | 'leave' | 'exclude';
  node: NodeId;
  /** The request message's id. */
  id: MsgId;
}

/** A participant's answer to a flush: what it knows and what it sent and holds in the old view. */
export interface FlushOk {
  from: NodeId;
  vid: number;
  requests: Request[];
  /** Group messages it sent in the old view, per destination (ids, so a receiver can name what it still waits for). */
  sent: Record<string, MsgId[]>;
  /** Virtual synchrony: ids of messages it holds that are not yet stable. */
  held: MsgId[];
}

/** The outcome of a view change, the same at every participant. */
export interface Decision {
  view: View;
  /** Old members that took part (not removed). */
  participants: NodeId[];
  requests: Request[];
  sent: Record<string, Record<string, MsgId[]>>;
  /** Virtual synchrony: every unstable message some participant holds, and who holds it. */
  union: { msg: MsgId; holders: NodeId[] }[];
}

/** A message held by virtual synchrony until it is stable or the view changes. */
export interface Held {
  packet: Packet;
  src: NodeId;
}

/** The part of the membership layer's state the process panel shows. */
export interface MembershipView {
  group: string;
  view: View;
  member: boolean;
  /** A view change is under way here (sends wait). */
  flushing: boolean;
  requests: Request[];
  queued: MsgId[];
  held: MsgId[];
}
