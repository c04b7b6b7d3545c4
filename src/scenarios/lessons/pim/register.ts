import type { Lesson } from '../types';
import { rpTreeScenario } from './rp-tree';
import { GROUP, routedScenario, SPARSE_NET, stream } from './scenario';

/**
 * RFC 7761 §4.4 (PIM Register): the source's DR encapsulates data in Registers unicast to the RP;
 * the RP joins the source and, once native packets arrive, sends Register-Stop. The first part
 * continues the RP tree lesson's run (receivers present); the second has no receivers at all, so
 * the RP stops the DR at once, and the Register-Stop Timer makes the DR probe with a Null-Register.
 * That part runs at 2 ticks per second so the 60 s Register_Suppression_Time fits in the run.
 */
export const noReceiverScenario = routedScenario({
  title: {
    en: 'PIM sparse mode: Register with nobody listening, Register-Stop and the Null-Register probe',
    zh: 'PIM 稀疏模式：无人收听时的注册、注册停止，以及空注册探测',
  },
  topology: SPARSE_NET,
  groups: [{ ...GROUP }],
  pim: { mode: 'sparse', rp: 'R3', sptSwitch: 'never' },
  ticksPerSecond: 2,
  actions: [stream(20, 'S', 'G', 'd', 20, 12)],
  maxTime: 260,
});

export const registerLesson: Lesson = {
  id: 'pim-sm.register',
  chapter: 'pim-sm',
  title: { en: 'Register and Register-Stop', zh: '注册（Register）与注册停止（Register-Stop）' },
  summary: {
    en: 'The source’s designated router does not know the receivers: it wraps each packet in a Register message unicast to the RP. The RP joins toward the source, and once packets arrive natively it sends Register-Stop; with no receivers at all it sends Register-Stop at once.',
    zh: '源的指定路由器并不知道接收者在哪里：它把每个分组封装进 Register（注册）消息，单播给 RP。RP 向源方向加入，一旦分组以原生方式到达，就发送 Register-Stop（注册停止）；如果根本没有接收者，它立即发送 Register-Stop。',
  },
  steps: [
    {
      title: { en: 'The source’s DR registers', zh: '源的 DR 进行注册' },
      body: {
        en: 'The RP tree of the last lesson is built: H1 and H2 wait below R3. S sends d.1. Its DR, R1, has no tree toward any receiver, but it knows the RP. Its Register state goes **NoInfo → Join** and it **encapsulates d.1 in a Register** message, **unicast to the RP**. R2 just routes that unicast packet on, like any other: it keeps no multicast state for it.',
        zh: '上一课的 RP 树已经建好：H1 和 H2 在 R3 下面等待。S 发送 d.1。它的 DR（R1）没有通往任何接收者的树，但它知道 RP。它的注册状态从 **NoInfo 变为 Join**，并**把 d.1 封装进 Register 消息，单播给 RP**。R2 像转发任何单播分组一样把它转发出去：它不为此保存任何组播状态。',
      },
      scenario: rpTreeScenario,
      cursor: { after: { type: 'send', node: 'R2', msg: 'pim.R1.1' } },
      highlight: { nodes: ['R1', 'R2', 'R3', 'S'], msgs: ['pim.R1.1'], panel: 'pim' },
    },
    {
      title: { en: 'The RP forwards, and joins the source', zh: 'RP 转发数据，并向源加入' },
      body: {
        en: "The RP decapsulates d.1 and sends it down the RP tree. It also wants S's packets without the wrapping, so it sends a **Join(S,G)** toward S: R3 → R2 → R1. That builds a source tree from R1 to the RP.",
        zh: 'RP 解封装 d.1 并沿 RP 树向下发送。它也希望不经封装地得到 S 的分组，于是向 S 方向发送 **Join(S,G)**：R3 → R2 → R1。这就建起了一棵从 R1 到 RP 的源树。',
      },
      cursor: { after: { type: 'send', node: 'R2', msg: 'pim.R2.1' } },
      highlight: { nodes: ['R3', 'R2', 'R1'], msgs: ['pim.R3.1', 'pim.R2.1'], panel: 'pim' },
    },
    {
      title: { en: 'Both ways at once, for one packet', zh: '有一个分组两条路都走了' },
      body: {
        en: "d.2 is the first packet R1 sends both ways: natively along the new (S,G) branch, and still in a Register, since nobody has told R1 to stop. When the native copy reaches the RP, the RP sets its SPTbit: S's packets now arrive on the source tree. For this one packet, H1 and H2 receive two copies and discard one.",
        zh: 'd.2 是 R1 第一个两条路同时发送的分组：沿新的 (S,G) 分支原生发送，同时仍封装在 Register 中，因为还没有人通知 R1 停止。原生副本到达 RP 后，RP 置位 SPTbit：S 的分组现在沿源树到达。只有这一个分组，H1 和 H2 各收到两份并丢弃其中一份。',
      },
      cursor: { after: { type: 'discard', node: 'H2', msg: 'd.2' } },
      highlight: { nodes: ['R3', 'H1', 'H2'], msgs: ['d.2'] },
    },
    {
      title: { en: 'Register-Stop', zh: '注册停止' },
      body: {
        en: "d.3's Register reaches an RP that already gets S's packets natively: the RP drops the encapsulated copy and answers with a **Register-Stop**, unicast back to R1. R1's Register state goes **Join → Prune**: no more encapsulation. It starts the Register-Stop Timer.",
        zh: 'd.3 的 Register 到达时，RP 已经在原生地接收 S 的分组了：RP 丢弃封装的副本，并用 **Register-Stop（注册停止）**回复，单播回 R1。R1 的注册状态从 **Join 变为 Prune**：不再封装。它启动注册停止定时器。',
      },
      cursor: { after: { type: 'pim-state', node: 'R1', nth: 4 } },
      highlight: { nodes: ['R1', 'R3'], msgs: ['pim.R1.3', 'pim.R3.2'], panel: 'pim' },
    },
    {
      title: { en: 'Native forwarding', zh: '原生转发' },
      body: {
        en: 'From d.4 on there are no Registers: S → R1 → R2 → R3 along the source tree, then down the RP tree to H1 and H2. The RP is where the source tree and the shared tree meet.',
        zh: '从 d.4 起不再有 Register：S → R1 → R2 → R3 沿源树走，然后沿 RP 树到达 H1 和 H2。RP 就是源树和共享树的会合点。',
      },
      cursor: { after: { type: 'deliver', node: 'H2', msg: 'd.4' } },
      highlight: { nodes: ['R1', 'R2', 'R3', 'R4'], msgs: ['d.4'] },
    },
    {
      title: { en: 'Nobody listening: stopped at once', zh: '没有人收听：立即停止' },
      body: {
        en: "A second run on the same network, where nobody has joined G. R1 registers d.1 as before, but the RP has no (*,G) receivers and nowhere to send it: it answers at once with **Register-Stop**. R1 goes to **Prune** and from then on drops S's packets right at the first router. Sending costs nothing beyond the source's LAN.",
        zh: '同一网络上的第二次运行，这次没有人加入 G。R1 像之前一样注册 d.1，但 RP 没有 (*,G) 接收者，无处可发：它立即回复 **Register-Stop**。R1 进入 **Prune**，此后 S 的分组在第一台路由器处就被丢弃。发送的代价不会超出源所在的局域网。',
      },
      scenario: noReceiverScenario,
      cursor: { after: { type: 'pim-state', node: 'R1', nth: 2 } },
      highlight: { nodes: ['R1', 'R3'], msgs: ['pim.R1.1', 'pim.R3.1'], panel: 'pim' },
    },
    {
      title: { en: 'The Register-Stop Timer: a probe', zh: '注册停止定时器：探测' },
      body: {
        en: "Register-Stop is not for ever. When R1's Register-Stop Timer expires (a random time around Register_Suppression_Time, 60 s, minus Register_Probe_Time, 5 s: RFC 7761 §4.4.1), R1 goes to **Join-Pending** and sends a **Null-Register**, a Register with no data, to ask the RP whether anybody has joined. Still nobody: the RP sends another Register-Stop and R1 returns to **Prune**.",
        zh: 'Register-Stop 并非永久有效。R1 的注册停止定时器到期时（在 Register_Suppression_Time 60 秒附近随机取值，再减去 Register_Probe_Time 5 秒：RFC 7761 §4.4.1），R1 进入 **Join-Pending**，发送一个 **Null-Register**（不带数据的 Register），询问 RP 是否有人加入了。仍然没有人：RP 再发一个 Register-Stop，R1 回到 **Prune**。',
      },
      cursor: { after: { type: 'pim-state', node: 'R1', nth: 4 } },
      highlight: { nodes: ['R1', 'R3'], msgs: ['pim.R1.2', 'pim.R3.2'], panel: 'pim' },
    },
    {
      title: { en: 'Your turn', zh: '动手试试' },
      body: {
        en: "In the second run, let H1 join G (say at time 100): the RP joins toward S and S's packets flow natively to H1, without R1 encapsulating them again. Or move the RP: choose another router as pim.rp and see the Registers travel farther or nearer.",
        zh: '在第二次运行中，让 H1 加入 G（比如在时间 100）：RP 会向 S 方向加入，S 的分组以原生方式流向 H1，R1 无须再次封装它们。或者换一个 RP：在 pim.rp 中选另一台路由器，看 Register 走得更远还是更近。',
      },
      cursor: 'end',
      sandbox: true,
    },
  ],
};
