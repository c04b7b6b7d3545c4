import type { Lesson } from '../types';
import { GROUP, join, routedScenario, SPARSE_NET, stream } from './scenario';

/**
 * The lecture's "Sparse Mode Multicast (PIM-SM)" and RFC 7761 §4.5: receivers' designated routers
 * send (*,G) Joins hop by hop toward the rendezvous point, building the RP tree (shared tree).
 * The receivers join before the source sends, so the tree is seen growing on its own; the source
 * stays on the RP tree (`sptSwitch: never`) so this lesson shows the shared tree alone.
 */
export const rpTreeScenario = routedScenario({
  title: {
    en: 'PIM sparse mode: (*,G) Joins build the RP tree, hop by hop',
    zh: 'PIM 稀疏模式：(*,G) 加入消息逐跳建立 RP 树',
  },
  topology: SPARSE_NET,
  groups: [{ ...GROUP }],
  pim: { mode: 'sparse', rp: 'R3', sptSwitch: 'never' },
  ticksPerSecond: 8,
  actions: [join(10, 'H1', 'G'), join(60, 'H2', 'G'), stream(120, 'S', 'G', 'd', 20, 6)],
  maxTime: 260,
});

export const rpTreeLesson: Lesson = {
  id: 'pim-sm.rp-tree',
  chapter: 'pim-sm',
  title: { en: 'Sparse mode: Joins and the RP tree', zh: '稀疏模式：加入消息与 RP 树' },
  summary: {
    en: 'In sparse mode nothing flows until a receiver asks. The router at each receiver sends a PIM Join toward the rendezvous point (RP), hop by hop; the Joins build the RP tree, a tree shared by all the group’s sources.',
    zh: '稀疏模式下，在接收者请求之前什么都不会流动。每个接收者所在的路由器向汇聚点（RP）逐跳发送 PIM Join（加入）消息；这些 Join 建起 RP 树，即组内所有源共享的一棵树。',
  },
  steps: [
    {
      title: { en: 'Initiated at the receiver', zh: '由接收者一侧发起' },
      body: {
        en: 'Sparse mode is **initiated by the routers at each receiver**. The rendezvous point, the **meeting place between receivers and source**, is R3 (configured for every group, marked RP). H1 joins G: its IGMP report reaches R5, the designated router (DR) of L1. **A router at the destination that gets an IGMP join** must now ask for the feed.',
        zh: '稀疏模式**由每个接收者处的路由器发起**。汇聚点（RP）是**接收者与源的会合处**，这里是 R3（为所有组配置，图中标为 RP）。H1 加入 G：它的 IGMP 报告到达 L1 的指定路由器（DR）R5。**收到 IGMP 加入的目的端路由器**现在必须去请求数据。',
      },
      scenario: rpTreeScenario,
      cursor: { after: { type: 'notify', node: 'R5' } },
      highlight: { nodes: ['R5', 'H1', 'R3'] },
    },
    {
      title: { en: 'A (*,G) Join toward the RP', zh: '向 RP 发送 (*,G) Join' },
      body: {
        en: 'R5 creates a (*,G) entry, “any source, group G”. Its Upstream(*,G) state goes **NotJoined → Joined**: it sends a **Join(*,G)** to its RPF neighbour toward the **RP**, not toward a source: R4 (its unicast route to R3 goes through R4). It starts the Join Timer, to repeat the Join every t_periodic (60 s): sparse-mode state is soft state.',
        zh: 'R5 建立一个 (*,G) 表项，意思是“任意源、组 G”。它的 Upstream(*,G) 状态从 **NotJoined 变为 Joined**：它向通往 **RP**（而不是通往某个源）的 RPF 邻居发送 **Join(*,G)**：R4（它到 R3 的单播路由经过 R4）。它还启动加入定时器，每隔 t_periodic（60 秒）重发一次 Join：稀疏模式的状态是软状态。',
      },
      cursor: { after: { type: 'send', node: 'R5', msg: 'pim.R5.1' } },
      highlight: { nodes: ['R5', 'R4'], msgs: ['pim.R5.1'], panel: 'pim' },
    },
    {
      title: { en: 'Hop by hop', zh: '逐跳传递' },
      body: {
        en: 'R4 receives the Join on R4-R5: its downstream (*,G) state for R4-R5 goes **NoInfo → Join**, with an Expiry Timer. R4 had no (*,G) state before, so it joins too: **Join(*,G)** to its own RPF neighbour toward the RP, R3. **Join messages propagate to the rendezvous point**, one hop at a time, each router keeping state for the branch below it.',
        zh: 'R4 在 R4-R5 上收到这个 Join：它在 R4-R5 上的下游 (*,G) 状态从 **NoInfo 变为 Join**，并启动超时定时器。R4 此前没有 (*,G) 状态，所以它也要加入：向自己通往 RP 的 RPF 邻居 R3 发送 **Join(*,G)**。**Join 消息一跳一跳地传向汇聚点**，每台路由器为它下面的分支保存状态。',
      },
      cursor: { after: { type: 'send', node: 'R4', msg: 'pim.R4.1' } },
      highlight: { nodes: ['R4', 'R3'], msgs: ['pim.R5.1', 'pim.R4.1'], panel: 'pim' },
    },
    {
      title: { en: 'The RP tree reaches the RP', zh: 'RP 树到达 RP' },
      body: {
        en: 'The RP receives the Join: its interface R3-R4 is now in **Join** state for (*,G). The RP tree is R3 → R4 → R5 → L1. Select R3, R4 and R5 to see the (*,G) entries: incoming interface toward the RP, outgoing interface list toward the receiver. No data has moved yet.',
        zh: 'RP 收到 Join：它的接口 R3-R4 对 (*,G) 处于 **Join** 状态。RP 树现在是 R3 → R4 → R5 → L1。选中 R3、R4 和 R5 查看 (*,G) 表项：入接口朝向 RP，出接口列表朝向接收者。此时还没有任何数据流动。',
      },
      cursor: { after: { type: 'pim-state', node: 'R3' } },
      highlight: { nodes: ['R3', 'R4', 'R5'], panel: 'pim' },
    },
    {
      title: { en: 'A second receiver joins the tree where it meets it', zh: '第二个接收者在相遇处接入' },
      body: {
        en: 'H2 joins G behind R6. R6 sends a Join(*,G) toward the RP, to R4. But R4 is already on the RP tree (Joined): it only adds R4-R6 to its outgoing list and **sends nothing further**. The new branch grafts onto the tree at the first router that already has it; the RP never hears of H2.',
        zh: 'H2 在 R6 后面加入 G。R6 向 RP 方向发送 Join(*,G)，发给 R4。但 R4 已经在 RP 树上（Joined）：它只把 R4-R6 加入出接口列表，**不再向上发送任何消息**。新分支在第一台已经在树上的路由器处接入；RP 根本不知道 H2 的存在。',
      },
      cursor: { after: { type: 'pim-state', node: 'R4', nth: 3 } },
      highlight: { nodes: ['R4', 'R6', 'H2'], msgs: ['pim.R6.1'], panel: 'pim' },
    },
    {
      title: { en: 'The sender transmits only to the RP', zh: '发送者只发给 RP' },
      body: {
        en: 'S starts sending. Its router R1 knows nothing about H1 or H2: **the sender transmits only to the rendezvous point** (in a Register message: next lesson). From the RP, d.1 goes **down the shared tree**: R3 → R4, where it is copied onto R4-R5 and R4-R6, and on to L1 and L2. H1 and H2 each get one copy. R7 and the links around it see nothing: **packets go only where needed**.',
        zh: 'S 开始发送。它的路由器 R1 对 H1 和 H2 一无所知：**发送者只把数据发给汇聚点**（放在 Register 消息里：见下一课）。d.1 从 RP 出发**沿共享树向下**：R3 → R4，在 R4 处复制到 R4-R5 和 R4-R6，再到 L1 和 L2。H1 和 H2 各收到一份。R7 及其周围的链路什么都没看到：**分组只送到需要的地方**。',
      },
      cursor: { after: { type: 'deliver', node: 'H2', msg: 'd.1' } },
      highlight: { nodes: ['R4', 'R3', 'R1', 'S', 'H1', 'H2'], msgs: ['d.1'] },
    },
    {
      title: { en: 'Your turn', zh: '动手试试' },
      body: {
        en: 'Let H2 leave G (say at time 200): R6 sends a **Prune(*,G)** to R4, and R4 stops copying onto R4-R6, but no Prune goes further, because R5 still wants the group. Then let H1 leave too, and watch the prunes reach the RP. Or remove the link R4–R5: R5’s unicast route to the RP now goes R7 → R1 → R2, and its Join(*,G) travels that way.',
        zh: '让 H2 离开 G（比如在时间 200）：R6 向 R4 发送 **Prune(*,G)**，R4 不再向 R4-R6 复制，但剪枝不会继续向上，因为 R5 仍需要这个组。再让 H1 也离开，看剪枝传到 RP。或者删除链路 R4–R5：R5 到 RP 的单播路由变为经过 R7 → R1 → R2，它的 Join(*,G) 也沿这条路走。',
      },
      cursor: 'end',
      sandbox: true,
    },
  ],
};
