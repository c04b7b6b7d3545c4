import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LAN_HALF_H,
  LAN_HALF_W,
  linkBetween,
  pointOn,
  topologyLayout,
  toScenario,
  VIEW_H,
  VIEW_W,
  withNodeAt,
} from './layout';

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
    expect([x0, y0]).toEqual([r.pax, r.pay]);
    const [x1] = pointOn(r, 'L1', 0);
    expect(x1).toBe(r.pbx);
    const [xm] = pointOn(r, 'R1', 0.5);
    expect(xm).toBeCloseTo((r.pax + r.pbx) / 2, 6);
  });

  it('keeps a packet at either end of a link clear of the node marks, so it never covers a label', () => {
    const l = topologyLayout(topo);
    const at = (id: string) => l.nodes.find((n) => n.id === id)!;
    const r = linkBetween(l, 'R1', 'L1')!;
    // A router is a circle of radius 17 and a data packet one of radius 6: centres ≥ 23 apart.
    const [x, y] = pointOn(r, 'R1', 0);
    expect(Math.hypot(x - at('R1').x, y - at('R1').y)).toBeGreaterThanOrEqual(17 + 6);
    const h = linkBetween(l, 'H1', 'L1')!;
    // A host is a 28×28 square: its half side 14 plus the packet's 6.
    const [hx, hy] = pointOn(h, 'H1', 0);
    expect(Math.hypot(hx - at('H1').x, hy - at('H1').y)).toBeGreaterThanOrEqual(14 + 6);
  });
});

describe('drag support', () => {
  it('property: toScenario inverts the fit for any drawn point', () => {
    const l = topologyLayout(topo);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: VIEW_W, noNaN: true }),
        fc.double({ min: 0, max: VIEW_H, noNaN: true }),
        (x, y) => {
          const p = toScenario(l.fit, x, y);
          const { k, minX, minY, offX, offY } = l.fit;
          expect(offX + (p.x - minX) * k).toBeCloseTo(x, 6);
          expect(offY + (p.y - minY) * k).toBeCloseTo(y, 6);
        },
      ),
    );
    // Each node's drawn position maps back to its scenario position.
    for (const n of [...topo.lans, ...topo.routers, ...topo.hosts]) {
      const g = l.nodes.find((m) => m.id === n.id)!;
      const p = toScenario(l.fit, g.x, g.y);
      expect(p.x).toBeCloseTo(n.x, 6);
      expect(p.y).toBeCloseTo(n.y, 6);
    }
  });

  it('draws a dragged node at the pointer with its links following it', () => {
    const l = topologyLayout(topo);
    const moved = withNodeAt(l, 'R1', 100, 300);
    expect(moved.nodes.find((n) => n.id === 'R1')).toMatchObject({ x: 100, y: 300 });
    const r = linkBetween(moved, 'R1', 'L1')!;
    expect([r.ax, r.ay]).toEqual([100, 300]);
    // The other link did not move.
    expect(linkBetween(moved, 'H1', 'L1')).toEqual(linkBetween(l, 'H1', 'L1'));
  });
});
