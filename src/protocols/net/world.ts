import type { Effects } from '../../sim/engine';
import { msgId, nodeId } from '../../sim/ids';
import type { Random } from '../../sim/random';
import { formatIpv4 } from '../address/ipv4';
import type { Mac } from '../address/mac';
import type { IgmpTicks } from '../igmp/timers';
import type { PimConfig } from '../pim/config';
import type { PimMessage } from '../pim/messages';
import type { Anycast, Routing } from './routing';
import type { Net } from './topology';
import { type SourceTree, sourceTree } from './tree';
import type { Mode } from './vocabulary';

/**
 * What every node of one network run shares: the network, its routing (converged), the groups,
 * the IGMP timers (null when IGMP is off) and the run's seeded random generator.
 */

export interface GroupDef {
  id: string;
  address: number;
  /** Members from the start (IGMP off), or hosts that join at time 0 (IGMP on). */
  members: readonly string[];
  coordinator?: string;
  subgroups?: readonly { coordinator: string; members: readonly string[] }[];
}

export interface World {
  net: Net;
  routing: Routing;
  groups: readonly GroupDef[];
  groupByAddr: Map<number, GroupDef>;
  groupById: Map<string, GroupDef>;
  anycast: readonly Anycast[];
  anycastByAddr: Map<number, Anycast>;
  igmp: IgmpTicks | null;
  /** PIM dense or sparse mode on every router (null: routers forward along the converged source tree). */
  pim: PimConfig | null;
  rnd: Random;
  /** TTL of data packets. */
  ttl: number;
  /** The tree a multicast from `source` to `group` follows (memoised). */
  tree(source: string, group: number): SourceTree;
  /** A group's name for the trace: its scenario id, or its address. */
  groupLabel(addr: number): string;
}

export function makeWorld(o: {
  net: Net;
  routing: Routing;
  groups: readonly GroupDef[];
  anycast: readonly Anycast[];
  igmp: IgmpTicks | null;
  pim?: PimConfig | null;
  rnd: Random;
  ttl?: number;
}): World {
  const groupByAddr = new Map(o.groups.map((g) => [g.address, g]));
  const trees = new Map<string, SourceTree>();
  const world: World = {
    ...o,
    pim: o.pim ?? null,
    groupByAddr,
    groupById: new Map(o.groups.map((g) => [g.id, g])),
    anycastByAddr: new Map(o.anycast.map((a) => [a.address, a])),
    ttl: o.ttl ?? 32,
    tree(source, group) {
      const key = `${source}\u0000${group}`;
      const memo = trees.get(key);
      if (memo) return memo;
      // With IGMP the members are not known in advance: the tree reaches every host, and each
      // last-hop router forwards onto its LAN only while IGMP says members are present.
      const receivers = o.igmp ? [...o.net.hosts.keys()] : (groupByAddr.get(group)?.members ?? []);
      const t = sourceTree(o.routing, source, receivers);
      trees.set(key, t);
      return t;
    },
    groupLabel: (addr) => groupByAddr.get(addr)?.id ?? formatIpv4(addr),
  };
  return world;
}

/** The IP packet a copy carries. Plain JSON, as the engine requires of payloads. */
export interface IpPacket {
  /** The message id, shared by every copy of this packet and of its relays. */
  id: string;
  /** The node that first sent it. */
  origin: string;
  src: number;
  dst: number;
  ttl: number;
  proto: 'data' | 'igmp' | 'pim';
  mode?: Mode;
  /** Broadcast with software filtering: the group id, an auxiliary address not in the IP header. */
  gid?: string;
  /** Coordinator and hierarchy: which leg of the relay this is. */
  stage?: 'to-root' | 'to-sub' | 'to-member';
  /** An IGMP message's bytes. */
  igmp?: number[];
  /** A PIM message (RFC 7761 §4.9, RFC 3973 §4.7). */
  pim?: PimMessage;
}

/** What travels on a link: the packet, in an Ethernet frame when on a LAN. */
export interface Wire {
  l2: { src: Mac; dst: Mac } | null;
  packet: IpPacket;
}

export type SendRole = 'originate' | 'forward' | 'relay' | 'medium';

/** Put one packet on one link or LAN (`on`), to the node at its other end. */
export function transmit(
  fx: Effects,
  o: {
    to: string;
    on: string;
    role: SendRole;
    packet: IpPacket;
    l2: Wire['l2'];
    kind: string;
    label: string;
    detail?: Record<string, unknown>;
  },
): void {
  const wire: Wire = { l2: o.l2, packet: o.packet };
  fx.send({
    to: [nodeId(o.to)],
    msg: msgId(o.packet.id),
    kind: o.kind,
    from: nodeId(o.packet.origin),
    payload: wire,
    label: o.label,
    detail: {
      role: o.role,
      on: o.on,
      dst: formatIpv4(o.packet.dst),
      ...(o.l2 ? { dstMac: o.l2.dst } : {}),
      ttl: o.packet.ttl,
      ...(o.packet.mode ? { mode: o.packet.mode } : {}),
      ...o.detail,
    },
  });
}
