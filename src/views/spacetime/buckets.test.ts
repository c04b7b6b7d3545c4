import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holdbackScenario, largeScenario, traceOf } from '../testing/scenarios';
import { arrowSpan, bucketCursor, bucketize, bucketLive, markSpan, spanSpan } from './buckets';
import { canIntervene, copyStatus, markShown, spanEndX } from './frame';
import { layout } from './geometry';
import { diagramModel } from './model';

const models = [diagramModel(traceOf(largeScenario())), diagramModel(traceOf(holdbackScenario()))];
const size = { width: 960, laneGap: 58, mark: 15, arrowhead: 10 };

describe('runs of diagram shapes', () => {
  it('keep every shape, in order, at most the run size to a run', () => {
    const xs = Array.from({ length: 37 }, (_, i) => ({ k: `s${i}`, step: 36 - i }));
    const runs = bucketize(
      xs,
      (x) => x.k,
      (x) => markSpan(x),
      16,
    );
    expect(runs.map((r) => r.items.length)).toEqual([16, 16, 5]);
    expect(runs.flatMap((r) => r.items)).toEqual(xs);
    expect(runs.map((r) => r.key)).toEqual(['s0', 's16', 's32']);
    expect(runs.map((r) => [r.lo, r.hi])).toEqual([
      [21, 37],
      [5, 21],
      [0, 5],
    ]);
  });

  it('see one cursor for all cursors outside their steps, and are live only strictly inside', () => {
    const b = { lo: 10, hi: 20 };
    expect([0, 10, 15, 20, 99].map((c) => bucketCursor(b, c))).toEqual([10, 10, 15, 20, 20]);
    expect([10, 11, 19, 20].map((c) => bucketLive(b, c))).toEqual([false, true, true, false]);
    expect(bucketLive({ lo: 3, hi: Number.POSITIVE_INFINITY }, 1e9)).toBe(true);
  });

  for (const [i, model] of models.entries()) {
    const geo = layout(model, size, { t0: 0, t1: model.endTime });
    const marks = bucketize(
      geo.marks,
      (g) => g.mark.key,
      (g) => markSpan(g.mark),
    );
    const arrows = bucketize(
      geo.arrows,
      (g) => g.arrow.id,
      (g) => arrowSpan(g.arrow),
    );
    const spans = bucketize(
      geo.spans,
      (g) => g.span.key,
      (g) => spanSpan(g.span),
    );

    it(`draw every shape at a run's cursor as at the real one, and any shape in motion in a live run (model ${i}, property)`, () => {
      expect(geo.marks.length).toBeGreaterThan(0);
      expect(geo.arrows.length).toBeGreaterThan(0);
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: model.steps + 2 }),
          fc.double({ noNaN: true }),
          (cursor, xNow) => {
            for (const b of marks)
              for (const g of b.items)
                expect(markShown(g.mark, bucketCursor(b, cursor))).toBe(markShown(g.mark, cursor));
            for (const b of arrows)
              for (const g of b.items) {
                const at = bucketCursor(b, cursor);
                expect(copyStatus(g.arrow, at)).toBe(copyStatus(g.arrow, cursor));
                expect(canIntervene(g.arrow, at)).toBe(canIntervene(g.arrow, cursor));
                if (copyStatus(g.arrow, cursor) === 'flight') expect(bucketLive(b, cursor)).toBe(true);
              }
            for (const b of spans)
              for (const g of b.items) {
                const live = bucketLive(b, cursor);
                // A run that is not live is drawn with xNow 0: no span of it may be following the cursor.
                expect(spanEndX(g, bucketCursor(b, cursor), live ? xNow : 0)).toBe(spanEndX(g, cursor, xNow));
              }
          },
        ),
        { numRuns: 60 },
      );
    });
  }
});
