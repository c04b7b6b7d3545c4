import type { Lesson } from '../types';
import { groupScenario, multicast, syncMessage } from './scenario';

/**
 * The lecture's "Sync ordering": messages can arrive in any order, but after a sync message all
 * pending (pre-sync) messages are delivered before any post-sync message is accepted. P2 syncs
 * after delivering m1 and m2; the others answer with flush reports (how many messages each sent
 * before the sync); the barrier opens at P0 and P2, but P1, whose copy of m1 is slow, must hold
 * the post-sync m3 back until m1 is in.
 */
const scenario = groupScenario({
  seed: 4,
  processes: ['P0', 'P1', 'P2'],
  ordering: 'sync',
  latency: [2, 3],
  actions: [
    multicast(0, 'P0', 'm1'),
    multicast(0, 'P1', 'm2'),
    syncMessage(6, 'P2', 's'),
    multicast(13, 'P2', 'm3'),
  ],
  // P2 has m1 and m2 before its sync at t=6; the flush reports are all in by t=12, before m3 is
  // sent; m1 reaches P1 only at t=18, after m3 (sent at 13, latency at most 3).
  interventions: [
    { copy: 'm1@P2', deliverAt: 3 },
    { copy: 'm1@P1', deliverAt: 18 },
  ],
});

export const sync: Lesson = {
  id: 'ordering.sync',
  chapter: 'ordering',
  title: { en: 'Sync ordering', zh: '同步序' },
  summary: {
    en: 'Messages can arrive in any order, but a sync message divides the run in two: no post-sync message is delivered anywhere before every message sent before the sync.',
    zh: '消息可以以任意顺序到达，但同步消息把运行分成前后两段：在同步之前发送的所有消息交付之前，任何地方都不会交付同步之后的消息。',
  },
  steps: [
    {
      title: { en: 'Any order at first', zh: '起初顺序任意' },
      body: {
        en: 'Sync ordering: **messages can arrive in any order.** P0 multicasts **m1** and P1 multicasts **m2** at the same moment; members may deliver them in either order.',
        zh: '同步序：**消息可以以任意顺序到达。**P0 组播 **m1**，P1 同时组播 **m2**；各成员可以按任意顺序交付它们。',
      },
      scenario,
      cursor: { after: { type: 'send', node: 'P1', msg: 'm2' } },
      highlight: { nodes: ['P0', 'P1'], msgs: ['m1', 'm2'] },
    },
    {
      title: { en: 'A sync message', zh: '同步消息' },
      body: {
        en: 'P2 has delivered m1 and m2. Now it multicasts **s**, a **sync** message: a special message type, a synchronization primitive. It promises: **all pending messages are delivered before any additional (post-sync) messages are accepted.**\n\nThe sync itself waits on the hold-back queue: it is delivered when the barrier opens.',
        zh: 'P2 已经交付了 m1 和 m2。现在它组播 **s**，一条**同步**消息：这是一种特殊的消息类型，即同步原语。它保证：**在接受任何新的（同步之后的）消息之前，所有尚未交付的消息都先交付。**\n\n同步消息本身先放在保留队列中：屏障打开时才交付它。',
      },
      cursor: { after: { type: 'holdback', node: 'P2', msg: 's' } },
      highlight: { nodes: ['P2'], msgs: ['s'], panel: 'holdback' },
    },
    {
      title: { en: 'Flush: what was sent before the sync?', zh: 'flush 报告：同步之前发送了什么？' },
      body: {
        en: 'Which messages are "pending"? Every member answers the sync with a **flush** report: how many messages it sent before the sync. P0 and P1 each report 1 (the arrows labelled flush: 1); the sync message itself said P2 sent 0.',
        zh: '哪些消息“尚未交付”？每个成员收到同步消息后都组播一份 **flush 报告**：自己在同步之前发送了几条消息。P0 和 P1 各报告 1 条（标着 flush: 1 的箭头）；同步消息本身已经说明 P2 发送了 0 条。',
      },
      cursor: { after: { type: 'send', node: 'P1', msg: 'flush:P1:0' } },
      highlight: { nodes: ['P0', 'P1'], msgs: ['flush:P0:0', 'flush:P1:0'] },
    },
    {
      title: { en: 'The barrier opens at P0 and P2', zh: 'P0 和 P2 处屏障打开' },
      body: {
        en: "P0 and then P2 have every member's report and have delivered all the messages announced, so the barrier opens there: they deliver the sync message **s**.\n\nNot at P1: P0 reported 1 message, and P1 has delivered none of P0's. Its copy of m1 is still on its way.",
        zh: 'P0 和 P2 先后收齐了所有成员的报告，并且已经交付了报告中的全部消息，屏障在它们那里打开：它们交付同步消息 **s**。\n\nP1 则不然：P0 报告发送了 1 条消息，而 P1 还没有交付任何来自 P0 的消息。发往它的 m1 副本仍在路上。',
      },
      cursor: { after: { type: 'deliver', node: 'P2', msg: 's' } },
      highlight: { nodes: ['P0', 'P2'], msgs: ['s'], copies: ['m1@P1'], panel: 'delivery' },
    },
    {
      title: { en: 'A post-sync message', zh: '同步之后的消息' },
      body: {
        en: 'P2 multicasts **m3** after the sync: a post-sync message (the arrows say e1: sent after one sync). P0 and P2 are past the barrier and deliver it at once.',
        zh: 'P2 在同步之后组播 **m3**：这是一条同步之后的消息（箭头上的 e1 表示“在一次同步之后发送”）。P0 和 P2 已经越过屏障，立即交付它。',
      },
      cursor: { after: { type: 'deliver', node: 'P0', msg: 'm3' } },
      highlight: { nodes: ['P2', 'P0'], msgs: ['m3'] },
    },
    {
      title: { en: 'P1 holds m3 back', zh: 'P1 把 m3 放入保留队列' },
      body: {
        en: "**m3** reaches P1 before m1 does. Without the sync, P1 could deliver it at once. But m3 was sent after the sync, and one message sent before the sync (P0's) is still missing at P1. P1 places m3 on the **hold-back queue**.",
        zh: '**m3** 比 m1 先到达 P1。如果没有同步消息，P1 可以立即交付它。但 m3 是在同步之后发送的，而同步之前发送的消息中，还有一条（P0 的）没有到达 P1。P1 把 m3 放入**保留队列**。',
      },
      cursor: { after: { type: 'holdback', node: 'P1', msg: 'm3' } },
      highlight: { nodes: ['P1'], msgs: ['m3'], copies: ['m1@P1', 'm3@P1'], panel: 'holdback' },
    },
    {
      title: { en: 'The barrier opens at P1', zh: 'P1 处屏障打开' },
      body: {
        en: '**m1** finally reaches P1 and is delivered. Every pre-sync message is now delivered at P1: the barrier opens, and P1 delivers the sync **s**, then **m3**.',
        zh: '**m1** 终于到达 P1 并被交付。同步之前的消息在 P1 处已全部交付：屏障打开，P1 交付同步消息 **s**，然后交付 **m3**。',
      },
      cursor: { after: { type: 'deliver', node: 'P1', msg: 'm3' } },
      highlight: { nodes: ['P1'], msgs: ['m1', 's', 'm3'], copies: ['m1@P1'], panel: 'delivery' },
    },
    {
      title: { en: 'Before and after, everywhere', zh: '处处先后分明' },
      body: {
        en: 'Every member delivered m1 and m2 before m3: the checks panel confirms sync ordering. Notice what it does not promise: the order of m1 and m2 themselves. P0 and P1 each delivered its own first, so the checks report total order violated, and sync ordering allows that.',
        zh: '每个成员都在交付 m3 之前交付了 m1 和 m2：检查面板确认同步序成立。也请注意它不保证什么：m1 与 m2 之间的先后。P0 和 P1 各自先交付了自己的消息，所以检查面板报告全序被破坏，而同步序允许这种情况。',
      },
      cursor: 'end',
      highlight: { nodes: ['P0', 'P1', 'P2'], panel: 'checks' },
    },
    {
      title: { en: 'Your turn', zh: '动手试试' },
      body: {
        en: 'Delay the copy of m2 to P0 as well, or add a multicast after the sync from another process, and see what waits. Then switch to unordered: P1 delivers m3 before m1, and the checks report sync ordering violated.',
        zh: '再推迟发往 P0 的 m2 副本，或者让另一个进程在同步之后组播一条消息，看看哪些消息需要等待。然后切换为“无序”：P1 会先交付 m3 再交付 m1，检查面板会报告同步序被破坏。',
      },
      cursor: 'end',
      sandbox: true,
    },
  ],
};
