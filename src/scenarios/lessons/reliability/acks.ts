import type { ProcessScenario } from '../../schema';
import type { Lesson } from '../types';
import { drop, multicast, type ReliabilityDraft, reliabilityScenario } from './scenario';

/**
 * The lecture's "Optimizing Acknowledgements", one switch per step on the same schedule, so the
 * metrics panel can be compared step to step: P0 multicasts m1, m2, m3; then P1, P2 and P3 each
 * multicast one message (the return traffic piggybacked ACKs ride on); the copy of m2 to P2 is
 * lost. Causal ordering keeps every step's checks panel green but for total order, which no
 * step promises. ACKs are held back 4 ticks (cumulative, piggybacked), and the timeout of 12
 * exceeds a round trip plus that delay, so no step retransmits too early.
 */
const schedule: Omit<ReliabilityDraft, 'reliability'> = {
  seed: 1,
  processes: ['P0', 'P1', 'P2', 'P3'],
  ordering: 'causal',
  latency: [2, 3],
  actions: [
    multicast(0, 'P0', 'm1'),
    multicast(1, 'P0', 'm2'),
    multicast(2, 'P0', 'm3'),
    multicast(4, 'P1', 'm4'),
    multicast(5, 'P2', 'm5'),
    multicast(6, 'P3', 'm6'),
  ],
  interventions: [drop('m2@P2')],
};

const withAcks = (reliability: ReliabilityDraft['reliability']): ProcessScenario =>
  reliabilityScenario({ ...schedule, reliability });

export const ACK_SETTINGS = {
  stopAndWait: withAcks({ scheme: 'reliable', timeout: 12 }),
  pipelining: withAcks({ scheme: 'reliable', timeout: 12, window: 4 }),
  cumulative: withAcks({ scheme: 'reliable', timeout: 12, window: 4, cumulative: true, ackDelay: 4 }),
  // Stacked on cumulative ACKs, as TCP stacks them (and as the metrics panel's comparison does).
  piggyback: withAcks({
    scheme: 'reliable',
    timeout: 12,
    window: 4,
    cumulative: true,
    piggyback: true,
    ackDelay: 4,
  }),
  nack: withAcks({ scheme: 'reliable', timeout: 12, nack: true }),
};

export const ackOptimizations: Lesson = {
  id: 'reliability.acks',
  chapter: 'reliability',
  title: { en: 'Optimizing acknowledgements', zh: '优化确认（ACK）' },
  summary: {
    en: 'Pipelining, cumulative ACKs, piggybacked ACKs and negative ACKs, each switched on in turn over the same schedule, with the metrics panel showing what each one saves and what it costs.',
    zh: '流水线、累积 ACK、搭载 ACK 和否定确认（NACK）：在同一个调度上依次打开，用指标面板比较每种优化省下了什么、付出了什么。',
  },
  steps: [
    {
      title: { en: 'Wait for the ACKs before the next message', zh: '等齐 ACK 再发下一条' },
      body: {
        en: 'Every step of this lesson runs the same schedule: P0 multicasts m1, m2 and m3 at t=0, 1 and 2; then P1, P2 and P3 each multicast one message (m4, m5, m6); the copy of m2 to P2 is lost. Only the ACK setting changes: compare the metrics panel from step to step.\n\nThe easiest thing is to wait for an ACK before sending the next message, but that incurs a round-trip delay per message. P0 sends m2 only when m1’s ACKs are all back, and m3 only after m2 was retransmitted to P2 and acknowledged. 6 messages to 3 members each: 18 copies plus 1 retransmission, and 18 ACKs.\n\n(The checks panel’s total-order warning has nothing to do with ACKs: the members run causal ordering, which lets members deliver concurrent messages (sent by members that had not yet seen each other’s) in different orders.)',
        zh: '本课每一步都运行同一个调度：P0 在 t=0、1、2 组播 m1、m2、m3；随后 P1、P2、P3 各组播一条消息（m4、m5、m6）；发给 P2 的 m2 副本丢失。只有 ACK 的设置在变：请逐步比较指标面板。\n\n最简单的做法是收到 ACK 之后再发下一条消息，但每条消息都要付出一个往返时延。P0 要等 m1 的 ACK 全部回来才发送 m2，要等 m2 重传给 P2 并得到确认之后才发送 m3。6 条消息各发给 3 个成员：18 个副本加 1 次重传，以及 18 个 ACK。\n\n（检查面板中关于全序的警告与 ACK 无关：成员运行的是因果序，它允许不同成员以不同顺序交付并发的消息（即发送时彼此还没见过对方消息的那些）。）',
      },
      scenario: ACK_SETTINGS.stopAndWait,
      cursor: { after: { type: 'send', node: 'P0', msg: 'm3' } },
      highlight: { nodes: ['P0'], msgs: ['m1', 'm2', 'm3'], panel: 'metrics' },
    },
    {
      title: { en: 'Pipelining', zh: '流水线' },
      body: {
        en: '**Pipelining**: send multiple messages and receive the ACKs asynchronously. With a window of 4, P0 sends m1, m2 and m3 at once. A timeout still guards each message: when m2’s ACK from P2 is missing, P0 retransmits m2 to P2. The same 19 copies and 18 ACKs as before, but the delivery latency in the metrics panel drops, and the run is over sooner.',
        zh: '**流水线**：连续发送多条消息，异步地接收 ACK。窗口为 4 时，P0 一口气发出 m1、m2、m3。每条消息仍有自己的超时：P2 对 m2 的 ACK 迟迟不到，P0 就向 P2 重传 m2。副本和 ACK 的数目与上一步相同（19 个和 18 个），但指标面板中的交付延迟下降了，整个运行也更早结束。',
      },
      scenario: ACK_SETTINGS.pipelining,
      cursor: { after: { type: 'send', node: 'P0', msg: 'm2', nth: 2 } },
      highlight: {
        nodes: ['P0', 'P2'],
        msgs: ['m1', 'm2', 'm3'],
        copies: ['m2@P2', 'm2@P2#2'],
        panel: 'metrics',
      },
    },
    {
      title: { en: 'Cumulative ACKs', zh: '累积 ACK' },
      body: {
        en: '**Cumulative ACKs**: wait a little while (4 ticks) before sending an ACK; if other messages arrive meanwhile, send one ACK for everything. P1 and P3 answer m1, m2 and m3 with a single ACK each, “ack ≤3”. P2 can only say “ack ≤1”: an ACK for everything received in sequence cannot tell that m3 arrived after the gap, so P0 retransmits m3 to P2 as well as m2. 13 ACKs instead of 18, for one extra retransmission.',
        zh: '**累积 ACK**：收到消息后先等一会儿（4 个时间单位）再发 ACK；如果这期间又收到别的消息，就只发一个 ACK 确认全部。P1 和 P3 各用一个 ACK（“ack ≤3”）确认了 m1、m2、m3。P2 只能说 “ack ≤1”：一个确认“按序收到的全部消息”的 ACK 无法表达 m3 已在空缺之后到达，所以 P0 除了 m2，还要向 P2 重传 m3。ACK 从 18 个减少到 13 个，代价是多一次重传。',
      },
      scenario: ACK_SETTINGS.cumulative,
      cursor: { after: { type: 'send', node: 'P0', msg: 'm3', nth: 2 } },
      highlight: {
        nodes: ['P0', 'P2'],
        msgs: ['ack:P1:1', 'ack:P2:1', 'ack:P3:1'],
        copies: ['ack:P1:1@P0', 'ack:P2:1@P0', 'ack:P3:1@P0', 'm3@P2#2'],
        panel: 'metrics',
      },
    },
    {
      title: { en: 'Piggybacked ACKs', zh: '搭载 ACK' },
      body: {
        en: '**Piggybacked ACKs**: send an ACK along with a return message. On top of the cumulative ACKs of the last step: P1, P2 and P3 hold their ACKs for P0 back up to 4 ticks, and each multicasts its own message in that time, so m4, m5 and m6 carry to P0 the ACKs their senders were holding, which then need no message of their own. (P1 receives m3 only after sending m4, so its “ack ≤3” still goes alone.) In the metrics panel, 3 ACKs rode on messages, and fewer ACKs travelled alone than in the last step.',
        zh: '**搭载 ACK**：让 ACK 随一条回程消息一起发出。这一步在上一步的累积 ACK 之上再打开搭载：P1、P2、P3 把给 P0 的 ACK 最多压后 4 个时间单位，而它们恰好在这段时间里各自组播了一条消息，于是 m4、m5、m6 把各自发送者压着的 ACK 捎给了 P0，这些确认就无需再单独发送。（P1 在发出 m4 之后才收到 m3，所以它的 “ack ≤3” 仍要单独发送。）看指标面板：有 3 个 ACK 搭载在消息上，单独发送的 ACK 比上一步更少。',
      },
      scenario: ACK_SETTINGS.piggyback,
      cursor: { after: { type: 'deliver', node: 'P0', msg: 'm6' } },
      highlight: { nodes: ['P1', 'P2', 'P3'], msgs: ['m4', 'm5', 'm6'], panel: 'metrics' },
    },
    {
      title: { en: 'Negative ACKs', zh: '否定确认（NACK）' },
      body: {
        en: '**Negative ACKs**: use a sequence number on each message; the receiver requests retransmission of a missed message. No one sends ACKs. P2 receives P0’s message #3 while #2 is missing, so it sends “nack #2”, and P0 retransmits m2 from its buffer: 0 ACKs, 1 NACK, 1 retransmission.\n\nMore efficient, but it requires the sender to buffer messages indefinitely: nothing tells P0 that a message may be dropped, so all 3 of its messages are still in its retransmission buffer at the end (the metrics panel’s peak buffer).',
        zh: '**否定确认（NACK）**：给每条消息加上序号，接收者发现漏收时请求重传。谁都不发 ACK。P2 收到了 P0 的 #3，而 #2 还没到，于是发出 “nack #2”，P0 从缓冲区中重传 m2：0 个 ACK、1 个 NACK、1 次重传。\n\n这样更高效，但要求发送者无限期地缓存消息：没有任何信号告诉 P0 哪条消息可以丢掉，所以到运行结束时，它的 3 条消息仍全部留在重传缓冲区里（见指标面板中的缓冲区峰值）。',
      },
      scenario: ACK_SETTINGS.nack,
      cursor: { after: { type: 'send', node: 'P0', msg: 'm2', nth: 2 } },
      highlight: {
        nodes: ['P0', 'P2'],
        msgs: ['m2', 'nack:P2:1'],
        copies: ['nack:P2:1@P0', 'm2@P2#2'],
        panel: 'metrics',
      },
    },
    {
      title: { en: 'Your turn', zh: '动手试试' },
      body: {
        en: 'TCP does the first three of these, but a multicast has to do them for each recipient. Mix the switches yourself: piggybacked ACKs without cumulative ones, a window of 1 or 8, or NACKs with the copy of m3 to P2 dropped too, and compare the metrics panel. Which setting sends the fewest ACKs, and which keeps the largest buffer?',
        zh: 'TCP 实现了前三种优化，但组播必须对每个接收者分别做到。自己组合这些开关：只开搭载 ACK 而不开累积 ACK，把窗口设为 1 或 8，或者在 NACK 模式下把发给 P2 的 m3 副本也丢掉，然后比较指标面板。哪种设置发出的 ACK 最少？哪种设置的缓冲区最大？',
      },
      cursor: 'end',
      sandbox: true,
    },
  ],
};
