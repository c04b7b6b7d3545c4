import { EventQueue } from '../../sim/queue';
import { type Cidr, formatCidr, formatIpv4, inSubnet } from '../address/ipv4';
import type { Net, NodeKind } from './topology';

/**
 * Unicast routing by shortest paths, as a converged link-state protocol would compute it:
 * Dijkstra on link costs over a graph whose vertices are hosts, routers and LANs (a LAN is a
 * multi-access vertex; hosts never forward, so a path passes through routers and LANs only).
 *
 * Tie-breaking, deterministic: from any vertex, the next vertex on the way to a destination is
 * the neighbour with the lowest id among those on a shortest path. Because every vertex uses the
 * same order for every destination, the paths from one source never part and meet again: their
 * union is a tree, which the multicast tree (tree.ts) relies on.
 */

export interface Route {
  /** What the route leads to: a LAN, a point-to-point link's subnet, or an anycast address. */
  dest: string;
  kind: 'lan' | 'link' | 'anycast';
  prefix: string;
  net: Cidr;
  /** The neighbouring router to hand the packet to; null when the destination is directly attached. */
  nextHop: string | null;
  nextHopIp: string | null;
  /** The outgoing interface, named by its link. */
  iface: string;
  cost: number;
  /** Anycast: the replica this router's packets go to (the nearest one). */
  replica?: string;
}

export interface Anycast {
  id: string;
  address: number;
  replicas: readonly string[];
}

const transit = (k: NodeKind | undefined) => k === 'router' || k === 'lan';

export class Routing {
  private readonly dist = new Map<string, Map<string, number>>();
  private readonly tables = new Map<string, Route[]>();

  constructor(
    readonly net: Net,
    readonly anycast: readonly Anycast[] = [],
  ) {}

  /** Shortest distances from `origin` (a host may start a path but never forwards one). */
  distances(origin: string): Map<string, number> {
    const memo = this.dist.get(origin);
    if (memo) return memo;
    const d = new Map<string, number>([[origin, 0]]);
    const done = new Set<string>();
    // Open vertices in a binary heap keyed by distance (the engine's queue, used as a priority
    // queue): a linear scan for the nearest one made a 200-router network's tables take ~0.5 s.
    // A vertex is queued again when its distance improves; its first entry out is the shortest,
    // later ones are skipped. Shortest distances do not depend on the order ties are taken in.
    const open = new EventQueue<string>();
    open.push(0, origin);
    for (let top = open.pop(); top; top = open.pop()) {
      const { time: best, item: v } = top;
      if (done.has(v)) continue;
      done.add(v);
      if (v !== origin && !transit(this.net.kind.get(v))) continue;
      for (const { node, link } of this.net.adj.get(v) ?? []) {
        const nd = best + link.cost;
        if (nd < (d.get(node) ?? Number.POSITIVE_INFINITY)) {
          d.set(node, nd);
          open.push(nd, node);
        }
      }
    }
    this.dist.set(origin, d);
    return d;
  }

  /** Distance between two vertices, Infinity when they are not connected. */
  distance(a: string, b: string): number {
    return this.distances(b).get(a) ?? Number.POSITIVE_INFINITY;
  }

  /** The next vertex after `from` on the shortest path to `dest` (lowest id among ties); null if none. */
  next(from: string, dest: string): string | null {
    if (from === dest) return null;
    const toDest = this.distances(dest);
    const total = toDest.get(from);
    if (total === undefined) return null;
    for (const { node, link } of this.net.adj.get(from) ?? []) {
      if (node !== dest && !transit(this.net.kind.get(node))) continue;
      const rest = toDest.get(node);
      if (rest !== undefined && link.cost + rest === total) return node;
    }
    return null;
  }

  /** The whole path from `from` to `dest`, both included; [] when unreachable. */
  path(from: string, dest: string): string[] {
    if (this.distance(from, dest) === Number.POSITIVE_INFINITY) return [];
    const out = [from];
    let v = from;
    while (v !== dest) {
      const n = this.next(v, dest);
      if (n === null) return [];
      out.push(n);
      v = n;
    }
    return out;
  }

  /**
   * Where a host or router sends a packet for `dest` (a vertex): the neighbour it goes to over
   * which link, and the station on the far side of a LAN to address the frame to (a router,
   * or the destination itself when it is on that LAN).
   */
  hop(from: string, dest: string): { link: string; via: string; frameTo: string | null } | null {
    const v1 = this.next(from, dest);
    if (v1 === null) return null;
    const link = this.net.linkBetween(from, v1)!.id;
    if (this.net.kind.get(v1) !== 'lan') return { link, via: v1, frameTo: null };
    if (v1 === dest) return { link, via: v1, frameTo: null };
    return { link, via: v1, frameTo: this.next(v1, dest) };
  }

  /** The nearest replica of an anycast address from `from` (lowest id among equally near). */
  nearestReplica(from: string, a: Anycast): string | null {
    let best: string | null = null;
    let bd = Number.POSITIVE_INFINITY;
    for (const r of [...a.replicas].sort()) {
      const d = this.distance(from, r);
      if (d < bd) {
        best = r;
        bd = d;
      }
    }
    return best;
  }

  /** A router's table: every reachable LAN and link subnet, and the anycast addresses. */
  table(router: string): Route[] {
    const memo = this.tables.get(router);
    if (memo) return memo;
    const out: Route[] = [];
    const toRoute = (
      dest: string,
      kind: Route['kind'],
      net: Cidr,
      target: string,
      extra = 0,
    ): Route | null => {
      const cost = this.distance(router, target);
      if (cost === Number.POSITIVE_INFINITY) return null;
      const h = this.hop(router, target);
      if (!h) return null;
      const direct = h.via === target && this.net.kind.get(target) === 'lan';
      const nh = direct ? null : (h.frameTo ?? h.via);
      const nhIface = nh
        ? this.net.routers.get(nh)?.ifaces.find((i) => i.link === this.linkToward(nh, h))
        : null;
      return {
        dest,
        kind,
        prefix: formatCidr(net),
        net,
        nextHop: nh,
        nextHopIp: nhIface ? formatIpv4(nhIface.ip) : null,
        iface: h.link,
        cost: cost + extra,
      };
    };
    for (const lan of [...this.net.lans.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      const r = toRoute(lan.id, 'lan', lan.net, lan.id);
      if (r) out.push(r);
    }
    for (const l of this.net.links.filter((x) => x.kind === 'p2p')) {
      if (l.a === router || l.b === router) {
        const net = l.net;
        out.push({
          dest: l.id,
          kind: 'link',
          prefix: formatCidr(net),
          net,
          nextHop: null,
          nextHopIp: null,
          iface: l.id,
          cost: l.cost,
        });
        continue;
      }
      // A link's subnet is reached through its nearer end, and then across the link.
      const da = this.distance(router, l.a);
      const db = this.distance(router, l.b);
      const r = toRoute(l.id, 'link', l.net, da < db || (da === db && l.a < l.b) ? l.a : l.b, l.cost);
      if (r) out.push(r);
    }
    for (const a of this.anycast) {
      const replica = this.nearestReplica(router, a);
      if (!replica) continue;
      const lan = this.net.hosts.get(replica)!.lan;
      const r = toRoute(a.id, 'anycast', { network: a.address, prefix: 32 }, lan);
      if (r) out.push({ ...r, replica, cost: r.cost + this.net.linkBetween(lan, replica)!.cost });
    }
    this.tables.set(router, out);
    return out;
  }

  /** Longest-prefix match in a router's table. */
  lookup(router: string, ip: number): Route | null {
    let best: Route | null = null;
    for (const r of this.table(router))
      if (inSubnet(ip, r.net) && (!best || r.net.prefix > best.net.prefix)) best = r;
    return best;
  }

  /** The link a next-hop router is reached over: the p2p link itself, or the LAN's attachment. */
  private linkToward(nh: string, h: { link: string; via: string }): string {
    return this.net.kind.get(h.via) === 'lan' ? this.net.linkBetween(h.via, nh)!.id : h.link;
  }
}
