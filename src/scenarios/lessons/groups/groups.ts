import type { Lesson } from '../types';
import {
  centralizedRun,
  closedRun,
  distributedRun,
  hierarchicalRun,
  membershipRun,
  openRun,
  peerRun,
} from './scenarios';

/**
 * The lecture's "Groups": "Groups allow us to deal with a collection of processes as one
 * abstraction"; groups are dynamic (join_group, leave_group, send_to_group, query_membership);
 * and from "Design issues", "Leaving & joining must be synchronous": each change is a view,
 * installed at the same point of every member's message stream.
 */
export const groupsIntro: Lesson = {
  id: 'groups.membership',
  chapter: 'groups',
  title: { en: 'Groups: join, leave, and views', zh: '组：加入、退出与视图' },
  summary: {
    en: 'A group is a collection of processes treated as one: send to the group and every member gets it. Processes join and leave; each change becomes a new view, installed at the same point of every member’s message stream.',
    zh: '组把一组进程当作一个整体：向组发送一次，每个成员都会收到。进程可以加入和退出；每次变化形成一个新视图，并在每个成员的消息流中的同一位置生效。',
  },
  steps: [
    {
      title: { en: 'One send, the whole group', zh: '发送一次，整个组都收到' },
      body: {
        en: '**Groups allow us to deal with a collection of processes as one abstraction.** P1 calls send_to_group(G, m1) once, and m1 is delivered to the entire group: P0 and P2 get it, and P1 hands its own copy to its application.\n\nThe group G is P0, P1 and P2: the shaded band under a lane means "member". P3 is not a member, so it gets nothing.',
        zh: '**组让我们可以把一组进程当作一个整体来处理。** P1 只调用一次 send_to_group(G, m1)，m1 就被交付给整个组：P0 和 P2 收到它，P1 把自己的副本交给本地应用。\n\n组 G 由 P0、P1、P2 组成：时间线下方的浅色带表示“是成员”。P3 不是成员，所以什么也收不到。',
      },
      scenario: membershipRun,
      cursor: { after: { type: 'deliver', node: 'P2', msg: 'm1' } },
      highlight: { nodes: ['P0', 'P1', 'P2'], msgs: ['m1'] },
    },
    {
      title: { en: 'join_group', zh: 'join_group：加入组' },
      body: {
        en: '**Groups are dynamic: processes can join or leave.** P3 calls join_group(G): its request j1 goes to P0, the group’s membership manager.\n\nA process may belong to 0 or more groups; so far P3 belongs to none.',
        zh: '**组是动态的：进程可以加入或退出。** P3 调用 join_group(G)：它的请求 j1 发给 P0，也就是该组的成员管理者。\n\n一个进程可以属于 0 个或多个组；此时 P3 还不属于任何组。',
      },
      cursor: { after: { type: 'send', node: 'P3', msg: 'j1' } },
      highlight: { nodes: ['P3', 'P0'], msgs: ['j1'] },
    },
    {
      title: { en: 'A new view', zh: '一个新视图' },
      body: {
        en: '**Leaving & joining must be synchronous.** Before the group changes, P0 asks every member to **flush**: stop sending, and say how many messages it sent in the old view (flush-ok). When every member has answered, P0 decides the next **view**: view 2 = P0, P1, P2, P3, and installs it (the V2 tick on its lane).\n\nP2 had already sent m2 in view 1 before the flush reached it; that message still belongs to view 1.',
        zh: '**离开和加入必须是同步的。** 在组发生变化之前，P0 要求每个成员**刷新（flush）**：停止发送，并报告自己在旧视图中发送了多少条消息（flush-ok）。所有成员都回答后，P0 决定下一个**视图**：视图 2 = P0、P1、P2、P3，并安装它（它的时间线上的 V2 标记）。\n\nP2 在收到 flush 之前已经在视图 1 中发出了 m2；这条消息仍然属于视图 1。',
      },
      cursor: { after: { type: 'view', node: 'P0', nth: 2 } },
      highlight: { nodes: ['P0'], msgs: ['flush:P0:1', 'm2'] },
    },
    {
      title: { en: 'The same point of every stream', zh: '在每个消息流的同一位置' },
      body: {
        en: "The view message reaches P1 before m2 does (m2 was delayed on the way). P1 knows from the flush that P2 sent it one message in view 1, so it does not install view 2 until **m2** has arrived and been delivered.\n\nNow compare the lanes: every member delivers m1 and m2 **before** its V2 tick, and everything sent later comes after it. The view falls at the same point of every member's message stream, although the members install it at different times.",
        zh: '视图消息比 m2 先到达 P1（m2 在路上被推迟了）。P1 从刷新过程中得知 P2 在视图 1 中给它发过一条消息，所以在 **m2** 到达并交付之前，它不安装视图 2。\n\n比较各条时间线：每个成员都在自己的 V2 标记**之前**交付了 m1 和 m2，之后发送的消息都在它之后。虽然各成员安装视图的时刻不同，但视图落在每个成员消息流中的同一位置。',
      },
      cursor: { after: { type: 'view', node: 'P1', nth: 2 } },
      highlight: { nodes: ['P1'], msgs: ['m2'], copies: ['m2@P1'], panel: 'delivery' },
    },
    {
      title: { en: 'leave_group', zh: 'leave_group：退出组' },
      body: {
        en: "P3, now a member, sends m3 to the whole group. Then P1 calls leave_group(G): the same flush runs, and view 3 = P0, P2, P3 is installed by every member (the V3 ticks). P1's band ends there: it gets nothing sent to G after it.",
        zh: 'P3 现在是成员了，它向整个组发送 m3。随后 P1 调用 leave_group(G)：同样的刷新过程再走一遍，每个成员都安装视图 3 = P0、P2、P3（V3 标记）。P1 的浅色带在这里结束：此后发给 G 的消息它都收不到。',
      },
      cursor: { after: { type: 'view', node: 'P3', nth: 2 } },
      highlight: { nodes: ['P1', 'P3'], msgs: ['m3', 'l1'] },
    },
    {
      title: { en: 'query_membership', zh: 'query_membership：查询成员' },
      body: {
        en: 'Some group systems also offer query_membership. P3 asks the manager, and the answer is the current view: **V3 = { P0, P2, P3 }**, written on P3’s lane and in the event log.',
        zh: '有些组通信系统还提供 query_membership。P3 向管理者询问，得到的回答就是当前视图：**V3 = { P0, P2, P3 }**，写在 P3 的时间线上，也记在事件日志里。',
      },
      cursor: { after: { type: 'membership', node: 'P3', msg: 'q1' } },
      highlight: { nodes: ['P3'], msgs: ['q1'], panel: 'log' },
    },
    {
      title: { en: 'Your turn', zh: '动手试试' },
      body: {
        en: "Click a process's lane to call join_group, leave_group, send_to_group or query_membership at that time. Try a send just as a view change starts, or delay a message across it (click its arrow): every member still delivers it before the new view. The group's settings are in the Group button above the diagram.",
        zh: '点击某个进程的时间线，就可以在那个时刻调用 join_group、leave_group、send_to_group 或 query_membership。试着在视图变化刚开始时发送一条消息，或者把一条消息推迟到视图变化之后（点击它的箭头）：每个成员仍然会在新视图之前交付它。组的设置在时空图上方的“组”按钮里。',
      },
      cursor: 'end',
      sandbox: true,
    },
  ],
};

/** "Design issues": "Closed vs. Open — Closed: only group members can send messages". */
export const closedOpen: Lesson = {
  id: 'groups.closed-open',
  chapter: 'groups',
  title: { en: 'Closed and open groups', zh: '封闭组与开放组' },
  summary: {
    en: 'In a closed group only members can send messages to the group; in an open group a process outside it may send too.',
    zh: '在封闭组中只有组成员才能向组发送消息；在开放组中，组外的进程也可以发送。',
  },
  steps: [
    {
      title: { en: 'A closed group', zh: '封闭组' },
      body: {
        en: '**Closed: only group members can send messages.** The group is P0, P1 and P2, and it is closed. P0 is a member, so its m1 is delivered by the whole group.',
        zh: '**封闭组：只有组成员才能发送消息。** 组由 P0、P1、P2 组成，而且是封闭的。P0 是成员，所以它的 m1 被整个组交付。',
      },
      scenario: closedRun,
      cursor: { after: { type: 'deliver', node: 'P2', msg: 'm1' } },
      highlight: { nodes: ['P0'], msgs: ['m1'] },
    },
    {
      title: { en: 'A non-member is refused', zh: '非成员被拒绝' },
      body: {
        en: 'P3 is not a member, but it calls send_to_group(G, m2). The copies arrive, and every member **refuses** m2 (the red sign at the end of each arrow, and "refused" in the event log): nobody in the group delivers it. A refused message is not a multicast to the group, so not even P3 delivers it.',
        zh: 'P3 不是成员，却调用了 send_to_group(G, m2)。副本到达了，但每个成员都**拒绝**了 m2（每支箭头末端的红色标记，以及事件日志中的“拒绝”）：组内没有人交付它。被拒绝的消息不算向组的组播，所以连 P3 自己也不交付它。',
      },
      cursor: { after: { type: 'refused', node: 'P2', msg: 'm2' } },
      highlight: { nodes: ['P3'], msgs: ['m2'], panel: 'log' },
    },
    {
      title: { en: 'An open group', zh: '开放组' },
      body: {
        en: 'The same run with the group **open**: P3 is still not a member, yet every member delivers its m2. IP multicast works this way: "a machine does not need to be a member to send messages" to a host group.',
        zh: '同样的运行，但组是**开放**的：P3 仍然不是成员，但每个成员都交付了它的 m2。IP 组播就是这样：向主机组发送消息时，“机器不需要是成员”。',
      },
      scenario: openRun,
      cursor: { after: { type: 'deliver', node: 'P2', msg: 'm2' } },
      highlight: { nodes: ['P3'], msgs: ['m2'], panel: 'delivery' },
    },
    {
      title: { en: 'Your turn', zh: '动手试试' },
      body: {
        en: "Switch the group between closed and open with the Group button above the diagram. Click P3's lane and let it join before it sends: once it is in the group's view, a closed group takes its messages too.",
        zh: '用时空图上方的“组”按钮在封闭组和开放组之间切换。点击 P3 的时间线，让它先加入再发送：一旦它进入了组的视图，封闭组也会接受它的消息。',
      },
      cursor: 'end',
      sandbox: true,
    },
  ],
};

/**
 * "Design issues": "Peer: each member communicates with the entire group; Hierarchical: go
 * through coordinator(s)", and "Software implementation: hierarchical": the root coordinator
 * forwards the message to the subgroup coordinators, which forward it to their members.
 */
export const peerHierarchical: Lesson = {
  id: 'groups.peer-hierarchical',
  chapter: 'groups',
  title: { en: 'Peer and hierarchical groups', zh: '对等组与层次组' },
  summary: {
    en: 'In a peer group each member sends to the entire group itself; in a hierarchical group messages go through a root coordinator, which forwards them to subgroup coordinators.',
    zh: '在对等组中，每个成员自己把消息发给整个组；在层次组中，消息要经过根协调者，由它转发给各子组的协调者。',
  },
  steps: [
    {
      title: { en: 'Peer: every member sends to all', zh: '对等组：每个成员发给所有人' },
      body: {
        en: '**Peer: each member communicates with the entire group.** P3 sends m1 to every other member itself: three arrows leave P3, one per member.',
        zh: '**对等组：每个成员都与整个组通信。** P3 自己把 m1 发给其余每个成员：从 P3 出发三支箭头，每个成员一支。',
      },
      scenario: peerRun,
      cursor: { after: { type: 'deliver', msg: 'm1', nth: 4 } },
      highlight: { nodes: ['P3'], msgs: ['m1'] },
    },
    {
      title: { en: 'Hierarchical: to the root coordinator', zh: '层次组：先发给根协调者' },
      body: {
        en: '**Hierarchical: go through coordinator(s).** The same send in a hierarchical group: P3 sends m1 only to the **root coordinator** P0. P0 delivers it and forwards it to the subgroup coordinator P1 (the "fwd" arrow).',
        zh: '**层次组：经由协调者转发。** 在层次组中做同样的发送：P3 只把 m1 发给**根协调者** P0。P0 交付它，并把它转发给子组协调者 P1（标着 fwd 的箭头）。',
      },
      scenario: hierarchicalRun,
      cursor: { after: { type: 'forward', node: 'P0', msg: 'm1' } },
      highlight: { nodes: ['P3', 'P0'], msgs: ['m1'], copies: ['m1@P0', 'm1@P1'] },
    },
    {
      title: { en: 'The subgroup coordinator', zh: '子组协调者' },
      body: {
        en: '**Root coordinator: forwards message to appropriate subgroup coordinators.** P1 coordinates the subgroup P2, P3: it forwards m1 to P2 (P3 sent it, so it needs no copy). Every member has m1, but it took three hops instead of one, and P3 sent a single copy instead of three.',
        zh: '**根协调者：把消息转发给相应的子组协调者。** P1 负责子组 P2、P3：它把 m1 转发给 P2（m1 是 P3 发的，P3 不需要副本）。每个成员都拿到了 m1，但经过了三跳而不是一跳，而 P3 只发了一份副本，而不是三份。',
      },
      cursor: { after: { type: 'deliver', node: 'P2', msg: 'm1' } },
      highlight: { nodes: ['P1', 'P2'], msgs: ['m1'], copies: ['m1@P2'] },
    },
    {
      title: { en: 'The coordinators know the members', zh: '协调者知道成员' },
      body: {
        en: 'When the root P0 sends m2 itself, it sends one copy to P1, and P1 sends it on to P2 and P3. A sender only needs to know its coordinator; the coordinators know the group members and iterate through them.',
        zh: '当根 P0 自己发送 m2 时，它只发一份副本给 P1，P1 再转发给 P2 和 P3。发送者只需知道自己的协调者；协调者知道组成员，并逐个转发给它们。',
      },
      cursor: { after: { type: 'deliver', node: 'P3', msg: 'm2' } },
      highlight: { nodes: ['P0', 'P1'], msgs: ['m2'] },
    },
    {
      title: { en: 'Your turn', zh: '动手试试' },
      body: {
        en: "Switch the structure between peer and hierarchical with the Group button, and count the arrows each send costs the sender. Click a lane to send from another member. Then crash the coordinator P1 (click its lane): who still gets P0's messages?",
        zh: '用“组”按钮在对等组和层次组之间切换，数一数每次发送发送者要发出几支箭头。点击时间线，让另一个成员发送。再让协调者 P1 崩溃（点击它的时间线）：P0 的消息还有谁能收到？',
      },
      cursor: 'end',
      sandbox: true,
    },
  ],
};

/** "Design issues": "Managing membership & group creation/deletion — Distributed vs. centralized". */
export const management: Lesson = {
  id: 'groups.management',
  chapter: 'groups',
  title: { en: 'Centralized and distributed membership', zh: '集中式与分布式成员管理' },
  summary: {
    en: 'Membership can be managed by one manager that decides every change, or by the members together, each deciding the same view from the same answers.',
    zh: '成员关系可以由一个管理者决定每次变化，也可以由成员共同管理：每个成员根据相同的回答得出相同的视图。',
  },
  steps: [
    {
      title: { en: 'Centralized: ask the manager', zh: '集中式：向管理者请求' },
      body: {
        en: '**Managing membership: centralized.** P0 is the group’s membership manager. P3 wants to join, so it sends its join request j1 to P0 alone.',
        zh: '**成员管理：集中式。** P0 是该组的成员管理者。P3 想加入，于是只把加入请求 j1 发给 P0。',
      },
      scenario: centralizedRun,
      cursor: { after: { type: 'send', node: 'P3', msg: 'j1' } },
      highlight: { nodes: ['P3', 'P0'], msgs: ['j1'] },
    },
    {
      title: { en: 'The manager decides', zh: '由管理者决定' },
      body: {
        en: 'P0 runs the change: a flush to P1 and P2, their flush-ok answers back to P0, then P0 announces view 2 to everyone, P3 included. Eight copies in all, and every one of them goes to or from P0: if the manager fails, nobody can join or leave.',
        zh: 'P0 主持这次变化：向 P1、P2 发送 flush，它们把 flush-ok 回给 P0，然后 P0 把视图 2 通知所有进程，包括 P3。总共八份副本，每一份都发往或来自 P0：如果管理者出故障，就没有人能加入或退出。',
      },
      cursor: { after: { type: 'view', node: 'P3' } },
      highlight: { nodes: ['P0'], msgs: ['flush:P0:1', 'view:P0:2'] },
    },
    {
      title: { en: 'Distributed: tell every member', zh: '分布式：告诉每个成员' },
      body: {
        en: '**Managing membership: distributed.** The same join with no manager: P3 sends its request to every process, since it does not know who the members are.',
        zh: '**成员管理：分布式。** 没有管理者时做同样的加入：P3 不知道谁是成员，所以把请求发给所有进程。',
      },
      scenario: distributedRun,
      cursor: { after: { type: 'send', node: 'P3', msg: 'j1' } },
      highlight: { nodes: ['P3'], msgs: ['j1'] },
    },
    {
      title: { en: 'Every member decides alike', zh: '每个成员得出相同的结果' },
      body: {
        en: 'Each member answers **every other** member with flush-ok, and each decides view 2 itself from the same answers: P0, P1 and P2 install the same view without anyone in charge. One of them tells the newcomer P3. That costs ten copies instead of eight, and more as the group grows.',
        zh: '每个成员都向**其余每个**成员发送 flush-ok，并根据相同的回答各自决定视图 2：P0、P1、P2 安装了同一个视图，没有谁负责主持。其中一个成员通知新成员 P3。这需要十份副本而不是八份，组越大差距越大。',
      },
      cursor: { after: { type: 'view', node: 'P3' } },
      highlight: { nodes: ['P0', 'P1', 'P2'], msgs: ['flush-ok:P1:1', 'flush-ok:P2:1'] },
    },
    {
      title: { en: 'Your turn', zh: '动手试试' },
      body: {
        en: 'Switch between centralized and distributed with the Group button. Crash a member before the join (click its lane): a distributed group waits for its flush-ok, suspects it after a timeout and removes it in the new view. Crash the manager P0 in the centralized group instead: the join is never decided.',
        zh: '用“组”按钮在集中式和分布式之间切换。在加入之前让某个成员崩溃（点击它的时间线）：分布式组会等待它的 flush-ok，超时后怀疑它，并在新视图中把它移除。再在集中式组里让管理者 P0 崩溃：加入请求永远得不到决定。',
      },
      cursor: 'end',
      sandbox: true,
    },
  ],
};
