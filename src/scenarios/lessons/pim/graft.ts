import type { Lesson } from '../types';
import { DENSE_TREE, GROUP, join, routedScenario, stream } from './scenario';

/**
 * RFC 3973 §4.4.1 and §4.7.6: a receiver appears under a pruned branch, and its router Grafts
 * back onto the tree at once instead of waiting for the prune to expire. The second scenario
 * loses the first Graft, so the Graft Retry Timer (Graft_Retry_Period, 3 s) sends it again.
 */
export const graftScenario = routedScenario({
  title: {
    en: 'PIM dense mode: a receiver joins under a pruned branch, and the Graft travels upstream',
    zh: 'PIM 密集模式：接收者在被剪枝的分支下加入，嫁接消息向上游传递',
  },
  topology: DENSE_TREE,
  groups: [{ ...GROUP, members: ['H1'] }],
  pim: { mode: 'dense' },
  ticksPerSecond: 8,
  actions: [stream(20, 'S', 'G', 'd', 40, 6), join(90, 'H3', 'G')],
  maxTime: 240,
});

/** The same run with R4's first Graft lost on the way to R3. */
export const graftLostScenario = {
  ...graftScenario,
  title: {
    en: 'PIM dense mode: the first Graft is lost, and the Graft Retry Timer sends it again',
    zh: 'PIM 密集模式：第一条嫁接消息丢失，嫁接重传定时器再次发送它',
  },
  interventions: [{ copy: 'pim.R4.2@R3', drop: true as const }],
};

export const graftLesson: Lesson = {
  id: 'pim-dm.graft',
  chapter: 'pim-dm',
  title: { en: 'Graft: rejoining a pruned branch', zh: 'Graft：接回被剪掉的分支' },
  summary: {
    en: 'When a receiver joins under a pruned branch, its router does not wait for the prune to expire: it sends a Graft upstream, hop by hop, and each router answers with a Graft-Ack. A lost Graft is sent again when the Graft Retry Timer fires.',
    zh: '当被剪掉的分支下出现接收者时，它的路由器不会等剪枝到期：它向上游逐跳发送 Graft（嫁接），每台路由器都用 Graft-Ack 确认。Graft 丢失时，重传定时器到期后会再发一次。',
  },
  steps: [
    {
      title: { en: 'A pruned branch', zh: '一条被剪掉的分支' },
      body: {
        en: "As in the last lesson, d.1 flooded everywhere and the branch R1 → R3 → R4 was pruned: nobody on L2 or L3 wants G. R4's Upstream(S,G) is **Pruned**, and R1 holds R1-R3 as **Pruned** for the prune hold time, 210 s.",
        zh: '和上一课一样，d.1 洪泛到各处后，分支 R1 → R3 → R4 被剪掉了：L2 和 L3 上都没有人需要 G。R4 的 Upstream(S,G) 处于 **Pruned**，R1 在剪枝保持时间（210 秒）内把 R1-R3 保持为 **Pruned**。',
      },
      scenario: graftScenario,
      cursor: { after: { type: 'pim-state', node: 'R1', nth: 3 } },
      highlight: { nodes: ['R1', 'R3', 'R4'], panel: 'pim' },
    },
    {
      title: { en: 'A receiver joins: Graft', zh: '接收者加入：Graft（嫁接）' },
      body: {
        en: 'H3 joins G: its IGMP report tells R4 that L3 now has a member. R4’s outgoing list is no longer empty, so its Upstream(S,G) goes **Pruned → AckPending**: it sends a **Graft(S,G)** to its RPF neighbour R3 and starts the Graft Retry Timer GRT(S,G). Unlike a Prune, a Graft is **unicast** to that one router (RFC 3973 §4.7.6).',
        zh: 'H3 加入 G：它的 IGMP 报告让 R4 知道 L3 上有了成员。R4 的出接口列表不再为空，于是它的 Upstream(S,G) 从 **Pruned 变为 AckPending**：它向 RPF 邻居 R3 发送 **Graft(S,G)（嫁接）**，并启动嫁接重传定时器 GRT(S,G)。与 Prune 不同，Graft 是**单播**给那一台路由器的（RFC 3973 §4.7.6）。',
      },
      cursor: { after: { type: 'send', node: 'R4', msg: 'pim.R4.2' } },
      highlight: { nodes: ['R4', 'R3', 'H3'], msgs: ['pim.R4.2'], panel: 'pim' },
    },
    {
      title: { en: 'The Graft travels upstream', zh: 'Graft 向上游传递' },
      body: {
        en: 'R3 takes the Graft: interface R3-R4 goes **Pruned → NoInfo** (forward there again), and R3 answers R4 with a **Graft-Ack**. But R3 itself was pruned from R1: now that it has a downstream interface again, it **sends its own Graft to R1**. The Graft climbs the tree hop by hop until it reaches a router that is still receiving.',
        zh: 'R3 处理这个 Graft：接口 R3-R4 从 **Pruned 变为 NoInfo**（重新向那里转发），并用 **Graft-Ack** 回复 R4。但 R3 自己也被 R1 剪掉了：既然它又有了下游接口，它就**向 R1 发送自己的 Graft**。Graft 沿树逐跳向上，直到遇到一台仍在接收的路由器。',
      },
      cursor: { after: { type: 'send', node: 'R3', msg: 'pim.R3.3' } },
      highlight: { nodes: ['R3', 'R1', 'R4'], msgs: ['pim.R3.2', 'pim.R3.3'], panel: 'pim' },
    },
    {
      title: { en: 'Graft-Acks close the loop', zh: 'Graft-Ack 完成确认' },
      body: {
        en: "R4 receives R3's Graft-Ack: **AckPending → Forwarding**, and it cancels its retry timer. R1 sets R1-R3 back to NoInfo and acknowledges R3, which becomes **Forwarding** too. The branch is back on the tree.",
        zh: 'R4 收到 R3 的 Graft-Ack：**AckPending → Forwarding**，并取消重传定时器。R1 把 R1-R3 恢复为 NoInfo 并确认 R3，R3 也变为 **Forwarding**。这条分支重新接回了树上。',
      },
      cursor: { after: { type: 'pim-state', node: 'R3', nth: 6 } },
      highlight: { nodes: ['R4', 'R3', 'R1'], msgs: ['pim.R3.2', 'pim.R1.1'], panel: 'pim' },
    },
    {
      title: { en: 'The stream arrives at once', zh: '数据流立即到达' },
      body: {
        en: 'The very next packet, d.3, goes R1 → R3 → R4 → L3 and H3 delivers it, 18 ticks (just over 2 s) after joining. Without the Graft, H3 would wait until the prunes expired, up to 210 s.',
        zh: '紧接着的下一个分组 d.3 沿 R1 → R3 → R4 → L3 到达，H3 交付了它，距加入只有 18 个时钟单位（2 秒多）。如果没有 Graft，H3 要等到剪枝到期，最长可达 210 秒。',
      },
      cursor: { after: { type: 'deliver', node: 'H3', msg: 'd.3' } },
      highlight: { nodes: ['H3', 'R4'], msgs: ['d.3'] },
    },
    {
      title: { en: 'A lost Graft is sent again', zh: '丢失的 Graft 会重传' },
      body: {
        en: 'The same run, but the network loses R4’s first Graft. R4 stays in **AckPending**; nobody acknowledges, so after Graft_Retry_Period (3 s, 24 ticks) **GRT(S,G) expires and R4 sends the Graft again**. This one arrives, and the Grafts and Graft-Acks go as before, only later: d.3 passes H3 by, and d.4 is its first packet.',
        zh: '同样的运行，但网络丢失了 R4 的第一个 Graft。R4 一直处于 **AckPending**；没有人确认，于是过了 Graft_Retry_Period（3 秒，即 24 个时钟单位）后 **GRT(S,G) 到期，R4 再次发送 Graft**。这一次送到了，之后的 Graft 和 Graft-Ack 与前面相同，只是晚了一些：H3 错过了 d.3，它收到的第一个分组是 d.4。',
      },
      scenario: graftLostScenario,
      cursor: { after: { type: 'send', node: 'R4', msg: 'pim.R4.3' } },
      highlight: { nodes: ['R4', 'R3'], msgs: ['pim.R4.2', 'pim.R4.3'], panel: 'pim' },
    },
    {
      title: { en: 'Your turn', zh: '动手试试' },
      body: {
        en: "Let H2 join G before H3 does (say at time 60): R3 grafts to R1 for its own LAN L2, and when H3 joins later, R4's Graft stops at R3, which is already receiving. Make H3 join earlier or later and compare how long it waits for its first packet. Or lose the retried Graft too, and count the retries.",
        zh: '让 H2 在 H3 之前加入 G（比如在时间 60）：R3 会为自己的局域网 L2 向 R1 发起嫁接；之后 H3 加入时，R4 的 Graft 到 R3 就停下了，因为 R3 已经在接收。让 H3 更早或更晚加入，比较它等待第一个分组的时间。或者把重传的 Graft 也丢掉，数一数重传了几次。',
      },
      cursor: 'end',
      sandbox: true,
    },
  ],
};
