import type { Lesson } from '../types';
import { groupScenario, multicast } from './scenario';

/**
 * The lecture's "Single Source FIFO (SSF) ordering": per-sender sequence numbers (Coulouris
 * 15.4.3). P0's m2 overtakes its m1 on the way to P2 and is held back; P1's m3 is delivered in
 * between, because FIFO orders messages from one source only.
 */
const scenario = groupScenario({
  seed: 5,
  processes: ['P0', 'P1', 'P2'],
  ordering: 'fifo',
  latency: [2, 3],
  actions: [multicast(0, 'P0', 'm1'), multicast(1, 'P0', 'm2'), multicast(2, 'P1', 'm3')],
  // m1 reaches P1 in order but P2 last, after both m2 and P1's m3.
  interventions: [
    { copy: 'm1@P1', deliverAt: 2 },
    { copy: 'm1@P2', deliverAt: 8 },
  ],
});

export const fifo: Lesson = {
  id: 'ordering.fifo',
  chapter: 'ordering',
  title: { en: 'Single-source FIFO ordering', zh: '单源 FIFO 序' },
  summary: {
    en: 'Messages from the same source are delivered in the order they were sent: each sender numbers its messages, and a receiver holds back a message until it has delivered the previous number from that sender.',
    zh: '同一来源的消息按发送顺序交付：每个发送者给自己的消息编号，接收者在交付了该发送者的上一个编号之前，把消息放在保留队列中。',
  },
  steps: [
    {
      title: { en: 'Sequence numbers per sender', zh: '每个发送者各自编号' },
      body: {
        en: "**If a process issues a multicast of m followed by m', then every process that delivers m' will have already delivered m.**\n\nTo keep that promise, every sender numbers its own messages 1, 2, 3, … P0 multicasts m1 (#1) and then m2 (#2): the number is on each arrow. Each receiver remembers, per sender, the last number it delivered (the vector panel).",
        zh: '**如果一个进程先组播 m，再组播 m′，那么任何交付 m′ 的进程都必须已经交付了 m。**\n\n为了做到这一点，每个发送者给自己的消息依次编号 1、2、3……P0 先组播 m1（#1），再组播 m2（#2）：编号标在每支箭头上。每个接收者为每个发送者记下自己最后交付的编号（见向量面板）。',
      },
      scenario,
      cursor: { after: { type: 'send', node: 'P0', msg: 'm2' } },
      highlight: { nodes: ['P0'], msgs: ['m1', 'm2'], panel: 'vector' },
    },
    {
      title: { en: 'In sequence: deliver', zh: '编号连续：交付' },
      body: {
        en: 'P1 receives #1 and then #2 from P0. Each time the number is exactly one more than the last it delivered from P0, so each is delivered immediately.',
        zh: 'P1 先后收到 P0 的 #1 和 #2。每次编号都恰好比它从 P0 交付的上一个编号大 1，所以都立即交付。',
      },
      cursor: { after: { type: 'deliver', node: 'P1', msg: 'm2' } },
      highlight: { nodes: ['P1'], msgs: ['m1', 'm2'], panel: 'delivery' },
    },
    {
      title: { en: 'A gap: hold back', zh: '编号有空缺：保留' },
      body: {
        en: "P0's **m2** (#2) overtakes m1 and reaches P2 first. P2 has delivered nothing from P0 yet (last = 0), and 2 is more than 0 + 1: message #1 is missing. P2 places m2 on the **hold-back queue**: it needs P0's message 1 first.",
        zh: 'P0 的 **m2**（#2）超过了 m1，先到达 P2。P2 还没有交付过 P0 的任何消息（上一个编号为 0），而 2 大于 0 + 1：#1 还没到。P2 把 m2 放入**保留队列**：它要先等 P0 的 1 号消息。',
      },
      cursor: { after: { type: 'holdback', node: 'P2', msg: 'm2' } },
      highlight: { nodes: ['P2'], msgs: ['m2'], copies: ['m1@P2', 'm2@P2'], panel: 'holdback' },
    },
    {
      title: { en: 'Another source is not held up', zh: '其他来源不受影响' },
      body: {
        en: "P1's **m3** reaches P2 while P0's m1 is still missing. It is P1's message #1, the next in sequence from P1, so P2 delivers it at once. FIFO orders messages **from the same source** only: it says nothing about m3 and P0's messages.",
        zh: 'P1 的 **m3** 到达 P2 时，P0 的 m1 仍未到达。m3 是 P1 的 #1，正是 P1 的下一个编号，所以 P2 立即交付它。FIFO 只约束**同一来源**的消息之间的顺序，对 m3 和 P0 的消息之间的先后不作任何要求。',
      },
      cursor: { after: { type: 'deliver', node: 'P2', msg: 'm3' } },
      highlight: { nodes: ['P1', 'P2'], msgs: ['m3'], copies: ['m3@P2', 'm1@P2'], panel: 'delivery' },
    },
    {
      title: { en: 'The gap closes', zh: '空缺补上' },
      body: {
        en: "**m1** (#1) arrives at P2 and is delivered. P2 then re-checks its hold-back queue: m2 (#2) is now next in sequence from P0, so it is delivered too. P2 delivered P0's messages in the order P0 sent them.",
        zh: '**m1**（#1）到达 P2 并被交付。P2 随后重新检查保留队列：m2（#2）现在正是 P0 的下一个编号，于是也被交付。P2 交付 P0 消息的顺序与 P0 发送的顺序一致。',
      },
      cursor: { after: { type: 'deliver', node: 'P2', msg: 'm2' } },
      highlight: { nodes: ['P2'], msgs: ['m1', 'm2'], panel: 'delivery' },
    },
    {
      title: { en: 'What FIFO does not promise', zh: 'FIFO 不保证什么' },
      body: {
        en: 'The checks panel: **FIFO** holds. But P1 had delivered m1 before it multicast m3, so m1 → m3, and P2 delivered m3 before m1: **causal** order is violated. The three delivery queues differ too (P0: m1, m2, m3; P1: m1, m3, m2; P2: m3, m1, m2), so **total** order is violated. Those need the stronger orderings.',
        zh: '看检查面板：**FIFO 序**成立。但 P1 在组播 m3 之前已经交付了 m1，所以 m1 → m3，而 P2 却先交付了 m3：**因果序**被破坏。三个交付队列也各不相同（P0：m1、m2、m3；P1：m1、m3、m2；P2：m3、m1、m2），所以**全序**也被破坏。要保证这些，需要更强的排序方式。',
      },
      cursor: 'end',
      highlight: { nodes: ['P1', 'P2'], msgs: ['m1', 'm3'], panel: 'checks' },
    },
    {
      title: { en: 'Your turn', zh: '动手试试' },
      body: {
        en: "Try to break FIFO: delay or reorder any copies you like, or add a multicast from P0. Whatever you do, every member delivers P0's messages in the order P0 sent them, and the checks panel keeps saying FIFO holds. Then switch the ordering to unordered and do the same.",
        zh: '试着破坏 FIFO：随意推迟或调换副本的到达顺序，或者让 P0 再组播一条消息。无论怎么做，每个成员交付 P0 消息的顺序都与 P0 发送的顺序一致，检查面板会一直显示 FIFO 序成立。然后把排序方式切换为“无序”，再试一次。',
      },
      cursor: 'end',
      sandbox: true,
    },
  ],
};
