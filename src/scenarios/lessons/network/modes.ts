import type { Lesson } from '../types';
import { modesScenario } from './scenarios';

/**
 * Lecture, "Modes of communication" (and the slides' "IP Broadcasting"): unicast, anycast,
 * netcast, multicast, limited and directed broadcast, sent by S over the same three LANs so the
 * copies per link can be compared.
 */
export const modes: Lesson = {
  id: 'modes.compare',
  chapter: 'modes',
  title: { en: 'Modes of communication', zh: '通信模式' },
  summary: {
    en: 'One source, one network, six ways to send: unicast, anycast, netcast, multicast, limited and directed broadcast. Count the packets the source sends, the copies on each link, and who receives.',
    zh: '同一个源、同一个网络、六种发送方式：单播、任播、网播、组播、受限广播和定向广播。数一数源发出的分组、每条链路上的副本，以及谁收到了。',
  },
  steps: [
    {
      title: { en: 'Unicast: 1 → 1', zh: '单播：1 → 1' },
      body: {
        en: "**Unicast** is point-to-point: one sender, one receiver. S sends one packet to H4. It crosses three links (L1, R1–R3, L3), one copy on each.\n\nH1 and H5 sit on those LANs and see the frame go by, but it carries another station's MAC address: their cards ignore it without bothering the host.",
        zh: '**单播**是点对点的：一个发送者，一个接收者。S 向 H4 发送一个分组。它经过三条链路（L1、R1–R3、L3），每条链路上一个副本。\n\nH1 和 H5 就在这些局域网上，也看到了这个帧，但帧上是另一个站点的 MAC 地址：它们的网卡直接忽略，不打扰主机。',
      },
      scenario: modesScenario,
      cursor: { after: { type: 'filter', node: 'H5', msg: 'uni' } },
      highlight: { nodes: ['S', 'H4'], msgs: ['uni'], panel: 'modes' },
    },
    {
      title: { en: 'Anycast: 1 → nearest 1 of several', zh: '任播：1 → 多个中最近的 1 个' },
      body: {
        en: '**Anycast** goes to the nearest of several identical nodes (introduced with IPv6; used with BGP). H3 and H5 both answer to the DNS address 10.9.9.9. Routing picks the nearer one by routing distance: the path to H3 crosses R1–R2 (cost 3), the path to H5 crosses R1–R3 (cost 5), and the rest of the two paths costs the same. So H3 gets it.\n\nOne packet, three links (L1, R1–R2, L2); H5 never sees it.',
        zh: '**任播**发往多个相同节点中最近的一个（随 IPv6 引入；用于 BGP）。H3 和 H5 都响应 DNS 地址 10.9.9.9。路由按距离选择较近的那个：去 H3 的路径经过 R1–R2（代价 3），去 H5 的路径经过 R1–R3（代价 5），两条路径的其余部分代价相同。所以由 H3 接收。\n\n一个分组，三条链路（L1、R1–R2、L2）；H5 根本看不到它。',
      },
      cursor: { after: { type: 'deliver', node: 'H3', msg: 'any' } },
      highlight: { nodes: ['S', 'H3', 'H5'], msgs: ['any'], panel: 'modes' },
    },
    {
      title: { en: 'Netcast: 1 → many, 1 at a time', zh: '网播：1 → 多，一次一个' },
      body: {
        en: '**Netcast** is multiple unicasts: the sender knows the members of group G (H2, H3, H4) and sends each its own copy. S puts **3 packets** on the wire. L1 carries all 3, R1–R2 and L2 carry 2 (for H2 and H3), R1–R3 and L3 carry 1: **9 link traversals** in all.',
        zh: '**网播**就是多次单播：发送者知道组 G 的成员（H2、H3、H4），给每个成员单独发一份。S 发出 **3 个分组**。L1 上传了全部 3 份，R1–R2 和 L2 上各 2 份（给 H2 和 H3），R1–R3 和 L3 上各 1 份：一共 **9 次链路传输**。',
      },
      cursor: { after: { type: 'filter', node: 'H5', msg: 'net' } },
      highlight: { nodes: ['S', 'H2', 'H3', 'H4'], msgs: ['net'], panel: 'modes' },
    },
    {
      title: { en: 'Multicast: 1 → many', zh: '组播：1 → 多' },
      body: {
        en: "**Multicast** sends one packet to the class D group address 239.1.1.1. R1 makes a copy only where the paths to the members part (towards R2 and towards R3), so every link carries it **once**: 1 packet from S, **5 link traversals**, and the same three members receive it.\n\nOn L2 and L3 the members' cards listen on the group's MAC address; H1's and H5's cards are not listening and drop the frame.",
        zh: '**组播**向 D 类组地址 239.1.1.1 发送一个分组。R1 只在通往成员的路径分岔处复制（一份去 R2，一份去 R3），所以每条链路只传**一次**：S 发出 1 个分组，共 **5 次链路传输**，同样三个成员收到。\n\n在 L2 和 L3 上，成员的网卡监听该组的 MAC 地址；H1 和 H5 的网卡没有监听，直接丢弃这个帧。',
      },
      cursor: { after: { type: 'filter', node: 'H5', msg: 'multi' } },
      highlight: { nodes: ['S', 'R1', 'H2', 'H3', 'H4'], msgs: ['multi'], panel: 'modes' },
    },
    {
      title: { en: 'Limited broadcast: 1 → all (of this LAN)', zh: '受限广播：1 → 全部（本局域网）' },
      body: {
        en: "**Broadcast** goes to all. The limited broadcast address **255.255.255.255** means every station on the sender's own network: H1 receives it, and so does R1 — which discards it, because a router never forwards a limited broadcast. One packet, one link (L1).",
        zh: '**广播**发给所有站点。受限广播地址 **255.255.255.255** 指发送者所在网络上的每个站点：H1 收到了，R1 也收到了——但 R1 把它丢弃，因为路由器从不转发受限广播。一个分组，一条链路（L1）。',
      },
      cursor: { after: { type: 'discard', node: 'R1', msg: 'bcast' } },
      highlight: { nodes: ['S', 'H1', 'R1'], msgs: ['bcast'], panel: 'modes' },
    },
    {
      title: { en: 'Directed broadcast: all of one subnet', zh: '定向广播：某个子网的全部' },
      body: {
        en: 'A **directed broadcast** has the host bits all 1: **10.0.3.255** is every host of subnet 10.0.3.0/24 (L3). It is routed like a unicast to R3 (over L1 and R1–R3), and R3 broadcasts it on L3: H4 and H5 both receive it. Three links, one copy each.',
        zh: '**定向广播**的主机位全为 1：**10.0.3.255** 表示子网 10.0.3.0/24（L3）上的所有主机。它先像单播一样路由到 R3（经过 L1 和 R1–R3），再由 R3 在 L3 上广播：H4 和 H5 都收到了。三条链路，每条一个副本。',
      },
      cursor: { after: { type: 'deliver', msg: 'dbcast', nth: 2 } },
      highlight: { nodes: ['S', 'R3', 'H4', 'H5'], msgs: ['dbcast'], panel: 'modes' },
    },
    {
      title: { en: 'Side by side', zh: '并排比较' },
      body: {
        en: 'The modes panel puts the numbers side by side. To reach the same three members, netcast costs 3 packets from S and 9 link traversals, multicast 1 packet and 5: with multicast, "packets are replicated only when necessary", and no link ever carries more copies than with netcast.',
        zh: '模式面板把这些数字并排列出。为了送达同样的三个成员，网播需要 S 发出 3 个分组、9 次链路传输，组播只需 1 个分组、5 次：组播“只在必要时复制分组”，任何一条链路上的副本都不会比网播多。',
      },
      cursor: 'end',
      highlight: { msgs: ['net', 'multi'], panel: 'modes' },
    },
    {
      title: { en: 'Your turn', zh: '动手试试' },
      body: {
        en: 'Change the network and compare again: remove the link R1–R3 (the copies for H4 must now go through R2), add a host to L3, or give R1–R3 a lower latency (and so a lower cost) than R1–R2 and see which replica anycast picks.',
        zh: '改动网络再比较一次：删除链路 R1–R3（发往 H4 的副本只能经过 R2），在 L3 上添加一台主机，或者让 R1–R3 的延迟（也就是代价）比 R1–R2 更小，看看任播会选择哪个副本。',
      },
      cursor: 'end',
      sandbox: true,
    },
  ],
};
