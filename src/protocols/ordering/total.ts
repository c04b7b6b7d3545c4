import { type MsgId, msgId, type NodeId } from '../../sim/ids';
import { act, type LayerLogic, type Outcome } from '../layer';
import type { LayerAction, Packet } from '../stack';
import { append, type DeliveryQueue, emptyQueue, hasDelivered } from './delivered';
import { sameReason } from './reason';
import type { HeldBack, OrderingInput, WaitReason } from './types';

/**
 * Total ordering with a sequencer (lecture: "Total ordering" – "Attach unique totally sequenced
 * message ID; receiver delivers a message to the application only if it has received all
 * messages with a smaller ID"; Coulouris 15.4.3).
 *
 * Members multicast each message to the group and to the sequencer, numbered 1, 2, … per sender,
 * and hold it back, the sender included. The sequencer hands out consecutive ids 1, 2, … in each
 * sender's own order (so rule 1 of the lecture's definition holds: a process's m before m'
 * everywhere) and multicasts an `order` message ⟨m, id⟩. A member delivers id r only when it
 * has the data and has delivered every smaller id. A sequencer that is also a member attaches
 * the id to its own messages directly.
 */
export interface TotalContext {
  self: NodeId;
  group: readonly NodeId[];
  sequencer: NodeId;
  /** Member: how many messages this process has multicast (its per-sender numbers). */
  sent: number;
  /** Member: the next id to deliver. */
  next: number;
  /** Member: ids learnt from the sequencer for messages not yet delivered. */
  ids: Readonly<Record<string, number>>;
  holdback: HeldBack[];
  delivered: DeliveryQueue;
  /** Sequencer: the next id to hand out. */
  assign: number;
  /** Sequencer: the next number expected from each sender. */
  expect: Readonly<Record<string, number>>;
  /** Sequencer: messages that arrived ahead of an earlier one from their sender. */
  waiting: HeldBack[];
}

/** The id of the sequencer's order message for `msg` (":" cannot occur in a scenario's ids). */
export const orderMsgId = (msg: MsgId | string) => msgId(`${msg}:order`);

const isMember = (c: TotalContext) => c.group.includes(c.self);
const isSequencer = (c: TotalContext) => c.self === c.sequencer;

export const total: LayerLogic<TotalContext, OrderingInput> = {
  init: ({ self, group, sequencer }) => ({
    self,
    group,
    sequencer: sequencer ?? self,
    sent: 0,
    next: 1,
    ids: {},
    holdback: [],
    delivered: emptyQueue(),
    assign: 1,
    expect: Object.fromEntries(group.map((g) => [g, 1])),
    waiting: [],
  }),
  on(c, e) {
    if (e.type === 'down') return send(c, e.packet);
    if (e.type === 'up')
      return e.packet.kind === 'order' ? receiveOrder(c, e.packet) : receiveData(c, e.packet);
    return { context: c, out: [] };
  },
};

function send(c: TotalContext, p: Packet): Outcome<TotalContext> {
  const seq = c.sent + 1;
  const out: LayerAction[] = [];
  const others = c.group.filter((g) => g !== c.self);
  let next: TotalContext = { ...c, sent: seq };
  if (isSequencer(c)) {
    const gid = c.assign;
    next = { ...next, assign: gid + 1, ids: { ...c.ids, [p.msg]: gid } };
    out.push(act.down({ packet: { ...p, h: { ...p.h, seq, gid } }, to: others, label: `#${gid}` }));
  } else {
    const to = c.group.includes(c.sequencer) ? others : [...others, c.sequencer];
    out.push(act.down({ packet: { ...p, h: { ...p.h, seq } }, to, label: `${p.from}.${seq}` }));
  }
  // The sender waits for its own message's number like everyone else.
  return admit(next, { msg: p.msg, from: p.from, kind: p.kind, h: { seq } }, out, true);
}

function receiveData(c: TotalContext, p: Packet): Outcome<TotalContext> {
  const seq = p.h.seq as number;
  const out: LayerAction[] = [act.about('receive', p, { seq, ...gidOf(p) })];
  const dup = isMember(c)
    ? hasDelivered(c.delivered, p.msg) || c.holdback.some((m) => m.msg === p.msg)
    : seq < (c.expect[p.from] ?? 1) || c.waiting.some((m) => m.msg === p.msg);
  if (dup) {
    out.push(act.about('discard', p, { seq, reason: 'duplicate' }));
    return { context: c, out };
  }
  let next = c;
  if (typeof p.h.gid === 'number') next = { ...next, ids: { ...next.ids, [p.msg]: p.h.gid } };
  if (isSequencer(c)) next = sequence(next, p, out);
  if (!isMember(c)) return { context: next, out };
  return admit(next, p, out, false);
}

function receiveOrder(c: TotalContext, p: Packet): Outcome<TotalContext> {
  const of = p.h.of as MsgId;
  const gid = p.h.gid as number;
  const out: LayerAction[] = [
    act.record({ type: 'receive', msg: p.msg, from: p.from, kind: 'order', detail: { of, gid } }),
  ];
  if (gid < c.next || c.ids[of] !== undefined) {
    out.push(
      act.record({
        type: 'discard',
        msg: p.msg,
        from: p.from,
        kind: 'order',
        detail: { of, gid, reason: 'duplicate' },
      }),
    );
    return { context: c, out };
  }
  return drain({ ...c, ids: { ...c.ids, [of]: gid } }, out);
}

const gidOf = (p: Packet) => (typeof p.h.gid === 'number' ? { gid: p.h.gid } : {});

/**
 * The sequencer's part: hand out the next id to `p` if it is next from its sender, then to any
 * waiting message that has become next; otherwise keep `p` waiting.
 */
function sequence(c: TotalContext, p: Packet, out: LayerAction[]): TotalContext {
  const seq = p.h.seq as number;
  const expect = { ...c.expect };
  if (seq !== (expect[p.from] ?? 1)) {
    const reason: WaitReason = { kind: 'seq', sender: p.from, need: expect[p.from] ?? 1 };
    // A sequencer that is also a member shows the message in its member hold-back queue instead.
    if (!isMember(c)) out.push(act.about('holdback', p, { seq, reason }));
    return {
      ...c,
      waiting: [...c.waiting, { msg: p.msg, from: p.from, h: { seq }, reason, ...kindOf(p.kind) }],
    };
  }
  let assign = c.assign;
  const ids = { ...c.ids };
  const order = (msg: MsgId, from: NodeId) => {
    const gid = assign++;
    expect[from] = (expect[from] ?? 1) + 1;
    if (isMember(c)) ids[msg] = gid;
    out.push(
      act.down({
        packet: { msg: orderMsgId(msg), from: c.self, kind: 'order', h: { of: msg, sender: from, gid } },
        to: c.group.filter((g) => g !== c.self),
        label: `${msg}=#${gid}`,
      }),
    );
  };
  order(p.msg, p.from);
  let waiting = c.waiting;
  for (;;) {
    const i = waiting.findIndex((m) => (m.h.seq as number) === expect[m.from]);
    if (i < 0) break;
    const m = waiting[i]!;
    waiting = waiting.filter((_, k) => k !== i);
    order(m.msg, m.from);
  }
  waiting = waiting.map((m) =>
    m.reason.kind === 'seq' && m.reason.need === expect[m.from]
      ? m
      : { ...m, reason: { kind: 'seq', sender: m.from, need: expect[m.from] ?? 1 } },
  );
  return { ...c, assign, expect, ids, waiting };
}

const kindOf = (kind: string) => (kind !== 'data' ? { kind } : {});

/** Why a member's message waits: its id is unknown, or a smaller id comes first. */
function reasonFor(c: TotalContext, m: { msg: MsgId; from: NodeId }): WaitReason {
  const gid = c.ids[m.msg];
  if (gid !== undefined) return { kind: 'order', need: c.next };
  // At a member that is the sequencer, an unnumbered message waits for its sender's earlier one.
  const w = isSequencer(c) ? c.waiting.find((x) => x.msg === m.msg) : undefined;
  return w ? w.reason : { kind: 'order', need: null };
}

/** A member has the data of `p`: deliver it if its id is next, else hold it back. */
function admit(
  c: TotalContext,
  p: { msg: MsgId; from: NodeId; kind: string; h: Record<string, unknown> },
  out: LayerAction[],
  own: boolean,
): Outcome<TotalContext> {
  const h = { seq: p.h.seq };
  if (c.ids[p.msg] !== c.next) {
    const reason = reasonFor(c, p);
    out.push(act.about('holdback', p, { seq: p.h.seq, reason, ...(own ? { own } : {}) }));
    const held: HeldBack = { msg: p.msg, from: p.from, h, reason, ...kindOf(p.kind) };
    return { context: { ...c, holdback: [...c.holdback, held] }, out };
  }
  return drain(
    {
      ...c,
      holdback: [
        ...c.holdback,
        { msg: p.msg, from: p.from, h, reason: { kind: 'order', need: c.next }, ...kindOf(p.kind) },
      ],
    },
    out,
  );
}

/** Deliver, in id order, every held-back message whose id is next. */
function drain(c: TotalContext, out: LayerAction[]): Outcome<TotalContext> {
  let { next, holdback, ids } = c;
  let delivered = c.delivered;
  for (;;) {
    const i = holdback.findIndex((m) => ids[m.msg] === next);
    if (i < 0) break;
    const m = holdback[i]!;
    holdback = holdback.filter((_, k) => k !== i);
    const { [m.msg]: gid, ...rest } = ids;
    ids = rest;
    delivered = append(delivered, m.msg);
    out.push(
      act.record({
        type: 'deliver',
        msg: m.msg,
        from: m.from,
        kind: m.kind ?? 'data',
        detail: { gid, seq: m.h.seq },
      }),
      act.up({ packet: { msg: m.msg, from: m.from, kind: m.kind ?? 'data', h: { ...m.h, gid } } }),
    );
    next++;
  }
  const after: TotalContext = { ...c, next, ids, delivered };
  holdback = holdback.map((m) => {
    const reason = reasonFor(after, m);
    return sameReason(m.reason, reason) ? m : { ...m, reason };
  });
  return { context: { ...after, holdback }, out };
}
