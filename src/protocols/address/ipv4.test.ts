import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classD, directedBroadcast, formatIpv4, ipv4Bits, isClassD, parseCidr, parseIpv4 } from './ipv4';

const ip = (s: string) => {
  const r = parseIpv4(s);
  if (!r.ok) throw new Error(r.error.en);
  return r.value;
};

describe('parseIpv4', () => {
  it('reads dotted quads as an unsigned 32-bit number', () => {
    expect(ip('224.10.8.5')).toBe(224 * 2 ** 24 + 10 * 2 ** 16 + 8 * 2 ** 8 + 5);
    expect(ip('255.255.255.255')).toBe(2 ** 32 - 1);
    expect(ip(' 0.0.0.0 ')).toBe(0);
  });

  it.each([
    ['256.1.1.1', '256 is not an octet'],
    ['1.2.3', 'has 3'],
    ['1.2.3.4.5', 'has 5'],
    ['1..2.3', 'octet 2 is empty'],
    ['1.b.3.4', '"b" is not a number'],
    ['01.2.3.4', 'leading zero'],
    ['', 'type an address'],
  ])('rejects %j saying why', (text, why) => {
    const r = parseIpv4(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.en).toContain(why);
      expect(r.error.zh.length).toBeGreaterThan(0);
    }
  });

  it('property: formatting then parsing any 32-bit number gives it back', () => {
    fc.assert(fc.property(fc.nat({ max: 2 ** 32 - 1 }), (n) => ip(formatIpv4(n)) === n));
  });
});

describe('class D (RFC 1112 §4: first four bits 1110, 224.0.0.0/4)', () => {
  it('is the range 224.0.0.0 – 239.255.255.255', () => {
    expect(isClassD(ip('224.0.0.0'))).toBe(true);
    expect(isClassD(ip('239.255.255.255'))).toBe(true);
    expect(isClassD(ip('223.255.255.255'))).toBe(false);
    expect(isClassD(ip('240.0.0.0'))).toBe(false);
  });

  it('shows the bits: 224.10.8.5 starts 1110, and the other 28 bits name the group', () => {
    const v = classD(ip('224.10.8.5'));
    expect(v.prefixBits).toBe('1110');
    expect(v.bits).toBe('11100000000010100000100000000101');
    expect(v.groupBits).toBe(v.bits.slice(4));
    expect(v.reason).toBeNull();
  });

  it('says why an address is not class D', () => {
    const v = classD(ip('10.1.1.1'));
    expect(v.isClassD).toBe(false);
    expect(v.reason?.en).toContain('0000, not 1110');
  });

  it('property: class D exactly when the first octet is 224–239', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2 ** 32 - 1 }), (n) => {
        const first = Number(formatIpv4(n).split('.')[0]);
        return isClassD(n) === (first >= 224 && first <= 239) && ipv4Bits(n).length === 32;
      }),
    );
  });
});

describe('parseCidr', () => {
  it('reads a subnet and its directed broadcast (host bits all 1)', () => {
    const r = parseCidr('192.168.0.0/24');
    expect(r.ok && formatIpv4(directedBroadcast(r.value))).toBe('192.168.0.255');
    const b = parseCidr('128.6.0.0/16');
    expect(b.ok && formatIpv4(directedBroadcast(b.value))).toBe('128.6.255.255');
  });

  it('rejects host bits and bad prefixes', () => {
    const r = parseCidr('10.0.1.5/24');
    expect(!r.ok && r.error.en).toContain('the network is 10.0.1.0/24');
    const p = parseCidr('10.0.1.0/33');
    expect(!p.ok && p.error.en).toContain('not a prefix length');
    const n = parseCidr('10.0.1.0');
    expect(!n.ok && n.error.en).toContain('no prefix length');
  });
});
