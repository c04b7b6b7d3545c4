import { BROADCAST_MAC, isGroupMac, type Mac, macBytes } from './mac';

/**
 * How an Ethernet card decides which frames to hand to the host (lecture, "LAN (Ethernet)
 * multicasting", with the Intel 82546EB as the example): a small table of exact MAC matches
 * (16 on that card), a hash filter for multicast frames (4,096 bits), and promiscuous modes.
 * "Some unwanted packets may pass through" the hash, so the "device driver must check to see
 * if the packet was really needed" — and after it, IP, because 32 groups share one MAC.
 *
 * The hash. The 82546EB itself indexes its 4,096-bit multicast table with 12 bits taken straight
 * from the destination address (a register picks which 12). This lab hashes with the Ethernet
 * CRC-32 instead, as many other cards do (the DEC 21x4x "Tulip", for one, indexes its table with
 * low-order bits of the CRC), because a CRC spreads any address evenly over the table and is the
 * circuit the card already has for the frame check sequence. We take the standard CRC-32 of the
 * six destination bytes (IEEE 802.3 polynomial, reflected, initial value all ones, final
 * complement: the value zlib's crc32() returns) and keep its low 12 bits: 2^12 = 4,096 entries.
 */

export type Promiscuous = 'off' | 'multicast' | 'all';

export interface NicConfig {
  /** Exact-match entries; entry 0 holds the card's own address. */
  exactEntries: number;
  /** Size of the multicast hash filter, a power of two. */
  hashBits: number;
  /** `multicast`: pass every multicast frame; `all`: pass every frame. */
  promiscuous: Promiscuous;
}

/** The 82546EB's figures from the lecture slide. */
export const INTEL_82546EB: NicConfig = { exactEntries: 16, hashBits: 4096, promiscuous: 'off' };

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (IEEE 802.3, reflected), as zlib computes it. */
export function crc32(bytes: readonly number[]): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The hash-filter bit a destination MAC selects: the low log2(hashBits) bits of its CRC-32. */
export function hashIndex(mac: Mac, hashBits = 4096): number {
  return crc32(macBytes(mac)) & (hashBits - 1);
}

/** The card as the driver programmed it. */
export interface NicState {
  config: NicConfig;
  own: Mac;
  /** The exact-match table: own address first, then the first multicast addresses wanted. */
  exact: Mac[];
  /** Multicast addresses that did not fit in the exact table, and the hash bits they set. */
  hashed: Mac[];
  hashSet: number[];
  /** Every multicast MAC the host wants: the driver's own list for its final check. */
  wanted: Mac[];
}

/**
 * Program the card for the multicast MACs the host wants. As Linux's e1000 driver does, entry 0
 * keeps the station address, the next entries take multicast addresses in order, and the rest
 * go into the hash filter.
 */
export function programNic(config: NicConfig, own: Mac, wanted: readonly Mac[]): NicState {
  const unique = [...new Set(wanted)];
  const room = Math.max(0, config.exactEntries - 1);
  const inExact = unique.slice(0, room);
  const hashed = unique.slice(room);
  const hashSet = [...new Set(hashed.map((m) => hashIndex(m, config.hashBits)))].sort((a, b) => a - b);
  return { config, own, exact: [own, ...inExact], hashed, hashSet, wanted: unique };
}

/** How a frame got past the card, or `null` when the card dropped it. */
export type PassedBy = 'exact' | 'broadcast' | 'hash' | 'promiscuous' | null;

export interface CardVerdict {
  passed: PassedBy;
  /** For a multicast frame the exact table missed: the hash bit looked at. */
  hashIndex?: number;
}

/** The card's decision for one frame's destination address (hardware: costs the host nothing). */
export function nicFilter(nic: NicState, dst: Mac): CardVerdict {
  if (dst === BROADCAST_MAC) return { passed: 'broadcast' };
  if (nic.exact.includes(dst)) return { passed: 'exact' };
  if (nic.config.promiscuous === 'all') return { passed: 'promiscuous' };
  if (!isGroupMac(dst)) return { passed: null };
  if (nic.config.promiscuous === 'multicast') return { passed: 'promiscuous' };
  const h = hashIndex(dst, nic.config.hashBits);
  return nic.hashSet.includes(h) ? { passed: 'hash', hashIndex: h } : { passed: null, hashIndex: h };
}

/** The driver's final check of a frame the card passed: did the host really ask for this MAC? */
export function driverWants(nic: NicState, dst: Mac): boolean {
  return dst === BROADCAST_MAC || dst === nic.own || nic.wanted.includes(dst);
}

export interface FrameTally {
  /** Frames on the wire the card looked at. */
  seen: number;
  droppedByCard: number;
  passedCard: number;
  /** Passed the card (hash false positive, promiscuous) but the driver did not want the MAC. */
  droppedByDriver: number;
  /** The driver wanted the MAC but IP had not joined the group (32 groups share a MAC). */
  droppedByIp: number;
  accepted: number;
  /** Frames that cost the host an interrupt for nothing: droppedByDriver + droppedByIp. */
  unwanted: number;
}

/**
 * Run frames through card, driver and IP. `ipWants(i)` says whether IP wants frame i (its group
 * is joined); frames for the host's own or broadcast address are always wanted.
 */
export function tallyFrames(
  nic: NicState,
  frames: readonly Mac[],
  ipWants: (i: number) => boolean,
): FrameTally {
  const t: FrameTally = {
    seen: 0,
    droppedByCard: 0,
    passedCard: 0,
    droppedByDriver: 0,
    droppedByIp: 0,
    accepted: 0,
    unwanted: 0,
  };
  frames.forEach((dst, i) => {
    t.seen++;
    if (nicFilter(nic, dst).passed === null) {
      t.droppedByCard++;
      return;
    }
    t.passedCard++;
    if (!driverWants(nic, dst)) t.droppedByDriver++;
    else if (isGroupMac(dst) && dst !== BROADCAST_MAC && !ipWants(i)) t.droppedByIp++;
    else t.accepted++;
  });
  t.unwanted = t.droppedByDriver + t.droppedByIp;
  return t;
}
