import { describe, expect, it } from 'vitest';
import { parseIpv4 } from './ipv4';
import { formatMac, macBytes, multicastMac } from './mac';
import { crc32, driverWants, hashIndex, INTEL_82546EB, nicFilter, programNic, tallyFrames } from './nic';

const ip = (s: string) => {
  const r = parseIpv4(s);
  if (!r.ok) throw new Error(r.error.en);
  return r.value;
};

/** The CRC-32 of IEEE 802.3 bit by bit (no table), to check the card's hash independently. */
function bitwiseCrc32(bytes: number[]): number {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let i = 0; i < 8; i++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const OWN = '02:00:00:01:00:07';
const groupMac = (n: number) => multicastMac(ip(`239.1.${n >> 8}.${n & 255}`));

describe('CRC-32 hash filter', () => {
  it('computes the standard CRC-32 (check value of "123456789" is 0xCBF43926)', () => {
    expect(crc32([...'123456789'].map((c) => c.charCodeAt(0)))).toBe(0xcbf43926);
  });

  it('indexes a 4,096-bit table with the low 12 bits of the CRC of the six destination bytes', () => {
    for (const mac of ['01:00:5e:0a:08:05', '01:00:5e:00:00:01', 'ff:ff:ff:ff:ff:ff']) {
      const h = hashIndex(mac);
      expect(h).toBe(bitwiseCrc32(macBytes(mac)) & 0xfff);
      expect(h).toBeGreaterThanOrEqual(0);
      expect(h).toBeLessThan(4096);
    }
  });
});

describe('Intel 82546EB-style card: 16 exact matches, 4,096-bit hash, promiscuous modes', () => {
  it('keeps its own address in entry 0 and 15 multicast addresses exactly; the rest are hashed', () => {
    const wanted = Array.from({ length: 20 }, (_, i) => groupMac(i + 1));
    const nic = programNic(INTEL_82546EB, OWN, wanted);
    expect(nic.exact).toHaveLength(16);
    expect(nic.exact[0]).toBe(OWN);
    expect(nic.hashed).toEqual(wanted.slice(15));
    expect(nicFilter(nic, wanted[0]!)).toEqual({ passed: 'exact' });
    expect(nicFilter(nic, wanted[19]!).passed).toBe('hash');
  });

  it('passes its own and broadcast frames, drops unicast frames for other stations', () => {
    const nic = programNic(INTEL_82546EB, OWN, []);
    expect(nicFilter(nic, OWN).passed).toBe('exact');
    expect(nicFilter(nic, 'ff:ff:ff:ff:ff:ff').passed).toBe('broadcast');
    expect(nicFilter(nic, '02:00:00:01:00:08').passed).toBeNull();
  });

  it('lets an unwanted frame through the hash when its bit collides; the driver then drops it', () => {
    const wanted = Array.from({ length: 16 }, (_, i) => groupMac(i + 1));
    const nic = programNic(INTEL_82546EB, OWN, wanted);
    const hashedBit = bitwiseCrc32(macBytes(wanted[15]!)) & 0xfff;
    // Search group MACs for another one landing on the same bit (a false positive of the hash).
    let intruder = '';
    for (let n = 1; n < 1 << 23 && !intruder; n++) {
      const mac = formatMac([1, 0, 0x5e, (n >> 16) & 0x7f, (n >> 8) & 255, n & 255]);
      if (!wanted.includes(mac) && (bitwiseCrc32(macBytes(mac)) & 0xfff) === hashedBit) intruder = mac;
    }
    expect(nicFilter(nic, intruder).passed).toBe('hash');
    expect(driverWants(nic, intruder)).toBe(false);
    const t = tallyFrames(nic, [intruder, wanted[0]!], () => true);
    expect(t).toMatchObject({ seen: 2, passedCard: 2, droppedByDriver: 1, accepted: 1, unwanted: 1 });
  });

  it('in multicast-promiscuous mode passes every multicast frame, leaving the work to the driver', () => {
    const nic = programNic({ ...INTEL_82546EB, promiscuous: 'multicast' }, OWN, [groupMac(1)]);
    expect(nicFilter(nic, groupMac(2)).passed).toBe('promiscuous');
    expect(nicFilter(nic, '02:00:00:01:00:08').passed).toBeNull();
    const all = programNic({ ...INTEL_82546EB, promiscuous: 'all' }, OWN, []);
    expect(nicFilter(all, '02:00:00:01:00:08').passed).toBe('promiscuous');
    const t = tallyFrames(nic, [groupMac(2), groupMac(3), groupMac(1)], () => true);
    expect(t).toMatchObject({ passedCard: 3, droppedByDriver: 2, accepted: 1, unwanted: 2 });
  });

  it('counts frames for a colliding group: card and driver pass them, IP discards them', () => {
    // 224.1.1.1 and 225.1.1.1 share 01:00:5e:01:01:01 (RFC 1112 §6.4).
    const nic = programNic(INTEL_82546EB, OWN, [multicastMac(ip('224.1.1.1'))]);
    const frames = [multicastMac(ip('224.1.1.1')), multicastMac(ip('225.1.1.1'))];
    const joined = [true, false];
    const t = tallyFrames(nic, frames, (i) => joined[i]!);
    expect(t).toMatchObject({
      seen: 2,
      droppedByCard: 0,
      passedCard: 2,
      droppedByIp: 1,
      accepted: 1,
      unwanted: 1,
    });
  });
});
