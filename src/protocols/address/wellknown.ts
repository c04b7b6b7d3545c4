import { parseIpv4 } from './ipv4';
import { type Bilingual, bi } from './text';

/**
 * Well-known multicast addresses assigned by IANA ("similar to ports – service-based
 * allocation", lecture "IP multicast addresses"): the lecture's own list, and the ones IGMP and
 * PIM use. `source` says where each comes from.
 */
export interface WellKnown {
  /** As written: one address, or a range `first–last`. */
  address: string;
  family: 'ipv4' | 'ipv6';
  name: Bilingual;
  source: Bilingual;
  /** On the lecture's slides. */
  lecture: boolean;
}

export const WELL_KNOWN: readonly WellKnown[] = [
  {
    address: '224.0.0.1',
    family: 'ipv4',
    name: bi('All systems on this subnet', '本子网上的所有系统'),
    source: bi('RFC 1112; IGMP general queries (RFC 2236 §9)', 'RFC 1112；IGMP 通用查询（RFC 2236 §9）'),
    lecture: true,
  },
  {
    address: '224.0.0.2',
    family: 'ipv4',
    name: bi('All multicast routers on this subnet', '本子网上的所有组播路由器'),
    source: bi('IGMPv2 Leave Group (RFC 2236 §9)', 'IGMPv2 离开组消息（RFC 2236 §9）'),
    lecture: true,
  },
  {
    address: '224.0.0.13',
    family: 'ipv4',
    name: bi('All PIM routers', '所有 PIM 路由器'),
    source: bi('PIM Hello (RFC 7761 §4.3, RFC 3973)', 'PIM Hello 消息（RFC 7761 §4.3，RFC 3973）'),
    lecture: false,
  },
  {
    address: '224.0.0.22',
    family: 'ipv4',
    name: bi('IGMPv3-capable multicast routers (IGMPv3 reports)', '支持 IGMPv3 的组播路由器（IGMPv3 报告）'),
    source: bi('RFC 3376 §4.2.14', 'RFC 3376 §4.2.14'),
    lecture: false,
  },
  {
    address: '224.0.1.2',
    family: 'ipv4',
    name: bi("SGI's Dogfight (a networked flight game)", 'SGI 的 Dogfight（网络空战游戏）'),
    source: bi('IANA; lecture slide "IP multicast addresses"', 'IANA；讲义幻灯片“IP multicast addresses”'),
    lecture: true,
  },
  {
    address: '224.0.1.7',
    family: 'ipv4',
    name: bi('Audionews service', 'Audionews 音频新闻服务'),
    source: bi('IANA; lecture slide "IP multicast addresses"', 'IANA；讲义幻灯片“IP multicast addresses”'),
    lecture: true,
  },
  {
    address: '224.0.1.16',
    family: 'ipv4',
    name: bi('Music service', '音乐服务'),
    source: bi('IANA; lecture slide "IP multicast addresses"', 'IANA；讲义幻灯片“IP multicast addresses”'),
    lecture: true,
  },
  {
    address: '224.0.12.0–224.0.12.63',
    family: 'ipv4',
    name: bi('Microsoft and MSNBC', '微软与 MSNBC'),
    source: bi('IANA; lecture notes "IP multicast addresses"', 'IANA；讲义“IP multicast addresses”一节'),
    lecture: true,
  },
  {
    address: '224.0.23.52',
    family: 'ipv4',
    name: bi('Amex Market Data', '美国证券交易所（Amex）行情数据'),
    source: bi('IANA; lecture notes "IP multicast addresses"', 'IANA；讲义“IP multicast addresses”一节'),
    lecture: true,
  },
  {
    address: '224.0.23.173',
    family: 'ipv4',
    name: bi('Philips Health', '飞利浦医疗'),
    source: bi('IANA; lecture notes "IP multicast addresses"', 'IANA；讲义“IP multicast addresses”一节'),
    lecture: true,
  },
  {
    address: '224.0.0.0–224.0.0.255',
    family: 'ipv4',
    name: bi(
      'Local Network Control Block: link-local, sent with TTL 1 and never forwarded by routers',
      '本地网络控制块：仅限本链路，TTL 为 1，路由器从不转发',
    ),
    source: bi('IANA multicast address registry (RFC 5771)', 'IANA 组播地址注册表（RFC 5771）'),
    lecture: false,
  },
  {
    address: '232.0.0.0–232.255.255.255',
    family: 'ipv4',
    name: bi('Source-specific multicast (SSM)', '特定源组播（SSM）'),
    source: bi('RFC 4607', 'RFC 4607'),
    lecture: false,
  },
  {
    address: '239.0.0.0–239.255.255.255',
    family: 'ipv4',
    name: bi('Administratively scoped (private to an organisation)', '管理范围组播（组织内部私用）'),
    source: bi('RFC 2365', 'RFC 2365'),
    lecture: false,
  },
  {
    address: 'FF02::9',
    family: 'ipv6',
    name: bi('RIP routers (RIPng), link-local scope', 'RIP 路由器（RIPng），链路本地范围'),
    source: bi('IANA IPv6 multicast registry; lecture notes', 'IANA IPv6 组播地址注册表；讲义'),
    lecture: true,
  },
  {
    address: 'FF02::1',
    family: 'ipv6',
    name: bi('All nodes on the link (IPv6 has no broadcast)', '链路上的所有节点（IPv6 没有广播）'),
    source: bi('RFC 4291 §2.7.1', 'RFC 4291 §2.7.1'),
    lecture: false,
  },
  {
    address: 'FF02::2',
    family: 'ipv6',
    name: bi('All routers on the link', '链路上的所有路由器'),
    source: bi('RFC 4291 §2.7.1', 'RFC 4291 §2.7.1'),
    lecture: false,
  },
];

/** The IPv4 range an entry covers (a single address is a range of one). */
export function wellKnownRange(w: WellKnown): [number, number] | null {
  if (w.family !== 'ipv4') return null;
  const [a, b] = w.address.split('–');
  const first = parseIpv4(a!);
  const last = parseIpv4(b ?? a!);
  return first.ok && last.ok ? [first.value, last.value] : null;
}

/** The well-known entries an IPv4 address falls in, most specific first. */
export function lookupWellKnown(ip: number): WellKnown[] {
  const hits: { w: WellKnown; size: number }[] = [];
  for (const w of WELL_KNOWN) {
    const r = wellKnownRange(w);
    if (r && ip >= r[0] && ip <= r[1]) hits.push({ w, size: r[1] - r[0] });
  }
  return hits.sort((a, b) => a.size - b.size).map((h) => h.w);
}
