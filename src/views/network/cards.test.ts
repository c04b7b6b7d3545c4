import { describe, expect, it } from 'vitest';
import macJson from '../../scenarios/examples/network-mac-collision.json';
import { simulate } from '../../scenarios/simulate';
import { load } from '../testing/scenarios';
import { cardRows } from './cards';

/**
 * network-mac-collision.json: S multicasts once to A (224.1.1.1, H1 joined) and once to B
 * (225.1.1.1, H2 joined). RFC 1112 §6.4 maps both to 01:00:5e:01:01:01, so the card cannot tell
 * them apart; H3's card is promiscuous for multicast; H4 joined nothing.
 */
describe('Ethernet cards, counted from the trace', () => {
  const trace = simulate(load(macJson));
  const rows = new Map(cardRows(trace, trace.events.length).map((r) => [r.host, r]));

  it('lets both colliding groups through the exact-match table, and IP drops the one not joined', () => {
    for (const h of ['H1', 'H2']) {
      const r = rows.get(h)!;
      expect(r).toMatchObject({ seen: 2, droppedByCard: 0, passedExact: 2, droppedByIp: 1, unwanted: 1 });
      // Own MAC, all-systems 224.0.0.1, and the one group MAC: 3 of the card's 16 entries.
      expect([r.exactUsed, r.exactSize, r.hashSize]).toEqual([3, 16, 4096]);
    }
  });

  it("passes every multicast frame in promiscuous mode and leaves the driver's final check to drop them", () => {
    expect(rows.get('H3')).toMatchObject({ seen: 2, passedPromiscuous: 2, droppedByDriver: 2, unwanted: 2 });
  });

  it('drops both frames at the card of a host that joined nothing: they cost it nothing', () => {
    expect(rows.get('H4')).toMatchObject({ seen: 2, droppedByCard: 2, unwanted: 0 });
  });

  it('counts nothing before the cursor reaches the frames', () => {
    for (const r of cardRows(trace, 0)) expect(r.seen).toBe(0);
  });
});
