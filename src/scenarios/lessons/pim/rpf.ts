import type { Lesson } from '../types';
import { GROUP, link, routedScenario, stream } from './scenario';

/**
 * The lecture's "Multicast Forwarding" and "Reverse path forwarding (RPF)": a router forwards a
 * packet only if it came in on the interface of its own shortest path back to the source (RFC
 * 3973 §4.2). The link R1–R3 is fast but costly (latency 1, cost 3), so R3's copy reaches R4
 * first and still fails the check: RPF asks the routing table, not the stopwatch.
 */
export const rpfScenario = routedScenario({
  title: {
    en: 'Multicast forwarding: the RPF check drops the copy that came the wrong way',
    zh: '多播转发：RPF 检查丢弃从错误方向来的副本',
  },
  topology: {
    lans: [
      { id: 'L0', subnet: '10.0.0.0/24', x: 60, y: 220 },
      { id: 'L1', subnet: '10.0.1.0/24', x: 560, y: 60 },
      { id: 'L2', subnet: '10.0.2.0/24', x: 300, y: 430 },
      { id: 'L3', subnet: '10.0.3.0/24', x: 680, y: 300 },
    ],
    routers: [
      { id: 'R1', x: 180, y: 220 },
      { id: 'R2', x: 400, y: 80 },
      { id: 'R3', x: 300, y: 320 },
      { id: 'R4', x: 540, y: 260 },
    ],
    hosts: [
      { id: 'S', x: 20, y: 140 },
      { id: 'H1', x: 680, y: 30 },
      { id: 'H2', x: 200, y: 470 },
      { id: 'H3', x: 780, y: 340 },
    ],
    links: [
      link('S', 'L0', 1),
      link('R1', 'L0', 1),
      link('R1', 'R2', 2),
      link('R1', 'R3', 1, { cost: 3 }),
      link('R2', 'R4', 2),
      link('R3', 'R4', 2),
      link('R2', 'L1', 1),
      link('R3', 'L2', 1),
      link('R4', 'L3', 1),
      link('H1', 'L1', 1),
      link('H2', 'L2', 1),
      link('H3', 'L3', 1),
    ],
  },
  groups: [{ ...GROUP, members: ['H1', 'H3'] }],
  pim: { mode: 'dense' },
  ticksPerSecond: 8,
  actions: [stream(40, 'S', 'G', 'd', 40, 3)],
  maxTime: 160,
});

export const rpfLesson: Lesson = {
  id: 'pim-dm.rpf',
  chapter: 'pim-dm',
  title: { en: 'Multicast forwarding and RPF', zh: '组播转发与逆向路径转发（RPF）' },
  summary: {
    en: 'There is no protocol for the source: it sends to a class D address and the routers do the work. Reverse path forwarding keeps the copies from looping: a router forwards a packet only if it arrived on the link of its shortest path back to the sender.',
    zh: '源端没有任何协议：源只向一个 D 类地址发送，其余工作全由路由器完成。逆向路径转发（RPF）防止副本兜圈子：路由器只转发从“通往发送者的最短路径”所在链路到达的分组。',
  },
  steps: [
    {
      title: { en: 'The source just sends', zh: '源只管发送' },
      body: {
        en: "**There is no protocol for the source**: S sends d.1 once, to the group address 239.1.1.1, onto its LAN L0. **Routers have to do the work.**\n\nR1 is attached to L0, the source's own network, so the packet arrived the right way. R1 copies it to its PIM neighbours R2 and R3 (dense mode floods: the next lesson).",
        zh: '**源端没有任何协议**：S 只把 d.1 发送一次，目的地址是组地址 239.1.1.1，发到自己的局域网 L0 上。**工作全由路由器完成。**\n\nR1 直接连在 L0（源所在的网络）上，所以分组是从正确的方向来的。R1 把它复制给自己的 PIM 邻居 R2 和 R3（密集模式的洪泛：见下一课）。',
      },
      scenario: rpfScenario,
      cursor: { after: { type: 'send', node: 'R1', msg: 'd.1', nth: 2 } },
      highlight: { nodes: ['S', 'R1'], msgs: ['d.1'] },
    },
    {
      title: { en: "R4's way back to the source", zh: 'R4 回到源的路' },
      body: {
        en: "Select **R4** and read its unicast routing table. The route to S's network 10.0.0.0/24 goes through **R2** on interface **R2-R4**, cost 5 (R2-R4 2 + R1-R2 2 + R1-L0 1). Through R3 it would cost 6: the link R1-R3 is fast but has cost 3.\n\nSo R2-R4 is R4's **RPF interface** toward S and R2 its **RPF neighbour**: the interface of the shortest path back to the sender, taken from the unicast routes (RFC 3973 §4.1.3). PIM finds no routes of its own: it is protocol independent.",
        zh: '选中 **R4**，查看它的单播路由表。到 S 所在网络 10.0.0.0/24 的路由经过 **R2**，出接口是 **R2-R4**，代价 5（R2-R4 的 2 + R1-R2 的 2 + R1-L0 的 1）。经过 R3 的代价是 6：R1-R3 这条链路虽然快，但代价是 3。\n\n所以 R2-R4 是 R4 通往 S 的 **RPF 接口**，R2 是它的 **RPF 邻居**：即从单播路由得出的、通往发送者的最短路径所在的接口（RFC 3973 §4.1.3）。PIM 自己不计算路由：它是“协议无关”的。',
      },
      cursor: { after: { type: 'send', node: 'R3', msg: 'd.1' } },
      highlight: { nodes: ['R4', 'R2'], panel: 'routing' },
    },
    {
      title: { en: 'The first copy fails the RPF check', zh: '先到的副本没有通过 RPF 检查' },
      body: {
        en: "R3 forwarded its copy over the fast link, so **R3's copy reaches R4 first**, on interface R3-R4. That is not R4's RPF interface toward S: the packet **fails the RPF check and is dropped** (drawn as dropped at R4).\n\nArriving first does not matter. What matters is the lecture's rule: forward **only if** the packet came in on the link that is the shortest path to the sender.",
        zh: 'R3 经快速链路转发了它的副本，所以 **R3 的副本先到达 R4**，从接口 R3-R4 进入。这不是 R4 通往 S 的 RPF 接口：分组**没有通过 RPF 检查，被丢弃**（图中在 R4 处标为丢弃）。\n\n先到并不重要。重要的是课上的规则：**只有**当分组从通往发送者的最短路径所在链路到达时，才复制并转发。',
      },
      cursor: { after: { type: 'rpf-fail', node: 'R4', msg: 'd.1' } },
      highlight: { nodes: ['R4', 'R3'], msgs: ['d.1'] },
    },
    {
      title: { en: 'The copy on the RPF interface is forwarded', zh: 'RPF 接口上到达的副本被转发' },
      body: {
        en: "R2's copy arrives a tick later on **R2-R4**, R4's RPF interface: it **passes**. R4 duplicates it and forwards it out of every other interface that wants it: onto L3, where H3 is a member, and to its PIM neighbour R3.",
        zh: 'R2 的副本晚一个时钟单位从 **R2-R4**（R4 的 RPF 接口）到达：**通过**检查。R4 复制它，并从其他所有需要它的接口转发出去：发到 L3（H3 是组成员），以及发给它的 PIM 邻居 R3。',
      },
      cursor: { after: { type: 'send', node: 'R4', msg: 'd.1', nth: 2 } },
      highlight: { nodes: ['R4', 'R2'], msgs: ['d.1'] },
    },
    {
      title: { en: 'RPF breaks the loop', zh: 'RPF 打断了环路' },
      body: {
        en: "R4's copy reaches R3 on R3-R4, but R3's RPF interface toward S is R1-R3 (cost 4, against 7 the other way round): **R3 drops it** too. Without the check, d.1 would circle R1 → R3 → R4 → R2 → R1 … for ever.\n\nR3 and R4 both put d.1 on the link R3-R4, and each received the other's copy on an interface it forwards onto: they settle that with an Assert (lesson “Assert on a shared LAN”), and the routers that need nothing prune (next lesson).",
        zh: 'R4 的副本从 R3-R4 到达 R3，但 R3 通往 S 的 RPF 接口是 R1-R3（代价 4，绕另一边要 7）：**R3 也把它丢弃**。没有这个检查，d.1 会沿 R1 → R3 → R4 → R2 → R1 …… 永远兜圈子。\n\nR3 和 R4 都把 d.1 发到了链路 R3-R4 上，又都在自己转发出去的接口上收到了对方的副本：它们用 Assert（断言）来解决（见“共享局域网上的断言”一课）；什么都不需要的路由器则会剪枝（下一课）。',
      },
      cursor: { after: { type: 'rpf-fail', node: 'R3', msg: 'd.1' } },
      highlight: { nodes: ['R3', 'R4'], msgs: ['d.1'] },
    },
    {
      title: { en: 'A tree rooted at the source', zh: '以源为根的树' },
      body: {
        en: "The RPF interfaces of all routers form a tree rooted at S (the lecture's spanning tree): R1 → R2 → R4. Once the Assert and the prunes have settled, d.2 goes only along it: R1 → R2, R2 onto L1 and to R4, R4 onto L3. **Packets are replicated only when necessary**, and H1 and H3 each got exactly one copy of every packet.",
        zh: '所有路由器的 RPF 接口组成一棵以 S 为根的树（即课上说的生成树）：R1 → R2 → R4。断言和剪枝完成后，d.2 只沿这棵树走：R1 → R2，R2 发往 L1 和 R4，R4 发往 L3。**分组只在必要时才被复制**，H1 和 H3 对每个分组都恰好收到一份。',
      },
      cursor: { after: { type: 'deliver', node: 'H3', msg: 'd.2' } },
      highlight: { nodes: ['R1', 'R2', 'R4', 'H1', 'H3'], msgs: ['d.2'] },
    },
    {
      title: { en: 'Your turn', zh: '动手试试' },
      body: {
        en: "Remove the link R2–R4. R4's only way back to S is now through R3, so R3-R4 becomes its RPF interface: R3's copy passes, and H3 still gets every packet, now by R1 → R3 → R4. Then select R3 and R4 to compare their routing tables with what the RPF check did.",
        zh: '删除链路 R2–R4。此后 R4 回到 S 只能经过 R3，于是 R3-R4 成为它的 RPF 接口：R3 的副本通过检查，H3 照样收到每个分组，只是路径变成 R1 → R3 → R4。然后选中 R3 和 R4，对照它们的路由表看看 RPF 检查做了什么。',
      },
      cursor: 'end',
      sandbox: true,
    },
  ],
};
