import type { Lesson } from '../types';
import { groupScenario, multicast } from './scenario';

/**
 * The lecture's "Unordered multicast", as a counter-example: every message is delivered the
 * moment it arrives, so when P0's m2 overtakes m1 on the way to P2, P1 and P2 deliver the pair
 * in different orders and the checkers report FIFO, causal and total order violated.
 */
const scenario = groupScenario({
  seed: 3,
  processes: ['P0', 'P1', 'P2'],
  ordering: 'unordered',
  latency: [2, 3],
  actions: [multicast(0, 'P0', 'm1'), multicast(1, 'P0', 'm2')],
  interventions: [
    { copy: 'm1@P1', deliverAt: 2 },
    { copy: 'm1@P2', deliverAt: 7 },
  ],
});

export const unordered: Lesson = {
  id: 'ordering.unordered',
  chapter: 'ordering',
  title: { en: 'Unordered multicast: a counter-example', zh: '无序组播：一个反例' },
  summary: {
    en: 'Without an ordering, messages can be delivered in different orders to different members, even two messages from the same sender: FIFO, causal and total order all fail.',
    zh: '不做任何排序时，不同成员可能以不同顺序交付消息，即使是同一发送者的两条消息也不例外：FIFO 序、因果序和全序都被破坏。',
  },
  steps: [
    {
      title: { en: 'No hold-back queue at all', zh: '根本没有保留队列' },
      body: {
        en: 'Unordered multicast: **messages can be delivered in different order to different members; order per-source does not matter.** A received message is always delivered immediately.\n\nP0 multicasts m1 and then m2.',
        zh: '无序组播：**不同成员可以以不同顺序交付消息；同一来源的先后也无关紧要。**收到的消息总是立即交付。\n\nP0 先组播 m1，再组播 m2。',
      },
      scenario,
      cursor: { after: { type: 'send', node: 'P0', msg: 'm2' } },
      highlight: { nodes: ['P0'], msgs: ['m1', 'm2'] },
    },
    {
      title: { en: 'P1 delivers m1, m2', zh: 'P1 交付 m1、m2' },
      body: {
        en: 'The copies to P1 arrive in the order they were sent, so P1 happens to deliver m1 before m2.',
        zh: '发往 P1 的副本按发送顺序到达，所以 P1 恰好先交付 m1，再交付 m2。',
      },
      cursor: { after: { type: 'deliver', node: 'P1', msg: 'm2' } },
      highlight: { nodes: ['P1'], msgs: ['m1', 'm2'], panel: 'delivery' },
    },
    {
      title: { en: 'P2 delivers m2 first', zh: 'P2 先交付了 m2' },
      body: {
        en: 'At P2, **m2** arrives while m1 is still on the way. Nothing holds it back: P2 delivers m2 at once, before m1, although P0 sent m1 first.',
        zh: '在 P2，**m2** 到达时 m1 还在路上。没有任何机制让它等待：P2 立即交付 m2，排在 m1 之前，尽管 P0 先发送的是 m1。',
      },
      cursor: { after: { type: 'deliver', node: 'P2', msg: 'm2' } },
      highlight: { nodes: ['P2'], msgs: ['m2'], copies: ['m1@P2', 'm2@P2'], panel: 'delivery' },
    },
    {
      title: { en: 'Two members, two orders', zh: '两个成员，两种顺序' },
      body: {
        en: "**m1** reaches P2 and is delivered last. P1's delivery queue reads m1, m2; P2's reads m2, m1. Compare the two delivery queues.",
        zh: '**m1** 到达 P2，最后才被交付。P1 的交付队列是 m1、m2；P2 的是 m2、m1。请对比这两个交付队列。',
      },
      cursor: { after: { type: 'deliver', node: 'P2', msg: 'm1' } },
      highlight: { nodes: ['P1', 'P2'], msgs: ['m1', 'm2'], panel: 'delivery' },
    },
    {
      title: { en: 'What the checks say', zh: '检查结果' },
      body: {
        en: "The checks panel computes what happened from the run itself. **FIFO** is violated: P2 delivered P0's m2 before P0's m1. **Causal** order is violated: P0 multicast m1 before m2, so m1 → m2, yet P2 delivered m2 first. **Total** order is violated: P1 and P2 delivered the same two messages in opposite orders.",
        zh: '检查面板根据这次运行本身判断。**FIFO 序**被破坏：P2 先交付了 P0 的 m2，后交付 P0 的 m1。**因果序**被破坏：P0 先组播 m1 后组播 m2，所以 m1 → m2，而 P2 却先交付了 m2。**全序**被破坏：P1 和 P2 以相反的顺序交付了同样的两条消息。',
      },
      cursor: 'end',
      highlight: { nodes: ['P2'], panel: 'checks' },
    },
    {
      title: { en: 'Your turn', zh: '动手试试' },
      body: {
        en: 'Switch the ordering to FIFO, causal or total and watch P2 hold m2 back until m1 arrives; the checks turn green. Or stay unordered and delay other copies to find more ways to disagree.',
        zh: '把排序方式切换为 FIFO、因果序或全序，观察 P2 如何把 m2 留在保留队列里，直到 m1 到达；检查结果随之变为通过。也可以保持无序，推迟其他副本，找出更多让成员之间顺序不一致的情况。',
      },
      cursor: 'end',
      sandbox: true,
    },
  ],
};
