import { describe, expect, it } from 'vitest';
import { RFC2236_DEFAULTS } from '../../protocols/igmp/timers';
import invalidJson from '../../scenarios/examples/igmp-invalid-packets.json';
import iptvJson from '../../scenarios/examples/iptv-channel-change.json';
import { simulate } from '../../scenarios/simulate';
import { load } from '../testing/scenarios';
import { ignoredIgmp, lanGroups, leaveLatencies } from './igmp-view';

const iptv = simulate(load(iptvJson));
const end = iptv.events.length;
/** iptv-channel-change.json runs IGMP at 8 ticks per second with the RFC's defaults. */
const TPS = 8;

describe('the IPTV channel change, read from the trace', () => {
  it('times the leave of ch1: Last Member Query Count queries, and the group stopped after about LMQC × LMQI', () => {
    const ch1 = leaveLatencies(iptv, end).find((r) => r.group === 'ch1' && r.host === 'STB1')!;
    // The scenario's action: STB1 leaves ch1 at t=200, on L1.
    expect(ch1).toMatchObject({ host: 'STB1', lan: 'L1', leftAt: 200, kept: false });
    // RFC 2236 §3 and §8.9: Last Member Query Count = Robustness = 2 group-specific queries.
    expect(ch1.queries).toBe(RFC2236_DEFAULTS.robustness);
    // §8.8: Last Member Query Interval 1 s apart; the links add a few ticks (STB1→L1→R2 is 2).
    const floor = RFC2236_DEFAULTS.robustness * RFC2236_DEFAULTS.lastMemberQueryInterval * TPS;
    expect(ch1.removedAt! - ch1.leftAt).toBeGreaterThanOrEqual(floor);
    expect(ch1.removedAt! - ch1.leftAt).toBeLessThanOrEqual(floor + 4);
    // The head end streams ch1 every 4 ticks, so the old channel kept arriving on L1 meanwhile.
    expect(ch1.framesAfter).toBeGreaterThanOrEqual(Math.floor(floor / 4) - 1);
  });

  it('shows a Leave as still being checked before the querier has decided', () => {
    const leave = iptv.events.find((e) => e.type === 'send' && e.kind === 'leave')!;
    const row = leaveLatencies(iptv, leave.step + 1)[0]!;
    expect(row.removedAt).toBeNull();
    expect(row.kept).toBe(false);
  });

  it("follows the router's membership and the streams on the set-top boxes' LAN", () => {
    const at = (t: number) => iptv.events.findIndex((e) => e.time > t);
    const before = lanGroups(iptv, at(199));
    const row = (rows: typeof before, g: string) => rows.find((r) => r.lan === 'L1' && r.group === g);
    expect(row(before, 'ch1')).toMatchObject({ state: 'Members Present', members: ['STB1'] });
    expect(row(before, 'ch2')?.frames ?? 0).toBe(0);
    const after = lanGroups(iptv, at(300));
    expect(row(after, 'ch1')).toMatchObject({ state: 'No Members Present', members: [] });
    expect(row(after, 'ch2')?.state).toBe('Members Present');
    expect(row(after, 'ch2')!.members.sort()).toEqual(['STB1', 'STB3']);
    // ch2 is on L1 now, ch1 stopped there a little after the leave.
    expect(row(after, 'ch2')!.lastFrameAt!).toBeGreaterThan(280);
    expect(row(after, 'ch1')!.lastFrameAt!).toBeLessThan(230);
  });
});

describe('invalid IGMP messages', () => {
  it('are ignored (RFC 2236 §2.3): the bad checksum and the short one, never the good one', () => {
    const trace = simulate(load(invalidJson));
    const ignored = ignoredIgmp(trace, trace.events.length);
    expect(new Set(ignored.map((r) => r.msg))).toEqual(new Set(['bad-sum', 'short']));
    expect(ignored.every((r) => r.why !== null && r.why.en.length > 0 && r.why.zh.length > 0)).toBe(true);
  });
});
