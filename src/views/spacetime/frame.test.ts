import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timeAt } from '../../store/lab';
import { holdbackScenario, largeScenario, traceOf } from '../testing/scenarios';
import {
  canIntervene,
  copyStatus,
  flightFraction,
  flightPoint,
  spanEndX,
  summaryAt,
  summaryIndex,
} from './frame';
import { layout } from './geometry';
import { diagramModel } from './model';

const trace = traceOf(holdbackScenario());
const model = diagramModel(trace);
const m1toP2 = model.arrows.find((a) => a.id === 'm1@P2')!;

describe('a copy at a cursor', () => {
  it('is sent once the cursor passes its send step, and arrived once it passes its arrival step', () => {
    const a = m1toP2;
    expect(copyStatus(a, a.sentStep)).toBe('future');
    expect(copyStatus(a, a.sentStep + 1)).toBe('flight');
    expect(copyStatus(a, a.arriveStep!)).toBe('flight');
    expect(copyStatus(a, a.arriveStep! + 1)).toBe('arrived');
    expect(canIntervene(a, a.arriveStep!)).toBe(true);
    expect(canIntervene(a, a.arriveStep! + 1)).toBe(false);
  });

  it('in flight sits at (now − sent) / (arrive − sent) of its arrow', () => {
    // m1@P2 leaves at 0 and arrives at 9; when P2 receives m3 at time 8 it is 8/9 of the way.
    const receiveM3 = trace.events.find((e) => e.node === 'P2' && e.type === 'receive' && e.msg === 'm3')!;
    const tNow = timeAt(trace, receiveM3.step + 1);
    expect(tNow).toBe(8);
    expect(flightFraction(m1toP2, tNow)).toBeCloseTo(8 / 9);
    const g = layout(model, { width: 900, laneGap: 50, mark: 14 }, { t0: 0, t1: 10 });
    const geo = g.arrows.find((x) => x.arrow === m1toP2)!;
    const p = flightPoint(geo, tNow);
    expect(p.x).toBeCloseTo(geo.x1 + (geo.x2 - geo.x1) * (8 / 9));
    expect(p.y).toBeCloseTo(geo.y1 + (geo.y2 - geo.y1) * (8 / 9));
  });

  it('moves forward as the cursor moves forward and stays on its arrow (property)', () => {
    const big = traceOf(largeScenario(40));
    const m = diagramModel(big);
    fc.assert(
      fc.property(
        fc.nat(m.arrows.length - 1),
        fc.nat(big.events.length),
        fc.nat(big.events.length),
        (i, c1, c2) => {
          const a = m.arrows[i]!;
          const [lo, hi] = c1 <= c2 ? [c1, c2] : [c2, c1];
          const f1 = flightFraction(a, timeAt(big, lo));
          const f2 = flightFraction(a, timeAt(big, hi));
          expect(f1).toBeGreaterThanOrEqual(0);
          expect(f2).toBeLessThanOrEqual(1);
          expect(f2).toBeGreaterThanOrEqual(f1);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('due at its send time sits at its end', () => {
    expect(flightFraction({ ...m1toP2, arriveAt: m1toP2.sentAt }, m1toP2.sentAt)).toBe(1);
  });
});

describe('a hold-back span at a cursor', () => {
  const g = layout(model, { width: 900, laneGap: 50, mark: 14 }, { t0: 0, t1: 10 });
  const span = g.spans.find((s) => s.span.node === 'P2' && s.span.msg === 'm2')!;

  it('is hidden before the message is held back, grows with time while it waits, then ends at its delivery', () => {
    expect(spanEndX(span, span.span.startStep, 123)).toBeNull();
    expect(spanEndX(span, span.span.startStep + 1, 123)).toBe(123);
    expect(spanEndX(span, span.span.endStep!, 456)).toBe(456);
    expect(spanEndX(span, span.span.endStep! + 1, 456)).toBe(g.x(9));
  });
});

describe('the diagram summary', () => {
  it('counts copies in flight, messages held back and deliveries at every cursor', () => {
    const index = summaryIndex(model);
    for (let c = 0; c <= trace.events.length; c++) {
      const flight = trace.copies.filter(
        (x) => c > x.sentStep && (x.arriveStep === null || c <= x.arriveStep),
      );
      const shown = trace.events.slice(0, c);
      const held = shown.filter((e) => e.type === 'holdback').length;
      const freed = shown.filter(
        (e) =>
          e.type === 'deliver' &&
          shown.some((h) => h.type === 'holdback' && h.node === e.node && h.msg === e.msg && h.step < e.step),
      ).length;
      expect(summaryAt(index, c)).toEqual({
        flight: flight.length,
        held: held - freed,
        delivered: shown.filter((e) => e.type === 'deliver').length,
      });
    }
  });
});
