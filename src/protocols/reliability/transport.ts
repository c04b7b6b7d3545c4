import { type CopyId, type MsgId, msgId, type NodeId } from '../../sim/ids';
import { checksum } from '../faults/checksum';
import { act, type LayerLogic, type Outcome } from '../layer';
import type { DownParams, LayerAction, Packet } from '../stack';
import {
  type AckInfo,
  type RelHeader,
  relOf,
  STATUS_KIND,
  type StatusHeader,
  stripRel,
  type TransportConfig,
  withRel,
} from './types';

/**
 * Unreliable and reliable multicast (lecture, "Reliability of multicasts").
 *
 * - Unreliable (best effort): "basic multicast; hope it gets there". Only a checksum is added.
 * - Reliable: "send message to each group member, wait for acknowledgement from each group
 *   member, retransmit to non-responding members … but eventually give up".
 *   Each (sender, receiver) pair is a channel with its own sequence numbers ("TCP does the first
 *   three of these … but now we have to do this for each recipient"), carried in one header map
 *   so one send still reaches the whole group. The lecture's ACK optimizations are switches:
 *   pipelining (`window` messages may await ACKs), cumulative ACKs (wait `ackDelay`, then one ACK
 *   covers everything received in sequence), piggybacked ACKs (a pending ACK rides on the
 *   receiver's own next message to the sender), and negative ACKs (receivers ask only for the
 *   numbers they miss; the sender must keep every message buffered).
 */

interface Outstanding {
  k: number;
  packet: Packet;
  label?: string;
  /** Destinations that have not ACKed yet. */
  waiting: NodeId[];
  tries: number;
}

interface Channel {
  inc: number;
  /** The next sequence number expected in order. */
  next: number;
  /** Numbers received beyond a gap. */
  above: number[];
  /** NACK mode: the highest number seen, and how many times the current gap was asked for. */
  max: number;
  nackTries: number;
}

export interface TransportContext {
  cfg: TransportConfig;
  /** This process's incarnation: bumped by a restart, so its numbering starts afresh. */
  inc: number;
  /** Packets handed down so far (ids for retransmission timers). */
  sends: number;
  acks: number;
  nacks: number;
  /** Last sequence number used on each outgoing channel. */
  seqTo: Record<string, number>;
  /** Messages awaiting ACKs (reliable with ACKs), oldest first. */
  out: Outstanding[];
  /** NACK mode: every message sent, kept for retransmission on request. */
  buffer: Outstanding[];
  /** Waiting for a slot in the pipelining window */
  queue: DownParams[];
  /** Incoming channels, by sender. */
  recv: Record<string, Channel>;
  /** ACKs held back (cumulative or piggybacked), by the sender they go to. */
  pending: Record<string, { inc: number; seqs: number[] }>;
}

const usesAcks = (c: TransportContext) => c.cfg.mode === 'reliable' && !c.cfg.nack;
const WINDOWED = new Set(['data', 'sync']);

export const transport: LayerLogic<TransportContext, TransportConfig> = {
  init: (cfg) => ({
    cfg,
    inc: 0,
    sends: 0,
    acks: 0,
    nacks: 0,
    seqTo: {},
    out: [],
    buffer: [],
    queue: [],
    recv: {},
    pending: {},
  }),
  on(c, e) {
    switch (e.type) {
      case 'down':
        return down(c, e, []);
      case 'up':
        return up(c, e.packet, e.src, e.copy);
      case 'timer':
        return timer(c, e.id);
      case 'fault':
        if (e.fault === 'restart') return restart(c, Number(e.detail?.incarnation ?? c.inc + 1));
        return { context: c, out: [] };
      default:
        return { context: c, out: [] };
    }
  },
};

/** A crash loses what was in memory: the retransmission buffer, queued messages and held ACKs. */
function restart(c: TransportContext, inc: number): Outcome<TransportContext> {
  return { context: { ...c, inc, seqTo: {}, out: [], buffer: [], queue: [], pending: {} }, out: [] };
}

function down(c: TransportContext, p: DownParams, out: LayerAction[]): Outcome<TransportContext> {
  if (p.to.length === 0) return { context: c, out };
  const sum = checksum(p.packet);
  if (c.cfg.mode === 'unreliable') {
    out.push(act.down({ ...p, packet: withRel(p.packet, { sum }) }));
    return { context: c, out };
  }
  // Pipelining: at most `window` application messages await their ACKs; the rest wait their turn.
  // Protocol messages (a view change's, "stable") are not the application's and never wait.
  if (
    usesAcks(c) &&
    WINDOWED.has(p.packet.kind) &&
    c.out.filter((o) => WINDOWED.has(o.packet.kind)).length >= c.cfg.window
  ) {
    out.push(
      act.record({
        type: 'queued',
        msg: p.packet.msg,
        from: p.packet.from,
        kind: p.packet.kind,
        detail: { reason: 'window', window: c.cfg.window },
      }),
    );
    return { context: { ...c, queue: [...c.queue, p] }, out };
  }
  const seqTo = { ...c.seqTo };
  const seq: Record<string, number> = {};
  for (const d of p.to) {
    seqTo[d] = (seqTo[d] ?? 0) + 1;
    seq[d] = seqTo[d];
  }
  const rel: RelHeader = { sum, inc: c.inc, seq };
  let next: TransportContext = { ...c, seqTo, sends: c.sends + 1 };
  if (c.cfg.piggyback) {
    const riding = p.to.filter((d) => next.pending[d]);
    if (riding.length > 0) {
      const pending = { ...next.pending };
      rel.ack = {};
      for (const d of riding) {
        rel.ack[d] = ackInfo(next, d, pending[d]!);
        delete pending[d];
        out.push(act.cancelTimer(`ack:${d}`));
      }
      next = { ...next, pending };
    }
  }
  const packet = withRel(p.packet, rel);
  const entry: Outstanding = {
    k: next.sends,
    packet,
    waiting: [...p.to],
    tries: 1,
    ...(p.label ? { label: p.label } : {}),
  };
  out.push(act.down({ packet, to: p.to, ...(p.label ? { label: p.label } : {}) }));
  if (c.cfg.nack) return { context: { ...next, buffer: [...next.buffer, entry] }, out };
  out.push(act.setTimer(`rt:${entry.k}`, c.cfg.timeout));
  return { context: { ...next, out: [...next.out, entry] }, out };
}

/** What an ACK to `to` says: everything in sequence (cumulative) or exactly the numbers received. */
function ackInfo(c: TransportContext, to: string, pending: { inc: number; seqs: number[] }): AckInfo {
  if (c.cfg.cumulative) return { inc: pending.inc, upTo: (c.recv[to]?.next ?? 1) - 1 };
  return { inc: pending.inc, seqs: [...pending.seqs].sort((a, b) => a - b) };
}

function sendAck(c: TransportContext, to: NodeId, info: AckInfo, out: LayerAction[]): TransportContext {
  const n = c.acks + 1;
  const label = info.upTo !== undefined ? `ack ≤${info.upTo}` : `ack #${(info.seqs ?? []).join(',')}`;
  out.push(
    act.down({
      packet: {
        msg: msgId(`ack:${c.cfg.self}:${n}`),
        from: c.cfg.self,
        kind: 'ack',
        h: { rel: { ack: { [to]: info } } },
      },
      to: [to],
      label,
    }),
  );
  return { ...c, acks: n };
}

function up(
  c: TransportContext,
  p: Packet,
  src: NodeId | undefined,
  copy: CopyId | undefined,
): Outcome<TransportContext> {
  const rel = relOf(p);
  const out: LayerAction[] = [];
  const sender = src ?? p.from;
  if (!rel) {
    out.push(act.up({ packet: p, ...(copy ? { copy } : {}), ...(src ? { src } : {}) }));
    return { context: c, out };
  }
  if (p.kind === 'ack') return takeAcks(c, rel.ack?.[c.cfg.self], sender, p, copy, false, out);
  if (p.kind === 'nack') return answerNack(c, p, sender, out);
  if (rel.sum !== undefined && rel.sum !== checksum(p)) {
    // A garbled message is dropped without an ACK, so a reliable sender sends it again.
    out.push(act.about('discard', p, { reason: 'corrupt' }));
    return { context: c, out };
  }
  let next = c;
  const piggy = rel.ack?.[c.cfg.self];
  if (piggy) {
    const r = takeAcks(next, piggy, sender, p, copy, true, out);
    next = r.context;
  }
  const seq = rel.seq?.[c.cfg.self];
  if (c.cfg.mode === 'unreliable' || seq === undefined) {
    out.push(act.up({ packet: stripRel(p), ...(copy ? { copy } : {}), src: sender }));
    return { context: next, out };
  }
  const inc = rel.inc ?? 0;
  let ch = next.recv[sender];
  if (ch && inc < ch.inc) {
    out.push(act.about('discard', p, { seq, reason: 'stale' }));
    return { context: next, out };
  }
  if (!ch || inc > ch.inc) ch = { inc, next: 1, above: [], max: 0, nackTries: 0 };
  const dup = seq < ch.next || ch.above.includes(seq);
  if (dup) {
    out.push(act.about('discard', p, { seq, reason: 'duplicate' }));
    // The first ACK may have been lost: acknowledge again.
    if (usesAcks(next)) next = queueAck(next, sender, inc, seq, out);
    return { context: next, out };
  }
  // Take the number in: advance past it and past everything already received beyond it.
  let above = [...ch.above, seq];
  let nextSeq = ch.next;
  while (above.includes(nextSeq)) {
    above = above.filter((s) => s !== nextSeq);
    nextSeq++;
  }
  const gapBefore = seq > ch.next;
  ch = { ...ch, next: nextSeq, above, max: Math.max(ch.max, seq) };
  if (nextSeq > ch.max) ch = { ...ch, nackTries: 0 };
  next = { ...next, recv: { ...next.recv, [sender]: ch } };
  out.push(act.up({ packet: stripRel(p), ...(copy ? { copy } : {}), src: sender }));
  if (usesAcks(next)) next = queueAck(next, sender, inc, seq, out);
  else if (next.cfg.nack && gapBefore) next = sendNack(next, sender, out, false);
  return { context: next, out };
}

/** Acknowledge now, or hold the ACK back for `ackDelay` (cumulative or piggybacked). */
function queueAck(
  c: TransportContext,
  to: NodeId,
  inc: number,
  seq: number,
  out: LayerAction[],
): TransportContext {
  if (c.cfg.ackDelay === 0) return sendAck(c, to, { inc, seqs: [seq] }, out);
  const cur = c.pending[to];
  const seqs = cur && cur.inc === inc ? [...cur.seqs, seq] : [seq];
  if (!cur) out.push(act.setTimer(`ack:${to}`, c.cfg.ackDelay));
  return { ...c, pending: { ...c.pending, [to]: { inc, seqs } } };
}

/** The sender's side of an ACK, sent on its own or piggybacked on a message. */
function takeAcks(
  c: TransportContext,
  info: AckInfo | undefined,
  by: NodeId,
  p: Packet,
  copy: CopyId | undefined,
  piggybacked: boolean,
  out: LayerAction[],
): Outcome<TransportContext> {
  if (!info || info.inc !== c.inc) {
    if (!piggybacked)
      out.push(
        act.record({ type: 'discard', msg: p.msg, from: p.from, kind: 'ack', detail: { reason: 'stale' } }),
      );
    return { context: c, out };
  }
  const covers = (s: number | undefined) =>
    s !== undefined && (info.upTo !== undefined ? s <= info.upTo : (info.seqs ?? []).includes(s));
  const acked: MsgId[] = [];
  const done: Outstanding[] = [];
  const still: Outstanding[] = [];
  for (const o of c.out) {
    const seq = relOf(o.packet)?.seq?.[by];
    if (o.waiting.includes(by) && covers(seq)) {
      acked.push(o.packet.msg);
      const waiting = o.waiting.filter((w) => w !== by);
      if (waiting.length === 0) done.push(o);
      else still.push({ ...o, waiting });
    } else still.push(o);
  }
  out.push(
    act.record({
      type: 'ack',
      msg: p.msg,
      from: by,
      kind: 'ack',
      ...(copy ? { copy } : {}),
      detail: {
        acked,
        ...(info.upTo !== undefined ? { upTo: info.upTo } : { seqs: info.seqs ?? [] }),
        ...(piggybacked ? { piggyback: true, on: p.msg } : {}),
      },
    }),
  );
  let next: TransportContext = { ...c, out: still };
  for (const o of done) {
    out.push(act.cancelTimer(`rt:${o.k}`));
    if (c.cfg.notify) out.push(status(o.packet, 'acked', relKeys(o)));
  }
  if (done.length > 0) next = pump(next, out);
  return { context: next, out };
}

const relKeys = (o: Outstanding) => Object.keys(relOf(o.packet)?.seq ?? {}) as NodeId[];

function status(p: Packet, s: StatusHeader['status'], to: NodeId[]): LayerAction {
  const h: StatusHeader = { status: s, of: p.kind, to };
  return act.up({ packet: { msg: p.msg, from: p.from, kind: STATUS_KIND, h: { ...h } } });
}

/** Send queued messages while the window has room. */
function pump(c: TransportContext, out: LayerAction[]): TransportContext {
  let next = c;
  while (
    next.queue.length > 0 &&
    next.out.filter((o) => WINDOWED.has(o.packet.kind)).length < next.cfg.window
  ) {
    const [first, ...rest] = next.queue;
    next = down({ ...next, queue: rest }, first!, out).context;
  }
  return next;
}

function timer(c: TransportContext, id: string): Outcome<TransportContext> {
  const out: LayerAction[] = [];
  if (id.startsWith('ack:')) {
    const to = id.slice(4) as NodeId;
    const pend = c.pending[to];
    if (!pend) return { context: c, out };
    const pending = { ...c.pending };
    delete pending[to];
    let next: TransportContext = { ...c, pending };
    if (c.cfg.cumulative) next = sendAck(next, to, ackInfo(c, to, pend), out);
    else
      for (const s of [...pend.seqs].sort((a, b) => a - b))
        next = sendAck(next, to, { inc: pend.inc, seqs: [s] }, out);
    return { context: next, out };
  }
  if (id.startsWith('nack:')) return { context: sendNack(c, id.slice(5) as NodeId, out, true), out };
  const k = Number(id.slice(3));
  const o = c.out.find((x) => x.k === k);
  if (!o) return { context: c, out };
  const p = o.packet;
  if (o.tries >= c.cfg.tries) {
    // "Try to retransmit undelivered messages … but eventually give up."
    out.push(act.about('giveup', p, { to: o.waiting, tries: o.tries }));
    if (c.cfg.notify) out.push(status(p, 'giveup', o.waiting));
    return { context: pump({ ...c, out: c.out.filter((x) => x.k !== k) }, out), out };
  }
  const tries = o.tries + 1;
  out.push(act.about('retransmit', p, { to: o.waiting, attempt: tries }));
  out.push(act.down({ packet: p, to: o.waiting, ...(o.label ? { label: o.label } : {}) }));
  out.push(act.setTimer(`rt:${k}`, c.cfg.timeout));
  return { context: { ...c, out: c.out.map((x) => (x.k === k ? { ...x, tries } : x)) }, out };
}

/** Negative ACK: ask `to` again for every number missing below the highest one seen. */
function sendNack(c: TransportContext, to: NodeId, out: LayerAction[], retry: boolean): TransportContext {
  const ch = c.recv[to];
  if (!ch) return c;
  const missing: number[] = [];
  for (let s = ch.next; s < ch.max; s++) if (!ch.above.includes(s)) missing.push(s);
  if (missing.length === 0 || (retry && ch.nackTries >= c.cfg.tries)) return c;
  const n = c.nacks + 1;
  out.push(
    act.record({
      type: 'nack',
      node: c.cfg.self,
      detail: { to, missing, ...(retry ? { retry: true } : {}) },
    }),
  );
  out.push(
    act.down({
      packet: {
        msg: msgId(`nack:${c.cfg.self}:${n}`),
        from: c.cfg.self,
        kind: 'nack',
        h: { rel: { nack: { inc: ch.inc, seqs: missing } } },
      },
      to: [to],
      label: `nack #${missing.join(',')}`,
    }),
  );
  out.push(act.setTimer(`nack:${to}`, c.cfg.timeout));
  return { ...c, nacks: n, recv: { ...c.recv, [to]: { ...ch, nackTries: ch.nackTries + 1 } } };
}

/** The sender's side of a NACK: retransmit the asked-for numbers from the buffer. */
function answerNack(
  c: TransportContext,
  nack: Packet,
  by: NodeId,
  out: LayerAction[],
): Outcome<TransportContext> {
  const ask = relOf(nack)?.nack;
  const unknown = act.record({
    type: 'discard',
    msg: nack.msg,
    from: by,
    kind: 'nack',
    detail: { reason: 'stale' },
  });
  if (!ask || ask.inc !== c.inc) return { context: c, out: [...out, unknown] };
  for (const s of ask.seqs) {
    const o = c.buffer.find((b) => relOf(b.packet)?.seq?.[by] === s);
    if (!o) continue;
    const p = o.packet;
    out.push(act.about('retransmit', p, { to: [by], seq: s, reason: 'nack' }));
    out.push(act.down({ packet: p, to: [by], ...(o.label ? { label: o.label } : {}) }));
  }
  if (out.length === 0) out.push(unknown);
  return { context: c, out };
}
