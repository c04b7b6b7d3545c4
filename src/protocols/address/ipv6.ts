import type { Parsed } from './ipv4';
import { type Bilingual, bi } from './text';

/**
 * Just enough IPv6 for the address lab: "IPv6: 128-bit address with high-order 8 bits all 1"
 * (lecture, "IP multicast routing"), i.e. FF00::/8, and the flags and scope that follow
 * (RFC 4291 §2.7: FF02::9 is link-local scope 2).
 */

/** Parse to eight 16-bit groups, expanding one `::`. */
export function parseIpv6(text: string): Parsed<number[]> {
  const s = text.trim();
  const bad = (en: string, zh: string) => ({ ok: false as const, error: bi(en, zh) });
  if (s === '') return bad('type an address such as FF02::9', '请输入一个地址，例如 FF02::9');
  const halves = s.split('::');
  if (halves.length > 2) return bad('"::" may appear only once', '"::" 只能出现一次');
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? head.length !== 8 : missing < 1)
    return bad(
      `an IPv6 address has 8 groups of up to 4 hex digits; "${s}" does not`,
      `IPv6 地址由 8 组（每组最多 4 个十六进制数字）组成；"${s}" 不符合`,
    );
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  const out: number[] = [];
  for (const g of all) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g))
      return bad(`"${g}" is not a group of 1–4 hex digits`, `"${g}" 不是由 1–4 个十六进制数字组成的组`);
    out.push(Number.parseInt(g, 16));
  }
  return { ok: true, value: out };
}

export interface Ipv6MulticastView {
  isMulticast: boolean;
  /** The first 8 bits, which must read 11111111. */
  prefixBits: string;
  flags: number;
  scope: number;
  scopeName: Bilingual | null;
}

const SCOPES: Record<number, Bilingual> = {
  1: bi('interface-local', '接口本地'),
  2: bi('link-local', '链路本地'),
  4: bi('admin-local', '管理本地'),
  5: bi('site-local', '站点本地'),
  8: bi('organization-local', '组织本地'),
  14: bi('global', '全球'),
};

export function ipv6Multicast(groups: readonly number[]): Ipv6MulticastView {
  const first = groups[0] ?? 0;
  const top = first >>> 8;
  return {
    isMulticast: top === 0xff,
    prefixBits: top.toString(2).padStart(8, '0'),
    flags: (first >>> 4) & 0xf,
    scope: first & 0xf,
    scopeName: SCOPES[first & 0xf] ?? null,
  };
}
