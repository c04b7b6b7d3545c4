import { type CopyId, type MsgId, msgId, type NodeId } from '../../sim/ids';
import { checksum } from '../faults/checksum';
import { act, type LayerLogic, type Outcome } from '../layer';
import type { LayerAction, Packet } from '../stack';
import { type AtomicConfig, type LogEntry, relOf, stripRel, withRel } from './types';

/**
 * Atomic multicast, the lecture's example 1 ("Achieving atomicity – example 1"; the slide's
 * "2-phase commit variation"): retry through network failures and system downtime.
 *
 * 1. The sender writes the message to its persistent log and sends it to all group members;
 *    each message has a unique id so duplicates are discarded.
 * 2. Each receiver logs the non-duplicate message, acknowledges it, and does not pass it to the
 *    application. The sender logs each acknowledgement and, on a timeout, retransmits to the
 *    members that have not answered — "again and again … until response received".
 * 3. With every acknowledgement in, the sender logs and sends "go"; each receiver now passes the
 *    message to the application and replies, and the sender repeats "go" to the silent ones.
 *
 * NEVER GIVE UP: the state lives in the log, so a process that crashes and restarts with its log
 * rebuilds its state from it and finishes where it left off. One that lost its log cannot.
 */

interface Sending {
  id: string;
  packet: Packet;
  to: NodeId[];
  acked: NodeId[];
  phase: 'collect' | 'go';
  done: NodeId[];
}

export interface AtomicContext {
  cfg: AtomicConfig;
  /** The persistent log, in the order written. */
  log: LogEntry[];
  /** Messages this process sends and has not finished, rebuilt from the log after a restart. */
  sending: Sending[];
  /** Receiver: logged, acknowledged, held from the application until "go". */
  held: Packet[];
  /** Receiver: ids delivered after "go". */
  delivered: string[];
  /** Counters for the ids of ACKs and replies. */
  n: number;
}

export const atomic: LayerLogic<AtomicContext, AtomicConfig> = {
  init: (cfg) => ({ cfg, log: [], sending: [], held: [], delivered: [], n: 0 }),
  on(c, e) {
    switch (e.type) {
      case 'down':
        return send(c, e.packet, e.to);
      case 'up':
        return receive(c, e.packet, e.src ?? e.packet.from, e.copy);
      case 'timer':
        return retry(c, e.id.slice(3), 'timeout');
      case 'fault':
        return e.fault === 'restart' ? resume(rebuild(c)) : { context: c, out: [] };
      default:
        return { context: c, out: [] };
    }
  },
};

const finished = (s: Sending) => s.phase === 'go' && s.to.every((t) => s.done.includes(t));

/** After a restart: the state is whatever the log says (nothing, if the log was lost). */
export function rebuild(c: AtomicContext): AtomicContext {
  const sending = new Map<string, Sending>();
  const held = new Map<string, Packet>();
  const delivered: string[] = [];
  for (const l of c.log) {
    if (l.t === 'msg' && l.role === 'sender')
      sending.set(l.id, {
        id: l.id,
        packet: l.packet,
        to: l.to ?? [],
        acked: [],
        phase: 'collect',
        done: [],
      });
    else if (l.t === 'msg') held.set(l.id, l.packet);
    else if (l.t === 'ack') sending.get(l.id)?.acked.push(l.by);
    else if (l.t === 'done') sending.get(l.id)?.done.push(l.by);
    else if (l.t === 'go') {
      const s = sending.get(l.id);
      if (s) s.phase = 'go';
      if (held.delete(l.id)) delivered.push(l.id);
    }
  }
  return {
    ...c,
    sending: [...sending.values()].filter((s) => !finished(s)),
    held: [...held.values()],
    delivered,
  };
}

/** Finish where it left off: resend whatever phase each unfinished message was in. */
function resume(c: AtomicContext): Outcome<AtomicContext> {
  let next = c;
  const out: LayerAction[] = [];
  for (const s of c.sending) {
    const r = retry(next, s.id, 'restart');
    next = r.context;
    out.push(...r.out);
  }
  return { context: next, out };
}

function send(c: AtomicContext, p: Packet, to: readonly NodeId[]): Outcome<AtomicContext> {
  if (to.length === 0 || c.sending.some((s) => s.id === p.msg)) return { context: c, out: [] };
  const id = p.msg;
  const packet = withRel(p, { sum: checksum(p), atomic: { id } });
  const entry: LogEntry = { t: 'msg', id, msg: p.msg, from: p.from, role: 'sender', to: [...to], packet };
  return {
    context: {
      ...c,
      log: [...c.log, entry],
      sending: [...c.sending, { id, packet, to: [...to], acked: [], phase: 'collect', done: [] }],
    },
    out: [act.down({ packet, to }), act.setTimer(`rt:${id}`, c.cfg.timeout)],
  };
}

function reply(
  c: AtomicContext,
  kind: 'ack' | 'done',
  id: string,
  msg: MsgId,
  to: NodeId,
): [AtomicContext, LayerAction] {
  const n = c.n + 1;
  const packet: Packet = {
    msg: msgId(`${kind}:${c.cfg.self}:${n}`),
    from: c.cfg.self,
    kind,
    h: { rel: { atomic: { id } } },
  };
  return [{ ...c, n }, act.down({ packet, to: [to], label: `${kind} ${msg}` })];
}

function receive(c: AtomicContext, p: Packet, src: NodeId, copy: CopyId | undefined): Outcome<AtomicContext> {
  const id = relOf(p)?.atomic?.id;
  if (id === undefined) return { context: c, out: [act.up({ packet: p, ...(copy ? { copy } : {}), src })] };
  if (p.kind === 'ack' || p.kind === 'done') return answered(c, p, id, src, copy);
  if (p.kind === 'go') return go(c, p, id, src);
  const out: LayerAction[] = [];
  if (relOf(p)?.sum !== checksum(p)) {
    out.push(act.about('discard', p, { reason: 'corrupt' }));
    return { context: c, out };
  }
  let next = c;
  if (c.held.some((h) => h.msg === id) || c.delivered.includes(id)) {
    out.push(act.about('discard', p, { reason: 'duplicate' }));
  } else {
    const packet = stripRel(p);
    const entry: LogEntry = { t: 'msg', id, msg: p.msg, from: p.from, role: 'receiver', packet };
    next = { ...c, log: [...c.log, entry], held: [...c.held, packet] };
    out.push(act.about('holdback', p, { reason: { kind: 'go' }, logged: true }));
  }
  // Acknowledge again on a duplicate: the first ACK may have been lost.
  const [after, ack] = reply(next, 'ack', id, p.msg, src);
  out.push(ack);
  return { context: after, out };
}

/** The sender's side: an ACK (phase 1) or a reply to "go" (phase 2). */
function answered(
  c: AtomicContext,
  p: Packet,
  id: string,
  by: NodeId,
  copy: CopyId | undefined,
): Outcome<AtomicContext> {
  const s = c.sending.find((x) => x.id === id);
  const phase = p.kind === 'ack' ? 'msg' : 'go';
  const list = p.kind === 'ack' ? s?.acked : s?.done;
  if (!s || !list || list.includes(by)) {
    return {
      context: c,
      out: [
        act.record({
          type: 'discard',
          msg: p.msg,
          from: by,
          kind: p.kind,
          detail: { reason: 'duplicate', of: id },
        }),
      ],
    };
  }
  const out: LayerAction[] = [
    act.record({
      type: 'ack',
      msg: p.msg,
      from: by,
      kind: p.kind,
      ...(copy ? { copy } : {}),
      detail: { acked: [s.packet.msg], phase },
    }),
  ];
  if (p.kind === 'done') {
    const upd = { ...s, done: [...s.done, by] };
    const log: LogEntry[] = [...c.log, { t: 'done', id, by }];
    if (finished(upd)) {
      out.push(act.cancelTimer(`rt:${id}`));
      return { context: { ...c, log, sending: c.sending.filter((x) => x.id !== id) }, out };
    }
    return { context: { ...c, log, sending: c.sending.map((x) => (x.id === id ? upd : x)) }, out };
  }
  const acked = [...s.acked, by];
  let log: LogEntry[] = [...c.log, { t: 'ack', id, by }];
  let upd: Sending = { ...s, acked };
  if (s.to.every((t) => acked.includes(t))) {
    // Every member has logged the message: phase 2, "go".
    log = [...log, { t: 'go', id }];
    upd = { ...upd, phase: 'go' };
    out.push(act.cancelTimer(`rt:${id}`), goPacket(upd, s.to), act.setTimer(`rt:${id}`, c.cfg.timeout));
  }
  return { context: { ...c, log, sending: c.sending.map((x) => (x.id === id ? upd : x)) }, out };
}

function goPacket(s: Sending, to: readonly NodeId[]): LayerAction {
  const packet: Packet = {
    msg: msgId(`${s.id}:go`),
    from: s.packet.from,
    kind: 'go',
    h: { rel: { atomic: { id: s.id } } },
  };
  return act.down({ packet, to, label: 'go' });
}

/** A receiver's side of "go": only now does the application see the message. */
function go(c: AtomicContext, p: Packet, id: string, src: NodeId): Outcome<AtomicContext> {
  const held = c.held.find((h) => h.msg === id);
  const out: LayerAction[] = [];
  let next = c;
  if (held) {
    next = {
      ...c,
      log: [...c.log, { t: 'go', id }],
      held: c.held.filter((h) => h !== held),
      delivered: [...c.delivered, id],
    };
    // The held packet goes up as if it arrived now (a layer above may read the arrival time).
    const now = p.h.now;
    out.push(act.up({ packet: now === undefined ? held : { ...held, h: { ...held.h, now } }, src }));
  } else {
    out.push(
      act.record({
        type: 'discard',
        msg: p.msg,
        from: p.from,
        kind: 'go',
        detail: { reason: c.delivered.includes(id) ? 'duplicate' : 'unknown', of: id },
      }),
    );
    // Without the message (its log was lost) there is nothing to deliver, and nothing to reply.
    if (!c.delivered.includes(id)) return { context: c, out };
  }
  const [after, done] = reply(next, 'done', id, id as MsgId, src);
  out.push(done);
  return { context: after, out };
}

/** Retransmit to the members that have not answered the current phase. Never give up. */
function retry(c: AtomicContext, id: string, reason: 'timeout' | 'restart'): Outcome<AtomicContext> {
  const s = c.sending.find((x) => x.id === id);
  if (!s) return { context: c, out: [] };
  const silent = s.to.filter((t) => !(s.phase === 'collect' ? s.acked : s.done).includes(t));
  const p = s.packet;
  const out: LayerAction[] = [
    act.record({
      type: 'retransmit',
      msg: s.phase === 'collect' ? p.msg : msgId(`${id}:go`),
      from: p.from,
      kind: s.phase === 'collect' ? p.kind : 'go',
      detail: { to: silent, reason },
    }),
    s.phase === 'collect' ? act.down({ packet: p, to: silent }) : goPacket(s, silent),
    act.setTimer(`rt:${id}`, c.cfg.timeout),
  ];
  return { context: c, out };
}
