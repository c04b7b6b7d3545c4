import type { Lesson } from '../types';
import { groupScenario, multicast } from './scenario';

/**
 * The lecture's "Causal Ordering: Example", step by step: P0 multicasts m0 with V=(1,0,0); P1
 * delivers it and multicasts m1 with V=(1,1,0); m1 reaches P2 before m0, fails the second test
 * and is held back; m0 arrives, passes both tests, is delivered; then m1 passes and follows.
 */
const scenario = groupScenario({
  seed: 1,
  processes: ['P0', 'P1', 'P2'],
  ordering: 'causal',
  latency: [2, 3],
  actions: [multicast(0, 'P0', 'm0'), multicast(4, 'P1', 'm1')],
  // P1 has m0 before it multicasts m1 at t=4; P2 gets m0 only at t=10, after m1 (sent at 4,
  // latency at most 3), exactly as in the lecture's figure.
  interventions: [
    { copy: 'm0@P1', deliverAt: 2 },
    { copy: 'm0@P2', deliverAt: 10 },
  ],
});

export const causal: Lesson = {
  id: 'ordering.causal',
  chapter: 'ordering',
  title: { en: "Causal ordering: the lecture's example", zh: '因果序：课上的例子' },
  summary: {
    en: "If m' causally depends on m, every process delivers m before m'. Precedence vectors and a two-part test tell a receiver when a message may be delivered; the lecture's example shows P2 holding m1 back until m0 has arrived.",
    zh: '如果 m′ 因果依赖于 m，那么所有进程都必须先交付 m 再交付 m′。接收者用优先向量（precedence vector）和两部分测试判断消息能否交付；课上的例子中，P2 把 m1 放在保留队列里，直到 m0 到达。',
  },
  steps: [
    {
      title: { en: 'Precedence vectors', zh: '优先向量' },
      body: {
        en: "Causal ordering, also known as partial ordering: **if multicast(G, m) → multicast(G, m'), then every process that delivers m' will have delivered m.**\n\nEach process keeps a precedence vector, similar to a vector timestamp: **each entry = # of latest message from the corresponding group member that causally precedes the event.** All three start at (0,0,0): see the vector panel.",
        zh: '因果序，又称偏序：**如果 multicast(G, m) → multicast(G, m′)，那么任何交付 m′ 的进程都必须已经交付了 m。**\n\n每个进程维护一个优先向量（precedence vector），类似于向量时间戳：**每一项 = 对应组成员的、因果上先于该事件的最新消息的编号。**三个进程的向量初始都是 (0,0,0)：请看向量面板。',
      },
      scenario,
      cursor: 0,
      highlight: { nodes: ['P0', 'P1', 'P2'], panel: 'vector' },
    },
    {
      title: { en: 'P0 multicasts m0 with V=(1,0,0)', zh: 'P0 组播 m0，V=(1,0,0)' },
      body: {
        en: 'The vector is updated on multicast send and receive events. Sending **m0**, P0 counts its own message: its entry becomes 1, and m0 carries **V=(1,0,0)** (on the arrows).',
        zh: '向量在组播的发送和接收事件上更新。P0 发送 **m0** 时给自己那一项加 1，m0 携带 **V=(1,0,0)**（标在箭头上）。',
      },
      cursor: { after: { type: 'send', node: 'P0', msg: 'm0' } },
      highlight: { nodes: ['P0'], msgs: ['m0'], panel: 'vector' },
    },
    {
      title: { en: 'P1 delivers m0', zh: 'P1 交付 m0' },
      body: {
        en: "m0 reaches **P1** first. It is the next message from P0 and depends on nothing P1 lacks, so P1 delivers it, and P1's vector becomes (1,0,0).",
        zh: 'm0 先到达 **P1**。它是 P0 的下一条消息，也不依赖任何 P1 还没有的消息，所以 P1 交付它，P1 的向量变为 (1,0,0)。',
      },
      cursor: { after: { type: 'deliver', node: 'P1', msg: 'm0' } },
      highlight: { nodes: ['P1'], msgs: ['m0'], copies: ['m0@P1'], panel: 'vector' },
    },
    {
      title: { en: 'P1 multicasts m1 with V=(1,1,0)', zh: 'P1 组播 m1，V=(1,1,0)' },
      body: {
        en: 'Having delivered m0, P1 multicasts **m1** with **V=(1,1,0)**: one message from P0 and one from P1 precede it. So multicast(G, m0) → multicast(G, m1): m1 is causally dependent on m0, and every process must deliver m0 before m1.\n\nNotice the copy of m0 to P2 is still on its way.',
        zh: 'P1 交付 m0 之后组播 **m1**，携带 **V=(1,1,0)**：在它之前有 P0 的一条消息和 P1 的一条消息。因此 multicast(G, m0) → multicast(G, m1)：m1 因果依赖于 m0，所有进程都必须先交付 m0 再交付 m1。\n\n注意：发往 P2 的 m0 副本仍在路上。',
      },
      cursor: { after: { type: 'send', node: 'P1', msg: 'm1' } },
      highlight: { nodes: ['P1'], msgs: ['m1'], copies: ['m0@P2'], panel: 'vector' },
    },
    {
      title: { en: 'm1 reaches P2 before m0', zh: 'm1 先于 m0 到达 P2' },
      body: {
        en: 'P2 receives **m1** with V=(1,1,0); its own vector is V2=(0,0,0). The two-part test:\n**(1) Is this in FIFO order from P1?** Compare V2[1] = 0 with received V[1] = 1 ⇒ sequential: yes.\n**(2) Is V[i] ≤ V2[i] for all other i?** No: V[0] = 1 > V2[0] = 0. P1 had delivered a message from P0 that P2 has not seen yet.',
        zh: 'P2 收到 **m1**，V=(1,1,0)；P2 自己的向量是 V2=(0,0,0)。两部分测试：\n**(1) 它是否符合来自 P1 的 FIFO 顺序？**比较 V2[1] = 0 与收到的 V[1] = 1 ⇒ 连续：是。\n**(2) 对其余所有 i，是否都有 V[i] ≤ V2[i]？**否：V[0] = 1 > V2[0] = 0。P1 已经交付了一条来自 P0 的消息，而 P2 还没有见过它。',
      },
      cursor: { after: { type: 'receive', node: 'P2', msg: 'm1' } },
      highlight: { nodes: ['P2'], msgs: ['m1'], copies: ['m1@P2', 'm0@P2'], panel: 'vector' },
    },
    {
      title: { en: 'P2 holds m1 back', zh: 'P2 把 m1 放入保留队列' },
      body: {
        en: "Test (2) failed, so P2 places **m1** on its **hold-back queue**: it needs P0's message 1 first. Delivering m1 now would show P2's application the answer before the question.",
        zh: '测试 (2) 不通过，于是 P2 把 **m1** 放入**保留队列**：它要先等 P0 的 1 号消息。如果现在就交付 m1，P2 的应用会先看到“回答”，后看到“问题”。',
      },
      cursor: { after: { type: 'holdback', node: 'P2', msg: 'm1' } },
      highlight: { nodes: ['P2'], msgs: ['m1'], panel: 'holdback' },
    },
    {
      title: { en: 'm0 arrives at P2', zh: 'm0 到达 P2' },
      body: {
        en: 'P2 receives **m0** from P0 with V=(1,0,0).\n**(1) Is this in FIFO order from P0?** Compare current V2=(0,0,0) with received V=(1,0,0): V2[0] = 0, received V[0] = 1 ⇒ sequential: yes.\n**(2) Is V[i] ≤ V2[i] for all other i?** Yes: (0 ≤ 0), (0 ≤ 0).',
        zh: 'P2 收到来自 P0 的 **m0**，V=(1,0,0)。\n**(1) 它是否符合来自 P0 的 FIFO 顺序？**比较当前的 V2=(0,0,0) 与收到的 V=(1,0,0)：V2[0] = 0，收到的 V[0] = 1 ⇒ 连续：是。\n**(2) 对其余所有 i，是否都有 V[i] ≤ V2[i]？**是：(0 ≤ 0)，(0 ≤ 0)。',
      },
      cursor: { after: { type: 'receive', node: 'P2', msg: 'm0' } },
      highlight: { nodes: ['P2'], msgs: ['m0'], copies: ['m0@P2'], panel: 'vector' },
    },
    {
      title: { en: 'Deliver m0; vector (1,0,0)', zh: '交付 m0；向量变为 (1,0,0)' },
      body: {
        en: 'Both tests pass: P2 **delivers m0** and updates its precedence vector from (0,0,0) to **(1,0,0)**.\n\nNow check the hold-back queue. Can we deliver m1?',
        zh: '两项测试都通过：P2 **交付 m0**，并把优先向量从 (0,0,0) 更新为 **(1,0,0)**。\n\n现在检查保留队列。m1 能交付了吗？',
      },
      cursor: { after: { type: 'deliver', node: 'P2', msg: 'm0' } },
      highlight: { nodes: ['P2'], msgs: ['m0', 'm1'], panel: 'vector' },
    },
    {
      title: { en: 'Re-check the hold-back queue: deliver m1', zh: '重新检查保留队列：交付 m1' },
      body: {
        en: 'The held-back **m1** has V=(1,1,0); P2 now has V2=(1,0,0).\n**(1) FIFO order from P1?** Current V2[1] = 0 vs. received V[1] = 1 ⇒ sequential: yes.\n**(2) Is V[i] ≤ V2[i] for all other i?** Now yes: V[0] = 1 ≤ V2[0] = 1, and V[2] = 0 ≤ V2[2] = 0.\n\nP2 **delivers m1**. It received m1, m0 and delivered m0, m1: the causal order.',
        zh: '保留队列中的 **m1** 携带 V=(1,1,0)；P2 现在的向量是 V2=(1,0,0)。\n**(1) 是否符合来自 P1 的 FIFO 顺序？**当前 V2[1] = 0，收到的 V[1] = 1 ⇒ 连续：是。\n**(2) 对其余所有 i，是否都有 V[i] ≤ V2[i]？**现在是：V[0] = 1 ≤ V2[0] = 1，且 V[2] = 0 ≤ V2[2] = 0。\n\nP2 **交付 m1**。它接收的顺序是 m1、m0，交付的顺序是 m0、m1：符合因果序。',
      },
      cursor: { after: { type: 'deliver', node: 'P2', msg: 'm1' } },
      highlight: { nodes: ['P2'], msgs: ['m1'], panel: 'delivery' },
    },
    {
      title: { en: 'Your turn', zh: '动手试试' },
      body: {
        en: "Delay or reorder other copies, or add multicasts, and predict each time what P2's two tests will say before you step. Then switch the ordering to unordered: P2 delivers m1 before m0, and the checks panel reports causal order violated. Note what causal ordering does not need: no global sequencer.",
        zh: '推迟或调换其他副本，或者添加新的组播；每次单步前，先预测 P2 的两项测试会得出什么结果。然后把排序方式切换为“无序”：P2 会先交付 m1 再交付 m0，检查面板会报告因果序被破坏。也请留意因果序不需要什么：它不需要全局定序器。',
      },
      cursor: 'end',
      sandbox: true,
    },
  ],
};
