import type { Lesson } from '../types';
import { byzantineRun, crashRun, omissionRun, partitionRun } from './scenarios';

/**
 * The lecture's "Failure considerations", first half: "Crash failure — process stops
 * communicating" (here also crash and restart), and "Omission failure (typically due to
 * network) — Send omission: a process fails to send messages; Receive omission: a process fails
 * to receive messages".
 */
export const crashOmission: Lesson = {
  id: 'failures.crash-omission',
  chapter: 'failures',
  title: { en: 'Crash and omission failures', zh: '崩溃故障与遗漏故障' },
  summary: {
    en: 'A crashed process stops communicating (and may restart, with or without its log); an omission failure loses the messages a process sends or receives.',
    zh: '崩溃的进程停止通信（也可能重启，日志可能保留也可能丢失）；遗漏故障使进程发送或接收的消息丢失。',
  },
  steps: [
    {
      title: { en: 'Crash failure', zh: '崩溃故障' },
      body: {
        en: '**The same things bite us with unicast communication.** P0 multicasts m1 to the group and everyone delivers it. Then P1 **crashes** (the bold X): from here its lane is dashed.\n\nThe group runs reliable multicast: each receiver ACKs, and the sender retransmits to members that stay silent.',
        zh: '**单播通信中遇到的问题，组通信中同样会遇到。** P0 向组组播 m1，所有成员都交付了它。随后 P1 **崩溃**（粗体 X）：从这里开始它的时间线变成虚线。\n\n这个组使用可靠组播：每个接收者回复 ACK，发送者向一直没有回应的成员重传。',
      },
      scenario: crashRun,
      cursor: { after: { type: 'crash', node: 'P1' } },
      highlight: { nodes: ['P1'], msgs: ['m1'] },
    },
    {
      title: { en: 'The process stops communicating', zh: '进程停止通信' },
      body: {
        en: '**Crash failure: process stops communicating.** P2 crashes too. P0 multicasts m2: the copies reach P1 and P2 but nothing is there to take them (the log says "ignored"). P1’s own multicast m3 at time 12 never happens: a crashed process sends nothing.',
        zh: '**崩溃故障：进程停止通信。** P2 也崩溃了。P0 组播 m2：副本到达了 P1 和 P2，但那里没有进程接收（日志中显示为“忽略”）。P1 本该在时刻 12 组播的 m3 根本没有发生：崩溃的进程什么也不发送。',
      },
      cursor: { after: { type: 'ignored', node: 'P1', msg: 'm3' } },
      highlight: { nodes: ['P1', 'P2'], msgs: ['m2', 'm3'], panel: 'log' },
    },
    {
      title: { en: 'Crash and restart', zh: '崩溃后重启' },
      body: {
        en: 'P1 **restarts** at time 25 (↻) with its persistent log, so it knows what it had delivered. P0 is still retransmitting m2 to the members that never ACKed; this time P1 is there, and it delivers m2.',
        zh: 'P1 在时刻 25 **重启**（↻），它的持久日志还在，所以它知道自己已经交付过哪些消息。P0 仍在向没有回复 ACK 的成员重传 m2；这一次 P1 在线，它交付了 m2。',
      },
      cursor: { after: { type: 'deliver', node: 'P1', msg: 'm2' } },
      highlight: { nodes: ['P1'], msgs: ['m2'], panel: 'delivery' },
    },
    {
      title: { en: 'A crash for good', zh: '永久崩溃' },
      body: {
        en: 'P2 never comes back. After three tries P0 **gives up** on it. Reliable multicast promises delivery to the non-faulty members only: the checks panel still says reliable delivery holds, because P2 is faulty.',
        zh: 'P2 再也没有恢复。试了三次之后，P0 **放弃**了它。可靠组播只保证非故障成员能收到消息：检查面板仍然显示可靠交付成立，因为 P2 是故障进程。',
      },
      cursor: { after: { type: 'giveup', node: 'P0', msg: 'm2' } },
      highlight: { nodes: ['P0', 'P2'], msgs: ['m2'], panel: 'checks' },
    },
    {
      title: { en: 'Send omission', zh: '发送遗漏' },
      body: {
        en: '**Omission failure (typically due to network). Send omission: a process fails to send messages.** A new run, best effort with no ACKs: P0 fails to send from time 0 to 5 (the band above its lane). All three copies of m1 are lost (the crosses). P0 itself is fine: it delivered m1 and keeps running.',
        zh: '**遗漏故障（通常由网络引起）。发送遗漏：进程未能发出消息。** 换一个运行，尽力而为、没有 ACK：P0 在时刻 0 到 5 之间发送失败（它的时间线上方的色带）。m1 的三份副本全部丢失（叉号）。P0 本身没有问题：它交付了 m1，并继续运行。',
      },
      scenario: omissionRun,
      cursor: { after: { type: 'lost', node: 'P3', msg: 'm1' } },
      highlight: { nodes: ['P0'], msgs: ['m1'] },
    },
    {
      title: { en: 'Receive omission', zh: '接收遗漏' },
      body: {
        en: '**Receive omission: a process fails to receive messages.** From time 9 to 16, P2 fails to receive: m2 and m3 are lost at P2 (the band below its lane), while P1 and P3 deliver them. Without retransmission nobody repairs the gap, and the checks panel reports the group guarantees broken.',
        zh: '**接收遗漏：进程未能收到消息。** 在时刻 9 到 16 之间，P2 接收失败：m2 和 m3 在 P2 处丢失（它的时间线下方的色带），而 P1 和 P3 都交付了它们。没有重传，就没有人补上这个缺口，检查面板报告组的保证被破坏。',
      },
      cursor: { after: { type: 'lost', node: 'P2', msg: 'm3' } },
      highlight: { nodes: ['P2'], msgs: ['m2', 'm3'], panel: 'checks' },
    },
    {
      title: { en: 'Your turn', zh: '动手试试' },
      body: {
        en: 'Click a lane to inject a fault at that time: a crash, a crash and restart with or without its log, a send or a receive omission. Switch the reliability setting to reliable and watch retransmissions repair the omissions, or fail to repair a crash.',
        zh: '点击某条时间线，在那个时刻注入故障：崩溃、带日志或不带日志的崩溃后重启、发送遗漏或接收遗漏。把可靠性设置切换为可靠组播，观察重传如何弥补遗漏，却无法弥补崩溃。',
      },
      cursor: 'end',
      sandbox: true,
    },
  ],
};

/**
 * "Failure considerations", second half: "Byzantine failure — some messages are faulty" and
 * "Partition failure — the network may get segmented, dividing the group into two or more
 * unreachable sub-groups".
 */
export const byzantinePartition: Lesson = {
  id: 'failures.byzantine-partition',
  chapter: 'failures',
  title: { en: 'Byzantine and partition failures', zh: '拜占庭故障与分区故障' },
  summary: {
    en: 'A byzantine process sends faulty messages: garbled, or different contents to different members. A partition splits the group into sub-groups that cannot reach each other until it heals.',
    zh: '拜占庭进程发送错误的消息：内容被篡改，或者对不同成员说不同的话。网络分区把组分割成彼此不可达的子组，直到分区愈合。',
  },
  steps: [
    {
      title: { en: 'Byzantine: a garbled message', zh: '拜占庭故障：被篡改的消息' },
      body: {
        en: '**Byzantine failure: some messages are faulty.** P1 multicasts m2, but its contents are garbled (the arrows drawn as corrupt). A checksum catches it: every receiver **discards** m2. P1 retransmits when no ACK comes, and once its fault window ends at time 12 the clean copies are delivered.',
        zh: '**拜占庭故障：有些消息是错误的。** P1 组播 m2，但内容被篡改了（箭头画成损坏的样子）。校验和发现了它：每个接收者都**丢弃**了 m2。由于收不到 ACK，P1 会重传；它的故障窗口在时刻 12 结束后，干净的副本被交付。',
      },
      scenario: byzantineRun,
      cursor: { after: { type: 'discard', node: 'P3', msg: 'm2' } },
      highlight: { nodes: ['P1'], msgs: ['m2'] },
    },
    {
      title: { en: 'Byzantine: two stories', zh: '拜占庭故障：两种说法' },
      body: {
        en: "P2 **equivocates**: it sends m3 to P0 and P3, but a different, well-formed m3' to P1. No checksum can catch that, and all three deliver what they got. The checks panel's integrity check compares what the members delivered and reports the lie.",
        zh: "P2 **说两套话**：它把 m3 发给 P0 和 P3，却把另一条格式完全正确的 m3' 发给 P1。校验和无法发现这一点，三个成员都交付了各自收到的内容。检查面板中的完整性检查比较各成员交付的内容，并报告了这个谎言。",
      },
      cursor: { after: { type: 'deliver', node: 'P0', msg: 'm3' } },
      highlight: { nodes: ['P2', 'P1'], msgs: ['m3'], panel: 'checks' },
    },
    {
      title: { en: 'Partition failure', zh: '分区故障' },
      body: {
        en: '**Partition failure: the network may get segmented, dividing the group into two or more unreachable sub-groups.** At time 5 the network splits into {P0, P1} and {P2, P3} (the shaded bands). P3 multicasts m3: P2 delivers it, but the copies to P0 and P1 are lost, and so are P0’s retransmissions across the cut.',
        zh: '**分区故障：网络可能被分割，把组分成两个或多个互相不可达的子组。** 在时刻 5，网络分裂为 {P0, P1} 和 {P2, P3}（阴影色带）。P3 组播 m3：P2 交付了它，但发给 P0 和 P1 的副本丢失了，P0 跨越分区的重传也都丢失了。',
      },
      scenario: partitionRun,
      cursor: { after: { type: 'lost', node: 'P1', msg: 'm3' } },
      highlight: { nodes: ['P3'], msgs: ['m3'] },
    },
    {
      title: { en: 'The partition heals', zh: '分区愈合' },
      body: {
        en: 'At time 30 the partition **heals**. Reliable multicast kept retrying, and its next retransmissions get through: P0 and P1 deliver m3. Had the partition lasted longer than the sender’s tries, it would have given up, and each side would have gone on alone.',
        zh: '在时刻 30 分区**愈合**。可靠组播一直在重试，接下来的重传终于通过了：P0 和 P1 交付了 m3。如果分区持续的时间超过发送者的重试次数，发送者就会放弃，两边各自继续运行。',
      },
      cursor: { after: { type: 'deliver', node: 'P1', msg: 'm3' } },
      highlight: { nodes: ['P0', 'P1'], msgs: ['m3'], panel: 'delivery' },
    },
    {
      title: { en: 'Your turn', zh: '动手试试' },
      body: {
        en: 'Click a lane to make that process byzantine (garbling or equivocating), or to split the network into sub-groups and heal it later. Try a partition longer than the retries, and see which guarantees the checks panel still reports.',
        zh: '点击某条时间线，让该进程成为拜占庭进程（篡改或说两套话），或者把网络分成若干子组、稍后再让它愈合。试一个比重试时间更长的分区，看看检查面板还报告哪些保证成立。',
      },
      cursor: 'end',
      sandbox: true,
    },
  ],
};
