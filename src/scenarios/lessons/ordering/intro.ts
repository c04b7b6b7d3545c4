import type { Lesson } from '../types';
import { groupScenario, multicast } from './scenario';

/**
 * The lecture's "Sending vs. Receiving vs. Delivering" and "Sending, delivering, holding back":
 * the multicast receiving algorithm decides when a received message is delivered. FIFO members
 * are enough to need a hold-back queue: P0's m2 overtakes m1 on the way to P2.
 */
const scenario = groupScenario({
  seed: 11,
  processes: ['P0', 'P1', 'P2'],
  ordering: 'fifo',
  latency: [2, 3],
  actions: [multicast(0, 'P0', 'm1'), multicast(1, 'P0', 'm2')],
  // m1 reaches P1 first and P2 last, so P1 delivers at once and P2 must hold m2 back.
  interventions: [
    { copy: 'm1@P1', deliverAt: 2 },
    { copy: 'm1@P2', deliverAt: 7 },
  ],
});

export const intro: Lesson = {
  id: 'ordering.delivering',
  chapter: 'ordering',
  title: { en: 'Sending, receiving, delivering', zh: '发送、接收与交付' },
  summary: {
    en: 'A message that arrives is not yet a message the application sees: the multicast receiving algorithm delivers it at once, holds it back, or discards it.',
    zh: '消息到达（接收）并不等于应用程序看到它：组播接收算法决定立即交付、放入保留队列，还是丢弃。',
  },
  steps: [
    {
      title: { en: 'The multicast sending algorithm', zh: '组播发送算法' },
      body: {
        en: "P0 multicasts **m1** to the group. The sending algorithm puts one copy on the network for every other member: look at the two arrows leaving P0.\n\nThe sender hands its own message to its application at once: the mark on P0's line is that delivery.",
        zh: 'P0 向组内**组播** m1。发送算法为其余每个成员各放一份副本到网络上：请看从 P0 出发的两支箭头。\n\n发送者立即把自己的消息交付给本地应用：P0 时间线上的标记就是这次交付。',
      },
      scenario,
      cursor: { after: { type: 'deliver', node: 'P0', msg: 'm1' } },
      highlight: { nodes: ['P0'], msgs: ['m1'] },
    },
    {
      title: { en: 'Received is not delivered', zh: '接收不等于交付' },
      body: {
        en: "**m1** arrives at P1. The multicast **receiving** algorithm, not the network, decides when the process gets it. A received message may be:\n**delivered immediately** (put on a delivery queue that the process reads),\n**placed on a hold-back queue** (because we need to wait for an earlier message), or\n**rejected/discarded** (a duplicate or an earlier message we no longer want).\n\nm1 is the first message from P0, so P1 delivers it at once: see P1's delivery queue.",
        zh: 'm1 到达 P1。决定进程何时拿到消息的是组播**接收**算法，而不是网络。一条已接收的消息可能被：\n**立即交付**（放入进程读取的交付队列）；\n**放入保留队列**（因为还要等一条更早的消息）；\n**拒绝/丢弃**（重复的消息，或我们不再需要的更早的消息）。\n\nm1 是 P0 的第一条消息，所以 P1 立即交付：请看 P1 的交付队列。',
      },
      cursor: { after: { type: 'deliver', node: 'P1', msg: 'm1' } },
      highlight: { nodes: ['P1'], msgs: ['m1'], copies: ['m1@P1'], panel: 'delivery' },
    },
    {
      title: { en: 'Held back: waiting for an earlier message', zh: '保留：等待更早的消息' },
      body: {
        en: "At P2, **m2** arrives before m1: its copy overtook m1's on the network. P0 sent m1 first, so P2 must not deliver m2 yet. The receiving algorithm places it on the **hold-back queue**; the panel says what it waits for.\n\nThe shaded span on P2's line runs from receiving m2 to delivering it.",
        zh: '在 P2，**m2** 比 m1 先到达：它的副本在网络上超过了 m1 的副本。P0 先发送的是 m1，所以 P2 还不能交付 m2。接收算法把它放入**保留队列**；面板上写着它在等什么。\n\nP2 时间线上的阴影段从接收 m2 一直延续到交付 m2。',
      },
      cursor: { after: { type: 'holdback', node: 'P2', msg: 'm2' } },
      highlight: { nodes: ['P2'], msgs: ['m2'], copies: ['m1@P2', 'm2@P2'], panel: 'holdback' },
    },
    {
      title: { en: 'Delivered from the hold-back queue', zh: '从保留队列中交付' },
      body: {
        en: '**m1** finally reaches P2 and is delivered immediately. The receiving algorithm then checks the hold-back queue again: m2 no longer waits for anything, so it moves to the delivery queue too.\n\nP2 received m2, m1 but delivered m1, m2: the order the application sees is the order P0 sent.',
        zh: '**m1** 终于到达 P2，被立即交付。接收算法随后重新检查保留队列：m2 已经不需要再等待，于是也进入交付队列。\n\nP2 接收的顺序是 m2、m1，交付的顺序却是 m1、m2：应用程序看到的顺序就是 P0 发送的顺序。',
      },
      cursor: { after: { type: 'deliver', node: 'P2', msg: 'm2' } },
      highlight: { nodes: ['P2'], msgs: ['m1', 'm2'], panel: 'delivery' },
    },
    {
      title: { en: 'Your turn', zh: '动手试试' },
      body: {
        en: 'The scenario is yours now. Click an arrow in flight to deliver it now, delay it or drop it, and watch which messages end up on a hold-back queue. A copy that arrives twice would be the third case, discarded; this network never duplicates one, so you will meet discarding with retransmissions in reliable multicast.',
        zh: '现在场景交给你了。点击一支仍在传输中的箭头，可以让它立即到达、推迟或丢弃，观察哪些消息会进入保留队列。同一副本到达两次属于第三种情况，即被丢弃；这个网络从不复制消息，所以“丢弃”要到可靠组播的重传中才会见到。',
      },
      cursor: 'end',
      sandbox: true,
    },
  ],
};
