import { describe, expect, it } from 'vitest';
import { parseIpv4 } from './ipv4';
import { ipv6Multicast, parseIpv6 } from './ipv6';
import { lookupWellKnown, WELL_KNOWN } from './wellknown';

const ip = (s: string) => {
  const r = parseIpv4(s);
  if (!r.ok) throw new Error(r.error.en);
  return r.value;
};

describe('well-known multicast addresses', () => {
  it("holds the lecture's list and the addresses IGMP and PIM use", () => {
    const listed = WELL_KNOWN.map((w) => w.address);
    for (const a of [
      '224.0.0.1',
      '224.0.0.2',
      '224.0.23.173',
      '224.0.23.52',
      '224.0.12.0–224.0.12.63',
      '224.0.1.16',
      '224.0.1.2',
      '224.0.1.7',
      'FF02::9',
      '224.0.0.13',
      '224.0.0.22',
    ])
      expect(listed).toContain(a);
  });

  it('names every entry in English and Chinese', () => {
    for (const w of WELL_KNOWN) {
      expect(w.name.en.length).toBeGreaterThan(0);
      expect(w.name.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('cites its source in both languages: a bare RFC number is the same in both, prose is translated', () => {
    for (const w of WELL_KNOWN) {
      if (/^RFC [\d.§ ]+$/.test(w.source.en)) expect(w.source.zh, w.address).toBe(w.source.en);
      else expect(w.source.zh, w.address).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(lookupWellKnown(ip('224.0.0.2'))[0]?.source.zh).toBe('IGMPv2 离开组消息（RFC 2236 §9）');
  });

  it('finds the most specific entry first, ranges included', () => {
    expect(lookupWellKnown(ip('224.0.0.1'))[0]?.name.en).toBe('All systems on this subnet');
    expect(lookupWellKnown(ip('224.0.12.40'))[0]?.name.en).toBe('Microsoft and MSNBC');
    expect(lookupWellKnown(ip('224.0.12.64')).map((w) => w.name.en)).not.toContain('Microsoft and MSNBC');
    expect(lookupWellKnown(ip('10.0.0.1'))).toEqual([]);
  });
});

describe('IPv6 multicast (high-order 8 bits all 1)', () => {
  it('reads FF02::9 as multicast with link-local scope', () => {
    const r = parseIpv6('FF02::9');
    expect(r).toEqual({ ok: true, value: [0xff02, 0, 0, 0, 0, 0, 0, 9] });
    const long = parseIpv6('FF02:0:0:0:0:0:0:9');
    expect(long).toEqual(r);
    if (r.ok) {
      const v = ipv6Multicast(r.value);
      expect(v).toMatchObject({ isMulticast: true, prefixBits: '11111111', scope: 2 });
      expect(v.scopeName?.en).toBe('link-local');
    }
  });

  it('says a unicast address is not multicast, and rejects malformed text', () => {
    const r = parseIpv6('2001:db8::1');
    expect(r.ok && ipv6Multicast(r.value).isMulticast).toBe(false);
    expect(parseIpv6('1::2::3').ok).toBe(false);
    expect(parseIpv6('12345::1').ok).toBe(false);
    expect(parseIpv6('1:2:3').ok).toBe(false);
  });
});
