import { describe, expect, it } from 'vitest';
import { LAN_HALF_H, LAN_HALF_W, linkBetween, pointOn, topologyLayout, VIEW_H, VIEW_W } from './layout';

const topo = {
  lans: [{ id: 'L1', subnet: '10.0.1.0/24', x: 0, y: 0 }],
  routers: [{ id: 'R1', x: 200, y: 0 }],
  hosts: [{ id: 'H1', x: 0, y: 100 }],
  links: [
    { a: 'R1', b: 'L1', latency: 1 },
    { a: 'H1', b: 'L1', latency: 2 },
  ],
};

describe('topologyLayout', () => {
  it("keeps every node inside the drawing box and keeps the author's proportions", () => {
    const l = topologyLayout(topo);
    for (const n of l.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.x).toBeLessThanOrEqual(VIEW_W);
      expect(n.y).toBeGreaterThanOrEqual(0);
      expect(n.y).toBeLessThanOrEqual(VIEW_H);
    }
    const at = (id: string) => l.nodes.find((n) => n.id === id)!;
    // Scenario distances: L1→R1 is 200 across, L1→H1 is 100 down: one scale keeps the ratio 2.
    const across = at('R1').x - at('L1').x;
    const down = at('H1').y - at('L1').y;
    expect(across / down).toBeCloseTo(2, 6);
  });

  it('names links by their id, else a-b, and ends them on the LAN bar', () => {
    const l = topologyLayout(topo);
    const r = linkBetween(l, 'L1', 'R1')!;
    expect(r.id).toBe('R1-L1');
    const lan = l.nodes.find((n) => n.id === 'L1')!;
    // Horizontal line to the right: it leaves the bar at its right edge, half a bar from the centre.
    expect(r.bx - lan.x).toBeCloseTo(LAN_HALF_W, 6);
    const h = linkBetween(l, 'H1', 'L1')!;
    expect(h.by - lan.y).toBeCloseTo(LAN_HALF_H, 6);
  });

  it('puts a point the given fraction of the way along a link, in the direction of travel', () => {
    const l = topologyLayout(topo);
    const r = linkBetween(l, 'R1', 'L1')!;
    const [x0, y0] = pointOn(r, 'R1', 0);
    expect([x0, y0]).toEqual([r.ax, r.ay]);
    const [x1] = pointOn(r, 'L1', 0);
    expect(x1).toBe(r.bx);
    const [xm] = pointOn(r, 'R1', 0.5);
    expect(xm).toBeCloseTo((r.ax + r.bx) / 2, 6);
  });
});
