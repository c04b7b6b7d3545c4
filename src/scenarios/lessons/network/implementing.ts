import type { Lesson } from '../types';
import { mechanismsScenario } from './scenarios';

/**
 * Lecture, "Implementing Group Communication Mechanisms": hardware multicast, broadcast with
 * software filtering (a diffusion group), multiple unicasts, and multiple unicasts via a group
 * coordinator or a hierarchy of coordinators — the same message to group m on one Ethernet.
 */
export const implementing: Lesson = {
  id: 'implementing.mechanisms',
  chapter: 'implementing',
  title: { en: 'Implementing group communication', zh: '组通信的实现机制' },
  summary: {
    en: 'Five ways to get one message to every member of a group on an Ethernet: hardware multicast, broadcast filtered in software, multiple unicasts, a group coordinator, and a hierarchy of coordinators.',
    zh: '在以太网上把一条消息送到组内每个成员的五种方式：硬件组播、广播加软件过滤、多次单播、组协调者，以及协调者层次结构。',
  },
  steps: [
    {
      title: { en: 'Hardware multicast', zh: '硬件组播' },
      body: {
        en: "With **hardware multicast**, the group members listen on a network address. A1, A2, B1 and B2 (group m) told their Ethernet cards to listen on the group's MAC address. S sends **one frame**; the members' cards take it in, and the cards of C, N1 and N2 drop it — the hosts themselves never see it.",
        zh: '使用**硬件组播**时，组成员监听一个网络地址。A1、A2、B1 和 B2（组 m）让各自的以太网卡监听该组的 MAC 地址。S 只发送**一个帧**；成员的网卡接收它，C、N1 和 N2 的网卡直接丢弃——这些主机本身根本看不到它。',
      },
      scenario: mechanismsScenario,
      cursor: { after: { type: 'deliver', msg: 'hw', nth: 4 } },
      highlight: { nodes: ['S', 'A1', 'A2', 'B1', 'B2'], msgs: ['hw'], panel: 'modes' },
    },
    {
      title: { en: 'Broadcast, filtered in software', zh: '广播，由软件过滤' },
      body: {
        en: 'A **diffusion group**: send to all, then filter. S broadcasts one frame carrying the group id m (an auxiliary address, not in the network address header). **Every** host receives it; the software of each checks the id: the members accept it, C, N1 and N2 **discard** it. One frame again, but seven hosts had to look at it.',
        zh: '**扩散组**：先发给所有人，再过滤。S 广播一个帧，帧里带着组标识 m（一个辅助地址，不在网络地址首部中）。**每台**主机都收到它；各自的软件检查这个标识：成员接受，C、N1 和 N2 **丢弃**。同样只有一个帧，但有七台主机不得不处理它。',
      },
      cursor: { after: { type: 'discard', node: 'N2', msg: 'diffuse' } },
      highlight: { nodes: ['C', 'N1', 'N2'], msgs: ['diffuse'], panel: 'modes' },
    },
    {
      title: { en: 'Multiple unicasts', zh: '多次单播' },
      body: {
        en: 'Without hardware support, software can do it: **the sender knows the group members** and sends each a unicast. S puts **4 frames** on the Ethernet, one per member. Ethernet supports multicast and broadcast only on a local area network; unicasts like these can also cross routers.',
        zh: '没有硬件支持时，可以用软件实现：**发送者知道组成员**，给每个成员发一个单播。S 在以太网上发出 **4 个帧**，每个成员一个。以太网的组播和广播只限于局域网；而这样的单播也可以穿过路由器。',
      },
      cursor: { after: { type: 'deliver', msg: 'unicasts', nth: 4 } },
      highlight: { nodes: ['S'], msgs: ['unicasts'], panel: 'modes' },
    },
    {
      title: { en: 'Via a group coordinator', zh: '经由组协调者' },
      body: {
        en: 'Multiple unicasts **via a group coordinator**: now only the **coordinator** C knows the group members. S sends one unicast to C, and C iterates through the members, one unicast each: 1 frame from S, 4 from C, **5 frames** in all.',
        zh: '**经由组协调者**的多次单播：现在只有**协调者** C 知道组成员。S 向 C 发一个单播，C 逐个遍历成员，每人一个单播：S 发 1 个帧，C 发 4 个，一共 **5 个帧**。',
      },
      cursor: { after: { type: 'deliver', msg: 'coord', nth: 4 } },
      highlight: { nodes: ['S', 'C'], msgs: ['coord'], panel: 'modes' },
    },
    {
      title: { en: 'A hierarchy of coordinators', zh: '协调者层次结构' },
      body: {
        en: 'A **hierarchy of coordinators**: C is the **root coordinator** and forwards the message to the subgroup coordinators A1 and B1; each delivers it and forwards it to its own subgroup (A2, B2). C now sends 2 frames instead of 4: the work is shared, at the cost of one more hop for A2 and B2.',
        zh: '**协调者层次结构**：C 是**根协调者**，把消息转发给各子组协调者 A1 和 B1；它们各自交付，再转发给自己的子组（A2、B2）。C 现在只发 2 个帧而不是 4 个：工作分担了，代价是 A2 和 B2 多了一跳。',
      },
      cursor: { after: { type: 'deliver', msg: 'tree', nth: 4 } },
      highlight: { nodes: ['C', 'A1', 'B1'], msgs: ['tree'], panel: 'modes' },
    },
    {
      title: { en: 'Side by side', zh: '并排比较' },
      body: {
        en: 'All five reached the same four members. Hardware multicast: 1 frame, and only members are disturbed. Broadcast: 1 frame, but every host filters it in software. Multiple unicasts: 4 frames from S. Coordinator and hierarchy: 5 frames, but S sends only 1 and needs no member list.',
        zh: '五种方式都送达了同样的四个成员。硬件组播：1 个帧，只有成员被打扰。广播：1 个帧，但每台主机都要用软件过滤。多次单播：S 发出 4 个帧。协调者和层次结构：5 个帧，但 S 只发 1 个，也不需要知道成员名单。',
      },
      cursor: 'end',
      highlight: { panel: 'modes' },
    },
    {
      title: { en: 'Your turn', zh: '动手试试' },
      body: {
        en: "Add hosts to the Ethernet and compare again: every new host must filter the broadcast in software, while hardware multicast still takes one frame that only members' cards accept, and multiple unicasts still take one frame per member.",
        zh: '在以太网上添加主机，再比较一次：每台新主机都要用软件过滤广播，而硬件组播仍然只用一个帧、只有成员的网卡接收，多次单播仍然是每个成员一个帧。',
      },
      cursor: 'end',
      sandbox: true,
    },
  ],
};
