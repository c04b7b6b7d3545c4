import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIT_LIMIT, fitWindow, follow, initialWindow, MIN_SPAN, pan, zoom } from './zoom';

describe('time window', () => {
  it('fit shows the whole run with a margin', () => {
    const w = fitWindow(100);
    expect(w.t0).toBeLessThan(0);
    expect(w.t1).toBeGreaterThan(100);
  });

  it('opens a small run fitted and a large one on a slice that contains the cursor', () => {
    expect(initialWindow(50, FIT_LIMIT, 10)).toEqual(fitWindow(50));
    const w = initialWindow(1000, 2000, 700);
    expect(w.t1 - w.t0).toBeLessThan(fitWindow(1000).t1 - fitWindow(1000).t0);
    expect(w.t0 <= 700 && 700 <= w.t1).toBe(true);
  });

  it('zooming keeps the time under the pointer in place (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 10, max: 400 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom(0.6, 0.8, 1.25, 1 / 0.6),
        (t0, span, k, factor) => {
          const win = { t0, t1: t0 + span };
          const at = t0 + k * span;
          const z = zoom(win, factor, at, 2000);
          expect((at - z.t0) / (z.t1 - z.t0)).toBeCloseTo(k);
          expect(z.t1 - z.t0).toBeGreaterThanOrEqual(MIN_SPAN);
        },
      ),
    );
  });

  it('pans by the given time', () => {
    expect(pan({ t0: 10, t1: 20 }, -5)).toEqual({ t0: 5, t1: 15 });
  });

  it('follows the cursor only when it leaves the window (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100, max: 100 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: -300, max: 300 }),
        (t0, span, t) => {
          const win = { t0, t1: t0 + span };
          const f = follow(win, t);
          expect(f.t0 <= t && t <= f.t1).toBe(true);
          expect(f.t1 - f.t0).toBeCloseTo(span);
          if (t >= win.t0 && t <= win.t1) expect(f).toBe(win);
        },
      ),
    );
  });
});
