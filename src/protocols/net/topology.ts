import {
  type Cidr,
  directedBroadcast,
  formatCidr,
  inSubnet,
  overlaps,
  parseCidr,
  parseIpv4,
} from '../address/ipv4';
import { type Mac, stationMac } from '../address/mac';
import { INTEL_82546EB, type NicConfig, type Promiscuous } from '../address/nic';

/**
 * The network a scenario draws: hosts on Ethernet LAN segments (multi-access), routers, and
 * links with a latency (ticks) and a routing cost. Every attachment is a link: host–LAN,
 * router–LAN, or router–router (point to point). Positions are for the layout only.
 *
 * These input types mirror the scenario schema (src/scenarios/network-schema.ts), which calls
 * `topologyProblems` so a bad topology is rejected with the field at fault.
 */

export interface LanInput {
  id: string;
  subnet: string;
  x: number;
  y: number;
}
export interface RouterInput {
  id: string;
  x: number;
  y: number;
  igmp?: 1 | 2;
}
export interface NicInput {
  exactEntries?: number;
  hashBits?: number;
  promiscuous?: Promiscuous;
}
export interface HostInput {
  id: string;
  x: number;
  y: number;
  igmp?: 1 | 2;
  nic?: NicInput;
}
export interface LinkInput {
  id?: string;
  a: string;
  b: string;
  latency: number;
  cost?: number;
  /** Host–LAN or router–LAN: the station's address on the LAN. */
  ip?: string;
  /** Router–router: the link's /30 or /31 subnet. */
  subnet?: string;
  loss?: number;
}
export interface TopologyInput {
  lans: LanInput[];
  routers: RouterInput[];
  hosts: HostInput[];
  links: LinkInput[];
}

export type NodeKind = 'host' | 'router' | 'lan';

/** One end of a link at a host or router: an interface with its address. */
export interface Iface {
  link: string;
  node: string;
  /** The node at the other end: a LAN, or the neighbouring router. */
  peer: string;
  ip: number;
  mac: Mac;
  net: Cidr;
}

export interface Link {
  id: string;
  a: string;
  b: string;
  latency: number;
  cost: number;
  loss: number;
  kind: 'p2p' | 'attach';
  /** The LAN's subnet for an attachment; the link's own subnet for a point-to-point link. */
  net: Cidr;
}

export interface LanInfo {
  id: string;
  net: Cidr;
  broadcast: number;
  /** Hosts and routers on the segment, in link order. */
  stations: string[];
  x: number;
  y: number;
}
export interface HostInfo {
  id: string;
  lan: string;
  iface: Iface;
  igmp: 1 | 2;
  nic: NicConfig;
  x: number;
  y: number;
}
export interface RouterInfo {
  id: string;
  ifaces: Iface[];
  igmp: 1 | 2;
  x: number;
  y: number;
}

export interface Net {
  kind: Map<string, NodeKind>;
  lans: Map<string, LanInfo>;
  hosts: Map<string, HostInfo>;
  routers: Map<string, RouterInfo>;
  links: Link[];
  link: Map<string, Link>;
  /** Neighbours of each node, sorted by id (the routing's tie-break order). */
  adj: Map<string, { node: string; link: Link }[]>;
  /** Which station owns an interface address. */
  byIp: Map<number, Iface>;
  linkBetween(a: string, b: string): Link | undefined;
}

export interface Problem {
  path: (string | number)[];
  message: string;
}

/** Point-to-point links without a subnet get consecutive /30s from here. */
const P2P_POOL: Cidr = { network: 0xac100000, prefix: 12 }; // 172.16.0.0/12

export const linkId = (l: LinkInput) => l.id ?? `${l.a}-${l.b}`;

/** Structural problems: ids, link endpoints, attachments. Addresses are checked by `assign`. */
function structure(t: TopologyInput): Problem[] {
  const out: Problem[] = [];
  const kind = new Map<string, NodeKind>();
  const where = new Map<string, string>();
  const add = (list: { id: string }[], k: NodeKind, field: string) =>
    list.forEach((n, i) => {
      if (kind.has(n.id))
        out.push({
          path: ['topology', field, i, 'id'],
          message: `duplicate id "${n.id}" (also ${where.get(n.id)})`,
        });
      else {
        kind.set(n.id, k);
        where.set(n.id, `${field}[${i}]`);
      }
    });
  add(t.lans, 'lan', 'lans');
  add(t.routers, 'router', 'routers');
  add(t.hosts, 'host', 'hosts');

  const ids = new Map<string, number>();
  const pairs = new Map<string, number>();
  const hostLan = new Map<string, { lan: string; link: number }>();
  t.links.forEach((l, i) => {
    const p = (f: string) => ['topology', 'links', i, f];
    const id = linkId(l);
    if (ids.has(id))
      out.push({ path: p('id'), message: `duplicate link id "${id}" (also links[${ids.get(id)}])` });
    else ids.set(id, i);
    const ka = kind.get(l.a);
    const kb = kind.get(l.b);
    if (!ka) out.push({ path: p('a'), message: `"${l.a}" is not a host, router or LAN` });
    if (!kb) out.push({ path: p('b'), message: `"${l.b}" is not a host, router or LAN` });
    if (!ka || !kb) return;
    if (l.a === l.b) {
      out.push({ path: p('b'), message: `a link joins "${l.a}" to itself` });
      return;
    }
    if (ka === 'lan' && kb === 'lan') {
      out.push({
        path: p('b'),
        message: 'a link cannot join two LANs (bridges are not modelled): connect them through a router',
      });
      return;
    }
    const hostEnd = ka === 'host' ? 'a' : kb === 'host' ? 'b' : null;
    if (hostEnd && (hostEnd === 'a' ? kb : ka) !== 'lan') {
      out.push({
        path: p(hostEnd === 'a' ? 'b' : 'a'),
        message: `host "${l[hostEnd]}" attaches to a LAN, not to a router or host`,
      });
      return;
    }
    const key = [l.a, l.b].sort().join('\u0000');
    if (pairs.has(key))
      out.push({
        path: p('b'),
        message: `"${l.a}" and "${l.b}" are already joined by links[${pairs.get(key)}]`,
      });
    else pairs.set(key, i);
    const host = ka === 'host' ? l.a : kb === 'host' ? l.b : null;
    if (host) {
      const lan = host === l.a ? l.b : l.a;
      const prev = hostLan.get(host);
      if (prev)
        out.push({
          path: ['topology', 'links', i],
          message: `host "${host}" is already on LAN "${prev.lan}" (links[${prev.link}]); a host sits on one LAN`,
        });
      else hostLan.set(host, { lan, link: i });
    }
    const p2p = ka === 'router' && kb === 'router';
    if (p2p && l.ip !== undefined)
      out.push({ path: p('ip'), message: "give a point-to-point link's addresses with `subnet`, not `ip`" });
    if (!p2p && l.subnet !== undefined)
      out.push({
        path: p('subnet'),
        message: "only a point-to-point link has a `subnet`; a LAN's is on the LAN",
      });
  });
  t.hosts.forEach((h, i) => {
    if (!hostLan.has(h.id) && kind.get(h.id) === 'host')
      out.push({
        path: ['topology', 'hosts', i],
        message: `host "${h.id}" is not attached to any LAN: add a link from it to a LAN`,
      });
  });
  return out;
}

interface Assigned {
  lanNet: Map<string, Cidr>;
  /** Per link index: the address of each non-LAN end. */
  addr: Map<number, { a?: number; b?: number }>;
  p2pNet: Map<number, Cidr>;
}

/** Subnets and interface addresses: given ones checked, missing ones chosen deterministically. */
function assign(t: TopologyInput): { problems: Problem[]; assigned: Assigned } {
  const problems: Problem[] = [];
  const lanNet = new Map<string, Cidr>();
  const taken: { net: Cidr; path: (string | number)[]; what: string }[] = [];
  const claim = (net: Cidr, path: (string | number)[], what: string) => {
    const clash = taken.find((x) => overlaps(x.net, net));
    if (clash)
      problems.push({
        path,
        message: `${formatCidr(net)} overlaps ${clash.what}'s ${formatCidr(clash.net)}`,
      });
    else taken.push({ net, path, what });
  };
  t.lans.forEach((lan, i) => {
    const c = parseCidr(lan.subnet);
    if (!c.ok) problems.push({ path: ['topology', 'lans', i, 'subnet'], message: c.error.en });
    else if (c.value.prefix > 30)
      problems.push({
        path: ['topology', 'lans', i, 'subnet'],
        message: `a /${c.value.prefix} has no room for stations: use /30 or shorter`,
      });
    else {
      lanNet.set(lan.id, c.value);
      claim(c.value, ['topology', 'lans', i, 'subnet'], lan.id);
    }
  });
  const kind = new Map<string, NodeKind>();
  for (const l of t.lans) kind.set(l.id, 'lan');
  for (const r of t.routers) kind.set(r.id, 'router');
  for (const h of t.hosts) kind.set(h.id, 'host');

  const p2pNet = new Map<number, Cidr>();
  t.links.forEach((l, i) => {
    if (kind.get(l.a) !== 'router' || kind.get(l.b) !== 'router' || l.subnet === undefined) return;
    const c = parseCidr(l.subnet);
    if (!c.ok) problems.push({ path: ['topology', 'links', i, 'subnet'], message: c.error.en });
    else if (c.value.prefix < 30)
      problems.push({
        path: ['topology', 'links', i, 'subnet'],
        message: 'a point-to-point link needs a /30 or /31 subnet',
      });
    else {
      p2pNet.set(i, c.value);
      claim(c.value, ['topology', 'links', i, 'subnet'], linkId(l));
    }
  });
  let next = P2P_POOL.network;
  t.links.forEach((l, i) => {
    if (kind.get(l.a) !== 'router' || kind.get(l.b) !== 'router' || l.subnet !== undefined) return;
    for (;;) {
      const c: Cidr = { network: next, prefix: 30 };
      next += 4;
      if (!inSubnet(c.network, P2P_POOL)) {
        problems.push({
          path: ['topology', 'links', i],
          message: 'no free /30 left in 172.16.0.0/12 for this link',
        });
        return;
      }
      if (!taken.some((x) => overlaps(x.net, c))) {
        p2pNet.set(i, c);
        taken.push({ net: c, path: ['topology', 'links', i], what: linkId(l) });
        return;
      }
    }
  });

  const addr = new Map<number, { a?: number; b?: number }>();
  for (const [i, c] of p2pNet) {
    const first = c.prefix === 31 ? c.network : c.network + 1;
    addr.set(i, { a: first, b: first + 1 });
  }
  // Stations on LANs: given addresses first, then routers from .1 up and hosts from .10 up.
  const used = new Map<string, Map<number, number>>();
  const attach: { i: number; lan: string; station: string; end: 'a' | 'b' }[] = [];
  t.links.forEach((l, i) => {
    const ka = kind.get(l.a);
    const kb = kind.get(l.b);
    if (ka === 'lan' && kb !== 'lan' && kb) attach.push({ i, lan: l.a, station: l.b, end: 'b' });
    else if (kb === 'lan' && ka !== 'lan' && ka) attach.push({ i, lan: l.b, station: l.a, end: 'a' });
  });
  const setAddr = (i: number, end: 'a' | 'b', ip: number) => addr.set(i, { ...addr.get(i), [end]: ip });
  for (const x of attach) {
    const l = t.links[x.i]!;
    if (l.ip === undefined) continue;
    const net = lanNet.get(x.lan);
    const ip = parseIpv4(l.ip);
    const path = ['topology', 'links', x.i, 'ip'];
    if (!ip.ok) problems.push({ path, message: ip.error.en });
    else if (net) {
      const u = used.get(x.lan) ?? new Map<number, number>();
      used.set(x.lan, u);
      if (!inSubnet(ip.value, net))
        problems.push({ path, message: `${l.ip} is not in ${x.lan}'s ${formatCidr(net)}` });
      else if (ip.value === net.network || ip.value === directedBroadcast(net))
        problems.push({
          path,
          message: `${l.ip} is ${x.lan}'s network or broadcast address, not a station's`,
        });
      else if (u.has(ip.value))
        problems.push({ path, message: `${l.ip} is already used on ${x.lan} (links[${u.get(ip.value)}])` });
      else {
        u.set(ip.value, x.i);
        setAddr(x.i, x.end, ip.value);
      }
    }
  }
  for (const x of attach) {
    const l = t.links[x.i]!;
    const net = lanNet.get(x.lan);
    if (l.ip !== undefined || !net) continue;
    const u = used.get(x.lan) ?? new Map<number, number>();
    used.set(x.lan, u);
    const lo = net.network + 1;
    const hi = directedBroadcast(net) - 1;
    const start = kind.get(x.station) === 'host' && lo + 9 <= hi ? lo + 9 : lo;
    let chosen: number | null = null;
    for (let k = 0; k <= hi - lo && chosen === null; k++) {
      const ip = lo + ((start - lo + k) % (hi - lo + 1));
      if (!u.has(ip)) chosen = ip;
    }
    if (chosen === null)
      problems.push({
        path: ['topology', 'links', x.i],
        message: `${x.lan}'s ${formatCidr(net)} has no free address left for "${x.station}"`,
      });
    else {
      u.set(chosen, x.i);
      setAddr(x.i, x.end, chosen);
    }
  }
  return { problems, assigned: { lanNet, addr, p2pNet } };
}

/** Everything wrong with a topology, each with the field at fault; [] when it can be built. */
export function topologyProblems(t: TopologyInput): Problem[] {
  const s = structure(t);
  return s.length > 0 ? s : assign(t).problems;
}

/** Build the network model of a topology `topologyProblems` accepted. */
export function buildNet(t: TopologyInput): Net {
  const problems = topologyProblems(t);
  if (problems.length > 0) throw new Error(`topology is invalid: ${problems[0]!.message}`);
  const { assigned } = assign(t);
  const kind = new Map<string, NodeKind>();
  const lans = new Map<string, LanInfo>();
  const hosts = new Map<string, HostInfo>();
  const routers = new Map<string, RouterInfo>();
  for (const l of t.lans) {
    kind.set(l.id, 'lan');
    const net = assigned.lanNet.get(l.id)!;
    lans.set(l.id, { id: l.id, net, broadcast: directedBroadcast(net), stations: [], x: l.x, y: l.y });
  }
  for (const r of t.routers) {
    kind.set(r.id, 'router');
    routers.set(r.id, { id: r.id, ifaces: [], igmp: r.igmp ?? 2, x: r.x, y: r.y });
  }
  for (const h of t.hosts) kind.set(h.id, 'host');

  const links: Link[] = [];
  const byIp = new Map<number, Iface>();
  const hostIface = new Map<string, Iface>();
  let routerMacs = 0;
  const hostIndex = new Map(t.hosts.map((h, i) => [h.id, i + 1]));
  t.links.forEach((l, i) => {
    const ka = kind.get(l.a)!;
    const kb = kind.get(l.b)!;
    const p2p = ka === 'router' && kb === 'router';
    const lan = ka === 'lan' ? l.a : kb === 'lan' ? l.b : null;
    const net = p2p ? assigned.p2pNet.get(i)! : lans.get(lan!)!.net;
    const link: Link = {
      id: linkId(l),
      a: l.a,
      b: l.b,
      latency: l.latency,
      cost: l.cost ?? l.latency,
      loss: l.loss ?? 0,
      kind: p2p ? 'p2p' : 'attach',
      net,
    };
    links.push(link);
    const ends = assigned.addr.get(i) ?? {};
    for (const [end, node, peer] of [
      ['a', l.a, l.b],
      ['b', l.b, l.a],
    ] as const) {
      const k = kind.get(node);
      if (k === 'lan') {
        lans.get(node)!.stations.push(peer);
        continue;
      }
      const ip = ends[end]!;
      const mac = k === 'host' ? stationMac(1, hostIndex.get(node)!) : stationMac(2, ++routerMacs);
      const iface: Iface = { link: link.id, node, peer, ip, mac, net };
      byIp.set(ip, iface);
      if (k === 'router') routers.get(node)!.ifaces.push(iface);
      else hostIface.set(node, iface);
    }
  });
  for (const h of t.hosts) {
    const iface = hostIface.get(h.id)!;
    hosts.set(h.id, {
      id: h.id,
      lan: iface.peer,
      iface,
      igmp: h.igmp ?? 2,
      nic: { ...INTEL_82546EB, ...h.nic },
      x: h.x,
      y: h.y,
    });
  }
  const link = new Map(links.map((l) => [l.id, l]));
  const adj = new Map<string, { node: string; link: Link }[]>();
  for (const id of kind.keys()) adj.set(id, []);
  const pair = new Map<string, Link>();
  for (const l of links) {
    adj.get(l.a)!.push({ node: l.b, link: l });
    adj.get(l.b)!.push({ node: l.a, link: l });
    pair.set(`${l.a}\u0000${l.b}`, l);
    pair.set(`${l.b}\u0000${l.a}`, l);
  }
  for (const list of adj.values()) list.sort((x, y) => (x.node < y.node ? -1 : x.node > y.node ? 1 : 0));
  return {
    kind,
    lans,
    hosts,
    routers,
    links,
    link,
    adj,
    byIp,
    linkBetween: (a, b) => pair.get(`${a}\u0000${b}`),
  };
}

/** The station with this address on a LAN, if any (the lab's stand-in for ARP). */
export function stationOn(net: Net, lan: string, ip: number): Iface | undefined {
  const iface = net.byIp.get(ip);
  return iface && iface.peer === lan ? iface : undefined;
}

/** Connected parts of the network, each sorted, largest first (ties by first id). */
export function components(net: Net): string[][] {
  const seen = new Set<string>();
  const parts: string[][] = [];
  for (const start of [...net.kind.keys()].sort()) {
    if (seen.has(start)) continue;
    const part: string[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length > 0) {
      const v = stack.pop()!;
      part.push(v);
      for (const { node } of net.adj.get(v) ?? [])
        if (!seen.has(node)) {
          seen.add(node);
          stack.push(node);
        }
    }
    parts.push(part.sort());
  }
  return parts.sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1));
}
