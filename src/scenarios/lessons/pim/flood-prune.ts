import type { Lesson } from '../types';
import { DENSE_TREE, GROUP, routedScenario, stream } from './scenario';

/**
 * The lecture's "Flooding: Dense Mode Multicast (PIM-DM)": flood from the sender's router, prune
 * where nobody listens, and the prunes time out (RFC 3973 §4.4). State Refresh is off here so the
 * prune hold time runs out and the data floods again; the State Refresh lesson turns it on.
 * Classroom time is 2 ticks per second, so the 210 s hold time fits in the run.
 */
export const floodScenario = routedScenario({
  title: {
    en: 'PIM dense mode: flood, prune, and the prunes expire',
    zh: 'PIM 密集模式：泛洪、剪枝，以及剪枝超时',
  },
  topology: DENSE_TREE,
  groups: [{ ...GROUP, members: ['H1'] }],
  pim: { mode: 'dense', stateRefresh: false },
  ticksPerSecond: 2,
  actions: [stream(20, 'S', 'G', 'd', 40, 13)],
  maxTime: 520,
});

export const floodPruneLesson: Lesson = {
  id: 'pim-dm.flood-prune',
  chapter: 'pim-dm',
  title: { en: 'Dense mode: flood and prune', zh: '密集模式：洪泛与剪枝' },
  summary: {
    en: 'PIM dense mode assumes everybody wants the traffic: the sender’s router floods it to all routers, and routers with no interested receivers send Prune messages back. Prunes last for the prune hold time; then the flooding starts again.',
    zh: 'PIM 密集模式假定所有地方都需要这些流量：发送者的路由器把它洪泛给所有路由器，没有感兴趣接收者的路由器回送 Prune（剪枝）消息。剪枝只在剪枝保持时间内有效，之后又会重新洪泛。',
  },
  steps: [
    {
      title: { en: 'Flooding starts at the sender’s router', zh: '洪泛从发送者的路由器开始' },
      body: {
        en: "**Flooding is initiated by the sender's router.** S sends d.1; R1 (attached to S's LAN) **relays it to all connected routers**: R2 and R3. No router asked for it: dense mode assumes every part of the network wants the group.",
        zh: '**洪泛由发送者的路由器发起。** S 发送 d.1；R1（连在 S 的局域网上）**把它转发给所有相连的路由器**：R2 和 R3。没有任何路由器请求过它：密集模式假定网络的每个部分都需要这个组。',
      },
      scenario: floodScenario,
      cursor: { after: { type: 'send', node: 'R1', msg: 'd.1', nth: 2 } },
      highlight: { nodes: ['S', 'R1', 'R2', 'R3'], msgs: ['d.1'] },
    },
    {
      title: { en: 'The flood goes on, along RPF', zh: '洪泛沿着 RPF 继续' },
      body: {
        en: 'Each router checks RPF and copies the packet to its PIM neighbours and to its LANs with members. R2 puts d.1 on L1, where H1 is a member. R3 passes it on to R4; L2 has no member, so R3 sends nothing there.',
        zh: '每台路由器先做 RPF 检查，再把分组复制给自己的 PIM 邻居和有成员的局域网。R2 把 d.1 发到 L1 上（H1 是成员）。R3 把它转给 R4；L2 上没有成员，所以 R3 不往那里发。',
      },
      cursor: { after: { type: 'send', node: 'R3', msg: 'd.1' } },
      highlight: { nodes: ['R2', 'R3', 'R4'], msgs: ['d.1'] },
    },
    {
      title: { en: 'No receivers: Prune', zh: '没有接收者：剪枝' },
      body: {
        en: 'R4 has no member on L3 and no PIM neighbour below it: its outgoing list olist(S,G) is empty. It drops d.1 and **sends a Prune(S,G)** up to its RPF neighbour R3. Its Upstream(S,G) state goes **Forwarding → Pruned** and it starts the Prune Limit Timer PLT(S,G), so it will not prune again too soon (RFC 3973 §4.4.1).',
        zh: 'R4 在 L3 上没有成员，下面也没有 PIM 邻居：它的出接口列表 olist(S,G) 为空。它丢弃 d.1，并向自己的 RPF 邻居 R3 **发送 Prune(S,G)（剪枝）**。它的 Upstream(S,G) 状态从 **Forwarding 变为 Pruned**，并启动剪枝限制定时器 PLT(S,G)，以免过早再次剪枝（RFC 3973 §4.4.1）。',
      },
      cursor: { after: { type: 'send', node: 'R4', msg: 'pim.R4.1' } },
      highlight: { nodes: ['R4'], msgs: ['pim.R4.1'], panel: 'pim' },
    },
    {
      title: { en: 'The prune travels upstream', zh: '剪枝向上游传递' },
      body: {
        en: "R3 takes R4's Prune: its downstream state for interface R3-R4 goes **NoInfo → PrunePending → Pruned** (on a point-to-point link nobody else could object, so there is no wait) and it starts the Prune Timer PT(S,G,I). Now R3 has no interface that wants G either, so **R3 prunes too**, to R1. R1 marks R1-R3 Pruned.\n\nFeedback and cut-off: the branch with no interested receivers is cut back to the router that had a reason to forward.",
        zh: 'R3 处理 R4 的剪枝：它在接口 R3-R4 上的下游状态变为 **NoInfo → PrunePending → Pruned**（点到点链路上没有别人会反对，所以不用等待），并启动剪枝定时器 PT(S,G,I)。此时 R3 也没有任何需要 G 的接口了，于是 **R3 也剪枝**，发给 R1。R1 把 R1-R3 标为 Pruned。\n\n反馈并截断：没有感兴趣接收者的分支被一直剪回到有理由转发的路由器。',
      },
      cursor: { after: { type: 'pim-state', node: 'R1', nth: 2 } },
      highlight: { nodes: ['R3', 'R1'], msgs: ['pim.R3.1'], panel: 'pim' },
    },
    {
      title: { en: 'After the prunes: only where needed', zh: '剪枝之后：只送到需要的地方' },
      body: {
        en: 'd.2 goes S → R1 → R2 → L1 and nowhere else: the links R1-R3 and R3-R4 stay quiet. Select R1: its (S,G) entry lists R1-R3 as **Pruned**, with the Prune Timer running. The prune holds for the **prune hold time**, 210 s (420 ticks here at 2 ticks per second).',
        zh: 'd.2 只走 S → R1 → R2 → L1，别处都不去：链路 R1-R3 和 R3-R4 保持安静。选中 R1：它的 (S,G) 表项显示 R1-R3 为 **Pruned**，剪枝定时器正在运行。剪枝状态只保持**剪枝保持时间** 210 秒（这里每秒 2 个时钟单位，即 420 个时钟单位）。',
      },
      cursor: { after: { type: 'deliver', node: 'H1', msg: 'd.2' } },
      highlight: { nodes: ['R1', 'R2', 'H1'], msgs: ['d.2'], panel: 'pim' },
    },
    {
      title: { en: 'The prunes expire: flood again', zh: '剪枝到期：再次洪泛' },
      body: {
        en: "210 s after the prunes, the Prune Timers expire (**PT(S,G,I) expires → NoInfo**) at R3 and at R1. R3's interface toward R4 is back in its outgoing list, so R3 sends R1 a Graft to get the traffic at once. **d.12 floods down to R4 again**, R4 still has no receiver, and it prunes once more: the flood-and-prune cycle repeats every prune hold time. That is dense mode's cost: **wasteful** when few want the group.",
        zh: '剪枝 210 秒后，R3 和 R1 上的剪枝定时器到期（**PT(S,G,I) 到期 → NoInfo**）。R3 通往 R4 的接口重新回到它的出接口列表中，于是 R3 向 R1 发送 Graft（嫁接），以便立即重新得到流量。**d.12 再次洪泛到 R4**，而 R4 仍然没有接收者，于是再剪枝一次：洪泛与剪枝每隔一个剪枝保持时间就重复一次。这就是密集模式的代价：组成员很少时非常**浪费**。',
      },
      cursor: { after: { type: 'send', node: 'R4', msg: 'pim.R4.2' } },
      highlight: { nodes: ['R1', 'R3', 'R4'], msgs: ['d.12', 'pim.R4.2'] },
    },
    {
      title: { en: 'Your turn', zh: '动手试试' },
      body: {
        en: 'Add a host on L2 and make it a member of G (or let H2 join): R3 then keeps forwarding onto L2 and prunes nothing, while R4 still prunes. Or remove the link R3–R4 and watch R3 prune at once. The next lessons show how a pruned branch comes back early (Graft) and how State Refresh stops the repeated flooding.',
        zh: '在 L2 上添加一台主机并让它加入 G（或让 H2 加入）：R3 就会继续向 L2 转发，不再剪枝，而 R4 仍然剪枝。或者删除链路 R3–R4，看 R3 立即剪枝。后面几课会介绍被剪掉的分支如何提前接回（Graft，嫁接），以及状态刷新如何避免反复洪泛。',
      },
      cursor: 'end',
      sandbox: true,
    },
  ],
};
