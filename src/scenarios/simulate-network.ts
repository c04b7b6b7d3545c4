import { parseIpv4 } from '../protocols/address/ipv4';
import { igmpTimers, RFC2236_DEFAULTS, toTicks } from '../protocols/igmp/timers';
import type { NetAction } from '../protocols/net/actions';
import { HostNode } from '../protocols/net/host-node';
import { LanNode } from '../protocols/net/lan-node';
import { topologyModel } from '../protocols/net/link-model';
import { type NetReport, netReport } from '../protocols/net/report';
import { RouterNode } from '../protocols/net/router-node';
import { type Anycast, Routing } from '../protocols/net/routing';
import { buildNet, type Net, type TopologyInput } from '../protocols/net/topology';
import { type GroupDef, makeWorld, type World } from '../protocols/net/world';
import { pimConfig, pimTail } from '../protocols/pim/config';
import { type NodeHost, run } from '../sim/engine';
import { type NodeId, nodeId } from '../sim/ids';
import { Random } from '../sim/random';
import type { Trace } from '../sim/trace';
import type { NetworkScenario } from './schema';

/**
 * scenario → trace for the network lab. Nodes are LAN segments, hosts and routers; every copy
 * crosses one link with that link's latency, so a view animates packets hop by hop.
 */

const ip = (text: string): number => {
  const r = parseIpv4(text);
  if (!r.ok) throw new Error(r.error.en);
  return r.value;
};

/** The scenario's network, routing and shared run state (also what the views show: tables, trees). */
export function networkWorld(s: NetworkScenario): World {
  const net: Net = buildNet(s.topology as TopologyInput);
  const anycast: Anycast[] = s.anycast.map((a) => ({
    id: a.id,
    address: ip(a.address),
    replicas: a.replicas,
  }));
  const groups: GroupDef[] = s.groups.map((g) => ({
    id: g.id,
    address: ip(g.address),
    members: g.members,
    ...(g.coordinator ? { coordinator: g.coordinator } : {}),
    ...(g.subgroups ? { subgroups: g.subgroups } : {}),
  }));
  const igmp = s.igmp
    ? toTicks(
        igmpTimers({
          ...RFC2236_DEFAULTS,
          ...Object.fromEntries(
            Object.entries(s.igmp).filter(([k, v]) => k !== 'ticksPerSecond' && v !== undefined),
          ),
        }),
        s.igmp.ticksPerSecond,
      )
    : null;
  return makeWorld({
    net,
    routing: new Routing(net, anycast),
    groups,
    anycast,
    igmp,
    pim: s.pim ? pimConfig(s.pim, s.igmp?.ticksPerSecond) : null,
    rnd: new Random(s.seed),
    ...(s.ttl !== undefined ? { ttl: s.ttl } : {}),
  });
}

/** Routing tables, connected parts and warnings of a scenario's network, for the views. */
export function networkReport(s: NetworkScenario): NetReport {
  const w = networkWorld(s);
  return netReport(w.net, w.routing);
}

export function simulateNetwork(s: NetworkScenario): Trace {
  const w = networkWorld(s);
  const hosts: NodeHost<NetAction>[] = [
    ...[...w.net.lans.keys()].map((id) => new LanNode(w.net, id)),
    ...[...w.net.routers.keys()].map((id) => new RouterNode(w, id)),
    ...[...w.net.hosts.keys()].map((id) => new HostNode(w, id)),
  ];
  const actions: { time: number; node: NodeId; action: NetAction }[] = [];
  if (w.igmp || w.pim)
    for (const r of w.net.routers.keys())
      actions.push({ time: 0, node: nodeId(r), action: { type: 'start' } });
  if (w.igmp) {
    for (const g of s.groups)
      for (const m of g.members)
        actions.push({ time: 0, node: nodeId(m), action: { type: 'join', group: g.id } });
  }
  // Same-time actions run in the scenario's order: the engine keeps insertion order on ties.
  const scenarioActions: typeof actions = [];
  for (const a of s.actions) {
    switch (a.type) {
      case 'send': {
        const { type: _t, at, from, ...rest } = a;
        scenarioActions.push({ time: at, node: nodeId(from), action: { type: 'send', ...rest } });
        break;
      }
      case 'join':
      case 'leave':
        scenarioActions.push({ time: a.at, node: nodeId(a.host), action: { type: a.type, group: a.group } });
        break;
      case 'stream':
        for (let n = 1; n <= a.count; n++)
          scenarioActions.push({
            time: a.at + (n - 1) * a.every,
            node: nodeId(a.from),
            action: { type: 'send', msg: `${a.id}.${n}`, mode: 'multicast', group: a.group },
          });
        break;
      case 'igmp-raw': {
        const dst = ip(a.dst);
        scenarioActions.push({
          time: a.at,
          node: nodeId(a.node),
          action: { type: 'igmp-raw', msg: a.msg, bytes: a.bytes, dst },
        });
        break;
      }
    }
  }
  scenarioActions.sort((x, y) => x.time - y.time);
  actions.push(...scenarioActions);
  const last = actions.reduce((m, a) => Math.max(m, a.time), 0);
  // IGMP queries forever: without an end set by the scenario, stop two Query Intervals after the last action.
  // PIM refreshes forever too (State Refresh, periodic Joins): two refresh periods after the last action.
  const ends = [w.igmp ? last + 2 * w.igmp.queryInterval : 0, w.pim ? last + pimTail(w.pim) : 0];
  const maxTime = s.maxTime ?? (w.igmp || w.pim ? Math.max(...ends) : undefined);
  return run({
    hosts,
    network: topologyModel(
      w.net,
      s.seed,
      s.interventions as { copy: string; deliverAt?: number; drop?: true }[],
    ),
    actions,
    ...(maxTime !== undefined ? { maxTime } : {}),
  });
}
