import type { Lesson } from '../types';
import { iptvScenario } from './scenarios';

/**
 * Lecture, "IP Multicast in use: IPTV": one stream per channel to a single address, IGMP from
 * the client to subscribe and change channels. The leave latency is RFC 2236's Last Member
 * Query Count × Last Member Query Interval (§8.8, §8.9).
 */
export const iptv: Lesson = {
  id: 'iptv.channel-change',
  chapter: 'iptv',
  title: { en: 'IPTV: changing channels', zh: 'IPTV：切换频道' },
  summary: {
    en: 'IPTV is the biggest user of IP multicast: every channel is one multicast stream, and a set-top box uses IGMP to subscribe and to change channels. Watch the router and the LAN follow a channel change, and measure the leave latency.',
    zh: 'IPTV 是 IP 组播最大的用户：每个频道是一路组播流，机顶盒用 IGMP 订阅和切换频道。看路由器和局域网如何跟随一次换台，并测量离开时延。',
  },
  steps: [
    {
      title: { en: 'Watching channel 1', zh: '正在看 1 频道' },
      body: {
        en: 'The head end HE multicasts two channels: ch1 to 239.10.0.1 and ch2 to 239.10.0.2, one packet per second of classroom time (a real HD channel is a steady 6–9 Mbps with MPEG-4). Set-top box STB1 has joined ch1, so R2 has **ch1: Members Present** on L1 and sends ch1 onto the LAN. Nobody on L1 wants ch2: R2 discards it.',
        zh: '头端 HE 组播两个频道：ch1 发往 239.10.0.1，ch2 发往 239.10.0.2，课堂时间里每秒一个分组（真实的 MPEG-4 高清频道是持续 6–9 Mbps 的流）。机顶盒 STB1 已加入 ch1，所以 R2 在 L1 上记录 **ch1：有成员**，并把 ch1 发到局域网上。L1 上没有人需要 ch2：R2 把它丢弃。',
      },
      scenario: iptvScenario,
      cursor: { after: { type: 'deliver', node: 'STB1', msg: 'tv1.7' } },
      highlight: { nodes: ['STB1', 'R2'], panel: 'igmp' },
    },
    {
      title: { en: 'Pressing the remote', zh: '按下遥控器' },
      body: {
        en: 'The viewer switches to channel 2. To IGMP a channel change is two things at once: STB1 **leaves** ch1 — a Leave Group to 224.0.0.2 — and **joins** ch2 — a Membership Report to 239.10.0.2.',
        zh: '观众切换到 2 频道。对 IGMP 来说，换台是同时做两件事：STB1 **离开** ch1——向 224.0.0.2 发送离开组消息；并**加入** ch2——向 239.10.0.2 发送成员报告。',
      },
      cursor: { after: { type: 'send', node: 'STB1', msg: 'report.STB1.4' } },
      highlight: { nodes: ['STB1'], msgs: ['leave.STB1.3', 'report.STB1.4'], panel: 'igmp' },
    },
    {
      title: { en: 'The new channel arrives at once', zh: '新频道马上就到' },
      body: {
        en: 'The report reaches R2: **ch2: No Members Present → Members Present**, and the very next ch2 packet goes onto L1. STB1 shows channel 2 less than a second after the button was pressed: joining is fast.',
        zh: '报告到达 R2：**ch2：无成员 → 有成员**，紧接着的下一个 ch2 分组就被发到 L1 上。按键后不到一秒，STB1 就显示出 2 频道：加入很快。',
      },
      cursor: { after: { type: 'deliver', node: 'STB1', msg: 'tv2.8' } },
      highlight: { nodes: ['R2', 'STB1'], msgs: ['tv2.8'], panel: 'igmp' },
    },
    {
      title: { en: 'The old channel lingers', zh: '旧频道还在' },
      body: {
        en: "Leaving is slower. R2 cannot know whether another box on L1 still watches ch1, so ch1 goes to **Checking Membership** and R2 sends a Group-Specific Query for 239.10.0.1, twice, 1 s apart. Meanwhile ch1 packets keep arriving on L1 — STB1's card no longer listens on ch1's MAC and drops them.",
        zh: '离开要慢一些。R2 无法知道 L1 上是否还有别的机顶盒在看 ch1，所以 ch1 进入**检查成员**状态，R2 向 239.10.0.1 发送特定组查询，两次，间隔 1 秒。这期间 ch1 的分组仍然不断到达 L1——STB1 的网卡已不再监听 ch1 的 MAC 地址，把它们丢弃。',
      },
      cursor: { after: { type: 'send', node: 'R2', msg: 'query.R2.3' } },
      highlight: { nodes: ['R2', 'STB1'], msgs: ['query.R2.2', 'query.R2.3', 'tv1.9'], panel: 'igmp' },
    },
    {
      title: { en: 'The leave latency', zh: '离开时延' },
      body: {
        en: 'No box answered: R2 moves ch1 to **No Members Present** and stops sending it onto L1; the next ch1 packet stops at R2. That took **2 s** after the Leave arrived — Last Member Query Count (2) × Last Member Query Interval (1 s) — and 3 ch1 packets crossed L1 after the change for nobody. That is the **leave latency**.',
        zh: '没有机顶盒应答：R2 把 ch1 置为**无成员**，不再把它发到 L1；下一个 ch1 分组停在了 R2。从离开消息到达算起用了 **2 秒**——最后成员查询次数（2）× 最后成员查询间隔（1 秒）——换台之后有 3 个 ch1 分组白白经过了 L1。这就是**离开时延**。',
      },
      cursor: { after: { type: 'discard', node: 'R2', msg: 'tv1.11' } },
      highlight: { nodes: ['R2'], msgs: ['tv1.11'], panel: 'igmp' },
    },
    {
      title: { en: 'A second viewer costs nothing', zh: '多一个观众不增加流量' },
      body: {
        en: 'STB2 tunes to channel 2 as well. R2 already has ch2: Members Present, so nothing changes on the network: each ch2 packet is still **one** frame on L1, and both boxes take it in. Multicast reduces the number of duplicate network streams and the number of servers needed.',
        zh: 'STB2 也调到 2 频道。R2 已经记录了 ch2：有成员，所以网络上什么也没变：每个 ch2 分组在 L1 上仍然只是**一个**帧，两台机顶盒都接收它。组播减少了网络中重复的流，也减少了所需的服务器数量。',
      },
      cursor: { after: { type: 'deliver', node: 'STB2', msg: 'tv2.14' } },
      highlight: { nodes: ['STB1', 'STB2', 'R2'], msgs: ['tv2.14'], panel: 'igmp' },
    },
    {
      title: { en: 'Your turn', zh: '动手试试' },
      body: {
        en: 'Add another set-top box to L1 or another LAN behind R2, or lengthen the link R1–R2, and step through the channel change again: what changes in the join latency, and what in the leave latency?',
        zh: '在 L1 上再添加一台机顶盒，或在 R2 后面再接一个局域网，或者加长链路 R1–R2 的延迟，然后再单步走一遍换台：加入时延有什么变化？离开时延又有什么变化？',
      },
      cursor: 'end',
      sandbox: true,
      highlight: { panel: 'igmp' },
    },
  ],
};
