import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { largeScenario, lossyScenario, traceOf } from '../testing/scenarios';
import { arrowsIn, LOST_GAP, laneY, layout, MARGIN, marksIn, spansIn } from './geometry';
import { diagramModel } from './model';

const size = { width: 1000, laneGap: 50, mark: 14 };
const big = diagramModel(traceOf(largeScenario()));

describe('diagram geometry', () => {
  it('draws each arrow from (sender lane, send time) to (receiver lane, arrival time) on a linear axis', () => {
    const m = diagramModel(traceOf(lossyScenario()));
    const win = { t0: 0, t1: 20 };
    const g = layout(m, size, win);
    const x = (t: number) =>
      MARGIN.left + ((t - win.t0) / (win.t1 - win.t0)) * (size.width - MARGIN.right - MARGIN.left);
    for (const a of g.arrows) {
      const { sentAt, arriveAt, srcLane, toLane } = a.arrow;
      expect(a.x1).toBeCloseTo(x(sentAt));
      expect(a.y1).toBe(laneY(srcLane, size));
      if (a.arrow.lost === null) {
        expect(a.x2).toBeCloseTo(x(arriveAt));
        expect(a.y2).toBe(laneY(toLane, size));
      } else {
        // A lost copy stops short of the receiver, on the same line, ending in a cross.
        expect(a.x2).toBeCloseTo(x(sentAt) + (x(arriveAt) - x(sentAt)) * LOST_GAP);
        expect(a.y2).toBeCloseTo(
          laneY(srcLane, size) + (laneY(toLane, size) - laneY(srcLane, size)) * LOST_GAP,
        );
      }
    }
  });

  it('is as tall as its lanes', () => {
    const g = layout(big, size, { t0: 0, t1: 10 });
    expect(g.height).toBe(MARGIN.top + 8 * size.laneGap + MARGIN.bottom);
    expect(g.lanes.map((l) => l.y)).toEqual(big.lanes.map((_, i) => laneY(i, size)));
  });

  it('has about 2,000 events in the large test run', () => {
    expect(big.steps).toBeGreaterThanOrEqual(2000);
  });

  it('windowing keeps exactly the arrows, marks and spans that overlap the window (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -20, max: big.endTime + 20 }),
        fc.integer({ min: 0, max: 80 }),
        (t0, w) => {
          const win = { t0, t1: t0 + w };
          const arrows = big.arrows.filter((a) => a.sentAt <= win.t1 && a.arriveAt >= win.t0);
          expect(
            arrowsIn(big, win)
              .map((a) => a.id)
              .sort(),
          ).toEqual(arrows.map((a) => a.id).sort());
          const marks = big.marks.filter((k) => k.time >= win.t0 && k.time <= win.t1);
          expect(marksIn(big, win).map((k) => k.key)).toEqual(marks.map((k) => k.key));
          const spans = big.spans.filter((s) => s.startTime <= win.t1 && (s.endTime ?? Infinity) >= win.t0);
          expect(spansIn(big, win)).toEqual(spans);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('lays out only a slice of a 2,000-event run when zoomed in', () => {
    const g = layout(big, size, { t0: 100, t1: 130 });
    expect(g.arrows.length).toBeLessThan(big.arrows.length / 4);
    expect(g.marks.every((m) => m.mark.time >= 100 && m.mark.time <= 130)).toBe(true);
  });
});
