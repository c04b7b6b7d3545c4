import type { Lesson } from '../types';
import { drop, multicast, reliabilityScenario } from './scenario';

/**
 * The lecture's "Achieving atomicity – example 1" (the slides' "2-phase commit variation"):
 * persistent logs, unique ids, ACKs logged, retransmission on timeout, then "go", and delivery
 * only after "go". NEVER GIVE UP: a receiver and then the sender crash between the ACKs and "go"
 * and restart from their logs. The three runs share seed, latency and timeout, so P0's timeout
 * and the arrival times read the same in each.
 */
const base = {
  seed: 1,
  processes: ['P0', 'P1', 'P2'],
  ordering: 'unordered' as const,
  latency: [2, 4] as [number, number],
  reliability: { scheme: 'atomic' as const, timeout: 8 },
  actions: [multicast(0, 'P0', 'm1')],
};

/** P2's first ACK is lost: P0 retransmits to P2, which discards the duplicate and ACKs again. */
const lostAck = reliabilityScenario({ ...base, interventions: [drop('ack:P2:1@P0')] });

/** P1 logs and ACKs m1, then crashes before "go"; it is rebooted with its log. */
const receiverCrash = reliabilityScenario({
  ...base,
  faults: [{ type: 'crash', at: 5, node: 'P1', restart: { at: 18, log: true } }],
});

/** P2's ACK is lost again, and P0 crashes holding only P1's ACK; it is rebooted with its log. */
const senderCrash = reliabilityScenario({
  ...base,
  interventions: [drop('ack:P2:1@P0')],
  faults: [{ type: 'crash', at: 7, node: 'P0', restart: { at: 20, log: true } }],
});

export const atomicExample1: Lesson = {
  id: 'reliability.atomic',
  chapter: 'reliability',
  title: { en: 'Atomic multicast, example 1: logs, ACKs and “go”', zh: '原子组播示例 1：日志、确认与 “go”' },
  summary: {
    en: 'A message sent to a group arrives at all group members, or no member processes it. Sender and receivers keep persistent logs, retry through lost messages and crashes, and deliver only after the sender’s “go”.',
    zh: '发往组的消息要么到达所有组成员，要么没有任何成员处理它。发送者和接收者都维护持久日志，在消息丢失和崩溃之后不断重试，并且只有收到发送者的 “go” 之后才交付。',
  },
  steps: [
    {
      title: { en: 'Send to all, and write it to the log', zh: '发给所有成员，并写入日志' },
      body: {
        en: '**Atomicity**: a message sent to a group arrives at all group members; if it fails to arrive at any member, no member will process it.\n\nExample 1 retries through network failures and system downtime: the sender and every receiver keep a **persistent log**. P0 writes m1 to its log and sends it to every group member, P1 and P2. m1 is the message’s **unique ID**, so a receiver can recognise a copy it already has. (P0’s own application has m1 already: it sent it.)',
        zh: '**原子性**：发往组的消息会到达所有组成员；只要有一个成员没有收到，就没有任何成员处理它。\n\n示例 1 在网络故障和系统宕机之后不断重试：发送者和每个接收者都维护一份**持久日志**。P0 把 m1 写入日志，并发给所有组成员 P1 和 P2。m1 是这条消息的**唯一 ID**，接收者据此认出自己已经有过的副本。（P0 自己的应用已经有 m1：消息就是它发的。）',
      },
      scenario: lostAck,
      // The input that sends m1 ends with P0's own delivery: its log is on the panel from there.
      cursor: { after: { type: 'deliver', node: 'P0', msg: 'm1' } },
      highlight: { nodes: ['P0'], msgs: ['m1'], panel: 'reliability' },
    },
    {
      title: { en: 'Log, acknowledge, hold', zh: '记日志、确认、暂不交付' },
      body: {
        en: 'P2 and then P1 receive m1. Each **logs** the message and **sends an acknowledgement** to P0, but does **not** pass m1 to its application: m1 waits in the hold-back queue for the sender’s “go”.',
        zh: 'P2 和 P1 先后收到 m1。每个接收者把消息**写入日志**，并向 P0 **发送确认（ACK）**，但**不**把 m1 交给应用：m1 留在保留队列中，等待发送者的 “go”。',
      },
      cursor: { after: { type: 'send', node: 'P1', msg: 'ack:P1:1' } },
      highlight: { nodes: ['P1', 'P2'], msgs: ['m1'], panel: 'holdback' },
    },
    {
      title: { en: 'A lost ACK: retransmit, discard the duplicate', zh: 'ACK 丢失：重传，丢弃重复消息' },
      body: {
        en: 'P2’s ACK is lost on the way. P0 writes P1’s ACK to its log and keeps waiting. When its **timeout** (8 ticks) expires with no ACK from P2, P0 **retransmits** m1 to P2 alone, the member that has not answered.\n\nP2 already has m1 in its log, under the same unique ID: it **discards the duplicate** (it neither logs nor delivers it twice) and sends its ACK again, because the first one may have been lost.',
        zh: 'P2 的 ACK 在途中丢失。P0 把 P1 的 ACK 写入日志，继续等待。**超时**（8 个时间单位）到了仍没有 P2 的 ACK，P0 只向没有应答的 P2 **重传** m1。\n\nP2 的日志里已经有同一唯一 ID 的 m1：它**丢弃这条重复消息**（既不再记日志，也不会交付两次），并再次发送 ACK，因为第一个 ACK 可能丢了。',
      },
      cursor: { after: { type: 'send', node: 'P2', msg: 'ack:P2:2' } },
      highlight: { nodes: ['P0', 'P2'], msgs: ['m1'], copies: ['ack:P2:1@P0', 'm1@P2#2'] },
    },
    {
      title: { en: 'Every ACK logged: “go”', zh: 'ACK 全部记入日志：“go”' },
      body: {
        en: 'P2’s second ACK arrives and P0 logs it. Now every member has logged m1, so P0 writes “go” to its log and sends **“go”** to all members. Only now does each receiver pass m1 to its application (P2, then P1 deliver it), and reply to P0. Until “go”, no receiver’s application had seen m1.',
        zh: 'P2 的第二个 ACK 到达，P0 把它写入日志。现在每个成员都已把 m1 记入日志，于是 P0 在日志中写下 “go”，并向所有成员发送 **“go”**。直到这时，每个接收者才把 m1 交给应用（P2、P1 先后交付），并回复 P0。在 “go” 之前，没有任何接收者的应用见过 m1。',
      },
      cursor: { after: { type: 'send', node: 'P1', msg: 'done:P1:2' } },
      highlight: { nodes: ['P1', 'P2'], msgs: ['m1', 'm1:go'], panel: 'delivery' },
    },
    {
      title: { en: 'A receiver dies after its ACK', zh: '接收者在发出 ACK 之后崩溃' },
      body: {
        en: 'A new run, with no lost ACK. P1 logs m1, acknowledges it, and **crashes** at t=5, before “go”. Is it obligated to restart? Will it know to process the message?\n\nP0 has every ACK, so it logs and sends “go”; P2 delivers. The “go” to P1 reaches a dead process. P0 does not give up: at every timeout it sends “go” to P1 again. **NEVER GIVE UP!**',
        zh: '换一次运行，这次没有 ACK 丢失。P1 把 m1 记入日志并确认，随后在 t=5 **崩溃**，还没收到 “go”。它有义务重启吗？重启后它知道要处理这条消息吗？\n\nP0 已经收齐 ACK，于是记日志并发送 “go”；P2 交付。发给 P1 的 “go” 落到一个已经崩溃的进程上。P0 不会放弃：每次超时都再向 P1 发送一次 “go”。**永不放弃！**',
      },
      scenario: receiverCrash,
      cursor: { after: { type: 'ignored', node: 'P1', msg: 'm1:go', nth: 2 } },
      highlight: { nodes: ['P1'], msgs: ['m1:go'], copies: ['m1:go@P1', 'm1:go@P1#2'] },
    },
    {
      title: { en: 'Restart from the log', zh: '从日志重启' },
      body: {
        en: 'P1 is rebooted at t=18 with its persistent log. The log says m1 was received and acknowledged, with no “go” yet, so P1 holds m1 again. The next “go” from P0 arrives and P1 delivers m1: it restarted where it left off. Both receivers processed m1: the checks panel says **atomicity** holds.',
        zh: 'P1 在 t=18 带着持久日志重启。日志记录着 m1 已收到并已确认，但还没有 “go”，所以 P1 重新把 m1 保留起来。P0 的下一个 “go” 到达，P1 交付 m1：它从中断的地方继续。两个接收者都处理了 m1：检查面板显示**原子性**成立。',
      },
      cursor: { after: { type: 'send', node: 'P1', msg: 'done:P1:2' } },
      highlight: { nodes: ['P1'], msgs: ['m1'], panel: 'checks' },
    },
    {
      title: { en: 'The sender dies between the ACKs and “go”', zh: '发送者在 ACK 与 “go” 之间崩溃' },
      body: {
        en: 'What if the sender dies partway through? P2’s ACK is lost again, and P0 **crashes** at t=7 holding only P1’s ACK. Rebooted at t=20, P0 rebuilds its state from its log: m1 is unfinished and P1 has already acknowledged it, so P0 retransmits m1 to P2 alone. P2 discards the duplicate and ACKs again; P0 sends “go”, and both receivers deliver.',
        zh: '如果发送者在协议中途崩溃呢？P2 的 ACK 又一次丢失，P0 在 t=7 **崩溃**，手里只有 P1 的 ACK。P0 在 t=20 重启，从日志重建状态：m1 还没完成，而 P1 已经确认过，所以 P0 只向 P2 重传 m1。P2 丢弃重复消息并再次确认；P0 发送 “go”，两个接收者都交付了。',
      },
      scenario: senderCrash,
      cursor: { after: { type: 'send', node: 'P1', msg: 'done:P1:2' } },
      highlight: { nodes: ['P0', 'P2'], msgs: ['m1'], copies: ['m1@P2#2'], panel: 'reliability' },
    },
    {
      title: { en: 'Your turn', zh: '动手试试' },
      body: {
        en: 'Break it and watch the log: crash P1 after its ACK and restart it **without** its log (“log lost”). Nothing tells P1 it ever had m1: it discards every “go”, P0 keeps sending them, and the checks panel reports atomicity violated. Or drop more copies of m1 or of the ACKs: P0 retries until every member answers.',
        zh: '动手破坏它，同时观察日志：让 P1 在发出 ACK 后崩溃，并在重启时**不带**日志（“日志丢失”）。P1 再也无从知道自己收到过 m1：它丢弃每个 “go”，P0 则不停地发送，检查面板报告原子性被破坏。也可以丢掉更多 m1 或 ACK 的副本：P0 会一直重试，直到每个成员都应答。',
      },
      cursor: 'end',
      sandbox: true,
    },
  ],
};
