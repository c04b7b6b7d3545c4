import type { Lesson } from '../types';
import { drop, multicast, reliabilityScenario } from './scenario';

/**
 * The lecture's "Achieving atomicity – example 2": redefine the group. Members that failed to
 * receive are removed (a new view) and the others then process the message; when the sender
 * dies partway, a survivor forwards what others lack — "the approach used in virtual synchrony".
 * Both runs share seed, latency and the sender's retry budget (3 tries, 8 ticks apart).
 */
const base = {
  seed: 1,
  processes: ['P0', 'P1', 'P2', 'P3'],
  ordering: 'unordered' as const,
  latency: [2, 4] as [number, number],
  actions: [multicast(0, 'P0', 'm1')],
};

/** P3 receives nothing until t=40: P0 gives up on it after 3 tries and the group removes it. */
const removeMember = reliabilityScenario({
  ...base,
  reliability: { scheme: 'vsync', timeout: 8, tries: 3 },
  faults: [{ type: 'receive-omission', at: 0, node: 'P3', until: 40 }],
});

/**
 * P0's copy to P3 is lost and P0 crashes at t=1, before any retry. Members wait 20 ticks for
 * "stable" before they suspect the sender: long enough for one retransmission round (8 + 8 + 4),
 * short of the default, which waits out every retry and leaves a long blank on the diagram.
 */
const senderDies = reliabilityScenario({
  ...base,
  reliability: { scheme: 'vsync', timeout: 8, tries: 3, stableTimeout: 20 },
  interventions: [drop('m1@P3')],
  faults: [{ type: 'crash', at: 1, node: 'P0' }],
});

export const virtualSynchrony: Lesson = {
  id: 'reliability.vsync',
  chapter: 'reliability',
  title: {
    en: 'Atomic multicast, example 2: virtual synchrony',
    zh: '原子组播示例 2：虚拟同步',
  },
  summary: {
    en: 'Redefine the group: members that failed to receive the message are removed in a new view, and the others process it; if the sender dies partway, survivors take over so that every member of the current view receives it.',
    zh: '重新定义组：没有收到消息的成员在新视图中被移除，其余成员再处理这条消息；如果发送者中途崩溃，幸存成员接手，保证当前视图中的每个成员都收到它。',
  },
  steps: [
    {
      title: { en: 'A view, and a message', zh: '一个视图，一条消息' },
      body: {
        en: 'Example 2 does not retry for ever: it **redefines the group**. Every member holds the same **view** of the group, here view 1 = {P0, P1, P2, P3}. P0 multicasts m1 and collects an ACK from each member, as reliable multicast does.',
        zh: '示例 2 不会无休止地重试，而是**重新定义组**。每个成员都持有相同的组**视图**，这里是视图 1 = {P0, P1, P2, P3}。P0 组播 m1，并像可靠组播一样向每个成员收集 ACK。',
      },
      scenario: removeMember,
      cursor: { after: { type: 'deliver', node: 'P0', msg: 'm1' } },
      highlight: { nodes: ['P0'], msgs: ['m1'] },
    },
    {
      title: { en: 'Held until everyone has it', zh: '人人都收到之前先保留' },
      body: {
        en: 'P2 and P1 receive m1, ACK it, and put it on the hold-back queue: a member delivers only when the sender announces that m1 is **stable**, that is, every member has ACKed it. P3 receives nothing: it suffers a receive omission until t=40.',
        zh: 'P2 和 P1 收到 m1，发回 ACK，并把它放入保留队列：只有当发送者宣布 m1 已**稳定**（即每个成员都已确认）时，成员才交付它。P3 什么也收不到：它在 t=40 之前处于接收遗漏故障中。',
      },
      cursor: { after: { type: 'send', node: 'P1', msg: 'ack:P1:1' } },
      highlight: { nodes: ['P1', 'P2', 'P3'], msgs: ['m1'], copies: ['m1@P3'], panel: 'holdback' },
    },
    {
      title: { en: 'Give up on the member that did not receive', zh: '放弃没有收到的成员' },
      body: {
        en: 'P0 retransmits m1 to P3 at t=8 and t=16; P3 still receives nothing. After 3 tries P0 **gives up** on P3. In example 1 it would never give up; here it suspects P3 and asks the group to **remove** it.',
        zh: 'P0 在 t=8 和 t=16 向 P3 重传 m1，P3 仍然什么也收不到。试了 3 次之后，P0 **放弃** P3。在示例 1 中它永远不会放弃；这里它怀疑 P3 出了故障，并请求组把它**移除**。',
      },
      cursor: { after: { type: 'send', node: 'P0', msg: 'flush-ok:P0:3' } },
      highlight: { nodes: ['P0', 'P3'], msgs: ['m1'], copies: ['m1@P3#2', 'm1@P3#3'] },
    },
    {
      title: { en: 'A new view; the survivors deliver', zh: '新视图：幸存成员交付' },
      body: {
        en: 'P0, P1 and P2 agree on the change (each tells the others what it holds, the flush), and each **delivers m1 before installing view 2 = {P0, P1, P2}**. The failed member is out of the group, so the existing members may process the message.\n\nThe checks panel: **atomicity** holds, since every member of the view in which m1 was delivered got it; and **virtual synchrony** holds: P0, P1 and P2 moved from view 1 to view 2 having delivered the same messages in view 1.',
        zh: 'P0、P1、P2 就这次变更达成一致（各自告诉其他成员自己持有哪些消息，即“冲刷”），然后每个成员**先交付 m1，再安装视图 2 = {P0, P1, P2}**。失败的成员已被移出组，现有成员就可以处理这条消息了。\n\n看检查面板：**原子性**成立，因为 m1 被交付时所在视图的每个成员都收到了它；**虚拟同步**也成立：P0、P1、P2 从视图 1 进入视图 2 时，在视图 1 中交付的消息完全相同。',
      },
      // P1 is the last survivor to install view 2; the input ends with its next ACK.
      cursor: { after: { type: 'send', node: 'P1', msg: 'ack:P1:4' } },
      highlight: { nodes: ['P0', 'P1', 'P2'], msgs: ['m1'], panel: 'checks' },
    },
    {
      title: { en: 'The sender dies partway', zh: '发送者中途崩溃' },
      body: {
        en: 'A new run: P0 multicasts m1, the copy to P3 is lost, and P0 **crashes** at t=1, before it can retransmit. P1 and P2 hold m1; P3 never got it; and no one will ever announce that m1 is stable.',
        zh: '换一次运行：P0 组播 m1，发给 P3 的副本丢失，P0 在 t=1 **崩溃**，来不及重传。P1 和 P2 保留着 m1；P3 从未收到它；也永远不会有人宣布 m1 已稳定。',
      },
      scenario: senderDies,
      cursor: { after: { type: 'crash', node: 'P0' } },
      highlight: { nodes: ['P0', 'P3'], msgs: ['m1'], copies: ['m1@P3'] },
    },
    {
      title: { en: 'A survivor takes over', zh: '幸存成员接手' },
      body: {
        en: 'After waiting 20 ticks for “stable”, P2 and P1 suspect P0 and start a view change without it. The flush shows that P3 lacks m1, and P1, a survivor that holds it, **forwards m1 to P3**: surviving group members take over to ensure all current group members receive the message.',
        zh: '等待“稳定”20 个时间单位无果后，P2 和 P1 怀疑 P0 已崩溃，发起一次不含 P0 的视图变更。冲刷表明 P3 缺少 m1，持有它的幸存成员 P1 便**把 m1 转发给 P3**：幸存成员接手，保证当前组的所有成员都收到这条消息。',
      },
      // Mid-input on purpose: as P1 forwards m1, its panel still shows m1 held back.
      cursor: { after: { type: 'forward', node: 'P1', msg: 'm1' } },
      highlight: { nodes: ['P1', 'P3'], msgs: ['m1'], copies: ['m1@P3#2'] },
    },
    {
      title: { en: 'Every member of the new view delivers', zh: '新视图的每个成员都交付' },
      body: {
        en: 'P1, P2 and P3 each deliver m1, then install view 2 = {P1, P2, P3}. The dead sender’s message reached every member of the current view: the checks panel says **atomicity** and **virtual synchrony** hold.',
        zh: 'P1、P2、P3 各自交付 m1，然后安装视图 2 = {P1, P2, P3}。已崩溃的发送者的消息到达了当前视图的每个成员：检查面板显示**原子性**和**虚拟同步**都成立。',
      },
      cursor: { after: { type: 'send', node: 'P3', msg: 'ack:P3:5' } },
      highlight: { nodes: ['P1', 'P2', 'P3'], msgs: ['m1'], panel: 'checks' },
    },
    {
      title: { en: 'Your turn', zh: '动手试试' },
      body: {
        en: 'Switch the reliability to **reliable (ACKs)** in this run: nobody forwards the dead sender’s message, P3 never gets m1, and the checks panel reports reliable delivery violated. Switch back to virtual synchrony and crash another member, or partition the group, and watch which view each process ends in.',
        zh: '在这次运行中把可靠性切换为**可靠（ACK）**：没有人转发已崩溃发送者的消息，P3 永远收不到 m1，检查面板报告可靠交付被破坏。再切换回虚拟同步，让另一个成员崩溃，或者把组分区，观察每个进程最后处在哪个视图中。',
      },
      cursor: 'end',
      sandbox: true,
    },
  ],
};
