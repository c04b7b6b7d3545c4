import type { Lesson } from '../types';
import { join, leave, link, routedScenario, stream } from './scenario';

/**
 * The lecture's "IP Multicast in use: IPTV" over a routed network: a head-end sends four channels,
 * each its own group, and set-top boxes subscribe and change channel with IGMP. The same
 * network, viewers and channel changes run under sparse mode (RP R2) and under dense mode, so the
 * two costs can be compared: data copies on links, control messages, and state in the routers.
 */
const base = routedScenario({
  title: {
    en: 'IPTV over a routed network: four channels, set-top boxes changing channel, PIM sparse mode',
    zh: '路由网络上的 IPTV：四个频道，机顶盒换台，PIM 稀疏模式',
  },
  seed: 5,
  topology: {
    lans: [
      { id: 'L0', subnet: '10.0.0.0/24', x: 50, y: 260 },
      { id: 'LA', subnet: '10.0.1.0/24', x: 760, y: 60 },
      { id: 'LB', subnet: '10.0.2.0/24', x: 760, y: 200 },
      { id: 'LC', subnet: '10.0.3.0/24', x: 760, y: 330 },
      { id: 'LD', subnet: '10.0.4.0/24', x: 760, y: 470 },
    ],
    routers: [
      { id: 'R1', x: 160, y: 260 },
      { id: 'R2', x: 340, y: 140 },
      { id: 'R3', x: 340, y: 390 },
      { id: 'R4', x: 560, y: 60 },
      { id: 'R5', x: 560, y: 200 },
      { id: 'R6', x: 560, y: 330 },
      { id: 'R7', x: 560, y: 470 },
    ],
    hosts: [
      { id: 'HE', x: 20, y: 180 },
      { id: 'STB1', x: 880, y: 30 },
      { id: 'STB2', x: 880, y: 100 },
      { id: 'STB3', x: 880, y: 200 },
      { id: 'STB4', x: 880, y: 330 },
      { id: 'STB5', x: 880, y: 440 },
      { id: 'STB6', x: 880, y: 510 },
    ],
    links: [
      link('HE', 'L0', 1),
      link('R1', 'L0', 1),
      link('R1', 'R2', 2),
      link('R1', 'R3', 2),
      link('R2', 'R4', 2),
      link('R2', 'R5', 2),
      link('R3', 'R6', 2),
      link('R3', 'R7', 2),
      link('R4', 'LA', 1),
      link('R5', 'LB', 1),
      link('R6', 'LC', 1),
      link('R7', 'LD', 1),
      link('STB1', 'LA', 1),
      link('STB2', 'LA', 1),
      link('STB3', 'LB', 1),
      link('STB4', 'LC', 1),
      link('STB5', 'LD', 1),
      link('STB6', 'LD', 1),
    ],
  },
  groups: [
    { id: 'ch1', address: '239.10.0.1', members: ['STB1', 'STB4'] },
    { id: 'ch2', address: '239.10.0.2', members: ['STB2'] },
    { id: 'ch3', address: '239.10.0.3' },
    { id: 'ch4', address: '239.10.0.4' },
  ],
  pim: { mode: 'sparse', rp: 'R2' },
  ticksPerSecond: 8,
  actions: [
    stream(40, 'HE', 'ch1', 'tv1', 20, 25),
    stream(45, 'HE', 'ch2', 'tv2', 20, 25),
    stream(50, 'HE', 'ch3', 'tv3', 20, 25),
    stream(55, 'HE', 'ch4', 'tv4', 20, 25),
    join(200, 'STB5', 'ch3'),
    leave(300, 'STB1', 'ch1'),
    join(300, 'STB1', 'ch2'),
  ],
  maxTime: 560,
});

export const iptvSparseScenario = base;

export const iptvDenseScenario = {
  ...base,
  title: {
    en: 'IPTV over a routed network: the same channels and viewers, PIM dense mode',
    zh: '路由网络上的 IPTV：同样的频道和观众，PIM 密集模式',
  },
  pim: { mode: 'dense' as const },
};

export const iptvLesson: Lesson = {
  id: 'iptv.routed',
  chapter: 'iptv',
  title: { en: 'IPTV over a routed network: sparse vs dense', zh: '路由网络上的 IPTV：稀疏模式与密集模式' },
  summary: {
    en: 'IPTV is the biggest user of IP multicast: one stream per channel, sent to a group address, reaches every subscriber. Over a routed network, sparse mode sends each channel only toward its viewers; dense mode floods every channel first and prunes afterwards.',
    zh: 'IPTV 是 IP 组播最大的用户：每个频道一路数据流，发往一个组地址，就能到达所有订阅者。在路由网络上，稀疏模式只把每个频道送往它的观众；密集模式则先把每个频道洪泛出去，再剪枝。',
  },
  steps: [
    {
      title: { en: 'Channels are groups', zh: '频道就是组' },
      body: {
        en: 'The head-end HE sends four channels, each to its own group address (ch1 = 239.10.0.1, …). **Multicast allows one stream of data to be sent to multiple subscribers using a single address.** Set-top boxes subscribe with **IGMP from the client**: STB1 and STB4 watch ch1, STB2 watches ch2, and nobody watches ch3 or ch4; STB3, alone behind R5, watches nothing. The routers run PIM sparse mode with the RP at R2.',
        zh: '前端 HE 发送四个频道，每个频道发往自己的组地址（ch1 = 239.10.0.1，……）。**组播让一路数据流只用一个地址就能发给多个订阅者。**机顶盒**在客户端用 IGMP** 订阅：STB1 和 STB4 看 ch1，STB2 看 ch2，没有人看 ch3 或 ch4；R5 后面只有 STB3，它什么都不看。路由器运行 PIM 稀疏模式，RP 在 R2。',
      },
      scenario: iptvSparseScenario,
      cursor: { after: { type: 'deliver', node: 'STB2', msg: 'tv2.1' } },
      highlight: { nodes: ['HE', 'STB1', 'STB2', 'STB4'], msgs: ['tv1.1', 'tv2.1'] },
    },
    {
      title: { en: 'Unwatched channels stay home', zh: '没人看的频道不出门' },
      body: {
        en: 'ch3 and ch4 have no viewers, so the RP answers their first Registers with Register-Stop, and from then on R1 drops their packets: select R1 and look at its entries. Their streams never cross a router-to-router link. **Packets go only where needed.**',
        zh: 'ch3 和 ch4 没有观众，所以 RP 用 Register-Stop 回复它们的第一个 Register，此后 R1 直接丢弃它们的分组：选中 R1 查看它的表项。这两路数据流从未经过任何路由器之间的链路。**分组只送到需要的地方。**',
      },
      cursor: { after: { type: 'discard', node: 'R1', msg: 'tv4.2' } },
      highlight: { nodes: ['R1', 'R2'], msgs: ['tv3.2', 'tv4.2'], panel: 'pim' },
    },
    {
      title: { en: 'Subscribe to a channel', zh: '订阅一个频道' },
      body: {
        en: "STB5 switches on and tunes to ch3: an IGMP report to R7, which sends a Join(*,ch3) hop by hop toward the RP (R7 → R3 → R1 → R2). ch3's stream now flows to LD, and STB5 shows its first picture a little over 2 s after asking.",
        zh: 'STB5 开机并调到 ch3：它向 R7 发出 IGMP 报告，R7 向 RP 逐跳发送 Join(*,ch3)（R7 → R3 → R1 → R2）。ch3 的数据流开始流向 LD，STB5 在请求后 2 秒多一点就显示出第一幅画面。',
      },
      cursor: { after: { type: 'deliver', node: 'STB5' } },
      highlight: { nodes: ['R7', 'R3', 'STB5'], panel: 'pim' },
    },
    {
      title: { en: 'Change channels', zh: '换台' },
      body: {
        en: 'STB1 changes from ch1 to ch2: an IGMP Leave for ch1 and a report for ch2. ch2 already flows onto LA for STB2, so STB1 shows it with the next packet and no Join has to go anywhere. Nobody on LA watches ch1 any more, so R4 prunes ch1 toward the RP. **IGMP from the client: subscribe to a TV channel, change channels.**',
        zh: 'STB1 从 ch1 换到 ch2：为 ch1 发出 IGMP 离开（Leave）消息，为 ch2 发出报告。ch2 已经为 STB2 流到 LA 上，所以 STB1 在下一个分组就能看到它，不需要向任何地方发送 Join。LA 上已经没有人看 ch1，于是 R4 向 RP 剪掉 ch1。**客户端用 IGMP 订阅电视频道、换台。**',
      },
      cursor: { after: { type: 'deliver', node: 'STB1', msg: 'tv2.14' } },
      highlight: { nodes: ['R4', 'R2', 'STB1'], panel: 'pim' },
    },
    {
      title: { en: 'The same network in dense mode', zh: '同一网络换成密集模式' },
      body: {
        en: 'Now the same channels, viewers and channel changes with PIM dense mode. The first packet of **every** channel floods to every router, ch4 included, which nobody ever watches; then Prunes come back from every branch without viewers. The viewers see the same pictures.',
        zh: '现在用 PIM 密集模式运行同样的频道、观众和换台。**每个**频道的第一个分组都会洪泛到每台路由器，包括从来没人看的 ch4；随后每条没有观众的分支都送回 Prune。观众看到的画面完全相同。',
      },
      scenario: iptvDenseScenario,
      cursor: { after: { type: 'receive', node: 'R7', msg: 'tv4.1' } },
      highlight: { nodes: ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7'], msgs: ['tv4.1'] },
    },
    {
      title: { en: 'What each mode costs', zh: '两种模式的代价' },
      body: {
        en: 'Open the tab Dense vs sparse above the drawing: it runs this network in both modes and counts. Dense mode put more data copies on the links, the floods of channels nobody wanted, and it sends State Refresh for every channel down every link each minute. Counted entry by entry, the state is not smaller in sparse mode here: a router on a tree keeps up to three entries per channel, (*,G), (S,G) and (S,G,rpt). What differs is **where**: dense mode keeps an entry for every channel in every router, even R5 with no viewer at all; sparse mode keeps nothing at R5, and only R1 and the RP know ch4 exists. **Dense: simple, good if the packet is desired in most locations. Sparse: packets go only where needed, with state only where needed.**',
        zh: '打开图上方的“密集与稀疏”标签页：它让这个网络分别以两种模式运行并计数。密集模式往链路上放了更多数据副本，也就是那些没人要的频道的洪泛；它还每分钟为每个频道沿每条链路发送状态刷新。按表项逐条计数，这里稀疏模式的状态并不更少：树上的路由器为每个频道最多保存三个表项，(*,G)、(S,G) 和 (S,G,rpt)。不同的是**在哪里**：密集模式在每台路由器里为每个频道都保存一个表项，连一个观众都没有的 R5 也不例外；稀疏模式在 R5 上什么都不保存，而且只有 R1 和 RP 知道 ch4 的存在。**密集模式：简单，适合大多数地方都需要数据的情形。稀疏模式：分组只送到需要的地方，状态也只建在需要的地方。**',
      },
      cursor: 'end',
      highlight: { nodes: ['R5', 'R2'], panel: 'pim' },
    },
    {
      title: { en: 'Your turn', zh: '动手试试' },
      body: {
        en: 'Make every set-top box watch ch1 (add them to its members) and compare the two modes again: when most places want a channel, dense mode’s flood is no longer waste. Or add a fifth channel and see where its state appears in each mode.',
        zh: '让所有机顶盒都看 ch1（把它们加入 ch1 的成员）后再比较两种模式：当大多数地方都需要一个频道时，密集模式的洪泛就不再是浪费。或者再加第五个频道，看看它的状态在两种模式下分别出现在哪里。',
      },
      cursor: 'end',
      sandbox: true,
    },
  ],
};
