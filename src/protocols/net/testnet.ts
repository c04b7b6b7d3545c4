import fc from 'fast-check';
import type { TopologyInput } from './topology';

/**
 * Random connected topologies for property tests: routers joined by a random spanning tree plus
 * extra links, every LAN on one or two routers, one to three hosts per LAN, small costs so that
 * equal-cost paths (and so the tie-breaking) are common.
 */
export const arbTopology = fc
  .record({
    routers: fc.integer({ min: 1, max: 6 }),
    lans: fc.integer({ min: 1, max: 5 }),
    seed: fc.array(fc.nat({ max: 1000 }), { minLength: 80, maxLength: 80 }),
  })
  .map(({ routers, lans, seed }): TopologyInput => {
    let k = 0;
    const pick = (n: number) => seed[k++ % seed.length]! % n;
    const R = Array.from({ length: routers }, (_, i) => `R${i}`);
    const L = Array.from({ length: lans }, (_, i) => `L${i}`);
    const links: TopologyInput['links'] = [];
    const joined = new Set<string>();
    const link = (a: string, b: string) => {
      const key = [a, b].sort().join('|');
      if (a === b || joined.has(key)) return;
      joined.add(key);
      links.push({ a, b, latency: 1 + pick(3), cost: 1 + pick(3) });
    };
    for (let i = 1; i < routers; i++) link(R[i]!, R[pick(i)]!);
    for (let e = pick(3); e > 0; e--) link(R[pick(routers)]!, R[pick(routers)]!);
    const hosts: TopologyInput['hosts'] = [];
    L.forEach((l, i) => {
      link(l, R[pick(routers)]!);
      if (pick(2) === 1) link(l, R[pick(routers)]!);
      for (let h = 0, n = 1 + pick(3); h < n; h++) {
        const id = `H${i}${h}`;
        hosts.push({ id, x: 0, y: 0 });
        links.push({ a: id, b: l, latency: 1, cost: 1 + pick(2) });
      }
    });
    return {
      lans: L.map((id, i) => ({ id, subnet: `10.0.${i}.0/24`, x: 0, y: 0 })),
      routers: R.map((id) => ({ id, x: 0, y: 0 })),
      hosts,
      links,
    };
  });

/**
 * All-pairs distances by Floyd–Warshall, independent of the code under test. Only routers and
 * LANs may be intermediate vertices: hosts never forward.
 */
export function floydWarshall(t: TopologyInput): (a: string, b: string) => number {
  const ids = [...t.lans.map((l) => l.id), ...t.routers.map((r) => r.id), ...t.hosts.map((h) => h.id)];
  const idx = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const d = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 0 : Number.POSITIVE_INFINITY)),
  );
  for (const l of t.links) {
    const a = idx.get(l.a)!;
    const b = idx.get(l.b)!;
    const c = l.cost ?? l.latency;
    d[a]![b] = Math.min(d[a]![b]!, c);
    d[b]![a] = Math.min(d[b]![a]!, c);
  }
  const hosts = new Set(t.hosts.map((h) => h.id));
  for (let k = 0; k < n; k++) {
    if (hosts.has(ids[k]!)) continue;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) if (d[i]![k]! + d[k]![j]! < d[i]![j]!) d[i]![j] = d[i]![k]! + d[k]![j]!;
  }
  return (a, b) => d[idx.get(a)!]![idx.get(b)!]!;
}
