import { type MsgId, msgId, type NodeId } from '../../sim/ids';
import { act, type LayerLogic, type Outcome } from '../layer';
import type { LayerAction, Packet } from '../stack';
import { append, type DeliveryQueue, emptyQueue, hasDelivered } from './delivered';
import { sameReason } from './reason';
import type { HeldBack, OrderingInput, WaitReason } from './types';

/**
 * Sync ordering (lecture: "Sync ordering": messages can arrive in any order; a special sync
 * message makes sure all pending messages are delivered before any post-sync message is
 * accepted). The lecture gives the rule but no protocol; this one is a flush, as in virtual
 * synchrony:
 *
 * - Every process counts the syncs it has passed: its *epoch*. Each message carries its sender's
 *   epoch, so "sent before the sync" means "carries a smaller epoch". Within an epoch delivery is
 *   unordered, as the lecture says.
 * - A `sync` action multicasts a sync message that closes the sender's epoch k and says how many
 *   messages the sender sent in it. Every other process, when it first learns that epoch k is
 *   closed (from the sync, or from any message carrying a later epoch), passes the sync too and
 *   multicasts a `flush` report: how many messages it sent in its epoch (none in epochs it skipped).
 * - A process delivers a message of epoch e only when epochs 0 … e−1 are complete at it: it has
 *   every member's report for them and has delivered that many messages from each. Until then the
 *   message is held back (reason `sync`), its own messages included. The sync message itself is
 *   delivered the moment its epoch completes: the visible barrier.
 *
 * Concurrent syncs that close the same epoch merge into one barrier, so every process agrees on
 * what is before and after it. Nothing depends on timing: a late or lost copy only delays (or,
 * if lost, stops) delivery of what comes after it, never lets it through early.
 */
export interface SyncContext {
  self: NodeId;
  group: readonly NodeId[];
  /** Syncs this process has passed: the epoch its next message carries. */
  epoch: number;
  /** Messages this process has sent in its current epoch. */
  sent: number;
  /** Epochs complete here: every message of epochs 0 … done−1 has been delivered. */
  done: number;
  /** For each epoch not yet complete: how many messages each member reported sending in it. */
  reports: Readonly<Record<number, Readonly<Record<string, number>>>>;
  /** For each epoch not yet complete: how many of each member's messages in it were delivered here. */
  got: Readonly<Record<number, Readonly<Record<string, number>>>>;
  holdback: HeldBack[];
  delivered: DeliveryQueue;
}

/** The id of `node`'s flush report when it passes the sync closing `epoch`. */
export const flushMsgId = (node: NodeId | string, epoch: number) => msgId(`flush:${node}:${epoch}`);

export const sync: LayerLogic<SyncContext, OrderingInput> = {
  init: ({ self, group }) => ({
    self,
    group,
    epoch: 0,
    sent: 0,
    done: 0,
    reports: {},
    got: {},
    holdback: [],
    delivered: emptyQueue(),
  }),
  on(c, e) {
    if (e.type === 'down') return e.packet.kind === 'sync' ? initiate(c, e.packet) : sendData(c, e.packet);
    if (e.type === 'up') {
      if (e.packet.kind === 'flush') return receiveFlush(c, e.packet);
      return receive(c, e.packet);
    }
    return { context: c, out: [] };
  },
};

const others = (c: SyncContext) => c.group.filter((g) => g !== c.self);

function sendData(c: SyncContext, p: Packet): Outcome<SyncContext> {
  const epoch = c.epoch;
  const out: LayerAction[] = [
    act.down({ packet: { ...p, h: { ...p.h, epoch } }, to: others(c), label: `e${epoch}` }),
  ];
  return admit(
    { ...c, sent: c.sent + 1 },
    { msg: p.msg, from: c.self, kind: p.kind, h: { epoch } },
    out,
    true,
  );
}

/** The sync message closes the sender's epoch and carries its own report for it. */
function initiate(c: SyncContext, p: Packet): Outcome<SyncContext> {
  const k = c.epoch;
  const h = { epoch: k, closes: k, count: c.sent };
  const out: LayerAction[] = [
    act.down({ packet: { ...p, h: { ...p.h, ...h } }, to: others(c), label: `sync: ${c.sent}` }),
  ];
  const next = pass(c, k, out, false);
  return admit(next, { msg: p.msg, from: c.self, kind: 'sync', h }, out, true);
}

function receive(c: SyncContext, p: Packet): Outcome<SyncContext> {
  const isSync = p.kind === 'sync';
  const epoch = p.h.epoch as number;
  const out: LayerAction[] = [act.about('receive', p, { ...p.h })];
  if (hasDelivered(c.delivered, p.msg) || c.holdback.some((m) => m.msg === p.msg)) {
    out.push(act.about('discard', p, { epoch, reason: 'duplicate' }));
    return { context: c, out };
  }
  let next = c;
  if (isSync) {
    const closes = p.h.closes as number;
    next = report(next, p.from, epoch, closes, p.h.count as number);
    next = pass(next, closes, out, true);
  } else if (epoch > c.epoch) {
    // A message from a later epoch proves that the syncs before it happened: pass them now.
    next = pass(next, epoch - 1, out, true);
  }
  const h = isSync ? { epoch, closes: p.h.closes, count: p.h.count } : { epoch };
  return admit(next, { msg: p.msg, from: p.from, kind: p.kind, h }, out, false);
}

function receiveFlush(c: SyncContext, p: Packet): Outcome<SyncContext> {
  const { epoch, closes, count } = p.h as { epoch: number; closes: number; count: number };
  const out: LayerAction[] = [
    act.record({
      type: 'receive',
      msg: p.msg,
      from: p.from,
      kind: 'flush',
      detail: { epoch, closes, count },
    }),
  ];
  const next = pass(report(c, p.from, epoch, closes, count), closes, out, true);
  return settle(next, out, null);
}

/** Note `member`'s report: `count` messages in epoch `from`, none in `from+1 … to`. */
function report(c: SyncContext, member: NodeId, from: number, to: number, count: number): SyncContext {
  const reports = { ...c.reports };
  for (let e = Math.max(from, c.done); e <= to; e++)
    reports[e] = { ...reports[e], [member]: e === from ? count : 0 };
  return { ...c, reports };
}

/**
 * Pass every sync up to the one closing epoch `k`: report how many messages this process sent
 * in its epoch (to the others in a flush, unless the sync message itself carries it).
 */
function pass(c: SyncContext, k: number, out: LayerAction[], announce: boolean): SyncContext {
  if (k < c.epoch) return c;
  if (announce) {
    const h = { epoch: c.epoch, closes: k, count: c.sent };
    out.push(
      act.down({
        packet: { msg: flushMsgId(c.self, k), from: c.self, kind: 'flush', h },
        to: others(c),
        label: `flush: ${c.sent}`,
      }),
    );
  }
  return { ...report(c, c.self, c.epoch, k, c.sent), epoch: k + 1, sent: 0 };
}

/** Take in a message this process now has (its own or received): deliver it if it may go, else hold it. */
function admit(
  c: SyncContext,
  m: { msg: MsgId; from: NodeId; kind: string; h: Record<string, unknown> },
  out: LayerAction[],
  own: boolean,
): Outcome<SyncContext> {
  const entry: HeldBack = {
    msg: m.msg,
    from: m.from,
    h: m.h,
    reason: reasonAt(c),
    ...(m.kind !== 'data' ? { kind: m.kind } : {}),
  };
  const r = settle({ ...c, holdback: [...c.holdback, entry] }, out, m.msg);
  const held = r.context.holdback.find((x) => x.msg === m.msg);
  if (held)
    out.push(
      act.record({
        type: 'holdback',
        msg: m.msg,
        from: m.from,
        kind: m.kind,
        detail: { ...m.h, reason: held.reason, ...(own ? { own } : {}) },
      }),
    );
  return r;
}

/** Epoch complete: every member's report is in, and that many of its messages were delivered. */
const complete = (
  group: readonly NodeId[],
  rep: Readonly<Record<string, number>> | undefined,
  got: Readonly<Record<string, number>> = {},
) => rep !== undefined && group.every((g) => rep[g] !== undefined && (got[g] ?? 0) === rep[g]);

/**
 * Deliver whatever may go: data of epochs ≤ done; then, when epoch `done` is complete, its sync
 * messages, and on to the next epoch. `fresh` is the message just taken in (not shown as held).
 */
function settle(c: SyncContext, out: LayerAction[], fresh: MsgId | null): Outcome<SyncContext> {
  let { done, holdback } = c;
  const reports: Record<number, Readonly<Record<string, number>>> = { ...c.reports };
  const got: Record<number, Readonly<Record<string, number>>> = { ...c.got };
  let delivered = c.delivered;
  const deliver = (m: HeldBack) => {
    delivered = append(delivered, m.msg);
    const detail = m.kind === 'sync' ? { closes: m.h.closes } : { epoch: m.h.epoch };
    out.push(
      act.record({
        type: 'deliver',
        msg: m.msg,
        from: m.from,
        kind: m.kind ?? 'data',
        detail: { ...detail, ...(m.msg !== fresh ? { fromHoldback: true } : {}) },
      }),
      act.up({ packet: { msg: m.msg, from: m.from, kind: m.kind ?? 'data', h: m.h } }),
    );
  };
  for (;;) {
    const ready = holdback.filter((m) => m.kind !== 'sync' && (m.h.epoch as number) <= done);
    if (ready.length > 0) {
      holdback = holdback.filter((m) => m.kind === 'sync' || (m.h.epoch as number) > done);
      for (const m of ready) {
        const e = m.h.epoch as number;
        got[e] = { ...got[e], [m.from]: (got[e]?.[m.from] ?? 0) + 1 };
        deliver(m);
      }
    }
    if (!complete(c.group, reports[done], got[done])) break;
    // Epoch `done` is complete: everything sent before its sync is delivered. The barrier opens.
    for (const m of holdback) if (m.kind === 'sync' && (m.h.closes as number) === done) deliver(m);
    holdback = holdback.filter((m) => !(m.kind === 'sync' && (m.h.closes as number) === done));
    delete reports[done];
    delete got[done];
    done++;
  }
  const next: SyncContext = { ...c, done, reports, got, holdback, delivered };
  const reason = reasonAt(next);
  next.holdback = holdback.map((m) => (sameReason(m.reason, reason) ? m : { ...m, reason }));
  return { context: next, out };
}

/** Every held-back message waits for the same thing: epoch `done` to complete. */
function reasonAt(c: SyncContext): WaitReason {
  const rep = c.reports[c.done] ?? {};
  const got = c.got[c.done] ?? {};
  const missing = c.group.filter((g) => rep[g] === undefined);
  let need = 0;
  for (const g of c.group) if (rep[g] !== undefined) need += rep[g] - (got[g] ?? 0);
  return { kind: 'sync', need, epoch: c.done, missing };
}
