import { formatIpv4, isClassD } from './ipv4';
import { type Bilingual, bi } from './text';

/**
 * Ethernet addresses and the IP → Ethernet multicast mapping of RFC 1112 §6.4: "placing the
 * low-order 23 bits of the IP address into the low-order 23 bits of the Ethernet multicast
 * address 01-00-5E-00-00-00". A group address has 28 variable bits, so 5 are lost and 32 groups
 * share every MAC address.
 */

/** Six bytes, written `01:00:5e:0a:08:05` (lower case, colons). */
export type Mac = string;

export const BROADCAST_MAC: Mac = 'ff:ff:ff:ff:ff:ff';

export function formatMac(bytes: readonly number[]): Mac {
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

export function macBytes(mac: Mac): number[] {
  return mac.split(':').map((h) => Number.parseInt(h, 16));
}

/** Parse `01:00:5e:0a:08:05` or `01-00-5E-0A-08-05`. */
export function parseMac(text: string): { ok: true; value: Mac } | { ok: false; error: Bilingual } {
  const parts = text.trim().split(/[:-]/);
  if (parts.length !== 6 || parts.some((p) => !/^[0-9a-fA-F]{2}$/.test(p)))
    return {
      ok: false,
      error: bi(
        `"${text.trim()}" is not a MAC address: six pairs of hex digits, such as 01:00:5e:0a:08:05`,
        `"${text.trim()}" 不是 MAC 地址：应为六组十六进制数，例如 01:00:5e:0a:08:05`,
      ),
    };
  return { ok: true, value: parts.join(':').toLowerCase() };
}

/** The I/G bit (least significant bit of the first byte) marks group addresses, broadcast included. */
export function isGroupMac(mac: Mac): boolean {
  return (Number.parseInt(mac.slice(0, 2), 16) & 1) === 1;
}

/** RFC 1112 §6.4: 01:00:5e followed by a 0 bit and the low 23 bits of the group. */
export function multicastMac(group: number): Mac {
  return formatMac([0x01, 0x00, 0x5e, (group >>> 16) & 0x7f, (group >>> 8) & 0xff, group & 0xff]);
}

/** The 5 bits of a class D address the mapping drops: the 28 group bits minus the low 23. */
export function lostBits(group: number): { value: number; bits: string } {
  const value = (group >>> 23) & 0x1f;
  return { value, bits: value.toString(2).padStart(5, '0') };
}

/** Every class D address that maps to the same MAC as `group` (32 of them, ascending). */
export function groupsSharingMac(group: number): number[] {
  const low = group & 0x7fffff;
  return Array.from({ length: 32 }, (_, k) => (0xe0000000 | (k << 23) | low) >>> 0);
}

export interface MacMapping {
  group: string;
  mac: Mac;
  lost: { value: number; bits: string };
  /** The other 31 groups that share the MAC. */
  sharing: string[];
}

/** Everything the address lab shows for one typed-in group; null if it is not class D. */
export function macMapping(group: number): MacMapping | null {
  if (!isClassD(group)) return null;
  return {
    group: formatIpv4(group),
    mac: multicastMac(group),
    lost: lostBits(group),
    sharing: groupsSharingMac(group)
      .filter((g) => g !== group)
      .map(formatIpv4),
  };
}

/** A locally administered unicast address (02:…) for the n-th station of a scenario. */
export function stationMac(kind: 1 | 2, n: number): Mac {
  return formatMac([0x02, 0x00, 0x00, kind, (n >>> 8) & 0xff, n & 0xff]);
}
