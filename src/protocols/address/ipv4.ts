import { type Bilingual, bi } from './text';

/**
 * IPv4 addresses as unsigned 32-bit numbers, with parse errors a student can act on
 * ("256 is not an octet"). Used by the address lab, the topology and IGMP.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: Bilingual };

const fail = (en: string, zh: string): { ok: false; error: Bilingual } => ({ ok: false, error: bi(en, zh) });

/** Parse dotted-quad notation strictly: four decimal octets 0–255, no leading zeros. */
export function parseIpv4(text: string): Parsed<number> {
  const s = text.trim();
  if (s === '') return fail('type an address such as 224.10.8.5', '请输入一个地址，例如 224.10.8.5');
  const parts = s.split('.');
  if (parts.length !== 4)
    return fail(
      `an IPv4 address has 4 octets separated by dots; "${s}" has ${parts.length}`,
      `IPv4 地址由 4 个用点分隔的八位组组成；"${s}" 有 ${parts.length} 个`,
    );
  let value = 0;
  for (let i = 0; i < 4; i++) {
    const p = parts[i]!;
    if (p === '') return fail(`octet ${i + 1} is empty`, `第 ${i + 1} 个八位组为空`);
    if (!/^[0-9]+$/.test(p))
      return fail(`"${p}" is not a number (octet ${i + 1})`, `"${p}" 不是数字（第 ${i + 1} 个八位组）`);
    // A leading zero means octal to some parsers (inet_aton): refuse rather than guess.
    if (p.length > 1 && p.startsWith('0'))
      return fail(
        `"${p}" has a leading zero (octet ${i + 1}); write it without`,
        `"${p}" 以 0 开头（第 ${i + 1} 个八位组）；请去掉前导 0`,
      );
    const n = Number(p);
    if (n > 255)
      return fail(`${p} is not an octet: an octet is 0–255`, `${p} 不是一个八位组：八位组的取值为 0–255`);
    value = value * 256 + n;
  }
  return { ok: true, value };
}

export function formatIpv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** The 32 bits, most significant first. */
export function ipv4Bits(n: number): string {
  return (n >>> 0).toString(2).padStart(32, '0');
}

/** Netmask of a prefix length, as a number (prefix 0 → 0). */
export function netmask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

export interface Cidr {
  network: number;
  prefix: number;
}

/** Parse `a.b.c.d/n`; the host bits must be zero. */
export function parseCidr(text: string): Parsed<Cidr> {
  const s = text.trim();
  const slash = s.indexOf('/');
  if (slash < 0)
    return fail(
      `"${s}" has no prefix length: write it as 10.0.1.0/24`,
      `"${s}" 缺少前缀长度：请写成 10.0.1.0/24`,
    );
  const ip = parseIpv4(s.slice(0, slash));
  if (!ip.ok) return ip;
  const p = s.slice(slash + 1);
  if (!/^[0-9]{1,2}$/.test(p) || Number(p) > 32)
    return fail(`"/${p}" is not a prefix length (0–32)`, `"/${p}" 不是前缀长度（0–32）`);
  const prefix = Number(p);
  const network = (ip.value & netmask(prefix)) >>> 0;
  if (network !== ip.value)
    return fail(
      `${s} has host bits set; the network is ${formatIpv4(network)}/${prefix}`,
      `${s} 的主机位不为 0；网络地址应为 ${formatIpv4(network)}/${prefix}`,
    );
  return { ok: true, value: { network, prefix } };
}

export const formatCidr = (c: Cidr) => `${formatIpv4(c.network)}/${c.prefix}`;

export function inSubnet(ip: number, c: Cidr): boolean {
  return (ip & netmask(c.prefix)) >>> 0 === c.network;
}

/** The directed broadcast address of a subnet: host bits all 1 (lecture: "IP Broadcasting"). */
export function directedBroadcast(c: Cidr): number {
  return (c.network | ~netmask(c.prefix)) >>> 0;
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  const p = Math.min(a.prefix, b.prefix);
  return (a.network & netmask(p)) >>> 0 === (b.network & netmask(p)) >>> 0;
}

/** 255.255.255.255, the limited broadcast: stays on the sender's own network. */
export const LIMITED_BROADCAST = 0xffffffff;

/** Class D: the first four bits are 1110, i.e. 224.0.0.0/4 = 224.0.0.0 – 239.255.255.255 (RFC 1112 §4). */
export function isClassD(ip: number): boolean {
  return ip >>> 28 === 0b1110;
}

export interface ClassDView {
  bits: string;
  /** The first four bits, which must read 1110. */
  prefixBits: string;
  /** The 28 bits that name the group. */
  groupBits: string;
  isClassD: boolean;
  /** Why not, when it is not. */
  reason: Bilingual | null;
}

/** A class D check bit by bit, for the address lab. */
export function classD(ip: number): ClassDView {
  const bits = ipv4Bits(ip);
  const prefixBits = bits.slice(0, 4);
  const ok = prefixBits === '1110';
  return {
    bits,
    prefixBits,
    groupBits: bits.slice(4),
    isClassD: ok,
    reason: ok
      ? null
      : bi(
          `its first four bits are ${prefixBits}, not 1110: it is outside 224.0.0.0/4`,
          `它的前四位是 ${prefixBits} 而不是 1110：不在 224.0.0.0/4 之内`,
        ),
  };
}
