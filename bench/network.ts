import { Routing } from '../src/protocols/net/routing';
import { buildNet, type TopologyInput } from '../src/protocols/net/topology';
import { simulate } from '../src/scenarios/simulate';
import { fmt, medians, rates, thousands, timeRuns } from './measure';
import { ISSUE4, issue4Scenario } from './network-workloads';

/**
 * Issue 4's benchmark on a 200-node network (bench/network-workloads.ts: 100 routers, 40 LANs,
 * 60 hosts): building the network model, every router's unicast routing table (shortest paths,
 * computed afresh each run), and a multicast run with IGMP joins, leaves and a stream.
 */

export function benchNetwork(): void {
  const s = issue4Scenario();
  const topology = s.topology as TopologyInput;
  const p2p = topology.links.filter((l) => l.a.startsWith('R') && l.b.startsWith('R')).length;
  console.log(
    `\n## Network (issue 4): ${topology.routers.length} routers, ${topology.lans.length} LANs, ${topology.hosts.length} hosts (${
      topology.routers.length + topology.lans.length + topology.hosts.length
    } nodes), ${topology.links.length} links (${p2p} router–router)\n`,
  );
  const net = buildNet(topology);
  const routers = [...net.routers.keys()];
  const allTables = () => {
    const r = new Routing(net);
    let routes = 0;
    for (const id of routers) routes += r.table(id).length;
    return routes;
  };
  const routes = allTables();
  console.log('| work | runs | median ms (wall) | median ms (CPU) |');
  console.log('|---|---:|---:|---:|');
  for (const [name, f] of [
    ['network model (buildNet: addresses, interfaces, adjacency)', () => buildNet(topology)],
    [`routing tables of all ${routers.length} routers (${thousands(routes)} routes)`, allTables],
  ] as const) {
    const runs = timeRuns(f, 5);
    const m = medians(runs);
    console.log(`| ${name} | ${runs.length} | ${fmt(m.wall)} | ${fmt(m.cpu)} |`);
  }

  const trace = simulate(s);
  const runs = timeRuns(() => simulate(s), 5);
  const r = rates(trace.events.length, runs);
  const count = (f: (e: (typeof trace.events)[number]) => boolean) => trace.events.filter(f).length;
  console.log(
    `\nMulticast run: IGMPv2, ${ISSUE4.receivers} hosts join G in the first 200 ticks, ${ISSUE4.leavers} leave at 300–500, ` +
      `one host streams 60 packets (one every 10 ticks); no PIM (routers forward along the source tree to LANs with members); ` +
      `${thousands(trace.endTime)} ticks.\n`,
  );
  console.log(
    '| events | data transmissions (hosts, routers) | deliveries | IGMP messages sent | runs | events/s (wall) | events/s (CPU) |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  const igmp = count((e) => e.type === 'send' && ['query', 'report', 'leave'].includes(e.kind ?? ''));
  console.log(
    `| ${thousands(trace.events.length)} | ${thousands(count((e) => e.type === 'send' && e.kind === 'data' && (e.detail as { role?: string })?.role !== 'medium'))} | ${thousands(count((e) => e.type === 'deliver'))} | ${thousands(igmp)} | ${runs.length} | ${thousands(r.wall)} | ${thousands(r.cpu)} |`,
  );
}
