import type { Lesson } from '../types';
import { drop, multicast, reliabilityScenario } from './scenario';

/**
 * The lecture's "Reliable multicast": send to each member, wait for an ACK from each, retransmit
 * to the non-responders, eventually give up; and the feedback implosion it is subject to. Every
 * copy takes exactly 3 ticks, so all the ACKs for one message reach the sender together.
 */
const scenario = reliabilityScenario({
  seed: 1,
  processes: ['P0', 'P1', 'P2', 'P3'],
  ordering: 'unordered',
  latency: [3, 3],
  reliability: { scheme: 'reliable', timeout: 8, tries: 3 },
  actions: [multicast(0, 'P0', 'm1'), multicast(1, 'P0', 'm2'), multicast(2, 'P0', 'm3')],
  // m2's copy to P2 is a network glitch; from t=18 P3 receives nothing (a receive omission).
  interventions: [drop('m2@P2')],
  faults: [{ type: 'receive-omission', at: 18, node: 'P3' }],
});

export const reliableMulticast: Lesson = {
  id: 'reliability.reliable',
  chapter: 'reliability',
  title: { en: 'Reliable multicast and feedback implosion', zh: '可靠组播与反馈风暴' },
  summary: {
    en: 'All non-faulty group members receive the message: the sender waits for an ACK from each member, retransmits to the ones that do not answer, and eventually gives up. Every member’s ACK comes back to the sender: feedback implosion.',
    zh: '所有无故障的组成员都会收到消息：发送者等待每个成员的 ACK，向没有应答的成员重传，最终放弃。每个成员的 ACK 都要回到发送者：这就是反馈风暴。',
  },
  steps: [
    {
      title: { en: 'Send, then wait for every ACK', zh: '发送，然后等待每个 ACK' },
      body: {
        en: '**Reliable multicast**: all non-faulty group members will receive the message. It assumes the sender and the recipients stay alive; the network may have glitches.\n\nP0 sends m1 to each group member and waits for an acknowledgement from each one. Its application has already asked to multicast m2 and m3 as well: they are queued until every ACK for m1 is in.',
        zh: '**可靠组播**：所有无故障的组成员都会收到消息。它假设发送者和接收者都一直存活，而网络可能出故障。\n\nP0 把 m1 发给每个组成员，并等待每个成员的确认。它的应用已经要求再组播 m2 和 m3：它们排队等待，直到 m1 的 ACK 全部到齐。',
      },
      scenario,
      cursor: { after: { type: 'deliver', node: 'P0', msg: 'm3' } },
      highlight: { nodes: ['P0'], msgs: ['m1', 'm2', 'm3'] },
    },
    {
      title: { en: 'Feedback implosion', zh: '反馈风暴' },
      body: {
        en: 'P1, P2 and P3 each acknowledge m1, and the three ACKs reach P0 at the same moment, t=6. One message brings back one ACK per member: with n receivers, the sender must take in n ACKs for every message it sends. This is **feedback implosion**. The metrics panel charts the ACKs arriving per time unit: at t=6 the bar is as tall as the group has receivers, 3.',
        zh: 'P1、P2、P3 各自确认 m1，三个 ACK 在同一时刻 t=6 到达 P0。一条消息换回每个成员各一个 ACK：有 n 个接收者，发送者每发一条消息就要接收 n 个 ACK。这就是**反馈风暴**（反馈内爆）。指标面板画出了每个时间单位到达的 ACK 数：t=6 处柱子的高度正好等于组中接收者的个数 3。',
      },
      // The input ends with P0 sending m2: from there its panel shows m1 acknowledged.
      cursor: { after: { type: 'send', node: 'P0', msg: 'm2' } },
      highlight: {
        nodes: ['P0'],
        msgs: ['ack:P1:1', 'ack:P2:1', 'ack:P3:1'],
        copies: ['ack:P1:1@P0', 'ack:P2:1@P0', 'ack:P3:1@P0'],
        panel: 'metrics',
      },
    },
    {
      title: { en: 'Retransmit to the non-responding member', zh: '向没有应答的成员重传' },
      body: {
        en: 'Now P0 sends m2, and the copy to P2 is lost. P1 and P3 ACK it; P2 cannot. When P0’s timeout (8 ticks) expires, it **retransmits m2 to P2 only**, the non-responding member, not to the whole group. P2’s ACK comes back, and only then does m3 go out.',
        zh: '现在 P0 发送 m2，发给 P2 的副本丢失了。P1 和 P3 确认了它，P2 无从确认。P0 的超时（8 个时间单位）到了，它**只向没有应答的 P2 重传 m2**，而不是发给整个组。P2 的 ACK 回来之后，m3 才发出。',
      },
      cursor: { after: { type: 'send', node: 'P0', msg: 'm2', nth: 2 } },
      highlight: { nodes: ['P0', 'P2'], msgs: ['m2'], copies: ['m2@P2', 'm2@P2#2'] },
    },
    {
      title: { en: '… but eventually give up', zh: '……但最终放弃' },
      body: {
        en: 'From t=18 P3 suffers a **receive omission**: it receives nothing. P0 sends m3; P1 and P2 ACK it, P3 stays silent. P0 retransmits m3 to P3 at t=28 and t=36, and after 3 tries it **gives up** on P3. Reliable multicast tries to retransmit undelivered messages but eventually gives up: it is OK if some group members don’t get the message.',
        zh: '从 t=18 起，P3 出现**接收遗漏**：它什么也收不到。P0 发送 m3；P1 和 P2 确认，P3 没有回应。P0 在 t=28 和 t=36 向 P3 重传 m3，试了 3 次之后**放弃** P3。可靠组播会重传没有送达的消息，但最终会放弃：有些组成员收不到消息是可以接受的。',
      },
      cursor: { after: { type: 'giveup', node: 'P0', msg: 'm3' } },
      highlight: { nodes: ['P0', 'P3'], msgs: ['m3'], copies: ['m3@P3', 'm3@P3#2', 'm3@P3#3'] },
    },
    {
      title: { en: 'What it cost', zh: '代价' },
      body: {
        en: 'The metrics panel adds it up. Three messages to three members is 9 copies, plus 3 retransmissions (m2 to P2 once, m3 to P3 twice): 12 copies of messages. 8 ACKs came back: one per member per message, except m3 from P3. One member was given up on.',
        zh: '指标面板做了汇总。三条消息发给三个成员是 9 个副本，再加上 3 次重传（m2 发给 P2 一次，m3 发给 P3 两次），共 12 个消息副本。回来的 ACK 有 8 个：每条消息每个成员一个，只缺 P3 对 m3 的确认。有一个成员被放弃。',
      },
      cursor: 'end',
      highlight: { nodes: ['P0'], panel: 'metrics' },
    },
    {
      title: { en: 'What it promised', zh: '它的承诺' },
      body: {
        en: 'The checks panel: **reliable delivery** holds. The promise is for the non-faulty members, and P3 had an omission failure; P1 and P2 got every message. Had the network alone kept losing P3’s copies, P3 would be a correct member left without m3, and the check would fail.',
        zh: '看检查面板：**可靠交付**成立。它承诺的是无故障的成员，而 P3 出现了遗漏故障；P1 和 P2 收到了每一条消息。如果只是网络不断丢失发给 P3 的副本，P3 就是一个没有收到 m3 的正确成员，这项检查就会失败。',
      },
      cursor: 'end',
      highlight: { nodes: ['P1', 'P2', 'P3'], panel: 'checks' },
    },
    {
      title: { en: 'Your turn', zh: '动手试试' },
      body: {
        en: 'Switch the reliability to **unreliable (best effort)**: no ACKs and no retransmissions, so P2 never gets m2 and the checks panel reports reliable delivery violated. Then go back to reliable and set the window to 3: m1, m2 and m3 go out without waiting, and their ACKs reach P0 in three bursts at t=6, 7 and 8. Windows are the next lesson.',
        zh: '把可靠性切换为**不可靠（尽力而为）**：没有 ACK，也没有重传，于是 P2 永远收不到 m2，检查面板报告可靠交付被破坏。再切换回可靠，把窗口设为 3：m1、m2、m3 不再等待就全部发出，它们的 ACK 在 t=6、7、8 分三批涌向 P0。窗口是下一课的内容。',
      },
      cursor: 'end',
      sandbox: true,
    },
  ],
};
