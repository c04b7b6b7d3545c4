import type { AssertWinner } from './dense-machines';

/**
 * A PIM router's state as plain JSON: what the router's machines are in, per entry and
 * interface, and what the olist rules (olist.ts) read. The router keeps it current as its
 * machines move and records it in the trace after every step, so views and checks read the
 * same thing the router decided with.
 */

export type PimMode = 'dense' | 'sparse';

export interface IfaceState {
  /** The interface, named by its link. */
  link: string;
  /** The vertex at the other end: a LAN or a router. */
  peer: string;
  lan: boolean;
  /** PIM neighbours on it (known from the topology: routers on the LAN, or the router at the other end). */
  neighbours: string[];
  /** This router's address on it. */
  ip: string;
  /** Sparse mode: this router is the LAN's designated router (RFC 7761 §4.3.2). */
  dr: boolean;
}

export interface EntryState {
  /** A source host's id, or `*` for a (*,G) entry. */
  source: string;
  /** The group's address (number) and its name. */
  group: number;
  groupLabel: string;
  /** Upstream machine: Forwarding/Pruned/AckPending (dense) or NotJoined/Joined (sparse). */
  up: string;
  /** Per interface: the downstream machine's state; an interface not listed is NoInfo. */
  down: Record<string, string>;
  /** Dense: the Assert machine per interface and the winner each Loser remembers. */
  assert: Record<string, string>;
  winners: Record<string, AssertWinner>;
  /** Dense: the State Refresh originator (first-hop router only). */
  originator?: string;
  /** Dense: the Assert winner heard on the RPF interface, which becomes RPF'(S) (RFC 3973 §4.1.3). */
  rpfWinner?: AssertWinner | null;
  /** Sparse (S,G): the (S,G,rpt) downstream machine per interface and the (S,G,rpt) upstream machine. */
  rptDown: Record<string, string>;
  rptUp?: string;
  /** Sparse (S,G): SPTbit (RFC 7761 §4.1.3) and whether the Keepalive Timer runs. */
  spt?: boolean;
  kat?: boolean;
  /** Sparse (S,G) at the source's DR: the Register machine. */
  register?: string;
  /** Sparse (S,G): data packets that came down the RP tree (for an SPT switch threshold). */
  rptPackets?: number;
}

export interface RpfState {
  iface: string | null;
  neighbour: string | null;
  metric: number;
  directlyConnected: boolean;
  self: boolean;
}

export interface PimState {
  mode: PimMode;
  router: string;
  /** Sparse: the RP's router id. */
  rp: string | null;
  ifaces: IfaceState[];
  /** Local members (IGMP or static) per group address: the LAN interfaces that want it. */
  members: Record<string, string[]>;
  entries: EntryState[];
  /** RPF toward every source and the RP this router has state for, keyed by target. */
  rpf: Record<string, RpfState>;
  /** Running timers: `NAME|entry|iface` → the time it fires. */
  timers: Record<string, number>;
}

export const entryKey = (source: string, group: number) => `${source}|${group}`;
