import type { NodeId } from '../../sim/ids';
import { act, type LayerLogic, type Outcome } from '../layer';
import type { LayerAction, Packet } from '../stack';
import { append, type DeliveryQueue, emptyQueue } from './delivered';
import { sameReason } from './reason';
import type { HeldBack, OrderingInput, WaitReason } from './types';

/**
 * Single-source FIFO ordering (lecture: "Single Source FIFO (SSF) ordering"; Coulouris 15.4.3).
 * Each sender numbers its messages 1, 2, …; a receiver keeps R[sender], the last number it
 * delivered: S = R+1 → deliver and re-check the hold-back queue; S > R+1 → hold back;
 * S ≤ R → a duplicate, discard.
 */
export interface FifoContext {
  self: NodeId;
  group: readonly NodeId[];
  sent: number;
  /** R: last sequence number delivered from each sender. */
  last: Readonly<Record<string, number>>;
  holdback: HeldBack[];
  delivered: DeliveryQueue;
}

export const fifo: LayerLogic<FifoContext, OrderingInput> = {
  init: ({ self, group }) => ({
    self,
    group,
    sent: 0,
    last: Object.fromEntries(group.map((g) => [g, 0])),
    holdback: [],
    delivered: emptyQueue(),
  }),
  on(c, e) {
    if (e.type === 'down') return send(c, e.packet);
    if (e.type === 'up') return receive(c, e.packet);
    return { context: c, out: [] };
  },
};

function send(c: FifoContext, p: Packet): Outcome<FifoContext> {
  const seq = c.sent + 1;
  const packet: Packet = { ...p, h: { ...p.h, seq } };
  const others = c.group.filter((g) => g !== c.self);
  // The sender delivers its own message at once, in sequence.
  return {
    context: { ...c, sent: seq, last: { ...c.last, [c.self]: seq }, delivered: append(c.delivered, p.msg) },
    out: [
      act.down({ packet, to: others, label: `#${seq}` }),
      act.record({ type: 'deliver', msg: p.msg, from: c.self, kind: p.kind, detail: { seq, own: true } }),
    ],
  };
}

const waitFor = (c: { last: Readonly<Record<string, number>> }, from: NodeId): WaitReason => ({
  kind: 'seq',
  sender: from,
  need: (c.last[from] ?? 0) + 1,
});

function receive(c: FifoContext, p: Packet): Outcome<FifoContext> {
  const seq = p.h.seq as number;
  const out: LayerAction[] = [act.about('receive', p, { seq })];
  const r = c.last[p.from] ?? 0;
  if (seq <= r || c.holdback.some((m) => m.msg === p.msg)) {
    out.push(act.about('discard', p, { seq, reason: 'duplicate' }));
    return { context: c, out };
  }
  if (seq > r + 1) {
    const reason = waitFor(c, p.from);
    out.push(act.about('holdback', p, { seq, reason }));
    const held: HeldBack = {
      msg: p.msg,
      from: p.from,
      h: p.h,
      reason,
      ...(p.kind !== 'data' ? { kind: p.kind } : {}),
    };
    return { context: { ...c, holdback: [...c.holdback, held] }, out };
  }
  return drain(c, p, out);
}

/** Deliver `p`, then every held-back message that has become next in sequence. */
function drain(c: FifoContext, p: Packet, out: LayerAction[]): Outcome<FifoContext> {
  const last: Record<string, number> = { ...c.last, [p.from]: p.h.seq as number };
  let delivered = append(c.delivered, p.msg);
  out.push(act.about('deliver', p, { seq: p.h.seq }), act.up({ packet: p }));
  let holdback = c.holdback;
  for (;;) {
    const i = holdback.findIndex((m) => (m.h.seq as number) === (last[m.from] ?? 0) + 1);
    if (i < 0) break;
    const m = holdback[i]!;
    const kind = m.kind ?? 'data';
    holdback = holdback.filter((_, j) => j !== i);
    last[m.from] = m.h.seq as number;
    delivered = append(delivered, m.msg);
    out.push(
      act.record({
        type: 'deliver',
        msg: m.msg,
        from: m.from,
        kind,
        detail: { seq: m.h.seq, fromHoldback: true },
      }),
      act.up({ packet: { msg: m.msg, from: m.from, kind, h: m.h } }),
    );
  }
  // Waiting messages from the same sender now need a later number.
  holdback = holdback.map((m) => {
    const reason = waitFor({ last }, m.from);
    return sameReason(m.reason, reason) ? m : { ...m, reason };
  });
  return { context: { ...c, last, holdback, delivered }, out };
}
