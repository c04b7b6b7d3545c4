import type { Lesson } from '../types';
import { igmpInvalidScenario, igmpScenario, igmpV1Scenario } from './scenarios';

/**
 * Lecture, "IGMP" and "Joining/Leaving a multicast group with IGMP"; RFC 2236 (IGMPv2) with its
 * state names: the host's Non-Member, Delaying Member, Idle Member (§6) and the router's querier
 * election and per-group states (§7), timers in classroom time (8 ticks = 1 s, §8 defaults).
 */
export const igmp: Lesson = {
  id: 'igmp.v2',
  chapter: 'igmp',
  title: { en: 'IGMP: who on this LAN wants the group?', zh: 'IGMP：这个局域网上谁需要这个组？' },
  summary: {
    en: 'IGMP runs between hosts and their attached router so that the router knows to which of its networks to forward a group: the querier election, reports and report suppression, leaving and the last-member queries, IGMPv1 against v2, and invalid messages.',
    zh: 'IGMP 运行在主机和与之相连的路由器之间，让路由器知道应把一个组的流量转发到它的哪些网络：查询器选举、报告与报告抑制、离开与最后成员查询、IGMPv1 与 v2 的区别，以及无效报文。',
  },
  steps: [
    {
      title: { en: 'Electing the querier', zh: '选举查询器' },
      body: {
        en: 'Two routers share LAN L1: RA (10.0.1.1) and RB (10.0.1.2). Each starts as **Querier** and sends a **General Query** (Membership Query, group 0) to **224.0.0.1**, all systems on this subnet. RB hears a query from a **lower address** than its own and becomes a **Non-Querier** (RFC 2236 §3). From now on only RA asks the questions.',
        zh: '两台路由器共享局域网 L1：RA（10.0.1.1）和 RB（10.0.1.2）。它们一开始都是**查询器（Querier）**，都向 **224.0.0.1**（本子网上的所有系统）发送**通用查询**（成员查询，组号为 0）。RB 听到了一个来自**比自己更低地址**的查询，于是成为**非查询器（Non-Querier）**（RFC 2236 §3）。此后只由 RA 发问。',
      },
      scenario: igmpScenario,
      cursor: { after: { type: 'transition', node: 'RB', nth: 2 } },
      highlight: { nodes: ['RA', 'RB'], panel: 'igmp' },
    },
    {
      title: { en: 'Joining: an unsolicited report', zh: '加入：主动发送报告' },
      body: {
        en: "An application on H1 joins group G (239.2.2.2). H1 goes from **Non-Member** to **Delaying Member**: it sends a **Membership Report** (\"I'm interested in this multicast address\") to the group address itself, sets its flag (it reported last) and starts a timer to repeat the report.\n\nRA records G on L1: **No Members Present → Members Present**, and tells routing to forward G onto L1. H3's card does not listen on G's MAC: it never takes the report in.",
        zh: 'H1 上的一个应用加入组 G（239.2.2.2）。H1 从**非成员（Non-Member）**变为**延迟成员（Delaying Member）**：它向组地址本身发送**成员报告**（“我对这个组播地址感兴趣”），设置标志（自己最后报告），并启动定时器以便重发报告。\n\nRA 记下 L1 上有 G：**无成员（No Members Present）→ 有成员（Members Present）**，并通知路由把 G 转发到 L1。H3 的网卡不监听 G 的 MAC 地址：根本收不到这个报告。',
      },
      cursor: { after: { type: 'notify', node: 'RA' } },
      highlight: { nodes: ['H1', 'RA'], panel: 'igmp' },
    },
    {
      title: { en: 'A query, one report: suppression', zh: '一次查询，一份报告：报告抑制' },
      body: {
        en: "H2 has joined G too. RA sends another General Query, with Max Resp Time 10 s. Each member in **Idle Member** moves to **Delaying Member** and picks a random delay up to 10 s. H1's timer fires first: it reports G and becomes **Idle Member**. H2 hears that report, stops its timer, clears its flag and goes back to Idle Member **without reporting**: the router only needs to know that someone on L1 wants G, not who.",
        zh: 'H2 也已加入 G。RA 又发送一次通用查询，最大响应时间为 10 秒。每个处于**空闲成员（Idle Member）**状态的成员转为**延迟成员（Delaying Member）**，并随机选一个不超过 10 秒的延迟。H1 的定时器先到期：它报告 G，变为**空闲成员**。H2 听到了这份报告，停止定时器、清除标志，**不发报告**就回到空闲成员：路由器只需要知道 L1 上有人需要 G，不需要知道是谁。',
      },
      cursor: { after: { type: 'transition', node: 'H2', nth: 4 } },
      highlight: { nodes: ['RA', 'H1', 'H2'], panel: 'igmp' },
    },
    {
      title: { en: 'Leaving while others stay', zh: '有人离开，仍有人留下' },
      body: {
        en: 'H1 leaves G. It was the last host to report (its flag is set), so it sends a **Leave Group** to **224.0.0.2**, all routers. RA cannot know whether anyone else still wants G: it moves to **Checking Membership** and sends a **Group-Specific Query** to 239.2.2.2 with Max Resp Time 1 s. RB, a Non-Querier, ignores the Leave.\n\nH2 answers with a report within that second, and RA goes back to **Members Present**: G keeps flowing onto L1.',
        zh: 'H1 离开 G。它是最后一个发报告的主机（标志已设置），所以向 **224.0.0.2**（所有路由器）发送**离开组**消息。RA 无法知道是否还有其他主机需要 G：它进入**检查成员（Checking Membership）**状态，向 239.2.2.2 发送**特定组查询**，最大响应时间 1 秒。RB 是非查询器，忽略这条离开消息。\n\nH2 在这一秒内发报告作答，RA 回到**有成员**状态：G 继续被转发到 L1。',
      },
      cursor: { after: { type: 'transition', node: 'RA', nth: 10 } },
      highlight: { nodes: ['H1', 'RA', 'RB', 'H2'], panel: 'igmp' },
    },
    {
      title: { en: 'The last member leaves', zh: '最后一个成员离开' },
      body: {
        en: 'Now H2 leaves and sends a Leave. RA sends the Group-Specific Query **twice** (Last Member Query Count 2), **1 s apart** (Last Member Query Interval). Nobody answers, so RA goes to **No Members Present** and tells routing to stop forwarding G onto L1: **2 s** after the Leave arrived.',
        zh: '现在 H2 离开并发送离开消息。RA 把特定组查询发送**两次**（最后成员查询次数为 2），**间隔 1 秒**（最后成员查询间隔）。没有人应答，于是 RA 转为**无成员**，并通知路由停止把 G 转发到 L1：距离开消息到达 **2 秒**。',
      },
      cursor: { after: { type: 'notify', node: 'RA', nth: 2 } },
      highlight: { nodes: ['H2', 'RA'], panel: 'igmp' },
    },
    {
      title: { en: 'IGMPv1: no Leave', zh: 'IGMPv1：没有离开消息' },
      body: {
        en: 'The same hosts with **IGMPv1** (RFC 1112): a message has a 4-bit version and a 4-bit type (1 = query, 2 = report), and there is **no Leave Group**. H1 and H2 leave silently; RA only notices when no host answers its queries, and times G out a Group Membership Interval (2 × 125 s + 10 s = 260 s) after the last report.\n\n**IGMPv3** (RFC 3376) adds source filtering (INCLUDE or EXCLUDE lists); its reports go to 224.0.0.22 and are never suppressed.',
        zh: '同样的主机改用 **IGMPv1**（RFC 1112）：消息有 4 位版本号和 4 位类型（1 = 查询，2 = 报告），**没有离开组消息**。H1 和 H2 悄悄离开；RA 只有在没有主机响应查询时才能发觉，在最后一份报告之后再过一个组成员间隔（2 × 125 秒 + 10 秒 = 260 秒）才让 G 超时。\n\n**IGMPv3**（RFC 3376）增加了信源过滤（INCLUDE 或 EXCLUDE 列表）；它的报告发往 224.0.0.22，而且从不被抑制。',
      },
      scenario: igmpV1Scenario,
      cursor: { after: { type: 'notify', node: 'RA', nth: 2 } },
      highlight: { nodes: ['RA', 'H1', 'H2'], panel: 'igmp' },
    },
    {
      title: { en: 'Invalid messages are ignored', zh: '无效报文被忽略' },
      body: {
        en: 'An IGMP message is 8 octets with a 16-bit checksum. H1 sends three reports for 239.1.1.1 by hand: the first with a **wrong checksum**, the second **cut to 6 octets**. RA silently **ignores** both, as RFC 2236 says. Only the third, a correct report, makes RA record the group: No Members Present → Members Present. Open any message in the packet inspector to read its fields.',
        zh: 'IGMP 消息长 8 个八位组，带有 16 位校验和。H1 手工发送三份 239.1.1.1 的报告：第一份**校验和错误**，第二份**被截短为 6 个八位组**。RA 按照 RFC 2236 的规定把两者都**静默忽略**。只有第三份正确的报告让 RA 记下这个组：无成员 → 有成员。在报文检查器中打开任意一条消息，可以看到它的各个字段。',
      },
      scenario: igmpInvalidScenario,
      cursor: { after: { type: 'notify', node: 'RA' } },
      highlight: { nodes: ['H1', 'RA'], msgs: ['bad-sum', 'short', 'good'], panel: 'igmp' },
    },
    {
      title: { en: 'Your turn', zh: '动手试试' },
      body: {
        en: "Back to the two routers. Remove RA: RB never hears a query from a lower address, so it stays Querier and does RA's work — the queries, and the Group-Specific Queries after each Leave. Or step back to the General Query and watch the suppression again: whichever member's timer fires first, the other stays silent.",
        zh: '回到两台路由器的场景。删除 RA：RB 再也听不到来自更低地址的查询，于是一直是查询器，接手 RA 的工作——发送查询，并在每次离开之后发送特定组查询。或者退回到通用查询那一步，再看一次报告抑制：谁的定时器先到期，另一个就保持沉默。',
      },
      scenario: igmpScenario,
      cursor: 'end',
      sandbox: true,
      highlight: { panel: 'igmp' },
    },
  ],
};
