import type { Lesson } from '../types';
import { floodScenario } from './flood-prune';

/**
 * The lecture's "Periodically, routers send messages to refresh the prune state": RFC 3973 §4.5
 * State Refresh. The flood-and-prune lesson's run, with State Refresh on (its default): the
 * first-hop router R1 originates a State Refresh every RefreshInterval (60 s), and each router
 * that forwards it resets the Prune Timers of its pruned interfaces, so the prunes never expire.
 */
export const refreshScenario = {
  ...floodScenario,
  title: {
    en: 'PIM dense mode: State Refresh keeps the prunes alive',
    zh: 'PIM 密集模式：状态刷新维持剪枝状态',
  },
  pim: { mode: 'dense' as const },
};

export const stateRefreshLesson: Lesson = {
  id: 'pim-dm.state-refresh',
  chapter: 'pim-dm',
  title: { en: 'State Refresh: keeping prunes alive', zh: '状态刷新：让剪枝保持有效' },
  summary: {
    en: 'Instead of letting prunes expire and flooding again every few minutes, the source’s first-hop router sends State Refresh messages down the tree; every router that passes one on restarts the prune timers of its pruned interfaces.',
    zh: '与其让剪枝到期、每隔几分钟重新洪泛一次，不如由源的第一跳路由器沿树向下发送状态刷新（State Refresh）消息；每台转发它的路由器都会重启其已剪枝接口上的剪枝定时器。',
  },
  steps: [
    {
      title: { en: 'The same pruned branch', zh: '同样被剪掉的分支' },
      body: {
        en: 'The run of the flood-and-prune lesson, now with State Refresh on. The first packet floods, R4 and R3 prune, and R1 holds R1-R3 **Pruned**. Left alone, that prune would expire after the prune hold time, 210 s (420 ticks here), and the flooding would start again.',
        zh: '这是“洪泛与剪枝”一课的同一次运行，只是打开了状态刷新。第一个分组洪泛后，R4 和 R3 剪枝，R1 把 R1-R3 保持为 **Pruned**。如果不管它，这个剪枝会在剪枝保持时间 210 秒（这里是 420 个时钟单位）后到期，洪泛又会重新开始。',
      },
      scenario: refreshScenario,
      cursor: { after: { type: 'pim-state', node: 'R1', nth: 3 } },
      highlight: { nodes: ['R1', 'R3', 'R4'], panel: 'pim' },
    },
    {
      title: { en: 'The first-hop router originates State Refresh', zh: '第一跳路由器发起状态刷新' },
      body: {
        en: 'R1 is directly connected to S, so it is the State Refresh **Originator** for (S,G) (RFC 3973 §4.5.2). Every RefreshInterval (60 s, 120 ticks) it sends a **State Refresh(S,G)** out of every interface toward PIM neighbours. On R1-R3, which is pruned, the message carries the **Prune Indicator** (drawn as P), and R1 restarts its own Prune Timer for R1-R3.',
        zh: 'R1 与 S 直接相连，所以它是 (S,G) 的状态刷新**发起者**（Originator，RFC 3973 §4.5.2）。每隔 RefreshInterval（60 秒，即 120 个时钟单位），它就从每个通往 PIM 邻居的接口发出 **State Refresh(S,G)**。在已剪枝的 R1-R3 上，消息带有**剪枝标志**（Prune Indicator，图中记为 P），R1 同时重启自己在 R1-R3 上的剪枝定时器。',
      },
      cursor: { after: { type: 'send', node: 'R1', msg: 'pim.R1.2' } },
      highlight: { nodes: ['R1'], msgs: ['pim.R1.1', 'pim.R1.2'], panel: 'pim' },
    },
    {
      title: { en: 'Passed down the tree', zh: '沿树向下传递' },
      body: {
        en: "R3 receives the State Refresh from its RPF neighbour R1: it restarts its Prune Limit Timer, passes the message on to R4 with the Prune Indicator for its own pruned interface R3-R4, and restarts that interface's Prune Timer. R4 does the same with its Prune Limit Timer. No data moved: **control messages refresh the prune state**.",
        zh: 'R3 从自己的 RPF 邻居 R1 收到状态刷新：它重启剪枝限制定时器，把消息继续传给 R4（因为自己的接口 R3-R4 已剪枝，所以带上剪枝标志），并重启该接口的剪枝定时器。R4 也重启自己的剪枝限制定时器。期间没有任何数据流动：**由控制消息来刷新剪枝状态**。',
      },
      cursor: { after: { type: 'pim-state', node: 'R4', nth: 2 } },
      highlight: { nodes: ['R3', 'R4'], msgs: ['pim.R1.2', 'pim.R3.2'], panel: 'pim' },
    },
    {
      title: { en: 'Every 60 s, again', zh: '每隔 60 秒重复一次' },
      body: {
        en: 'R1 sends a State Refresh every 120 ticks. Each one pushes the Prune Timers forward before they run out: select R1 and watch the time of its Prune Timer move.',
        zh: 'R1 每隔 120 个时钟单位发送一次状态刷新。每一次都在剪枝定时器到期之前把它向后推：选中 R1，观察它的剪枝定时器到期时间如何推移。',
      },
      cursor: { after: { type: 'send', node: 'R1', msg: 'pim.R1.6' } },
      highlight: { nodes: ['R1'], msgs: ['pim.R1.5', 'pim.R1.6'], panel: 'pim' },
    },
    {
      title: { en: 'No flood after 210 s', zh: '210 秒后也不再洪泛' },
      body: {
        en: 'In the flood-and-prune lesson the prunes expired 210 s after they were made, and d.12 flooded down to R4 again. Here **d.12 goes only to H1**: the branch R1 → R3 → R4 stays pruned for as long as the source sends, at the cost of one small control message per link each minute.',
        zh: '在“洪泛与剪枝”一课中，剪枝在 210 秒后到期，d.12 又洪泛到了 R4。这里 **d.12 只送到 H1**：只要源还在发送，分支 R1 → R3 → R4 就一直保持剪枝，代价只是每条链路每分钟一个小小的控制消息。',
      },
      cursor: { after: { type: 'deliver', node: 'H1', msg: 'd.12' } },
      highlight: { nodes: ['R1', 'R3', 'R4', 'H1'], msgs: ['d.12'] },
    },
    {
      title: { en: 'Your turn', zh: '动手试试' },
      body: {
        en: 'Let H3 join G late in the run: even under a refreshed prune, R4 grafts at once. Or remove the link R1–R3 and see who still receives State Refresh.',
        zh: '让 H3 在运行后期加入 G：即使剪枝一直被刷新，R4 也会立即嫁接。或者删除链路 R1–R3，看看还有谁收到状态刷新。',
      },
      cursor: 'end',
      sandbox: true,
    },
  ],
};
