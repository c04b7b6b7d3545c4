import type { TopologyInput } from '../src/protocols/net/topology';
import type { NetworkScenario } from '../src/scenarios/schema';
import { validateScenario } from '../src/scenarios/validate';
import { Random } from '../src/sim/random';

/**
 * Seeded random networks for the network-lab benchmarks (issues 4 and 5): routers on a random
 * spanning tree (each router joins one router before it, so the network is connected) plus extra
 * router–router links for alternative paths; LANs on one router, or on two (a multi-access LAN
 * where dense mode asserts and sparse mode elects a DR); hosts on LANs. Every link has a latency
 * of 1–5 ticks, which is also its routing cost. Every draw is keyed by what it decides
 * (src/sim/random.ts), so the same spec always gives the same network.
 */
export interface TopologySpec {
  routers: number;
  /** Router–router links beyond the spanning tree. */
  extraLinks: number;
  lans: number;
  /** Probability that a LAN has a second router. */
  secondRouter: number;
  /** How many hosts sit on each LAN, by LAN index (missing: none). */
  hostsOn: readonly number[];
  seed: number;
}

/** The ids the generator gives: routers `R0…`, LANs `L0…`, hosts `H<lan>_<n>`. */
export const hostId = (lan: number, n: number) => `H${lan}_${n}`;

export function randomTopology(spec: TopologySpec): TopologyInput {
  const rnd = new Random(spec.seed);
  const latency = (key: string) => rnd.int(`latency:${key}`, 1, 5);
  const routers = Array.from({ length: spec.routers }, (_, i) => ({
    id: `R${i}`,
    // A grid layout; positions are for drawing only.
    x: (i % 20) * 60,
    y: Math.floor(i / 20) * 60,
  }));
  const links: TopologyInput['links'] = [];
  const joined = new Set<string>();
  const join = (a: string, b: string) => {
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (a === b || joined.has(key)) return false;
    joined.add(key);
    links.push({ a, b, latency: latency(key) });
    return true;
  };
  for (let i = 1; i < spec.routers; i++) join(`R${i}`, `R${rnd.int(`parent:${i}`, 0, i - 1)}`);
  // Draw until `extraLinks` new pairs were added (at most the pairs the tree left free); the
  // attempt number keys each draw.
  const free = ((spec.routers - 1) * (spec.routers - 2)) / 2;
  for (let added = 0, attempt = 0; added < Math.min(spec.extraLinks, free); attempt++) {
    const a = rnd.int(`extra-a:${attempt}`, 0, spec.routers - 1);
    const b = rnd.int(`extra-b:${attempt}`, 0, spec.routers - 1);
    if (join(`R${a}`, `R${b}`)) added++;
  }
  const lans = Array.from({ length: spec.lans }, (_, i) => ({
    id: `L${i}`,
    subnet: `10.${1 + (i >> 8)}.${i & 255}.0/24`,
    x: (i % 20) * 60 + 30,
    y: -60 - Math.floor(i / 20) * 60,
  }));
  const hosts: TopologyInput['hosts'] = [];
  lans.forEach((lan, i) => {
    const first = rnd.int(`lan-router:${i}`, 0, spec.routers - 1);
    join(lan.id, `R${first}`);
    if (spec.routers > 1 && rnd.chance(`lan-second:${i}`, spec.secondRouter)) {
      // Any other router: shift by 1…n−1 so the second is never the first.
      const second = (first + rnd.int(`lan-second-router:${i}`, 1, spec.routers - 1)) % spec.routers;
      join(lan.id, `R${second}`);
    }
    for (let n = 0; n < (spec.hostsOn[i] ?? 0); n++) {
      const id = hostId(i, n);
      hosts.push({ id, x: lan.x + n * 10, y: lan.y - 30 });
      links.push({ a: id, b: lan.id, latency: 1 });
    }
  });
  return { lans, routers, hosts, links };
}

/** Spread `count` hosts over LANs `from…lans−1` at random (several may share a LAN, some get none). */
export function spreadHosts(spec: { lans: number; from: number; count: number; seed: number }): number[] {
  const rnd = new Random(spec.seed);
  const on = Array.from({ length: spec.lans }, () => 0);
  for (let k = 0; k < spec.count; k++) {
    const lan = rnd.int(`host-lan:${k}`, spec.from, spec.lans - 1);
    on[lan] = on[lan]! + 1;
  }
  return on;
}

const validNetwork = (raw: unknown): NetworkScenario => {
  const v = validateScenario(raw);
  if (!v.ok || v.value.lab !== 'network') throw new Error(`bad workload: ${JSON.stringify(v).slice(0, 500)}`);
  return v.value;
};

/** Issue 4's network: 100 routers, 40 LANs and 60 hosts, 200 nodes in all. */
export const ISSUE4 = {
  routers: 100,
  extraLinks: 50,
  lans: 40,
  hosts: 60,
  receivers: 30,
  leavers: 10,
  seed: 4,
};

/**
 * Issue 4's multicast run, without PIM (routers forward along the converged source tree while
 * IGMP says a LAN has members): IGMPv2 on every router and host, `receivers` hosts join group G
 * at random times in the first 200 ticks and `leavers` of them leave later (last-member queries),
 * while the first host streams 60 packets, one every 10 ticks.
 */
export function issue4Scenario(): NetworkScenario {
  const s = ISSUE4;
  const topology = randomTopology({
    routers: s.routers,
    extraLinks: s.extraLinks,
    lans: s.lans,
    secondRouter: 0.3,
    hostsOn: spreadHosts({ lans: s.lans, from: 0, count: s.hosts, seed: s.seed }),
    seed: s.seed,
  });
  const [source, ...others] = topology.hosts.map((h) => h.id);
  const rnd = new Random(s.seed);
  const receivers = others.slice(0, s.receivers);
  const joins = receivers.map((host, i) => ({
    type: 'join' as const,
    at: rnd.int(`join:${i}`, 0, 200),
    host,
    group: 'G',
  }));
  const leaves = receivers.slice(0, s.leavers).map((host, i) => ({
    type: 'leave' as const,
    at: rnd.int(`leave:${i}`, 300, 500),
    host,
    group: 'G',
  }));
  return validNetwork({
    version: 1,
    lab: 'network',
    title: `Issue 4 benchmark: ${s.routers} routers, ${s.lans} LANs, ${s.hosts} hosts; IGMP joins and a stream`,
    seed: s.seed,
    topology,
    groups: [{ id: 'G', address: '239.1.1.1' }],
    igmp: { ticksPerSecond: 8 },
    actions: [
      ...[...joins, ...leaves].sort((a, b) => a.at - b.at),
      { type: 'stream', at: 50, from: source, group: 'G', id: 'd', every: 10, count: 60 },
    ],
    maxTime: 700,
  });
}

/** Issue 5's network: 200 routers; the source alone on L0, 50 receivers spread over L1…L79. */
export const ISSUE5 = { routers: 200, extraLinks: 100, lans: 80, receivers: 50, seed: 5 };
export const SOURCE = hostId(0, 0);
/** Sparse mode's rendezvous point: the root of the generator's spanning tree. */
export const RP = 'R0';
/** The stream: one packet every `PACKET_EVERY` ticks from t = 40. */
export const PACKET_EVERY = 20;

/**
 * Issue 5's run: PIM dense or sparse mode on every router, IGMPv2 on (the receivers are members
 * from time 0, so their DRs hear reports at once), and the source streaming `packets` packets.
 * The end is set by `maxTime` (default: 20 ticks after the last packet).
 */
export function pimScenario(mode: 'dense' | 'sparse', packets = 60, maxTime?: number): NetworkScenario {
  const s = ISSUE5;
  const hostsOn = spreadHosts({ lans: s.lans, from: 1, count: s.receivers, seed: s.seed });
  hostsOn[0] = 1;
  const topology = randomTopology({
    routers: s.routers,
    extraLinks: s.extraLinks,
    lans: s.lans,
    secondRouter: 0.3,
    hostsOn,
    seed: s.seed,
  });
  const receivers = topology.hosts.map((h) => h.id).filter((h) => h !== SOURCE);
  return validNetwork({
    version: 1,
    lab: 'network',
    title: `Issue 5 benchmark: PIM ${mode} mode, ${s.routers} routers, ${receivers.length} receivers`,
    seed: s.seed,
    topology,
    groups: [{ id: 'G', address: '239.1.1.1', members: receivers }],
    igmp: { ticksPerSecond: 8 },
    pim: mode === 'dense' ? { mode } : { mode, rp: RP },
    actions: [
      { type: 'stream', at: 40, from: SOURCE, group: 'G', id: 'd', every: PACKET_EVERY, count: packets },
    ],
    maxTime: maxTime ?? 40 + packets * PACKET_EVERY + 200,
  });
}
