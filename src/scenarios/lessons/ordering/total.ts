import type { Lesson } from '../types';
import { groupScenario, multicast } from './scenario';

/**
 * The lecture's "Total ordering" with a sequencer (Coulouris 15.4.3): members multicast ⟨m, i⟩
 * and hold it back; the sequencer S hands out totally sequenced ids in order messages; a member
 * delivers id r only after r−1. P0 and P1 multicast at the same moment; S hears m2 first, while
 * P2 hears m1 first, and still every member delivers m2 before m1.
 */
const scenario = groupScenario({
  seed: 2,
  processes: ['P0', 'P1', 'P2'],
  ordering: 'total',
  sequencer: 'S',
  latency: [2, 3],
  actions: [multicast(0, 'P0', 'm1'), multicast(0, 'P1', 'm2')],
  // S receives m2 before m1; P2 receives m1 before m2: the two orders disagree.
  interventions: [
    { copy: 'm2@S', deliverAt: 2 },
    { copy: 'm1@S', deliverAt: 3 },
    { copy: 'm1@P2', deliverAt: 2 },
    { copy: 'm2@P2', deliverAt: 4 },
  ],
});

export const total: Lesson = {
  id: 'ordering.total',
  chapter: 'ordering',
  title: { en: 'Total ordering with a sequencer', zh: '全序：使用定序器' },
  summary: {
    en: 'All messages are delivered at all group members in the same order. A sequencer gives every message a unique, totally sequenced id, and a member delivers a message only when it has received all messages with a smaller id.',
    zh: '所有组成员以相同的顺序交付所有消息。定序器为每条消息分配唯一的、全局连续的编号；成员只有在收到所有编号更小的消息之后，才交付该消息。',
  },
  steps: [
    {
      title: { en: 'Two senders at once', zh: '两个发送者同时发送' },
      body: {
        en: "Total ordering: **consistent ordering at all receivers. All messages are delivered at all group members in the same order.**\n\nP0 multicasts **m1** and P1 multicasts **m2** at the same moment; neither knows about the other's message. Each copy also goes to the **sequencer** S, a process with its own line on the diagram.\n\nEven a sender does not deliver its own message yet: P0 and P1 place it on their **hold-back queue** until it has an id.",
        zh: '全序：**所有接收者的顺序一致。所有消息在所有组成员处以相同的顺序交付。**\n\nP0 组播 **m1**，P1 同时组播 **m2**；两者都不知道对方的消息。每条消息还有一份副本发往**定序器** S，它是一个进程，在图中有自己的时间线。\n\n发送者也不会立即交付自己的消息：P0 和 P1 先把它放入**保留队列**，直到它有了编号。',
      },
      scenario,
      cursor: { after: { type: 'holdback', node: 'P1', msg: 'm2' } },
      highlight: {
        nodes: ['P0', 'P1', 'S'],
        msgs: ['m1', 'm2'],
        copies: ['m1@S', 'm2@S'],
        panel: 'holdback',
      },
    },
    {
      title: { en: 'No id yet: hold back', zh: '还没有编号：保留' },
      body: {
        en: 'P2 receives **m1** first. A receiver delivers a message to the application **only if it has received all messages with a smaller id**, and m1 has no id yet: P2 places it on the **hold-back queue** until the sequencer says where m1 goes.',
        zh: 'P2 先收到 **m1**。接收者**只有在收到所有编号更小的消息之后**，才把一条消息交付给应用，而 m1 现在还没有编号：P2 把它放入**保留队列**，等定序器告诉它 m1 排在哪里。',
      },
      cursor: { after: { type: 'holdback', node: 'P2', msg: 'm1' } },
      highlight: { nodes: ['P2'], msgs: ['m1'], copies: ['m1@P2', 'm2@P2'], panel: 'holdback' },
    },
    {
      title: { en: 'The sequencer decides', zh: '定序器作出决定' },
      body: {
        en: "m2 happened to reach S before m1. S attaches a **unique totally sequenced message id** in the order it receives them: m2 gets id 1, m1 gets id 2. For each it multicasts an **order message** (the arrows labelled m2=#1 and m1=#2).\n\nThe sequencer's order is the group's order: it need not match the order anyone else received in.",
        zh: 'm2 恰好先于 m1 到达 S。S 按收到的顺序附上**唯一的、全局连续的消息编号**：m2 的编号是 1，m1 的编号是 2。它为每条消息组播一条**排序消息**（标着 m2=#1 和 m1=#2 的箭头）。\n\n定序器的顺序就是全组的顺序，不必与其他任何成员的接收顺序一致。',
      },
      cursor: { after: { type: 'send', node: 'S', msg: 'm1:order' } },
      highlight: { nodes: ['S'], msgs: ['m2:order', 'm1:order'], copies: ['m2@S', 'm1@S'] },
    },
    {
      title: { en: 'Deliver in id order', zh: '按编号顺序交付' },
      body: {
        en: 'P2 received m1 before m2, but the order messages say m2 is 1 and m1 is 2. P2 delivers **m2** first and then **m1**, each once every smaller id has been delivered.',
        zh: 'P2 先收到 m1，后收到 m2，但排序消息说明 m2 的编号是 1，m1 的编号是 2。P2 先交付 **m2**，再交付 **m1**：每条消息都在所有编号更小的消息交付之后才交付。',
      },
      cursor: { after: { type: 'deliver', node: 'P2', msg: 'm1' } },
      highlight: { nodes: ['P2'], msgs: ['m1', 'm2'], panel: 'delivery' },
    },
    {
      title: { en: 'One order everywhere', zh: '处处同一顺序' },
      body: {
        en: "Compare the delivery queues: every member delivered m2, then m1, even P0, whose own m1 had to wait. The lecture's two rules hold:\n1. If a process sends m before m', any other process that delivers m' will have delivered m.\n2. If a process delivers m' before m\", every other process will have delivered m' before m\".\nThe checks panel confirms total order.",
        zh: '对比各个交付队列：每个成员都是先交付 m2，再交付 m1，连 P0 自己的 m1 也要等待。课上的两条规则都成立：\n1. 如果一个进程先发送 m 再发送 m′，那么任何交付 m′ 的其他进程都已经交付了 m。\n2. 如果一个进程先交付 m′ 再交付 m″，那么其他每个进程也都先交付 m′ 再交付 m″。\n检查面板确认全序成立。',
      },
      cursor: 'end',
      highlight: { nodes: ['P0', 'P1', 'P2'], panel: 'checks' },
    },
    {
      title: { en: 'Your turn', zh: '动手试试' },
      body: {
        en: "Make m1 reach the sequencer first and watch the whole group's order flip. Delay an order message: the members wait for it. Then switch to unordered and compare P0's delivery queue with P1's: each delivers its own message first.",
        zh: '让 m1 先到达定序器，观察整个组的顺序如何反转。推迟一条排序消息：所有成员都会等它。然后切换为“无序”，对比 P0 和 P1 的交付队列：它们各自先交付自己的消息。',
      },
      cursor: 'end',
      sandbox: true,
    },
  ],
};
