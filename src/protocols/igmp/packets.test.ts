import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIpv4, parseIpv4 } from '../address/ipv4';
import {
  corruptIgmp,
  decodeIgmp,
  encodeIgmp,
  type IgmpMessage,
  igmpDestination,
  igmpFields,
  igmpIpHeader,
  internetChecksum,
} from './packets';

const ip = (s: string) => {
  const r = parseIpv4(s);
  if (!r.ok) throw new Error(r.error.en);
  return r.value;
};

/**
 * RFC 1071 by hand: add the 16-bit words, fold the carries back in, take the one's complement
 * (for 16 bits: 0xffff minus the sum). Written separately from the code under test.
 */
function byHand(words: number[]): number {
  let sum = words.reduce((a, b) => a + b, 0);
  while (sum > 0xffff) sum = (sum % 0x10000) + Math.floor(sum / 0x10000);
  return 0xffff - sum;
}

const checksumOf = (b: number[]) => (b[2]! << 8) | b[3]!;

describe('Internet checksum of IGMP messages (RFC 1071)', () => {
  it('General Query, Max Resp Time 10 s: 11 64 | 00 00 | 00 00 | 00 00 → 0xEE9B', () => {
    const b = encodeIgmp({ kind: 'query', layout: 2, maxResp: 100, group: 0 });
    expect(b.slice(0, 2)).toEqual([0x11, 0x64]);
    expect(checksumOf(b)).toBe(byHand([0x1164, 0, 0, 0]));
    expect(checksumOf(b)).toBe(0xee9b);
  });

  it('v2 Membership Report for 224.1.1.1: 16 00 | cs | e0 01 | 01 01', () => {
    const b = encodeIgmp({ kind: 'v2-report', layout: 2, maxResp: 0, group: ip('224.1.1.1') });
    expect(checksumOf(b)).toBe(byHand([0x1600, 0xe001, 0x0101]));
    expect(checksumOf(b)).toBe(0x08fd);
  });

  it('Leave Group for 224.1.1.1: 17 00 | cs | e0 01 | 01 01', () => {
    const b = encodeIgmp({ kind: 'leave', layout: 2, maxResp: 0, group: ip('224.1.1.1') });
    expect(checksumOf(b)).toBe(byHand([0x1700, 0xe001, 0x0101]));
  });

  it('a report for 239.255.255.250 needs the end-around carry', () => {
    const b = encodeIgmp({ kind: 'v2-report', layout: 2, maxResp: 0, group: ip('239.255.255.250') });
    // 0x1600 + 0xefff + 0xfffa = 0x205f9 → fold: 0x05f9 + 0x2 = 0x05fb → complement 0xfa04.
    expect(checksumOf(b)).toBe(0xfa04);
  });

  it('IGMPv1 query (RFC 1112 App. I): Version 1, Type 1, Unused 0', () => {
    const b = encodeIgmp({ kind: 'query', layout: 1, maxResp: 100, group: 0 });
    expect(b.slice(0, 2)).toEqual([0x11, 0x00]);
    expect(checksumOf(b)).toBe(byHand([0x1100, 0, 0, 0]));
  });

  it('property: the checksum of any encoded message sums to zero, and it decodes back', () => {
    const msg = fc.record({
      kind: fc.constantFrom('query', 'v1-report', 'v2-report', 'leave'),
      maxResp: fc.integer({ min: 1, max: 255 }),
      group: fc.integer({ min: 0xe0000000, max: 0xefffffff }),
    });
    fc.assert(
      fc.property(msg, (m) => {
        const message: IgmpMessage = { ...m, layout: 2, maxResp: m.kind === 'query' ? m.maxResp : 0 };
        const b = encodeIgmp(message);
        const d = decodeIgmp(b, 2);
        return (
          internetChecksum(b) === 0 &&
          d.ok &&
          d.msg.kind === message.kind &&
          d.msg.maxResp === message.maxResp &&
          d.msg.group === message.group
        );
      }),
    );
  });
});

describe('invalid messages are ignored, saying why (RFC 2236 §2.1, §6)', () => {
  const good = encodeIgmp({ kind: 'v2-report', layout: 2, maxResp: 0, group: ip('239.1.1.1') });

  it('too short', () => {
    const d = decodeIgmp(corruptIgmp(good, 'short'), 2);
    expect(d).toMatchObject({ ok: false, reason: 'short' });
  });

  it('bad checksum', () => {
    const d = decodeIgmp(corruptIgmp(good, 'checksum'), 2);
    expect(d).toMatchObject({ ok: false, reason: 'checksum' });
    if (!d.ok) expect(d.why.zh.length).toBeGreaterThan(0);
  });

  it('an unknown type with a good checksum; and an IGMPv1 system does not know v2 messages', () => {
    const dvmrp = [0x13, 0, 0, 0, 0, 0, 0, 0];
    const c = internetChecksum(dvmrp);
    dvmrp[2] = c >> 8;
    dvmrp[3] = c & 255;
    expect(decodeIgmp(dvmrp, 2)).toMatchObject({ ok: false, reason: 'type' });
    expect(decodeIgmp(good, 1)).toMatchObject({ ok: false, reason: 'type' });
  });

  it('longer messages are read, the checksum covering all of them (§2.5)', () => {
    const longer = [...good.slice(0, 2), 0, 0, ...good.slice(4), 0, 0];
    const c = internetChecksum(longer);
    longer[2] = c >> 8;
    longer[3] = c & 255;
    expect(decodeIgmp(longer, 2).ok).toBe(true);
  });
});

describe('IP destinations (RFC 2236 §9)', () => {
  const g = ip('239.1.2.3');
  it.each([
    [{ kind: 'query', layout: 2, maxResp: 100, group: 0 }, '224.0.0.1'],
    [{ kind: 'query', layout: 2, maxResp: 10, group: g }, '239.1.2.3'],
    [{ kind: 'v2-report', layout: 2, maxResp: 0, group: g }, '239.1.2.3'],
    [{ kind: 'v1-report', layout: 2, maxResp: 0, group: g }, '239.1.2.3'],
    [{ kind: 'leave', layout: 2, maxResp: 0, group: g }, '224.0.0.2'],
  ] as [IgmpMessage, string][])('%o goes to %s with TTL 1', (m, dst) => {
    expect(formatIpv4(igmpDestination(m))).toBe(dst);
    expect(igmpIpHeader(m)).toMatchObject({ dst, ttl: 1, routerAlert: true, protocol: 2 });
  });
});

describe('inspector fields', () => {
  it('lists the IGMPv2 layout: Type 8, Max Resp Time 8, Checksum 16, Group Address 32', () => {
    const f = igmpFields(encodeIgmp({ kind: 'query', layout: 2, maxResp: 100, group: 0 }), 2);
    expect(f.map((x) => [x.name.en, x.bits, x.shown])).toEqual([
      ['Type', 8, '0x11'],
      ['Max Resp Time', 8, '10.0 s'],
      ['Checksum', 16, '0xee9b'],
      ['Group Address', 32, '0.0.0.0'],
    ]);
    expect(f.every((x) => x.meaning.en && x.meaning.zh)).toBe(true);
  });

  it('lists the IGMPv1 layout: Version 4, Type 4, Unused 8, Checksum 16, Group Address 32', () => {
    const f = igmpFields(encodeIgmp({ kind: 'v1-report', layout: 1, maxResp: 0, group: ip('224.1.1.1') }), 1);
    expect(f.map((x) => [x.name.en, x.bits, x.shown])).toEqual([
      ['Version', 4, '1'],
      ['Type', 4, '2'],
      ['Unused', 8, '0'],
      ['Checksum', 16, `0x${byHand([0x1200, 0xe001, 0x0101]).toString(16).padStart(4, '0')}`],
      ['Group Address', 32, '224.1.1.1'],
    ]);
    expect(f.reduce((a, x) => a + x.bits, 0)).toBe(64);
  });

  it('marks a wrong checksum in the field list', () => {
    const bad = corruptIgmp(
      encodeIgmp({ kind: 'leave', layout: 2, maxResp: 0, group: 0xe1010101 }),
      'checksum',
    );
    expect(igmpFields(bad, 2)[2]?.meaning.en).toContain('WRONG');
  });
});
