import type { Lesson } from '../types';
import { addressingScenario } from './scenarios';

/**
 * Lecture, "IP multicast routing" (class D, IANA's well-known addresses), "IP multicast on a LAN"
 * (RFC 1112 §6.4: the low 23 bits into 01:00:5e) and "LAN (Ethernet) multicasting" (the Intel
 * 82546EB's exact table, hash filter and promiscuous modes, and the driver's final check).
 */
export const addressing: Lesson = {
  id: 'addressing.class-d',
  chapter: 'addressing',
  title: { en: 'IP multicast addresses on an Ethernet', zh: '以太网上的 IP 组播地址' },
  summary: {
    en: 'A class D address bit by bit, the well-known addresses, how 224.10.8.5 becomes the Ethernet address 01:00:5e:0a:08:05 (and why 32 groups share it), and how a network card and its driver filter frames.',
    zh: '逐位看 D 类地址，认识知名地址，看 224.10.8.5 如何变成以太网地址 01:00:5e:0a:08:05（以及为什么有 32 个组共用它），再看网卡和驱动程序如何过滤帧。',
  },
  steps: [
    {
      title: { en: 'Class D, bit by bit', zh: '逐位看 D 类地址' },
      body: {
        en: 'A multicast address identifies a **host group**: the set of machines listening to it. In IPv4 it is a **class D** address: 32 bits that **start with 1110**, followed by 28 bits of group. That is **224.0.0.0/4**: 224.0.0.0 to 239.255.255.255.\n\nThe address panel shows 224.10.8.5 bit by bit: 1110 0000 . 0000 1010 . 0000 1000 . 0000 0101.',
        zh: '组播地址标识一个**主机组**：监听这个地址的所有机器。在 IPv4 中它是 **D 类**地址：32 位，**以 1110 开头**，后面 28 位是组号。也就是 **224.0.0.0/4**：从 224.0.0.0 到 239.255.255.255。\n\n地址面板逐位显示 224.10.8.5：1110 0000 . 0000 1010 . 0000 1000 . 0000 0101。',
      },
      scenario: addressingScenario,
      cursor: 0,
      highlight: { panel: 'address', address: '224.10.8.5' },
    },
    {
      title: { en: 'Well-known addresses', zh: '知名地址' },
      body: {
        en: 'Most group addresses are chosen arbitrarily by an application, but some are **well-known**, assigned by IANA (the Internet Assigned Numbers Authority) — like ports: FTP is port 21, HTTP port 80. **224.0.0.1** is all systems on this subnet, **224.0.0.2** all multicast routers on the subnet. IGMP and PIM use them and more: 224.0.0.13 (all PIM routers), 224.0.0.22 (IGMPv3 routers).',
        zh: '大多数组地址由应用任意选择，但有一些是由 IANA（互联网号码分配机构）分配的**知名地址**——就像端口：FTP 是 21 端口，HTTP 是 80 端口。**224.0.0.1** 是本子网上的所有系统，**224.0.0.2** 是本子网上的所有组播路由器。IGMP 和 PIM 用到它们以及更多地址：224.0.0.13（所有 PIM 路由器）、224.0.0.22（IGMPv3 路由器）。',
      },
      cursor: 0,
      highlight: { panel: 'address', address: '224.0.0.1' },
    },
    {
      title: { en: 'IPv6 multicast', zh: 'IPv6 组播' },
      body: {
        en: "In IPv6, a multicast address is a 128-bit address whose **high-order 8 bits are all 1**: it starts with **FF**. The lecture's example: **FF02::9** (FF02:0:0:0:0:0:0:9), all RIP routers.",
        zh: '在 IPv6 中，组播地址是**高 8 位全为 1** 的 128 位地址：它以 **FF** 开头。讲义中的例子：**FF02::9**（FF02:0:0:0:0:0:0:9），所有 RIP 路由器。',
      },
      cursor: 0,
      highlight: { panel: 'address', address: 'FF02::9' },
    },
    {
      title: { en: 'From IP group to Ethernet address', zh: '从 IP 组地址到以太网地址' },
      body: {
        en: 'To send on an Ethernet, the driver must translate the group into an Ethernet address. IANA has a range of MAC addresses for multicast: **01:00:5e** followed by a 0 bit, and the **least significant 23 bits of the IP address** are copied into the rest (RFC 1112 §6.4). So 224.10.8.5 → **01:00:5e:0a:08:05**.\n\nS sends one frame to that MAC. H1 joined group A, so its driver enabled reception of this address: the card matches it exactly and H1 delivers.',
        zh: '要在以太网上发送，驱动程序必须把组地址转换成以太网地址。IANA 为组播分配了一段 MAC 地址：**01:00:5e** 后接一个 0 位，再把 **IP 地址的最低 23 位**复制进去（RFC 1112 §6.4）。所以 224.10.8.5 → **01:00:5e:0a:08:05**。\n\nS 向这个 MAC 地址发送一个帧。H1 加入了组 A，它的驱动程序已让网卡接收这个地址：网卡精确匹配，H1 交付。',
      },
      cursor: { after: { type: 'deliver', node: 'H1', msg: 'toA' } },
      highlight: { nodes: ['S', 'H1'], msgs: ['toA'], panel: 'address', address: '224.10.8.5' },
    },
    {
      title: { en: '5 bits lost: 32 groups per MAC', zh: '丢失 5 位：每个 MAC 对应 32 个组' },
      body: {
        en: "A group has 28 bits, the MAC takes only 23: **5 bits are lost**, so **32 groups share every MAC address**. 225.10.8.5 differs from 224.10.8.5 only in those bits, and maps to the same 01:00:5e:0a:08:05.\n\nS now sends to group B = 225.10.8.5. H1's card takes the frame in (same MAC), its driver wanted that MAC, and only IP sees that H1 never joined 225.10.8.5: **discarded**. Earlier H2, a member of B, discarded S's frame for A the same way.",
        zh: '组号有 28 位，MAC 地址只放得下 23 位：**丢失 5 位**，所以**每个 MAC 地址由 32 个组共用**。225.10.8.5 与 224.10.8.5 只在这 5 位上不同，也映射到同一个 01:00:5e:0a:08:05。\n\nS 现在向组 B = 225.10.8.5 发送。H1 的网卡接收了这个帧（MAC 相同），驱动程序也确实要这个 MAC，只有到 IP 层才发现 H1 从未加入 225.10.8.5：**丢弃**。之前 H2（组 B 的成员）也以同样方式丢弃了 S 发给组 A 的帧。',
      },
      cursor: { after: { type: 'discard', node: 'H1', msg: 'toB' } },
      highlight: { nodes: ['H1', 'H2'], msgs: ['toA', 'toB'], panel: 'address', address: '225.10.8.5' },
    },
    {
      title: { en: 'The card: exact match and a hash filter', zh: '网卡：精确匹配与哈希过滤' },
      body: {
        en: "Cards filter in hardware: an **exact match on a small number of addresses** (16 on the Intel 82546EB) and a **4,096-bit hash filter** for the rest, which lets some unwanted packets through.\n\nH3's card has a tiny exact table, so its group 239.2.2.2 sits in the hash filter. Group C, 239.3.3.154, hashes to the same bit (3415): the card passes S's frame, and the **device driver**, which must check whether it was really needed, discards it. H1's and H2's cards dropped it.",
        zh: '网卡在硬件上过滤：对**少量地址精确匹配**（Intel 82546EB 有 16 个），其余的用 **4096 位哈希过滤器**，这会让一些不需要的分组漏进来。\n\nH3 的网卡精确表很小，它的组 239.2.2.2 放在哈希过滤器里。组 C（239.3.3.154）哈希到同一位（3415）：网卡放行了 S 的帧，而必须检查它是否真正需要的**设备驱动程序**把它丢弃。H1 和 H2 的网卡直接丢弃了它。',
      },
      cursor: { after: { type: 'discard', node: 'H3', msg: 'toC' } },
      highlight: { nodes: ['H3'], msgs: ['toC'], panel: 'address', address: '239.3.3.154' },
    },
    {
      title: { en: 'Promiscuous mode, and the cost', zh: '混杂模式与代价' },
      body: {
        en: "If a host needs more addresses than the card can match, the driver can put the card in **promiscuous multicast mode**: it receives all hardware multicast packets. H4's card is in that mode: it took in all three frames, and its driver discarded all three.\n\nFrames that got through the card but were not wanted, in this run: H1 1, H2 1, H3 1, H4 3. Each cost its host work for nothing.",
        zh: '如果主机需要的地址比网卡能精确匹配的还多，驱动程序可以把网卡设为**组播混杂模式**：接收所有硬件组播分组。H4 的网卡就处于这种模式：三个帧全部收下，又被驱动程序全部丢弃。\n\n本次运行中通过了网卡却并不需要的帧：H1 1 个，H2 1 个，H3 1 个，H4 3 个。每一个都让主机白白做了工作。',
      },
      cursor: 'end',
      highlight: { nodes: ['H1', 'H2', 'H3', 'H4'], panel: 'address', address: '239.3.3.154' },
    },
    {
      title: { en: 'Your turn', zh: '动手试试' },
      body: {
        en: "Type any group address into the address panel and read its MAC address and the 31 groups that share it. Try 239.138.8.5: which hosts' cards here would take in a frame for it, and who would finally discard it?",
        zh: '在地址面板中输入任意组地址，看它的 MAC 地址以及与它共用的另外 31 个组。试试 239.138.8.5：这里哪些主机的网卡会收下发给它的帧，最后又是谁把它丢弃？',
      },
      cursor: 'end',
      sandbox: true,
      highlight: { panel: 'address', address: '239.138.8.5' },
    },
  ],
};
