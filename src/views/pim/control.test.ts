import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import assertLan from '../../scenarios/examples/pim-dense-assert-lan.json';
import graft from '../../scenarios/examples/pim-dense-graft.json';
import spt from '../../scenarios/examples/pim-sparse-spt-switch.json';
import { simulate } from '../../scenarios/simulate';
import { validateScenario } from '../../scenarios/validate';
import type { Trace } from '../../sim/trace';
import { arrowPhase, type ControlArrow, controlArrows, controlTimeScale, routerLanes } from './control';

function run(data: unknown): Trace {
  const v = validateScenario(data);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return simulate(v.value);
}

/** The routers on a LAN, read from the scenario's own links. */
const routersOn = (data: typeof assertLan, lan: string) =>
  data.topology.links
    .filter(
      (l) => (l.a === lan || l.b === lan) && data.topology.routers.some((r) => r.id === l.a || r.id === l.b),
    )
    .map((l) => (l.a === lan ? l.b : l.a))
    .sort();

describe('control arrows derived from a trace', () => {
  it('pim-dense-graft: the Graft goes from R4 up to its RPF neighbour R2 and the Graft-Ack comes back', () => {
    const arrows = controlArrows(run(graft));
    // H3's router R4 reaches S through R2 or R3 at equal cost; RPF takes the lower id, R2 (RFC 3973 §4.1.3).
    const g = arrows.filter((a) => a.kind === 'pim-graft');
    expect(g.map((a) => [a.from, a.to])).toEqual([['R4', 'R2']]);
    const ack = arrows.filter((a) => a.kind === 'pim-graft-ack');
    expect(ack.map((a) => [a.from, a.to])).toEqual([['R2', 'R4']]);
    // RFC 3973 §4.7.6: Graft is unicast to the upstream neighbour; its fields name it.
    expect(String(g[0]!.fields.upstream)).toContain('(R2)');
    expect(g[0]!.fields.joins).toBe('(S,G)');
    expect(ack[0]!.sentAt).toBeGreaterThanOrEqual(g[0]!.arriveAt);
  });

  it('one arrow per router-to-router PIM copy on a point-to-point link, with the copy’s times', () => {
    const t = run(graft);
    const kind = (n: string) => (t.initial[n] as { kind: string }).kind;
    const p2p = t.copies.filter(
      (c) => c.kind.startsWith('pim-') && kind(c.src) === 'router' && kind(c.to) === 'router',
    );
    const arrows = controlArrows(t);
    expect(arrows.map((a) => a.id).sort()).toEqual(p2p.map((c) => c.id).sort());
    for (const c of p2p) {
      const a = arrows.find((x) => x.id === c.id)!;
      expect([a.sentAt, a.arriveAt, a.sentStep, a.arriveStep]).toEqual([
        c.sentAt,
        c.arriveAt,
        c.sentStep,
        c.arriveStep,
      ]);
    }
  });

  it('a message put on a LAN reaches every other router there (ALL-PIM-ROUTERS), a unicast one only its addressee', () => {
    const t = run(assertLan);
    const arrows = controlArrows(t);
    const kind = (n: string) => (t.initial[n] as { kind: string }).kind;
    const onLan = t.copies.filter(
      (c) => c.kind.startsWith('pim-') && kind(c.src) === 'router' && kind(c.to) === 'lan',
    );
    expect(onLan.length).toBeGreaterThan(0);
    let unicast = 0;
    for (const c of onLan) {
      const others = routersOn(assertLan, c.to).filter((r) => r !== c.src);
      const send = t.events.find((e) => e.type === 'send' && e.msg === c.msg && e.node === c.src)!;
      const got = arrows.filter((a) => a.msg === c.msg && a.from === c.src).map((a) => a.to);
      // RFC 7761 §4.9: 224.0.0.13 is ALL-PIM-ROUTERS; Graft and Graft-Ack are unicast (RFC 3973 §4.7.6).
      if ((send.detail as { dst: string }).dst === '224.0.0.13') expect(got.sort(), c.msg).toEqual(others);
      else {
        unicast++;
        expect(got).toHaveLength(1);
        expect(others).toContain(got[0]);
      }
      for (const a of arrows.filter((x) => x.msg === c.msg)) expect(a.sentAt).toBe(c.sentAt);
    }
    expect(unicast).toBeGreaterThan(0);
  });

  it('pim-sparse-spt-switch: the last-hop router R5 sends an (S,G,rpt) Prune toward the RP R3', () => {
    const arrows = controlArrows(run(spt));
    // RFC 7761 §4.5.9 / lecture phase 3: after the switch to the SPT, prune S off the RP tree.
    const rpt = arrows.filter((a) => a.kind === 'pim-prune-rpt');
    expect(rpt.length).toBeGreaterThan(0);
    expect(rpt[0]).toMatchObject({ from: 'R5', to: 'R3' });
    expect(rpt[0]!.label).toContain(',rpt)');
    for (const a of arrows) if (a.kind === 'pim-prune') expect(a.label).not.toContain(',rpt)');
  });

  it('orders arrows by the step they were sent', () => {
    const arrows = controlArrows(run(spt));
    for (let i = 1; i < arrows.length; i++)
      expect(arrows[i]!.sentStep).toBeGreaterThanOrEqual(arrows[i - 1]!.sentStep);
  });
});

describe('router lanes', () => {
  it('one per router, in natural order, hosts and LANs left out', () => {
    const trace = {
      nodes: ['R10', 'H1', 'R2', 'L0', 'R1'],
      initial: {
        R10: { kind: 'router' },
        H1: { kind: 'host' },
        R2: { kind: 'router' },
        L0: { kind: 'lan' },
        R1: { kind: 'router' },
      },
    } as unknown as Trace;
    expect(routerLanes(trace)).toEqual(['R1', 'R2', 'R10']);
  });
});

describe('an arrow at a cursor', () => {
  const a = { sentStep: 5, arriveStep: 9, sentAt: 10, arriveAt: 14, lost: null } as ControlArrow;
  it('is not drawn before its send is shown, flies in between, and is complete once its arrival is shown', () => {
    expect(arrowPhase(a, 5, 10)).toEqual({ phase: 'future' });
    expect(arrowPhase(a, 6, 10)).toEqual({ phase: 'flight', f: 0 });
    expect(arrowPhase(a, 8, 12)).toEqual({ phase: 'flight', f: 0.5 });
    expect(arrowPhase(a, 9, 14)).toEqual({ phase: 'flight', f: 1 });
    expect(arrowPhase(a, 10, 14)).toEqual({ phase: 'done' });
  });
  it('moving the cursor back undoes it (a pure function of the cursor)', () => {
    expect(arrowPhase(a, 10, 14)).toEqual({ phase: 'done' });
    expect(arrowPhase(a, 7, 11)).toEqual({ phase: 'flight', f: 0.25 });
    expect(arrowPhase(a, 3, 8)).toEqual({ phase: 'future' });
  });
});

describe('the squeezed time axis', () => {
  const opts = { width: 600, gap: 6, pad: 1, breakPx: 30, minPx: 10, maxPx: 40 };
  const intervals = fc.array(
    fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 20 })).map(([from, d]) => ({
      from,
      to: from + d,
    })),
    { maxLength: 30 },
  );

  it('property: earlier times are never to the right of later ones', () => {
    fc.assert(
      fc.property(intervals, fc.integer({ min: 0, max: 600 }), (iv, end) => {
        const s = controlTimeScale(iv, end, opts);
        const last = Math.max(end, ...iv.map((i) => i.to));
        let prev = -1;
        for (let t = 0; t <= last; t++) {
          const x = s.x(t);
          expect(x).toBeGreaterThanOrEqual(prev);
          prev = x;
        }
      }),
    );
  });

  it('property: every message travels inside a stretch drawn to scale, never through a break', () => {
    fc.assert(
      fc.property(intervals, fc.integer({ min: 0, max: 600 }), (iv, end) => {
        const s = controlTimeScale(iv, end, opts);
        for (const i of iv) {
          const span = s.spans.find((x) => x.active && x.t0 <= i.from && i.to <= x.t1);
          expect(span).toBeDefined();
          expect(s.x(i.to) - s.x(i.from)).toBeCloseTo((i.to - i.from) * s.pxPerTick, 6);
        }
      }),
    );
  });

  it('squeezes a long quiet stretch into one break and fits the width', () => {
    const s = controlTimeScale(
      [
        { from: 10, to: 12 },
        { from: 200, to: 204 },
      ],
      300,
      opts,
    );
    expect(s.spans.map((x) => [x.active, x.t0, x.t1])).toEqual([
      [false, 0, 9],
      [true, 9, 13],
      [false, 13, 199],
      [true, 199, 205],
      [false, 205, 300],
    ]);
    // 10 ticks drawn to scale, three breaks of 30 px: (600 − 90) / 10 = 51 px a tick, capped at 40.
    expect(s.pxPerTick).toBe(40);
    expect(s.width).toBe(10 * 40 + 3 * 30);
  });
});
