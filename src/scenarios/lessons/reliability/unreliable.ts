import type { Lesson } from '../types';
import { drop, multicast, reliabilityScenario } from './scenario';

/**
 * The lecture's "Unreliable multicast (best effort)": basic multicast, hope it gets there. One
 * copy is lost and nothing notices; the checkers do: reliable delivery and atomicity fail.
 */
const scenario = reliabilityScenario({
  seed: 1,
  processes: ['P0', 'P1', 'P2'],
  ordering: 'unordered',
  latency: [2, 4],
  reliability: { scheme: 'unreliable' },
  actions: [multicast(0, 'P0', 'm1')],
  interventions: [drop('m1@P2')],
});

export const unreliableMulticast: Lesson = {
  id: 'reliability.unreliable',
  chapter: 'reliability',
  title: { en: 'Unreliable multicast (best effort)', zh: '不可靠组播（尽力而为）' },
  summary: {
    en: 'Basic multicast: send a copy to each member and hope it gets there. No ACKs, no retransmissions, nothing kept; a lost copy stays lost, and the checks panel catches it.',
    zh: '基本组播：给每个成员发一个副本，然后指望它能到达。没有 ACK，没有重传，什么也不保留；丢失的副本就永远丢失了，检查面板会把它找出来。',
  },
  steps: [
    {
      title: { en: 'Send and hope', zh: '发出去，然后指望它能到' },
      body: {
        en: '**Unreliable multicast**, or best effort: basic multicast, and hope it gets there. P0 sends m1 to P1 and P2, and that is all: no acknowledgements to wait for, no timeout, nothing kept for retransmission.',
        zh: '**不可靠组播**，也叫尽力而为：基本组播，然后指望消息能够到达。P0 把 m1 发给 P1 和 P2，仅此而已：不等待确认，没有超时，也不保留任何消息以备重传。',
      },
      scenario,
      cursor: { after: { type: 'deliver', node: 'P0', msg: 'm1' } },
      highlight: { nodes: ['P0'], msgs: ['m1'] },
    },
    {
      title: { en: 'A copy is lost, and nobody notices', zh: '一个副本丢失，无人察觉' },
      body: {
        en: 'The network loses the copy to P2; P1 receives m1 and delivers it. P2 does not know m1 exists, and P0 expects no answer, so nothing happens: m1 never reaches P2.',
        zh: '网络丢失了发给 P2 的副本；P1 收到并交付了 m1。P2 根本不知道有 m1 这条消息，P0 也不等待任何回应，所以什么都不会发生：m1 永远到不了 P2。',
      },
      cursor: { after: { type: 'deliver', node: 'P1', msg: 'm1' } },
      highlight: { nodes: ['P1', 'P2'], msgs: ['m1'], copies: ['m1@P2'] },
    },
    {
      title: { en: 'The checks catch it', zh: '检查发现了问题' },
      body: {
        en: 'P1 got m1: most copies do arrive, and best effort usually works. But the checks panel reports **reliable delivery** violated at P2, a correct member that never delivered m1 although P0 and P1 did, and **atomicity** violated too: m1 arrived at some members and not at all of them.',
        zh: 'P1 收到了 m1：大多数副本都能到达，尽力而为在多数情况下是行得通的。但检查面板报告 P2 处**可靠交付**被破坏：P0 和 P1 都交付了 m1，而 P2 这个正确的成员从未交付它；**原子性**也被破坏：m1 只到达了部分成员，而不是全部。',
      },
      cursor: 'end',
      highlight: { nodes: ['P1', 'P2'], msgs: ['m1'], panel: 'checks' },
    },
    {
      title: { en: 'What it costs', zh: '代价' },
      body: {
        en: 'The metrics panel: 2 copies, one for each member, and nothing else. No ACKs, no retransmissions, an empty retransmission buffer. It is the cheapest scheme, and, like IP multicast itself, it makes no delivery guarantees.',
        zh: '看指标面板：每个成员一个副本，共 2 个，此外别无其他。没有 ACK，没有重传，重传缓冲区始终为空。这是代价最低的方案，而且与 IP 组播本身一样，它不提供任何交付保证。',
      },
      cursor: 'end',
      highlight: { nodes: ['P0', 'P1'], panel: 'metrics' },
    },
    {
      title: { en: 'Your turn', zh: '动手试试' },
      body: {
        en: 'Switch the reliability to **reliable (ACKs)**: P2 does not acknowledge m1, P0 retransmits it to P2, and reliable delivery and atomicity hold again, at the price of ACKs in the metrics panel. Or stay with best effort and drop the copy to P1 as well: now only the sender has m1, and atomicity is no longer violated: no member processed it, so none had to.',
        zh: '把可靠性切换为**可靠（ACK）**：P2 没有确认 m1，P0 向 P2 重传，可靠交付和原子性重新成立，代价是指标面板中多出的 ACK。或者保持尽力而为，把发给 P1 的副本也丢掉：现在只有发送者拥有 m1，原子性反而不再被破坏：没有成员处理它，也就没有成员必须处理它。',
      },
      cursor: 'end',
      sandbox: true,
    },
  ],
};
