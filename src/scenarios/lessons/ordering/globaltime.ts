import type { Lesson } from '../types';
import { groupScenario, multicast } from './scenario';

/**
 * The lecture's "Global time ordering", as a counter-example: "all messages are delivered in
 * exact order sent" needs one clock everyone reads, and real clocks are skewed. P0's clock runs
 * 8 ticks ahead, so its m1, sent first (and already at P1 when P1 sends m2), carries a later
 * timestamp than m2: P1 and P2 deliver m2 first, while P0, whose own clock is ahead, delivers m1
 * first. Timestamp order contradicts what happened, and the members do not even agree.
 */
const scenario = groupScenario({
  seed: 9,
  processes: ['P0', 'P1', 'P2'],
  ordering: 'globaltime',
  latency: [2, 3],
  clocks: { P0: { offset: 8, drift: 0 } },
  actions: [multicast(0, 'P0', 'm1'), multicast(3, 'P1', 'm2')],
  // m1 is at P1 before P1 multicasts m2: in what really happened, m1 comes first. m2 reaches
  // P0 at 5, when P0's clock reads 13, as the narration says.
  interventions: [
    { copy: 'm1@P1', deliverAt: 2 },
    { copy: 'm2@P0', deliverAt: 5 },
  ],
});

export const globalTime: Lesson = {
  id: 'ordering.globaltime',
  chapter: 'ordering',
  title: { en: 'Global time ordering: not viable', zh: '全局时间序：不可行' },
  summary: {
    en: 'Delivering every message in the exact order sent would need one clock that all processes share. With real, skewed clocks, timestamp order puts a later message first, and members disagree.',
    zh: '要让所有消息严格按发送顺序交付，需要一个所有进程共享的时钟。真实的时钟存在偏差：按时间戳排序会把后发送的消息排在前面，成员之间的交付顺序也会不一致。',
  },
  steps: [
    {
      title: { en: 'The ideal: exact order sent', zh: '理想：严格按发送顺序' },
      body: {
        en: "Global time ordering: **all messages are delivered in exact order sent.** The best a process can do is trust its physical clock: each message carries its sender's clock reading, and a receiver holds it back until its own clock passes that timestamp plus 3 (the longest delay the network is assumed to take), the message's **slot**, then delivers in timestamp order.\n\nBut every process has its own clock: P0's runs **8 ticks ahead** of real time; P1's and P2's are right.",
        zh: '全局时间序：**所有消息严格按发送的先后顺序交付。**进程能做的只有相信自己的物理时钟：每条消息携带发送者的时钟读数，接收者把它放在保留队列中，直到自己的时钟超过“时间戳 + 3”（3 是假定的网络最大延迟），即这条消息的**交付时刻**，再按时间戳顺序交付。\n\n但每个进程都有自己的时钟：P0 的时钟比真实时间**快 8 个单位**；P1 和 P2 的时钟是准的。',
      },
      scenario,
      cursor: 0,
      highlight: { nodes: ['P0', 'P1', 'P2'] },
    },
    {
      title: { en: 'm1 is sent first, stamped late', zh: 'm1 先发送，时间戳却偏晚' },
      body: {
        en: 'At real time 0, P0 multicasts **m1**. Its clock reads 8, so m1 is stamped 8 (on the arrows). Like everyone, P0 holds its own message back until its clock passes 8 + 3 = 11.',
        zh: '在真实时间 0，P0 组播 **m1**。它的时钟读数是 8，所以 m1 的时间戳是 8（标在箭头上）。和其他成员一样，P0 也把自己的消息放入保留队列，等时钟超过 8 + 3 = 11。',
      },
      cursor: { after: { type: 'holdback', node: 'P0', msg: 'm1' } },
      highlight: { nodes: ['P0'], msgs: ['m1'], panel: 'holdback' },
    },
    {
      title: { en: 'm2 is sent later, stamped early', zh: 'm2 后发送，时间戳却偏早' },
      body: {
        en: 'm1 has already reached P1 and waits in its hold-back queue. At real time 3, P1 multicasts **m2**, stamped 3 by its correct clock.\n\nIn what really happened, m1 came first: it was sent first, and P1 had received it before sending m2. By the timestamps, m2 (3) comes before m1 (8).',
        zh: 'm1 已经到达 P1，正在它的保留队列中等待。在真实时间 3，P1 组播 **m2**，它准确的时钟给出时间戳 3。\n\n实际发生的是 m1 在先：它先被发送，而且 P1 在发送 m2 之前已经收到了它。按时间戳，m2（3）却排在 m1（8）之前。',
      },
      cursor: { after: { type: 'send', node: 'P1', msg: 'm2' } },
      highlight: { nodes: ['P1'], msgs: ['m1', 'm2'], copies: ['m1@P1'], panel: 'holdback' },
    },
    {
      title: { en: "P0's fast clock", zh: 'P0 的时钟偏快' },
      body: {
        en: "P0's clock reached 11 at real time 3, so P0 delivered m1. When **m2** arrives, P0's clock already reads 13: m2's slot (3 + 3 = 6) passed long ago, and P0 delivers it late, after m1.",
        zh: 'P0 的时钟在真实时间 3 就到了 11，所以 P0 交付了 m1。**m2** 到达时，P0 的时钟已经是 13：m2 的交付时刻（3 + 3 = 6）早已过去，P0 只能迟到地交付它，排在 m1 之后。',
      },
      cursor: { after: { type: 'deliver', node: 'P0', msg: 'm2' } },
      highlight: { nodes: ['P0'], msgs: ['m1', 'm2'], copies: ['m2@P0'], panel: 'delivery' },
    },
    {
      title: { en: 'Timestamp order, not the order sent', zh: '按时间戳，而不是按发送顺序' },
      body: {
        en: 'P1 and P2 deliver in timestamp order: **m2 before m1**, the opposite of what really happened. Compare the delivery queues: P0 has m1, m2; P1 and P2 have m2, m1.',
        zh: 'P1 和 P2 按时间戳顺序交付：**先 m2，后 m1**，与实际发生的顺序正好相反。对比交付队列：P0 是 m1、m2；P1 和 P2 是 m2、m1。',
      },
      cursor: { after: { type: 'deliver', node: 'P2', msg: 'm1' } },
      highlight: { nodes: ['P0', 'P1', 'P2'], msgs: ['m1', 'm2'], panel: 'delivery' },
    },
    {
      title: { en: 'Not viable', zh: '不可行' },
      body: {
        en: "The checks panel: **total** order is violated, because P0 and P1 delivered the same two messages in opposite orders. Global time ordering **assumes two events never happen at the exact same time** and that every clock agrees; it is **difficult (impossible) to achieve: not viable.** The next lessons order messages by what processes can know instead: a sequencer's ids (total ordering) or vector timestamps (causal ordering).",
        zh: '看检查面板：**全序**被破坏，因为 P0 和 P1 以相反的顺序交付了同样的两条消息。全局时间序**假设两个事件永远不会在完全相同的时刻发生**，而且所有时钟完全一致；这**很难（实际上不可能）做到：不可行。**后面的课程改用进程能够知道的信息来排序：定序器分配的编号（全序），或向量时间戳（因果序）。',
      },
      cursor: 'end',
      highlight: { nodes: ['P0', 'P1'], panel: 'checks' },
    },
    {
      title: { en: 'Your turn', zh: '动手试试' },
      body: {
        en: 'Delay the copy of m2 to P2 until after time 11: it arrives after its slot, and P2 delivers it late, after m1, out of timestamp order. Then switch to total ordering and see the members agree again.',
        zh: '把发往 P2 的 m2 副本推迟到时间 11 之后：它在自己的交付时刻过去之后才到达，P2 只能迟到地交付它，排在 m1 之后，打乱了时间戳顺序。然后切换为全序，看成员们重新达成一致。',
      },
      cursor: 'end',
      sandbox: true,
    },
  ],
};
