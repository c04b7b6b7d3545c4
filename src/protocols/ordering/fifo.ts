import type { MsgId, NodeId } from '../../sim/ids';
import { act, type LayerLogic, type Outcome } from '../layer';
import type { LayerAction, LayerEvent, Packet } from '../stack';
import type { HeldBack, OrderingInput } from './types';

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
  last: Record<string, number>;
  holdback: HeldBack[];
  delivered: MsgId[];
}

export const fifo: LayerLogic<FifoContext, OrderingInput> = {
  init: ({ self, group }) => ({
    self,
    group,
    sent: 0,
    last: Object.fromEntries(group.map((g) => [g, 0])),
    holdback: [],
    delivered: [],
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
    context: {
      ...c,
      sent: seq,
      last: { ...c.last, [c.self]: seq },
      delivered: [...c.delivered, p.msg],
    },
    out: [
      act.down({ packet, to: others, label: `#${seq}` }),
      act.record({ type: 'deliver', msg: p.msg, from: c.self, detail: { seq, own: true } }),
    ],
  };
}

function receive(c: FifoContext, p: Packet): Outcome<FifoContext> {
  const seq = p.h.seq as number;
  const out: LayerAction[] = [act.record({ type: 'receive', msg: p.msg, from: p.from, detail: { seq } })];
  const r = c.last[p.from] ?? 0;
  if (seq <= r || c.holdback.some((m) => m.msg === p.msg)) {
    out.push(act.record({ type: 'discard', msg: p.msg, from: p.from, detail: { seq, reason: 'duplicate' } }));
    return { context: c, out };
  }
  if (seq > r + 1) {
    out.push(
      act.record({
        type: 'holdback',
        msg: p.msg,
        from: p.from,
        detail: { seq, reason: { kind: 'seq', sender: p.from, need: r + 1 } },
      }),
    );
    const held: HeldBack = { msg: p.msg, from: p.from, h: p.h, reason: { kind: 'seq', sender: p.from, need: r + 1 } };
    return { context: { ...c, holdback: [...c.holdback, held] }, out };
  }
  return drain({ ...c }, p, out);
}

/** Deliver `p`, then every held-back message that has become next in sequence. */
function drain(c: FifoContext, p: Packet, out: LayerAction[]): Outcome<FifoContext> {
  let last = { ...c.last, [p.from]: p.h.seq as number };
  const delivered = [...c.delivered, p.msg];
  out.push(act.record({ type: 'deliver', msg: p.msg, from: p.from, detail: { seq: p.h.seq } }));
  out.push(act.up({ packet: p }));
  let holdback = c.holdback;
  for (;;) {
    const i = holdback.findIndex((m) => (m.h.seq as number) === (last[m.from] ?? 0) + 1);
    if (i < 0) break;
    const m = holdback[i]!;
    holdback = holdback.filter((_, j) => j !== i);
    last = { ...last, [m.from]: m.h.seq as number };
    delivered.push(m.msg);
    out.push(act.record({ type: 'deliver', msg: m.msg, from: m.from, detail: { seq: m.h.seq, fromHoldback: true } }));
    out.push(act.up({ packet: { msg: m.msg, from: m.from, kind: 'data', h: m.h } }));
  }
  // Waiting messages from the same sender now need a later number.
  holdback = holdback.map((m) => ({ ...m, reason: { kind: 'seq', sender: m.from, need: (last[m.from] ?? 0) + 1 } }));
  return { context: { ...c, last, holdback, delivered }, out };
}

export type { LayerEvent };
