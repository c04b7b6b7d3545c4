import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import example from '../../scenarios/examples/network-modes.json';
import { Routing } from './routing';
import { arbTopology, floydWarshall } from './testnet';
import { buildNet, type TopologyInput } from './topology';

const topo = example.topology as TopologyInput;

describe('unicast routing tables', () => {
  it('gives R1 of the modes example the routes read off its drawing', () => {
    const net = buildNet(topo);
    const t = new Routing(net).table('R1');
    const row = (dest: string) => t.find((r) => r.dest === dest);
    // L1 is attached (cost of R1–L1 = 1); L2 is 3 to R2 plus 1 to L2; L3 likewise through R3.
    expect(row('L1')).toMatchObject({ prefix: '10.0.1.0/24', nextHop: null, iface: 'R1-L1', cost: 1 });
    expect(row('L2')).toMatchObject({ prefix: '10.0.2.0/24', nextHop: 'R2', iface: 'R1-R2', cost: 4 });
    expect(row('L3')).toMatchObject({ prefix: '10.0.3.0/24', nextHop: 'R3', iface: 'R1-R3', cost: 4 });
    // The R2–R3 link (cost 4) is reached through R2 (tie with R3 at 3: lowest id), then across it.
    expect(row('R2-R3')).toMatchObject({ nextHop: 'R2', cost: 7 });
  });

  it('routes anycast to the nearest replica: H3 on L2 (4 + 1) before H5 on L3 (4 + 1): equal, so the lower id', () => {
    const net = buildNet(topo);
    const r = new Routing(net, [{ id: 'DNS', address: 0x0a090909, replicas: ['H5', 'H3'] }]);
    expect(r.table('R1').find((x) => x.kind === 'anycast')).toMatchObject({
      replica: 'H3',
      nextHop: 'R2',
      cost: 5,
    });
    expect(r.table('R3').find((x) => x.kind === 'anycast')).toMatchObject({
      replica: 'H5',
      nextHop: null,
      cost: 2,
    });
  });

  it('finds routes by longest prefix match', () => {
    const net = buildNet(topo);
    const r = new Routing(net);
    expect(r.lookup('R2', 0x0a000305)?.dest).toBe('L3');
    expect(r.lookup('R2', 0x0b000001)).toBeNull();
  });

  it('property: on random connected topologies every route costs the Floyd–Warshall distance, and its next hop is the lowest-id neighbour on a shortest path', () => {
    fc.assert(
      fc.property(arbTopology, (t) => {
        const net = buildNet(t);
        const routing = new Routing(net);
        const fw = floydWarshall(t);
        const cost = (a: string, b: string) => {
          const l = t.links.find((x) => (x.a === a && x.b === b) || (x.a === b && x.b === a));
          return l ? (l.cost ?? l.latency) : Number.POSITIVE_INFINITY;
        };
        const transit = (v: string) => !t.hosts.some((h) => h.id === v);
        const neighbours = (v: string) =>
          t.links.flatMap((l) => (l.a === v ? [l.b] : l.b === v ? [l.a] : [])).sort();
        for (const r of t.routers) {
          const table = routing.table(r.id);
          for (const lan of t.lans) {
            const route = table.find((x) => x.dest === lan.id);
            if (!route || route.cost !== fw(r.id, lan.id)) return false;
            const valid = neighbours(r.id).filter(
              (u) => (u === lan.id || transit(u)) && cost(r.id, u) + fw(u, lan.id) === fw(r.id, lan.id),
            );
            const v1 = net.link.get(route.iface)!;
            const first = v1.a === r.id ? v1.b : v1.a;
            if (first !== valid[0]) return false;
            if (first === lan.id) {
              if (route.nextHop !== null) return false;
            } else if (net.kind.get(first) === 'lan') {
              const onLan = neighbours(first).filter(
                (q) => q !== r.id && transit(q) && cost(first, q) + fw(q, lan.id) === fw(first, lan.id),
              );
              if (route.nextHop !== onLan[0]) return false;
            } else if (route.nextHop !== first) return false;
          }
        }
        return true;
      }),
      { numRuns: 150 },
    );
  });
});
