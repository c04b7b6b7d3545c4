import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IGMPV3_NOTE, igmpTimers, maxRespTicks, RFC2236_DEFAULTS, toTicks } from './timers';

describe('IGMPv2 timer defaults (RFC 2236 §8)', () => {
  it('has the RFC values, derived ones by the RFC formulas', () => {
    const t = igmpTimers(RFC2236_DEFAULTS);
    expect(t).toEqual({
      robustness: 2, // §8.1
      queryInterval: 125, // §8.2
      queryResponseInterval: 10, // §8.3
      groupMembershipInterval: 260, // §8.4: 2 × 125 + 10
      otherQuerierPresentInterval: 255, // §8.5: 2 × 125 + 10 / 2
      startupQueryInterval: 31.25, // §8.6: 125 / 4
      startupQueryCount: 2, // §8.7
      lastMemberQueryInterval: 1, // §8.8
      lastMemberQueryCount: 2, // §8.9
      unsolicitedReportInterval: 10, // §8.10
      version1RouterPresentTimeout: 400, // §8.11
    });
  });

  it('converts to whole ticks at 8 per second (1 tick = 1/8 s) and fills Max Resp Time in tenths', () => {
    const k = toTicks(igmpTimers(), 8);
    expect(k).toMatchObject({
      queryInterval: 1000,
      queryResponseInterval: 80,
      groupMembershipInterval: 2080,
      otherQuerierPresentInterval: 2040,
      startupQueryInterval: 250,
      lastMemberQueryInterval: 8,
      unsolicitedReportInterval: 80,
      version1RouterPresentTimeout: 3200,
      queryResponseTenths: 100,
      lastMemberQueryTenths: 10,
    });
    expect(maxRespTicks(100, 8)).toBe(80);
    expect(maxRespTicks(0, 8)).toBe(80); // an IGMPv1 query counts as 10 s (§4)
  });

  it('property: classroom time keeps the RFC ratios at any scale of 4 ticks per second or more', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 250 }), (n) => {
        const tps = 4 * n;
        const k = toTicks(igmpTimers(), tps);
        return (
          k.queryInterval * 10 === k.queryResponseInterval * 125 &&
          k.groupMembershipInterval * 125 === k.queryInterval * 260 &&
          k.startupQueryInterval * 4 === k.queryInterval &&
          k.lastMemberQueryInterval === tps
        );
      }),
    );
  });

  it('has a note on IGMPv3 in both languages', () => {
    expect(IGMPV3_NOTE.length).toBeGreaterThan(2);
    for (const n of IGMPV3_NOTE) expect(n.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(IGMPV3_NOTE.map((n) => n.en).join(' ')).toContain('224.0.0.22');
  });
});
