import type { Lesson } from '../types';
import { GROUP, join, routedScenario, SPARSE_NET, stream } from './scenario';

/**
 * RFC 7761 §4.2.1 (SwitchToSptDesired) and §4.5.6–4.5.7 ((S,G,rpt) Prune): the last-hop router
 * R5 switches from the RP tree to the source's shortest-path tree on the first packet (the
 * scenario's default, `sptSwitch: immediate`). R5's route to S's network through R7 costs 6;
 * through R4 and the RP it would cost 9, so the switch shortens the path.
 */
export const sptScenario = routedScenario({
  title: {
    en: "PIM sparse mode: the last-hop router switches to the source's shortest-path tree",
    zh: 'PIM 稀疏模式：最后一跳路由器切换到源的最短路径树',
  },
  topology: SPARSE_NET,
  groups: [{ ...GROUP }],
  pim: { mode: 'sparse', rp: 'R3', sptSwitch: 'immediate' },
  ticksPerSecond: 8,
  actions: [join(10, 'H1', 'G'), stream(40, 'S', 'G', 'd', 20, 8)],
  maxTime: 220,
});

export const sptSwitchLesson: Lesson = {
  id: 'pim-sm.spt-switch',
  chapter: 'pim-sm',
  title: { en: 'Switching to the shortest-path tree', zh: '切换到最短路径树' },
  summary: {
    en: 'The RP tree may be a detour. Once packets flow, the receiver’s router can join the source directly, along its own shortest path, and then prune the source off the RP tree with an (S,G,rpt) Prune.',
    zh: 'RP 树可能是绕远路。数据开始流动后，接收者的路由器可以沿自己的最短路径直接向源加入，然后用 (S,G,rpt) Prune 把这个源从 RP 树上剪掉。',
  },
  steps: [
    {
      title: { en: 'The first packet comes the long way', zh: '第一个分组绕了远路' },
      body: {
        en: 'H1 joined, and R5 built the RP tree R3 → R4 → R5. S sends d.1: R1 registers it to the RP R3, and it comes down the RP tree to R5. That is S → R1 → R2 → R3 → R4 → R5: **12 ticks** from S to H1, although R5 is close to R1 through R7.',
        zh: 'H1 已加入，R5 建起了 RP 树 R3 → R4 → R5。S 发送 d.1：R1 把它注册给 RP R3，它再沿 RP 树到达 R5。路径是 S → R1 → R2 → R3 → R4 → R5：从 S 到 H1 共 **12 个时钟单位**，尽管经过 R7，R5 离 R1 其实很近。',
      },
      scenario: sptScenario,
      cursor: { after: { type: 'send', node: 'R5', msg: 'd.1' } },
      highlight: { nodes: ['R5', 'R4', 'R3', 'R2', 'R1'], msgs: ['d.1'] },
    },
    {
      title: { en: 'Join the source directly', zh: '直接向源加入' },
      body: {
        en: "Now R5 knows the source: S. In this scenario it switches on the first packet (SwitchToSptDesired, RFC 7761 §4.2.1). It sends a **Join(S,G)** to its RPF neighbour **toward S**, which is **R7**, not R4: its unicast route to S's network goes R5 → R7 → R1 (cost 6, against 9 through R4 and the RP). R7 passes the Join on to R1. This is the **shortest-path tree** of S.",
        zh: '现在 R5 知道了源是 S。本场景中它在收到第一个分组时就切换（SwitchToSptDesired，RFC 7761 §4.2.1）。它向**通往 S** 的 RPF 邻居发送 **Join(S,G)**，这个邻居是 **R7** 而不是 R4：它到 S 所在网络的单播路由是 R5 → R7 → R1（代价 6，经 R4 和 RP 则是 9）。R7 把 Join 继续传给 R1。这就是 S 的**最短路径树**。',
      },
      cursor: { after: { type: 'send', node: 'R7', msg: 'pim.R7.1' } },
      highlight: { nodes: ['R5', 'R7', 'R1'], msgs: ['pim.R5.2', 'pim.R7.1'], panel: 'pim' },
    },
    {
      title: { en: 'Data on the new tree: (S,G,rpt) Prune', zh: '新树上来了数据：(S,G,rpt) Prune' },
      body: {
        en: "d.2 reaches R5 from R7, on the shortest-path tree. R5 sets its **SPTbit** and sends an **(S,G,rpt) Prune** toward the RP, to R4: “stop sending me S's packets down the RP tree”. It is a prune of one source only: other sources of G would still come down the RP tree.",
        zh: 'd.2 经 R7 沿最短路径树到达 R5。R5 置位 **SPTbit**，并向 RP 方向（发给 R4）发送 **(S,G,rpt) Prune**：“不要再沿 RP 树给我发 S 的分组”。它只剪掉这一个源：G 的其他源仍会沿 RP 树下来。',
      },
      cursor: { after: { type: 'send', node: 'R5', msg: 'pim.R5.3' } },
      highlight: { nodes: ['R5', 'R4', 'R7'], msgs: ['d.2', 'pim.R5.3'], panel: 'pim' },
    },
    {
      title: { en: 'The RP tree lets go of S', zh: 'RP 树放开了 S' },
      body: {
        en: "R4 passes the (S,G,rpt) Prune up to R3. The RP now has nobody below it who wants S's packets, so it no longer needs them itself: it sends a **Prune(S,G)** toward S, and R2 prunes toward R1. Copies of d.2 still coming down the RP tree arrive at R5 on R4-R5, which is no longer its RPF interface toward S: they **fail the RPF check** and are dropped.",
        zh: 'R4 把 (S,G,rpt) Prune 继续传给 R3。RP 下面已经没有人需要 S 的分组了，它自己也就不再需要：它向 S 方向发送 **Prune(S,G)**，R2 再向 R1 剪枝。仍沿 RP 树下来的 d.2 副本从 R4-R5 到达 R5，而这已不是 R5 通往 S 的 RPF 接口：它们**没有通过 RPF 检查**，被丢弃。',
      },
      cursor: { after: { type: 'send', node: 'R2', msg: 'pim.R2.2' } },
      highlight: {
        nodes: ['R3', 'R4', 'R2', 'R1'],
        msgs: ['pim.R4.2', 'pim.R3.2', 'pim.R2.2'],
        panel: 'pim',
      },
    },
    {
      title: { en: 'The shortest path', zh: '最短路径' },
      body: {
        en: "The RP answers d.3's Register with a Register-Stop (nobody on its tree wants S). From d.4 on, S's packets go **S → R1 → R7 → R5 → H1 only: 9 ticks** instead of 12, and the links through the RP carry none of them.",
        zh: 'RP 用 Register-Stop 回复 d.3 的 Register（它的树上已没有人需要 S）。从 d.4 起，S 的分组**只走 S → R1 → R7 → R5 → H1：9 个时钟单位**，而不是 12，经过 RP 的链路不再承载它们。',
      },
      cursor: { after: { type: 'deliver', node: 'H1', msg: 'd.4' } },
      highlight: { nodes: ['R5', 'R7', 'R1', 'H1'], msgs: ['d.4'], panel: 'pim' },
    },
    {
      title: { en: 'Your turn', zh: '动手试试' },
      body: {
        en: 'Set "sptSwitch": "never" in the scenario\'s pim section: R5 stays on the RP tree and every packet takes 12 ticks. Try { "packets": 3 }: R5 counts the packets that come down the RP tree (one that comes twice counts once) and switches after the third. Or raise the latency of R1–R7 and R7–R5 to 10: R5’s shortest way to S then runs through R4 and the RP itself, so after the switch the packets still go R1 → R2 → R3 → R4 → R5.',
        zh: '在场景的 pim 部分设置 "sptSwitch": "never"：R5 留在 RP 树上，每个分组都要 12 个时钟单位。试试 { "packets": 3 }：R5 数着沿 RP 树下来的分组（同一分组来两次只算一次），第三个到达后才切换。或者把 R1–R7 和 R7–R5 的延迟提高到 10：这时 R5 到 S 的最短路径本身就经过 R4 和 RP，所以切换之后分组仍然走 R1 → R2 → R3 → R4 → R5。',
      },
      cursor: 'end',
      sandbox: true,
    },
  ],
};
