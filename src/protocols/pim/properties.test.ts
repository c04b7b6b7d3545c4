import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkExactlyOnce,
  checkNoDataLoops,
  checkOneForwarderPerLan,
  checkOnlyTowardMembers,
} from '../../checks/tree';
import type { NetworkScenario } from '../../scenarios/schema';
import { simulate } from '../../scenarios/simulate';
import { validateScenario } from '../../scenarios/validate';
import { arbTopology, floydWarshall } from '../net/testnet';
import { buildNet, type TopologyInput } from '../net/topology';
import type { PimState } from './state';
import { pimStateAt } from './trace-view';

/**
 * Properties of PIM on random connected networks (net/testnet.ts: routers on a random spanning
 * tree plus extra links, LANs on one or two routers, small costs so equal-cost paths are common)
 * with a random set of members and one source streaming six packets, 100 ticks apart.
 */

const FROM = 310; // from the fourth packet on: the prunes, asserts and joins have settled

const arbCase = fc.record({
  topology: arbTopology,
  pick: fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
  rp: fc.nat(),
});

function scenario(
  t: TopologyInput,
  pick: boolean[],
  pim: NetworkScenario['pim'],
): { s: NetworkScenario; members: string[] } {
  const source = t.hosts[0]!.id;
  const members = t.hosts
    .slice(1)
    .filter((_, i) => pick[i % pick.length])
    .map((h) => h.id);
  const v = validateScenario({
    version: 1,
    lab: 'network',
    seed: 1,
    topology: t,
    groups: [{ id: 'G', address: '239.1.1.1', members }],
    pim,
    actions: [{ type: 'stream', at: 10, from: source, group: 'G', id: 'd', every: 100, count: 6 }],
    maxTime: 700,
  });
  if (!v.ok || v.value.lab !== 'network') throw new Error(JSON.stringify(v));
  return { s: v.value, members };
}

describe('PIM dense mode on random connected topologies', () => {
  it('property: after convergence, no data loops, every member gets each packet exactly once, one forwarder per LAN, and data goes only onto links that lead to members', () => {
    // A check that is vacuous in a run (no data in the window, no members) proves nothing there:
    // count the runs that really exercised each one.
    const exercised = [0, 0, 0, 0];
    fc.assert(
      fc.property(arbCase, ({ topology, pick }) => {
        const { s } = scenario(topology, pick, { mode: 'dense' });
        const t = simulate(s);
        const results = [
          checkNoDataLoops(t),
          checkExactlyOnce(t, { from: FROM }),
          checkOneForwarderPerLan(t, { from: FROM }),
          checkOnlyTowardMembers(t, { from: FROM }),
        ];
        for (const [i, r] of results.entries()) {
          expect(r).toMatchObject({ holds: true });
          if (!r.vacuous) exercised[i]!++;
        }
      }),
      { numRuns: 60 },
    );
    // Measured: 34–60 of 60 runs exercise each check; a quarter leaves room for other random seeds.
    for (const n of exercised) expect(n).toBeGreaterThanOrEqual(15);
  });
});

describe('PIM sparse mode on random connected topologies', () => {
  it("property: the shared tree is the union of shortest paths from each member's DR to the RP; no data loops; every member receives every packet", () => {
    fc.assert(
      fc.property(arbCase, ({ topology, pick, rp: rpPick }) => {
        const rp = topology.routers[rpPick % topology.routers.length]!.id;
        const { s, members } = scenario(topology, pick, { mode: 'sparse', rp, sptSwitch: 'never' });
        const t = simulate(s);
        const net = buildNet(topology);
        const fw = floydWarshall(topology);
        const cost = new Map(topology.links.map((l) => [l.id ?? `${l.a}-${l.b}`, l.cost ?? l.latency]));
        // Each member LAN's DR: the router with the highest address on it (RFC 7761 §4.3.2).
        const drs = new Set<string>();
        for (const m of members) {
          const lan = net.hosts.get(m)!.lan;
          const on = net.lans.get(lan)!.stations.filter((x) => net.kind.get(x) === 'router');
          const ip = (r: string) => net.routers.get(r)!.ifaces.find((i) => i.peer === lan)!.ip;
          if (on.length > 0) drs.add(on.reduce((a, b) => (ip(a) > ip(b) ? a : b)));
        }
        const end = t.events.length;
        const joined = new Set(
          [...net.routers.keys()].filter((r) =>
            pimStateAt(t, r, end)?.entries.some((e) => e.source === '*' && e.up === 'Joined'),
          ),
        );
        // Every joined router's upstream hop lies on a shortest path to the RP (an independent Floyd–Warshall).
        for (const r of joined) {
          const st = pimStateAt(t, r, end)!;
          const up = st.rpf[rp]!;
          const via = net.link.get(up.iface!)!;
          const lan = net.kind.get(via.a) === 'lan' ? via.a : net.kind.get(via.b) === 'lan' ? via.b : null;
          const step = cost.get(up.iface!)! + (lan ? cost.get(net.linkBetween(lan, up.neighbour!)!.id)! : 0);
          expect(fw(r, rp)).toBe(step + fw(up.neighbour!, rp));
        }
        // The joined routers are exactly those on the DRs' paths to the RP (the RP itself never joins).
        const onPaths = new Set<string>();
        for (const d of drs) {
          for (let v: string | null = d; v && v !== rp; ) {
            onPaths.add(v);
            const st: PimState | null = pimStateAt(t, v, end);
            v = st?.rpf[rp]?.neighbour ?? null;
          }
        }
        expect([...joined].sort()).toEqual([...onPaths].sort());
        expect(checkNoDataLoops(t)).toMatchObject({ holds: true });
        const source = topology.hosts[0]!.id;
        const sentAfter = t.events.filter(
          (e) => e.type === 'send' && e.node === source && e.kind === 'data' && e.time >= FROM,
        );
        for (const p of sentAfter)
          for (const m of members) {
            if (
              m === p.node ||
              !net.lans.get(net.hosts.get(m)!.lan)!.stations.some((x) => net.kind.get(x) === 'router')
            )
              continue;
            if (net.hosts.get(m)!.lan === net.hosts.get(p.node)!.lan) continue;
            expect(t.events.some((e) => e.type === 'deliver' && e.node === m && e.msg === p.msg)).toBe(true);
          }
      }),
      { numRuns: 60 },
    );
  });
});
