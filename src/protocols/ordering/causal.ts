import type { NodeId } from '../../sim/ids';
import { act, type LayerLogic, type Outcome } from '../layer';
import type { LayerAction, Packet } from '../stack';
import { append, type DeliveryQueue, emptyQueue } from './delivered';
import { sameReason } from './reason';
import type { HeldBack, OrderingInput, WaitReason } from './types';

/**
 * Causal ordering with vector timestamps (lecture: "Causal ordering – implementation" and
 * "Causal Ordering: Example"; Coulouris 15.4.3).
 *
 * Each process keeps a precedence vector V: V[k] is the number of the latest message from
 * member k that causally precedes now. Sending increments V[self], stamps the message with V and
 * delivers it at once. Process i receiving message m from j with timestamp vt delivers it only if
 *   (1) it is next in sequence from its sender: vt[j] = V[j] + 1, and
 *   (2) no other entry is ahead: vt[k] ≤ V[k] for every k ≠ j;
 * otherwise m waits in the hold-back queue. Delivering sets V[j] = vt[j] and re-checks the
 * hold-back queue. A message with vt[j] ≤ V[j] was delivered already: a duplicate, discarded.
 */
export interface CausalContext {
  self: NodeId;
  group: readonly NodeId[];
  /**
   * The precedence vector in group order: `vector[k]` is V[group[k]]. Never changed once made:
   * a delivery makes a new one, which is also the `vector` its trace event shows. (The panel's
   * view names the entries by member: `vectorRecord`.)
   */
  vector: readonly number[];
  holdback: HeldBack[];
  delivered: DeliveryQueue;
}

/** A vector timestamp in group order, as the lecture writes it: `[1,1,0]`. */
export const vtLabel = (vt: readonly number[]) => `[${vt.join(',')}]`;

/** The precedence vector keyed by member, as the process panel shows it: `{P0: 1, P1: 1, P2: 0}`. */
export function vectorRecord(c: Pick<CausalContext, 'group' | 'vector'>): Record<string, number> {
  const v: Record<string, number> = {};
  for (let k = 0; k < c.group.length; k++) v[c.group[k]!] = c.vector[k] ?? 0;
  return v;
}

/** `v` with member `k`'s entry set to `n`: a new array, as vectors are never changed. */
function withEntry(v: readonly number[], k: number, n: number): number[] {
  const out = v.slice();
  if (k >= 0) out[k] = n;
  return out;
}

export const causal: LayerLogic<CausalContext, OrderingInput> = {
  init: ({ self, group }) => ({
    self,
    group,
    vector: group.map(() => 0),
    holdback: [],
    delivered: emptyQueue(),
  }),
  on(c, e) {
    if (e.type === 'down') return send(c, e.packet);
    if (e.type === 'up') return receive(c, e.packet);
    return { context: c, out: [] };
  },
};

function send(c: CausalContext, p: Packet): Outcome<CausalContext> {
  const i = c.group.indexOf(c.self);
  const vt = withEntry(c.vector, i, (c.vector[i] ?? 0) + 1);
  const packet: Packet = { ...p, h: { ...p.h, vt } };
  return {
    context: { ...c, vector: vt, delivered: append(c.delivered, p.msg) },
    out: [
      act.down({ packet, to: c.group.filter((g) => g !== c.self), label: vtLabel(vt) }),
      // The sender delivers its own message at once: it causally follows everything it delivered.
      act.record({
        type: 'deliver',
        msg: p.msg,
        from: c.self,
        kind: p.kind,
        detail: { vt, vector: vt, own: true },
      }),
    ],
  };
}

/** The lecture's two-part test; null when the message may be delivered now. `vector` is in group order. */
export function causalWait(
  group: readonly NodeId[],
  vector: readonly number[],
  from: NodeId,
  vt: readonly number[],
): WaitReason | null {
  const j = group.indexOf(from);
  const have = vector[j] ?? 0;
  // (1) Is this in FIFO order from its sender?
  if (vt[j] !== have + 1) return { kind: 'seq', sender: from, need: have + 1 };
  // (2) Is vt[k] ≤ V[k] for every other k? The first k ahead names the missing message.
  for (let k = 0; k < group.length; k++) {
    const g = group[k]!;
    if (g !== from && (vt[k] ?? 0) > (vector[k] ?? 0))
      return { kind: 'causal', sender: g, need: (vector[k] ?? 0) + 1 };
  }
  return null;
}

function receive(c: CausalContext, p: Packet): Outcome<CausalContext> {
  const vt = p.h.vt as number[];
  const out: LayerAction[] = [act.about('receive', p, { vt })];
  const j = c.group.indexOf(p.from);
  if ((vt[j] ?? 0) <= (c.vector[j] ?? 0) || isHeld(c.holdback, p.msg)) {
    out.push(act.about('discard', p, { vt, reason: 'duplicate' }));
    return { context: c, out };
  }
  const reason = causalWait(c.group, c.vector, p.from, vt);
  if (reason) {
    out.push(act.about('holdback', p, { vt, reason }));
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

function isHeld(holdback: readonly HeldBack[], msg: Packet['msg']): boolean {
  for (let i = 0; i < holdback.length; i++) if (holdback[i]!.msg === msg) return true;
  return false;
}

/** Delivers `q` after `vector`, recording it; returns the vector after it. */
function deliverAfter(
  c: CausalContext,
  vector: readonly number[],
  q: Packet,
  fromHoldback: boolean,
  out: LayerAction[],
) {
  const vt = q.h.vt as number[];
  const j = c.group.indexOf(q.from);
  const after = withEntry(vector, j, vt[j] ?? 0);
  out.push(
    act.record({
      type: 'deliver',
      msg: q.msg,
      from: q.from,
      kind: q.kind,
      detail: fromHoldback ? { vt, vector: after, fromHoldback } : { vt, vector: after },
    }),
    act.up({ packet: q }),
  );
  return after;
}

/** Deliver `p`, then every held-back message that the lecture's test now lets through. */
function drain(c: CausalContext, p: Packet, out: LayerAction[]): Outcome<CausalContext> {
  let vector = deliverAfter(c, c.vector, p, false, out);
  let delivered = append(c.delivered, p.msg);
  // A held message waits for the sender its reason names; only a delivery from that sender can
  // release it or change what it waits for. So re-test just those, sender by sender.
  let holdback = c.holdback;
  const changed: NodeId[] = [p.from];
  while (changed.length > 0 && holdback.length > 0) {
    const j = changed.pop()!;
    const still: HeldBack[] = [];
    for (const m of holdback) {
      const r = m.reason;
      if ((r.kind !== 'seq' && r.kind !== 'causal') || r.sender !== j) {
        still.push(m);
        continue;
      }
      const reason = causalWait(c.group, vector, m.from, m.h.vt as number[]);
      if (reason === null) {
        const q: Packet = { msg: m.msg, from: m.from, kind: m.kind ?? 'data', h: m.h };
        vector = deliverAfter(c, vector, q, true, out);
        delivered = append(delivered, q.msg);
        changed.push(m.from);
      } else still.push(sameReason(r, reason) ? m : { ...m, reason });
    }
    holdback = still;
  }
  return { context: { ...c, vector, holdback, delivered }, out };
}
