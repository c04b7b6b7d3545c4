import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIpv4, parseIpv4 } from './ipv4';
import { groupsSharingMac, isGroupMac, lostBits, macMapping, multicastMac, parseMac } from './mac';

const ip = (s: string) => {
  const r = parseIpv4(s);
  if (!r.ok) throw new Error(r.error.en);
  return r.value;
};

/** RFC 1112 §6.4 written out on the dotted form: 01:00:5e, then octet 2 without its top bit, octets 3, 4. */
function rfcMac(dotted: string): string {
  const [, b, c, d] = dotted.split('.').map(Number) as [number, number, number, number];
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  return `01:00:5e:${hex(b & 0b0111_1111)}:${hex(c)}:${hex(d)}`;
}

describe('IP → Ethernet multicast mapping (RFC 1112 §6.4)', () => {
  it("maps 224.10.8.5 to 01:00:5e:0a:08:05 (the lecture's example)", () => {
    expect(multicastMac(ip('224.10.8.5'))).toBe('01:00:5e:0a:08:05');
  });

  it('maps 224.1.1.1, 225.1.1.1 and 239.129.1.1 to the same MAC: they collide', () => {
    const macs = ['224.1.1.1', '225.1.1.1', '239.129.1.1'].map((g) => multicastMac(ip(g)));
    expect(new Set(macs)).toEqual(new Set(['01:00:5e:01:01:01']));
    expect(multicastMac(ip('224.129.1.1'))).toBe(rfcMac('224.129.1.1'));
  });

  it('loses 5 bits: the 4 after 1110 and the top bit of the second octet', () => {
    expect(lostBits(ip('224.10.8.5'))).toEqual({ value: 0, bits: '00000' });
    expect(lostBits(ip('239.129.1.1'))).toEqual({ value: 31, bits: '11111' });
    expect(lostBits(ip('225.1.1.1')).bits).toBe('00010');
  });

  it('lists the 32 groups sharing a MAC: first octet 224–239 × second octet with or without its top bit', () => {
    const expected: string[] = [];
    for (let first = 224; first <= 239; first++)
      for (const second of [1, 129]) expected.push(`${first}.${second}.1.1`);
    expect(groupsSharingMac(ip('224.1.1.1')).map(formatIpv4).sort()).toEqual(expected.sort());
    const m = macMapping(ip('224.1.1.1'));
    expect(m?.sharing).toHaveLength(31);
    expect(m?.sharing).not.toContain('224.1.1.1');
    expect(macMapping(ip('10.1.1.1'))).toBeNull();
  });

  it('property: every class D address maps as the RFC says, to a group MAC shared by exactly 32 groups', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0xe0000000, max: 0xefffffff }), (g) => {
        const mac = multicastMac(g);
        const sharing = groupsSharingMac(g);
        return (
          mac === rfcMac(formatIpv4(g)) &&
          isGroupMac(mac) &&
          new Set(sharing).size === 32 &&
          sharing.includes(g) &&
          sharing.every((s) => multicastMac(s) === mac)
        );
      }),
    );
  });

  it('parses MACs in either notation and rejects others', () => {
    expect(parseMac('01-00-5E-0A-08-05')).toEqual({ ok: true, value: '01:00:5e:0a:08:05' });
    const bad = parseMac('01:00:5e:0a:08');
    expect(bad.ok).toBe(false);
  });
});
