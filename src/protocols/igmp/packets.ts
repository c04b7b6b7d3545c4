import { formatIpv4 } from '../address/ipv4';
import { type Bilingual, bi } from '../address/text';

/**
 * IGMP messages on the wire: the IGMPv1 layout (RFC 1112 Appendix I) and the IGMPv2 layout
 * (RFC 2236 §2), both 8 octets, with the Internet checksum (RFC 1071), the IP destination each
 * is sent to (RFC 2236 §9), and a field list for the packet inspector.
 *
 * The two layouts agree byte for byte on the first octet: v1's Version 1 and Type 1 (query) or
 * 2 (report) read 0x11 and 0x12, which is why IGMPv2 numbers its query 0x11 and calls 0x12 the
 * "Version 1 Membership Report" (RFC 2236 §2.1).
 */

export type IgmpKind = 'query' | 'v1-report' | 'v2-report' | 'leave';

/** The Type octet of each message (RFC 2236 §2.1). */
export const IGMP_TYPE: Record<IgmpKind, number> = {
  query: 0x11,
  'v1-report': 0x12,
  'v2-report': 0x16,
  leave: 0x17,
};

export interface IgmpMessage {
  kind: IgmpKind;
  /** Which layout the message is written in: 1 (RFC 1112) or 2 (RFC 2236). */
  layout: 1 | 2;
  /** Queries only, in units of 1/10 second (RFC 2236 §2.2); 0 in a v1 query and in every other message. */
  maxResp: number;
  /** The group, as a 32-bit number; 0 in a General Query. */
  group: number;
}

/** RFC 1071: the 16-bit one's complement of the one's complement sum of the 16-bit words. */
export function internetChecksum(bytes: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < bytes.length; i += 2) sum += ((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

export function encodeIgmp(m: IgmpMessage): number[] {
  const b = [
    IGMP_TYPE[m.kind],
    m.layout === 2 && m.kind === 'query' ? m.maxResp & 0xff : 0,
    0,
    0,
    (m.group >>> 24) & 0xff,
    (m.group >>> 16) & 0xff,
    (m.group >>> 8) & 0xff,
    m.group & 0xff,
  ];
  const c = internetChecksum(b);
  b[2] = c >>> 8;
  b[3] = c & 0xff;
  return b;
}

export type InvalidReason = 'short' | 'checksum' | 'type';

export type Decoded = { ok: true; msg: IgmpMessage } | { ok: false; reason: InvalidReason; why: Bilingual };

const INVALID: Record<InvalidReason, Bilingual> = {
  short: bi(
    'shorter than 8 octets: ignored (RFC 2236 §6: a message must be at least 8 octets long)',
    '短于 8 个八位组：忽略（RFC 2236 §6：消息至少 8 个八位组）',
  ),
  checksum: bi(
    'the checksum is wrong: ignored (RFC 2236 §6: it must have a correct IGMP checksum)',
    '校验和错误：忽略（RFC 2236 §6：必须具有正确的 IGMP 校验和）',
  ),
  type: bi(
    'a type this IGMP version does not know: silently ignored (RFC 2236 §2.1)',
    '此 IGMP 版本不认识的类型：静默忽略（RFC 2236 §2.1）',
  ),
};

/**
 * Read a message as an IGMPv1 (`receiver` 1) or IGMPv2 (`receiver` 2) system would. Longer
 * messages are accepted and the checksum covers them whole (RFC 2236 §2.5).
 */
export function decodeIgmp(bytes: readonly number[], receiver: 1 | 2): Decoded {
  const bad = (reason: InvalidReason): Decoded => ({ ok: false, reason, why: INVALID[reason] });
  if (bytes.length < 8) return bad('short');
  if (internetChecksum(bytes) !== 0) return bad('checksum');
  const group = ((bytes[4]! << 24) | (bytes[5]! << 16) | (bytes[6]! << 8) | bytes[7]!) >>> 0;
  const t = bytes[0]!;
  if (receiver === 1) {
    // RFC 1112 Appendix I: Version 1, Type 1 = Host Membership Query, 2 = Host Membership Report.
    if (t === 0x11) return { ok: true, msg: { kind: 'query', layout: 1, maxResp: 0, group } };
    if (t === 0x12) return { ok: true, msg: { kind: 'v1-report', layout: 1, maxResp: 0, group } };
    return bad('type');
  }
  const kind = (Object.keys(IGMP_TYPE) as IgmpKind[]).find((k) => IGMP_TYPE[k] === t);
  if (!kind) return bad('type');
  return { ok: true, msg: { kind, layout: 2, maxResp: kind === 'query' ? bytes[1]! : 0, group } };
}

/** Spoil a valid message the two ways RFC 2236 §6 names, for the lab's "invalid packet" button. */
export function corruptIgmp(bytes: readonly number[], how: 'short' | 'checksum'): number[] {
  if (how === 'short') return bytes.slice(0, 6);
  const b = [...bytes];
  b[3] = (b[3]! ^ 0xff) & 0xff;
  return b;
}

export const ALL_SYSTEMS = 0xe0000001; // 224.0.0.1
export const ALL_ROUTERS = 0xe0000002; // 224.0.0.2

/**
 * RFC 2236 §9: General Query → 224.0.0.1; Group-Specific Query → the group; Membership Report
 * → the group; Leave Group → 224.0.0.2. An IGMPv1 query goes to 224.0.0.1 too (RFC 1112 App. I).
 */
export function igmpDestination(m: IgmpMessage): number {
  switch (m.kind) {
    case 'query':
      return m.group === 0 ? ALL_SYSTEMS : m.group;
    case 'leave':
      return ALL_ROUTERS;
    default:
      return m.group;
  }
}

/** The IP header facts that go with every IGMP message (RFC 2236 §2: TTL 1, Router Alert). */
export function igmpIpHeader(m: IgmpMessage): { dst: string; ttl: 1; routerAlert: boolean; protocol: 2 } {
  return { dst: formatIpv4(igmpDestination(m)), ttl: 1, routerAlert: m.layout === 2, protocol: 2 };
}

export const IGMP_KIND_NAME: Record<IgmpKind, Bilingual> = {
  query: bi('Membership Query', '成员关系查询'),
  'v1-report': bi('Version 1 Membership Report', '版本 1 成员关系报告'),
  'v2-report': bi('Version 2 Membership Report', '版本 2 成员关系报告'),
  leave: bi('Leave Group', '离开组'),
};

export interface IgmpField {
  name: Bilingual;
  bits: number;
  /** The raw value of the field. */
  value: number;
  /** As a reader writes it: `0x11`, `10.0 s`, `224.1.1.1`. */
  shown: string;
  meaning: Bilingual;
}

const hex = (n: number, digits: number) => `0x${n.toString(16).padStart(digits, '0')}`;

/**
 * Every header field of a message as bytes, in the given layout, for the packet inspector.
 * Works on invalid bytes too (a short message shows the fields it has).
 */
export function igmpFields(bytes: readonly number[], layout: 1 | 2): IgmpField[] {
  const at = (i: number) => bytes[i] ?? 0;
  const out: IgmpField[] = [];
  const t = at(0);
  const kind = (Object.keys(IGMP_TYPE) as IgmpKind[]).find((k) => IGMP_TYPE[k] === t);
  const typeName = kind ? IGMP_KIND_NAME[kind] : bi('unknown type', '未知类型');
  if (layout === 1) {
    out.push({
      name: bi('Version', '版本'),
      bits: 4,
      value: t >>> 4,
      shown: String(t >>> 4),
      meaning: bi('IGMP version 1 (RFC 1112)', 'IGMP 版本 1（RFC 1112）'),
    });
    const ty = t & 0xf;
    out.push({
      name: bi('Type', '类型'),
      bits: 4,
      value: ty,
      shown: String(ty),
      meaning:
        ty === 1
          ? bi('1 = Host Membership Query', '1 = 主机成员关系查询')
          : ty === 2
            ? bi('2 = Host Membership Report', '2 = 主机成员关系报告')
            : bi('not a type IGMPv1 knows', 'IGMPv1 不认识的类型'),
    });
    out.push({
      name: bi('Unused', '未用'),
      bits: 8,
      value: at(1),
      shown: String(at(1)),
      meaning: bi('zero when sent, ignored when received', '发送时为 0，接收时忽略'),
    });
  } else {
    out.push({
      name: bi('Type', '类型'),
      bits: 8,
      value: t,
      shown: hex(t, 2),
      meaning: typeName,
    });
    const mrt = at(1);
    out.push({
      name: bi('Max Resp Time', '最大响应时间'),
      bits: 8,
      value: mrt,
      shown: `${(mrt / 10).toFixed(1)} s`,
      meaning:
        kind === 'query'
          ? mrt === 0
            ? bi(
                '0: an IGMPv1 query; hosts use 10 s (RFC 2236 §4)',
                '0：IGMPv1 查询；主机按 10 秒处理（RFC 2236 §4）',
              )
            : bi(
                'longest a host may wait before reporting, in 1/10 s',
                '主机报告前最多可等待的时间，单位 1/10 秒',
              )
          : bi('meaningful only in queries; zero here', '仅在查询中有意义；此处为 0'),
    });
  }
  const sum = (at(2) << 8) | at(3);
  const valid = bytes.length >= 8 && internetChecksum(bytes) === 0;
  out.push({
    name: bi('Checksum', '校验和'),
    bits: 16,
    value: sum,
    shown: hex(sum, 4),
    meaning: valid
      ? bi(
          "16-bit one's complement of the one's complement sum of the message: correct",
          '整个消息按 16 位反码求和后再取反：正确',
        )
      : bi(
          "16-bit one's complement of the one's complement sum of the message: WRONG, the message is ignored",
          '整个消息按 16 位反码求和后再取反：错误，消息将被忽略',
        ),
  });
  const group = ((at(4) << 24) | (at(5) << 16) | (at(6) << 8) | at(7)) >>> 0;
  out.push({
    name: bi('Group Address', '组地址'),
    bits: 32,
    value: group,
    shown: formatIpv4(group),
    meaning:
      group === 0
        ? bi('0.0.0.0: a General Query, about every group', '0.0.0.0：通用查询，询问所有组')
        : kind === 'query'
          ? bi('the group this Group-Specific Query asks about', '此特定组查询所询问的组')
          : bi('the group reported or left', '所报告或离开的组'),
  });
  return out;
}
