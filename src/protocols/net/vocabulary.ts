import { type Bilingual, bi } from '../address/text';

/**
 * The words of the network lab: communication modes and delivery mechanisms as the lecture
 * names them ("Modes of communication", "Implementing Group Communication Mechanisms"), and the
 * reasons a node gives in the trace when it filters or discards a packet. Views render these.
 */

export const MODES = [
  'unicast',
  'anycast',
  'netcast',
  'multicast',
  'broadcast',
  'directed-broadcast',
  'broadcast-filter',
  'coordinator',
  'hierarchy',
] as const;
export type Mode = (typeof MODES)[number];

export interface ModeInfo {
  name: Bilingual;
  /** The lecture's arrow notation. */
  pattern: Bilingual;
  about: Bilingual;
}

export const MODE_INFO: Record<Mode, ModeInfo> = {
  unicast: {
    name: bi('Unicast', '单播'),
    pattern: bi('1 → 1', '1 → 1'),
    about: bi('Point-to-point: one sender, one receiver.', '点对点：一个发送者，一个接收者。'),
  },
  anycast: {
    name: bi('Anycast', '任播'),
    pattern: bi('1 → nearest 1 of several', '1 → 多个之中最近的 1 个'),
    about: bi(
      'To the nearest of several identical replicas sharing one address, by routing distance (introduced with IPv6; used with BGP).',
      '发往共享同一地址的多个相同副本中按路由距离最近的一个（随 IPv6 引入；用于 BGP）。',
    ),
  },
  netcast: {
    name: bi('Netcast', '网播（多次单播）'),
    pattern: bi('1 → many, 1 at a time', '1 → 多个，一次 1 个'),
    about: bi(
      'Multiple unicasts: the sender knows the members and sends each its own copy.',
      '多次单播：发送者知道所有成员，并给每个成员单独发送一份。',
    ),
  },
  multicast: {
    name: bi('Multicast', '组播'),
    pattern: bi('1 → many', '1 → 多个'),
    about: bi(
      "One packet to a class D group address; routers copy it only where the paths to the members part, and on a LAN the members' cards listen on the group's MAC address (hardware multicast).",
      '向 D 类组地址发送一个分组；路由器只在通往成员的路径分岔处复制，在局域网上成员的网卡监听该组的 MAC 地址（硬件组播）。',
    ),
  },
  broadcast: {
    name: bi('Broadcast (limited)', '广播（受限广播）'),
    pattern: bi('1 → all', '1 → 全部'),
    about: bi(
      "255.255.255.255: every station on the sender's own LAN; routers never forward it.",
      '255.255.255.255：发送者所在局域网上的每个站点；路由器从不转发。',
    ),
  },
  'directed-broadcast': {
    name: bi('Directed broadcast', '定向广播'),
    pattern: bi('1 → all of one subnet', '1 → 一个子网的全部'),
    about: bi(
      'Host bits all 1 (e.g. 192.168.0.255): routed like unicast to the subnet, then broadcast on it.',
      '主机位全为 1（如 192.168.0.255）：像单播一样路由到该子网，再在子网上广播。',
    ),
  },
  'broadcast-filter': {
    name: bi('Broadcast with software filtering', '广播加软件过滤'),
    pattern: bi('1 → all, filtered', '1 → 全部，再过滤'),
    about: bi(
      'A diffusion group: every host receives the broadcast and its software accepts or discards it by the group id carried in the message.',
      '扩散组：每台主机都收到广播，由软件根据消息中携带的组标识接受或丢弃。',
    ),
  },
  coordinator: {
    name: bi('Via a group coordinator', '经由组协调者'),
    pattern: bi('1 → coordinator → many', '1 → 协调者 → 多个'),
    about: bi(
      'The sender unicasts to the coordinator, which knows the members and iterates through them.',
      '发送者单播给协调者，协调者知道成员并逐个转发。',
    ),
  },
  hierarchy: {
    name: bi('Hierarchy of coordinators', '协调者层次结构'),
    pattern: bi('1 → root → subgroup coordinators → members', '1 → 根 → 子组协调者 → 成员'),
    about: bi(
      'The root coordinator forwards to the subgroup coordinators, each of which forwards to its subgroup.',
      '根协调者转发给各子组协调者，再由每个子组协调者转发给其子组成员。',
    ),
  },
};

/** The lecture's delivery mechanisms for a group and the mode that carries each one out. */
export const MECHANISMS: readonly { id: string; mode: Mode; name: Bilingual }[] = [
  { id: 'hardware-multicast', mode: 'multicast', name: bi('Hardware multicast', '硬件组播') },
  {
    id: 'broadcast-filter',
    mode: 'broadcast-filter',
    name: bi('Broadcast, filtered in software', '广播，软件过滤'),
  },
  { id: 'multiple-unicasts', mode: 'netcast', name: bi('Multiple unicasts by the sender', '发送者多次单播') },
  { id: 'coordinator', mode: 'coordinator', name: bi('Via a group coordinator', '经由组协调者') },
  { id: 'hierarchy', mode: 'hierarchy', name: bi('Via a hierarchy of coordinators', '经由协调者层次结构') },
];

/** Why a card filtered, or software discarded, a packet (the trace's `detail.reason`). */
export const REASONS = {
  'not-for-this-card': bi(
    'a unicast frame for another station: the card ignores it',
    '发给其他站点的单播帧：网卡忽略它',
  ),
  'hash-miss': bi(
    'a multicast frame whose hash bit is not set: the card drops it',
    '哈希位未置位的组播帧：网卡丢弃',
  ),
  'not-listening': bi('a multicast address the card does not listen on', '网卡未监听的组播地址'),
  'mac-not-wanted': bi(
    'the card let it through (hash collision or promiscuous mode), but the driver did not ask for this address',
    '网卡放行了它（哈希冲突或混杂模式），但驱动程序并未请求这个地址',
  ),
  'group-not-joined': bi(
    'IP has not joined this group (32 groups share one MAC address)',
    'IP 层没有加入这个组（32 个组共享一个 MAC 地址）',
  ),
  'not-in-group': bi(
    "the message's group id is not one of this host's groups",
    '消息的组标识不是本主机所在的组',
  ),
  'not-for-me': bi('addressed to another host', '发给其他主机的'),
  duplicate: bi('already delivered', '已经交付过'),
  'limited-broadcast': bi(
    'a limited broadcast (255.255.255.255) is never forwarded',
    '受限广播（255.255.255.255）从不转发',
  ),
  'link-local-group': bi(
    'a 224.0.0.x group is link-local: routers never forward it',
    '224.0.0.x 组仅限本链路：路由器从不转发',
  ),
  'on-its-subnet': bi(
    'a directed broadcast already on its own subnet is not forwarded again',
    '已在目标子网上的定向广播不再转发',
  ),
  'no-route': bi('no route to the destination', '没有到达目的地的路由'),
  'no-such-host': bi('no station has this address on the LAN', '局域网上没有站点使用这个地址'),
  'ttl-expired': bi('time to live reached 0', '生存时间（TTL）减到 0'),
  'not-on-tree': bi("this router is not on the group's tree for this source", '本路由器不在该源的组播树上'),
  'wrong-interface': bi(
    'arrived on an interface that does not lead back to the source on the tree',
    '从一个不是通往源的树上接口到达',
  ),
  'no-members-downstream': bi(
    'no member and no router downstream wants it',
    '下游没有成员也没有路由器需要它',
  ),
  'non-querier-ignores-leave': bi(
    'a Non-Querier ignores Leave Group messages (RFC 2236 §3)',
    '非查询器忽略离开组消息（RFC 2236 §3）',
  ),
  'v1-members-present': bi(
    'version 1 members are present: leaves are ignored (RFC 2236 §5)',
    '存在版本 1 成员：忽略离开消息（RFC 2236 §5）',
  ),
  'no-members': bi('no membership recorded for this group', '没有该组的成员记录'),
  'no-other-station': bi('no other station on the LAN', '局域网上没有其他站点'),
} satisfies Record<string, Bilingual>;
export type Reason = keyof typeof REASONS;
