import { describe, expect, it } from 'vitest';
import { sptScenario } from '../../scenarios/lessons/pim/spt-switch';
import type { NetworkScenario } from '../../scenarios/schema';
import { simulate } from '../../scenarios/simulate';
import type { Trace } from '../../sim/trace';

/** The lesson's network with the last-hop router R5 switching after `n` packets. */
const withThreshold = (n: number): NetworkScenario => ({
  ...sptScenario,
  pim: { ...sptScenario.pim!, sptSwitch: { packets: n } },
});

/** Data copies that came down the RP tree into R5 (from R4), in the order they arrived. */
const rptArrivals = (t: Trace) =>
  t.copies
    .filter((c) => c.kind === 'data' && c.src === 'R4' && c.to === 'R5' && c.arriveStep !== null)
    .sort((a, b) => a.arriveStep! - b.arriveStep!);

/** The step at which R5 sends its first (S,G) Join, which is the switch to the source's tree. */
const switchStep = (t: Trace) =>
  t.copies.find((c) => c.kind === 'pim-join' && c.src === 'R5' && c.label === 'Join (S,G)')?.sentStep;

describe('SPT switch threshold (RFC 7761 §4.2.1, policy "after n packets")', () => {
  it('the RP sends one packet down the RP tree twice while it registers and joins toward S', () => {
    // The bug's precondition: without a duplicate the count of copies and of packets agree.
    const ids = rptArrivals(simulate(withThreshold(5))).map((c) => c.msg);
    expect(new Set(ids).size).toBeLessThan(ids.length);
  });

  for (const n of [1, 2, 3, 4, 5]) {
    it(`{ packets: ${n} } switches once ${n} distinct packets have come down the RP tree, counting a duplicate once`, () => {
      const t = simulate(withThreshold(n));
      const step = switchStep(t);
      expect(step).toBeDefined();
      // Each distinct packet's first arrival, in order: the n-th triggers the switch, the next does not precede it.
      const firsts: { msg: string; step: number }[] = [];
      for (const c of rptArrivals(t))
        if (!firsts.some((f) => f.msg === c.msg)) firsts.push({ msg: c.msg, step: c.arriveStep! });
      expect(firsts.length).toBeGreaterThanOrEqual(n);
      expect(step!).toBeGreaterThanOrEqual(firsts[n - 1]!.step);
      if (firsts[n]) expect(step!).toBeLessThan(firsts[n]!.step);
    });
  }
});
