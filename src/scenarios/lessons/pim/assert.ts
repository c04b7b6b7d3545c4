import type { Lesson } from '../types';
import { GROUP, leave, link, routedScenario, stream } from './scenario';

/**
 * RFC 3973 §4.6 (Assert) and §4.4.1–4.4.2 (prune override) on a multi-access LAN: R2 and R3 both
 * reach the source at the same cost and both forward onto L1; the Assert leaves one forwarder.
 * Later R5's receiver leaves and R5 prunes, but R4 on the same LAN still has one and overrides
 * the Prune with a Join. No host on L1 itself is a member, so the override is what keeps R3
 * forwarding there. The routers' addresses on L1 are fixed, because the tie-break reads them.
 */
export const assertScenario = routedScenario({
  title: {
    en: 'PIM dense mode on a shared LAN: Assert elects one forwarder, and a Join overrides a Prune',
    zh: '共享局域网上的 PIM 密集模式：断言选出唯一的转发者，加入覆盖剪枝',
  },
  seed: 2,
  topology: {
    lans: [
      { id: 'L0', subnet: '10.0.0.0/24', x: 60, y: 200 },
      { id: 'L1', subnet: '10.0.1.0/24', x: 420, y: 200 },
      { id: 'L2', subnet: '10.0.2.0/24', x: 660, y: 110 },
      { id: 'L3', subnet: '10.0.3.0/24', x: 660, y: 300 },
    ],
    routers: [
      { id: 'R1', x: 160, y: 200 },
      { id: 'R2', x: 300, y: 110 },
      { id: 'R3', x: 300, y: 290 },
      { id: 'R4', x: 540, y: 110 },
      { id: 'R5', x: 540, y: 300 },
    ],
    hosts: [
      { id: 'S', x: 20, y: 120 },
      { id: 'H2', x: 760, y: 110 },
      { id: 'H3', x: 760, y: 300 },
    ],
    links: [
      link('S', 'L0', 1),
      link('R1', 'L0', 1),
      link('R1', 'R2', 2),
      link('R1', 'R3', 2),
      link('R2', 'L1', 1, { ip: '10.0.1.2' }),
      link('R3', 'L1', 1, { ip: '10.0.1.3' }),
      link('R4', 'L1', 1, { ip: '10.0.1.4' }),
      link('R5', 'L1', 1, { ip: '10.0.1.5' }),
      link('R4', 'L2', 1),
      link('R5', 'L3', 1),
      link('H2', 'L2', 1),
      link('H3', 'L3', 1),
    ],
  },
  groups: [{ ...GROUP, members: ['H2', 'H3'] }],
  pim: { mode: 'dense' },
  ticksPerSecond: 8,
  actions: [stream(40, 'S', 'G', 'd', 40, 6), leave(130, 'H3', 'G')],
  maxTime: 280,
});

export const assertLesson: Lesson = {
  id: 'pim-dm.assert',
  chapter: 'pim-dm',
  title: { en: 'Assert and prune override on a shared LAN', zh: '共享局域网上的断言与剪枝否决' },
  summary: {
    en: 'When two routers forward the same packets onto one LAN, they exchange Assert messages and only the winner keeps forwarding. On a LAN a Prune is not obeyed at once: another router that still wants the traffic overrides it with a Join.',
    zh: '当两台路由器把同样的分组转发到同一个局域网上时，它们互发 Assert（断言）消息，只有胜者继续转发。在局域网上，Prune（剪枝）不会立即生效：仍需要流量的其他路由器会用 Join 否决它。',
  },
  steps: [
    {
      title: { en: 'Two forwarders on one LAN', zh: '一个局域网上有两个转发者' },
      body: {
        en: 'R2 and R3 both lead to S at the same cost (4), and both are attached to the LAN L1. R1 floods d.1 to both, and **both forward it onto L1**. R4 and R5, below L1, will each receive d.1 twice.',
        zh: 'R2 和 R3 通往 S 的代价相同（都是 4），又都连在局域网 L1 上。R1 把 d.1 洪泛给它们两个，**两者都把它转发到 L1 上**。L1 下面的 R4 和 R5 都会收到两份 d.1。',
      },
      scenario: assertScenario,
      cursor: { after: { type: 'send', node: 'R3', msg: 'd.1' } },
      highlight: { nodes: ['R2', 'R3'], msgs: ['d.1'] },
    },
    {
      title: { en: 'Each hears the other: Assert', zh: '互相听到对方：断言' },
      body: {
        en: "R3 receives R2's copy of d.1 on its interface to L1, an interface it forwards onto. That is the sign of a second forwarder (the copy also fails R3's RPF check and is dropped). R3 sends an **Assert(S,G)** onto L1 with its route's preference and metric, [110, 4]. R2, hearing R3's copy, does the same: its Assert also says [110, 4].",
        zh: 'R3 在连向 L1 的接口上收到了 R2 的 d.1 副本，而这是它自己向外转发的接口。这说明还有另一个转发者（这个副本也没有通过 R3 的 RPF 检查，被丢弃）。R3 向 L1 发出 **Assert(S,G)（断言）**，带上自己路由的优先级（preference）和度量（metric）：[110, 4]。R2 听到 R3 的副本，也这样做：它的断言同样是 [110, 4]。',
      },
      cursor: { after: { type: 'send', node: 'R2', msg: 'pim.R2.1' } },
      highlight: { nodes: ['R2', 'R3'], msgs: ['pim.R2.1', 'pim.R3.1'] },
    },
    {
      title: { en: 'The winner, as RFC 3973 §4.6 says', zh: '胜者：按 RFC 3973 §4.6 的规则' },
      body: {
        en: "The better Assert wins: **lower preference, then lower metric, then the higher IP address** (RFC 3973 §4.6.3). Preference and metric are equal, so the addresses on L1 decide: R3's 10.0.1.3 beats R2's 10.0.1.2. R2 becomes **I am Assert Loser**: it stops forwarding onto L1, sends a Prune to the winner, and, with nothing left to forward to, prunes itself from R1. R3 stays **I am Assert Winner**.",
        zh: '更好的断言获胜：**先比优先级（小者胜），再比度量（小者胜），最后比 IP 地址（大者胜）**（RFC 3973 §4.6.3）。优先级和度量都相同，于是由 L1 上的地址决定：R3 的 10.0.1.3 大于 R2 的 10.0.1.2。R2 进入 **I am Assert Loser**（断言失败者）：它不再向 L1 转发，向胜者发送 Prune，并且由于已无处可转发，向 R1 剪掉自己。R3 保持 **I am Assert Winner**（断言获胜者）。',
      },
      cursor: { after: { type: 'send', node: 'R2', msg: 'pim.R2.3' } },
      highlight: { nodes: ['R2', 'R3'], msgs: ['pim.R2.2', 'pim.R2.3'], panel: 'pim' },
    },
    {
      title: { en: 'Downstream routers follow the winner', zh: '下游路由器跟随胜者' },
      body: {
        en: "H2 and H3 each received d.1 twice and discarded one copy: the waste the Assert ends. R4 and R5 heard the Assert too. Their upstream neighbour RPF'(S) becomes the winner R3 (RFC 3973 §4.1.3), so each sends R3 a Graft and gets a Graft-Ack. From d.2 on, only R3 forwards onto L1.",
        zh: 'H2 和 H3 都收到了两份 d.1，丢弃了其中一份：断言正是要结束这种浪费。R4 和 R5 也听到了断言。它们的上游邻居 RPF′(S) 变为胜者 R3（RFC 3973 §4.1.3），于是各自向 R3 发送 Graft 并收到 Graft-Ack。从 d.2 起，只有 R3 向 L1 转发。',
      },
      cursor: { after: { type: 'pim-state', node: 'R5', nth: 3 } },
      highlight: {
        nodes: ['R4', 'R3', 'R5', 'H2', 'H3'],
        msgs: ['d.1', 'pim.R4.1', 'pim.R5.1'],
        panel: 'pim',
      },
    },
    {
      title: { en: 'A Prune on a LAN waits', zh: '局域网上的剪枝要等待' },
      body: {
        en: 'H3 leaves G, and once IGMP confirms nobody on L3 is left, R5 **prunes (S,G)** toward R3, onto L1. R3 does not stop at once: other routers on the LAN may still want the traffic. Its downstream state for L1 goes **NoInfo → PrunePending** for J/P_Override_Interval (3 s, 24 ticks).',
        zh: 'H3 离开 G，IGMP 确认 L3 上已没有成员后，R5 向 R3 **剪枝 (S,G)**，消息发到 L1 上。R3 不会立即停止：局域网上的其他路由器可能还需要这些流量。它在 L1 上的下游状态变为 **NoInfo → PrunePending**，等待 J/P_Override_Interval（3 秒，即 24 个时钟单位）。',
      },
      cursor: { after: { type: 'pim-state', node: 'R3', nth: 6 } },
      highlight: { nodes: ['R3', 'R5', 'H3'], msgs: ['pim.R5.3'], panel: 'pim' },
    },
    {
      title: { en: 'Prune override: a Join', zh: '剪枝否决：Join' },
      body: {
        en: "R4 heard R5's Prune to its own upstream neighbour, and R4 still has H2. It starts its Override Timer (a random time within Override_Interval, 2.5 s) and, when it fires, sends a **Join(S,G)**. R3 takes the Join: **PrunePending → NoInfo**, the prune is cancelled, and d.4 still reaches H2. R5 simply drops what it no longer needs.",
        zh: 'R4 听到了 R5 发给它们共同上游邻居的 Prune，而 R4 仍有 H2 需要数据。它启动否决定时器 OT（在 Override_Interval 2.5 秒内随机取值），到期时发送 **Join(S,G)**。R3 收到 Join：**PrunePending → NoInfo**，剪枝被取消，d.4 照样送到 H2。R5 只是丢弃自己不再需要的分组。',
      },
      cursor: { after: { type: 'deliver', node: 'H2', msg: 'd.4' } },
      highlight: { nodes: ['R3', 'R4', 'H2'], msgs: ['pim.R4.3', 'd.4'], panel: 'pim' },
    },
    {
      title: { en: 'Your turn', zh: '动手试试' },
      body: {
        en: 'In the scenario, give R2 a better (lower) Assert preference, "preference": { "R2": 100 } in its pim section: R2 wins the Assert instead. Or add the intervention { "copy": "pim.R4.3@L1", "drop": true }, which loses R4\'s Join: R3 prunes L1 when its timer runs out, and H2 stops receiving.',
        zh: '在场景的 pim 部分给 R2 一个更好（更小）的断言优先级，"preference": { "R2": 100 }：这次 R2 赢得断言。或者加上干预 { "copy": "pim.R4.3@L1", "drop": true }，让网络丢掉 R4 的 Join：R3 的定时器到期后就剪掉 L1，H2 再也收不到数据。',
      },
      cursor: 'end',
      sandbox: true,
    },
  ],
};
