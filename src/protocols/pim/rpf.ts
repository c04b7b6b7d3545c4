import { formatIpv4 } from '../address/ipv4';
import type { Routing } from '../net/routing';
import type { Net } from '../net/topology';

/**
 * Reverse path forwarding (lecture, "Flooding: Dense Mode Multicast": "Packet is duplicated &
 * forwarded ONLY IF it was received via the link that is the shortest path to the sender").
 *
 * RPF_interface(X) and RPF'(X) (RFC 3973 §4.1.3, RFC 7761 §4.1.6) come from the unicast routes:
 * the interface of the shortest path toward X and the neighbour on it (null when X, a source,
 * sits on that LAN: "directly connected"). Routing breaks ties by lowest id (routing.ts), so
 * there is always exactly one RPF neighbour; `ties` lists the equal-cost alternatives it did not
 * choose, so the lab can explain the choice.
 */
export interface Rpf {
  /** What the path leads to: a source host or the RP's router. */
  target: string;
  reachable: boolean;
  /** This router is the target (the RP itself): no RPF interface. */
  self: boolean;
  /** The RPF interface, named by its link; null when unreachable or self. */
  iface: string | null;
  /** The vertex at the other end of the RPF interface: a LAN or a router. */
  via: string | null;
  /** RPF neighbour: the upstream router; null when the target is directly connected (or self). */
  neighbour: string | null;
  neighbourIp: string | null;
  /** The route's metric (its cost; 0 for a directly connected source), which Asserts compare. */
  metric: number;
  /** The target is a host on the LAN of the RPF interface (RFC 7761 §4.1.6 DirectlyConnected). */
  directlyConnected: boolean;
  /** Other upstream choices with the same cost, not taken because their id is higher. */
  ties: { via: string; neighbour: string | null }[];
}

const isTransit = (net: Net, v: string) => net.kind.get(v) === 'router' || net.kind.get(v) === 'lan';

/** Upstream neighbours on a shortest path from `router` to `target`, as (via, neighbour) pairs. */
function candidates(
  net: Net,
  routing: Routing,
  router: string,
  target: string,
): { via: string; neighbour: string | null }[] {
  const d = routing.distance(router, target);
  const out: { via: string; neighbour: string | null }[] = [];
  for (const { node: v, link } of net.adj.get(router) ?? []) {
    if (v !== target && !isTransit(net, v)) continue;
    if (link.cost + routing.distance(v, target) !== d) continue;
    if (net.kind.get(v) !== 'lan') {
      out.push({ via: v, neighbour: v === target && net.kind.get(v) === 'host' ? null : v });
      continue;
    }
    const dl = routing.distance(v, target);
    for (const { node: w, link: l2 } of net.adj.get(v) ?? []) {
      if (w === router) continue;
      if (w === target) out.push({ via: v, neighbour: net.kind.get(w) === 'host' ? null : w });
      else if (net.kind.get(w) === 'router' && l2.cost + routing.distance(w, target) === dl)
        out.push({ via: v, neighbour: w });
    }
  }
  return out;
}

export function rpf(net: Net, routing: Routing, router: string, target: string): Rpf {
  const none: Rpf = {
    target,
    reachable: router === target,
    self: router === target,
    iface: null,
    via: null,
    neighbour: null,
    neighbourIp: null,
    metric: router === target ? 0 : Number.POSITIVE_INFINITY,
    directlyConnected: false,
    ties: [],
  };
  if (router === target) return none;
  // A source on one of this router's own LANs is directly connected (RFC 7761 §4.1.6), whatever the
  // link costs say: a connected subnet's route always wins over a learned one, so the RPF interface
  // is that LAN. Taking a longer learned path instead would let the data loop back onto the source's LAN.
  const hostLan = net.hosts.get(target)?.lan;
  const own = hostLan ? net.routers.get(router)?.ifaces.find((i) => i.peer === hostLan) : undefined;
  if (own)
    return {
      ...none,
      reachable: true,
      iface: own.link,
      via: hostLan!,
      metric: 0,
      directlyConnected: true,
    };
  const h = routing.hop(router, target);
  if (!h) return none;
  const isLan = net.kind.get(h.via) === 'lan';
  const neighbour = isLan
    ? h.frameTo === null || net.kind.get(h.frameTo) === 'host'
      ? null
      : h.frameTo
    : h.via;
  const directlyConnected = isLan && net.hosts.get(target)?.lan === h.via;
  const nIface = neighbour
    ? net.routers.get(neighbour)?.ifaces.find((i) => i.peer === (isLan ? h.via : router))
    : undefined;
  const chosen = { via: h.via, neighbour };
  return {
    target,
    reachable: true,
    self: false,
    iface: h.link,
    via: h.via,
    neighbour,
    neighbourIp: nIface ? formatIpv4(nIface.ip) : null,
    metric: routing.distance(router, target),
    directlyConnected,
    ties: candidates(net, routing, router, target).filter(
      (c) => c.via !== chosen.via || c.neighbour !== chosen.neighbour,
    ),
  };
}

/** A router's RPF table: one row per source or RP it may need (the view shows it beside the unicast table). */
export function rpfTable(net: Net, routing: Routing, router: string, targets: readonly string[]): Rpf[] {
  return targets.map((t) => rpf(net, routing, router, t));
}
