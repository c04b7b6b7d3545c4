import { type CopyId, type MsgId, msgId, type NodeId } from '../../sim/ids';
import { act, type LayerLogic } from '../layer';
import { STATUS_KIND, type StatusHeader } from '../reliability/types';
import type { DownParams, LayerAction, LayerEvent, Packet } from '../stack';
import type { Decision, FlushOk, GrpHeader, Held, MembershipConfig, Request, View } from './types';

/**
 * Group membership (lecture: "Groups", "Design issues"), under the ordering layer and over the
 * reliability layer, so its own messages travel on reliable channels when the scenario has them.
 *
 * - Primitives: join_group, leave_group, send_to_group, query_membership.
 * - Closed groups refuse a non-member's message (trace `refused`); open groups take it. The
 *   non-member's own ordering layer never sees it, so it is delivered nowhere (`outsiderSend`).
 * - Peer groups: the sender sends to every member. Hierarchical: "go through coordinator(s)" —
 *   the root coordinator "forwards message to appropriate subgroup coordinators", which forward
 *   to their members ("Software implementation: hierarchical").
 * - Membership changes become views (number + members). "Leaving & joining must be synchronous":
 *   a change is a flush — every member stops sending, says how many messages it sent in the old
 *   view, and installs the new view only after receiving all of them, so the view falls at the
 *   same point of every member's message stream. Centralized: a manager collects the answers and
 *   announces the view. Distributed: every member sends its answer to every other member and all
 *   decide alike from the same answers. Each step is in the trace: `request` (a change asked for
 *   arrives), `flush`, `flush-ok` (an answer taken, and who is still awaited), `view-held` (the
 *   decided view waits for messages of the old one), `view`.
 * - Virtual synchrony (atomicity, "example 2"): members hold each message until the sender says
 *   it is stable (every member ACKed); members the sender gives up on, or a sender that falls
 *   silent, are removed in a new view; during the change survivors forward what others lack
 *   ("surviving group members may need to take over"), and all deliver before the new view.
 */

interface Round {
  /** The view being left. */
  vid: number;
  oks: Record<string, FlushOk>;
  /** This process has answered the flush and stopped sending. */
  flushing: boolean;
  /** Centralized: the requests this round decides (the manager's, fixed at its start, plus removals). */
  requests: Request[];
  decision: Decision | null;
}

export interface MembershipContext {
  cfg: MembershipConfig;
  view: View;
  /** Counter for the ids of this layer's own messages. */
  n: number;
  /** Group messages sent in this view, per destination, and received, per sender. */
  sentTo: Record<string, MsgId[]>;
  recvFrom: Record<string, MsgId[]>;
  /** Packets of a view not installed here yet. */
  early: { packet: Packet; src: NodeId; copy?: CopyId }[];
  /** The application's sends, waiting for a view change to finish. */
  queued: DownParams[];
  /** Virtual synchrony: received, held until stable or the next view. */
  held: Held[];
  /** Virtual synchrony: this process's own messages not yet stable. */
  pending: { packet: Packet; to: NodeId[] }[];
  /** Virtual synchrony: ids this layer has passed up. */
  passed: MsgId[];
  /** Changes asked for and not yet in a view. */
  requests: Request[];
  round: Round | null;
  /** Queries this process asked and has had an answer to. */
  answered: string[];
}

const CONTROL = new Set([
  'join',
  'leave',
  'exclude',
  'flush',
  'flush-ok',
  'view',
  'query',
  'members',
  'stable',
]);

export const membership: LayerLogic<MembershipContext, MembershipConfig> = {
  init: (cfg) => ({
    cfg,
    view: { id: 1, members: [...cfg.initial] },
    n: 0,
    sentTo: {},
    recvFrom: {},
    early: [],
    queued: [],
    held: [],
    pending: [],
    passed: [],
    requests: [],
    round: null,
    answered: [],
  }),
  on(c, e) {
    const out: LayerAction[] = [];
    const next = handle(c, e, out);
    return { context: next, out };
  },
};

function handle(c: MembershipContext, e: LayerEvent, out: LayerAction[]): MembershipContext {
  switch (e.type) {
    case 'control':
      return control(c, e.op, e.args, out);
    case 'down':
      return down(c, e, out);
    case 'up':
      return up(c, e.packet, e.src ?? e.packet.from, e.copy, out);
    case 'timer':
      return timer(c, e.id, out);
    case 'fault':
      return e.fault === 'restart' ? rearm(c, out) : c;
  }
}

const isMember = (c: MembershipContext, n: NodeId = c.cfg.self) => c.view.members.includes(n);
const isProcess = (c: MembershipContext, n: NodeId) => c.cfg.processes.includes(n);
const grpOf = (p: Packet) => p.h.grp as GrpHeader | undefined;
const tag = (p: Packet, grp: GrpHeader): Packet => ({ ...p, h: { ...p.h, grp } });
const untag = (p: Packet): Packet => {
  const { grp: _grp, ...h } = p.h;
  return { ...p, h };
};

/** A message of this layer's own (`flush`, `view`, …), tagged with the current view. */
function control1(
  c: MembershipContext,
  kind: string,
  to: readonly NodeId[],
  h: Record<string, unknown>,
  out: LayerAction[],
  id?: MsgId,
): MembershipContext {
  const n = c.n + 1;
  const packet: Packet = {
    msg: id ?? msgId(`${kind}:${c.cfg.self}:${n}`),
    from: c.cfg.self,
    kind,
    h: { ...h, grp: { vid: c.view.id } },
  };
  const dests = to.filter((d) => d !== c.cfg.self);
  if (dests.length > 0) out.push(act.down({ packet, to: dests, label: kind }));
  return { ...c, n };
}

function recordView(c: MembershipContext, out: LayerAction[], detail: Record<string, unknown>): void {
  out.push(
    act.record({
      type: 'view',
      detail: { group: c.cfg.group, id: c.view.id, members: c.view.members, ...detail },
    }),
  );
}

// ─── The application's group operations ─────────────────────────────────────────────────────────

function control(
  c: MembershipContext,
  op: string,
  args: Record<string, unknown>,
  out: LayerAction[],
): MembershipContext {
  const id = msgId(String(args.msg ?? `${op}:${c.cfg.self}:${c.n + 1}`));
  const refuse = (reason: string) => {
    out.push(
      act.record({
        type: 'refused',
        msg: id,
        from: c.cfg.self,
        kind: op,
        detail: { reason, group: c.cfg.group },
      }),
    );
    return c;
  };
  switch (op) {
    case 'send':
      return outsiderSend(c, args.packet as Packet, out);
    case 'start':
      if (isMember(c)) recordView(c, out, { initial: true });
      return c;
    case 'join':
      return isMember(c) ? refuse('already-member') : request(c, { op: 'join', node: c.cfg.self, id }, out);
    case 'leave':
      return isMember(c) ? request(c, { op: 'leave', node: c.cfg.self, id }, out) : refuse('not-member');
    case 'query': {
      const local = c.cfg.management === 'centralized' ? c.cfg.self === c.cfg.manager : isMember(c);
      if (local) {
        out.push(
          act.record({
            type: 'membership',
            msg: id,
            from: c.cfg.self,
            detail: { group: c.cfg.group, ...c.view },
          }),
        );
        return c;
      }
      const to = c.cfg.management === 'centralized' ? [c.cfg.manager] : c.cfg.processes;
      return control1(c, 'query', to, {}, out, id);
    }
    default:
      return c;
  }
}

/**
 * The application's send, offered before the ordering layer takes it (src/protocols/stack.ts). A
 * non-member's send to a closed group is taken here: it is not a multicast to the group (lecture,
 * "Design issues": "Closed: only group members can send messages"), so the ordering layer must
 * neither number it nor deliver it locally. It still goes out as it is, and every member refuses it.
 */
function outsiderSend(c: MembershipContext, packet: Packet, out: LayerAction[]): MembershipContext {
  if (!c.cfg.closed || isMember(c) || !isProcess(c, c.cfg.self)) return c;
  const next = down(c, { packet, to: c.cfg.processes.filter((p) => p !== c.cfg.self) }, out);
  // With no member to refuse it, the refusal is the sender's own.
  if (out.length === 0)
    out.push(act.about('refused', packet, { reason: 'closed-group', group: c.cfg.group }));
  return next;
}

/** Ask for a change: of the manager, or (distributed) of every member, taking part at once if a member. */
function request(c: MembershipContext, r: Request, out: LayerAction[]): MembershipContext {
  if (c.cfg.management === 'centralized') {
    if (c.cfg.self === c.cfg.manager) return managerTake(c, r, out);
    return control1(c, r.op, [c.cfg.manager], { req: r }, out, r.id);
  }
  // A joiner does not know the members yet; a suspect is not told it is being removed.
  const to =
    r.op === 'join' ? c.cfg.processes : c.view.members.filter((m) => r.op !== 'exclude' || m !== r.node);
  const next = control1(c, r.op, to, { req: r }, out, r.id);
  return isMember(next) ? learn(next, [r], out) : next;
}

const sameReq = (a: Request, b: Request) => a.op === b.op && a.node === b.node;
const removed = (reqs: readonly Request[]) =>
  new Set(reqs.filter((r) => r.op === 'exclude' || r.op === 'leave').map((r) => r.node));
const excluded = (reqs: readonly Request[]) =>
  new Set(reqs.filter((r) => r.op === 'exclude').map((r) => r.node));

/** A request still worth making: not one already asked for, and one that changes something. */
function relevant(c: MembershipContext, r: Request, known: readonly Request[]): boolean {
  if (known.some((k) => sameReq(k, r))) return false;
  return r.op === 'join' ? !isMember(c, r.node) : isMember(c, r.node);
}

// ─── Sending ────────────────────────────────────────────────────────────────────────────────────

function down(c: MembershipContext, p: DownParams, out: LayerAction[]): MembershipContext {
  if (c.round?.flushing) {
    out.push(
      act.record({
        type: 'queued',
        msg: p.packet.msg,
        from: p.packet.from,
        kind: p.packet.kind,
        detail: { reason: 'flush' },
      }),
    );
    return { ...c, queued: [...c.queued, p] };
  }
  const member = isMember(c);
  const members = c.view.members.filter((m) => m !== c.cfg.self);
  // "The group" is the current view: processes outside it get nothing; other nodes (a sequencer) do.
  const dests = p.to.filter((d) => !isProcess(c, d) || members.includes(d));
  if (dests.length === 0) return c;
  const grp: GrpHeader = { vid: c.view.id, ...(member ? {} : { ext: true as const }) };
  const packet = tag(p.packet, grp);
  const memberDests = dests.filter((d) => members.includes(d));
  const groupSend = members.length > 0 && members.every((m) => dests.includes(m));
  let next = c;
  if (c.cfg.structure === 'hierarchical' && groupSend) {
    const others = dests.filter((d) => !members.includes(d));
    if (others.length > 0) out.push(act.down({ ...p, packet, to: others }));
    if (c.cfg.self === c.cfg.root) forwardAsRoot(c, packet, out);
    else out.push(act.down({ ...p, packet: tag(p.packet, { ...grp, route: 'root' }), to: [c.cfg.root] }));
  } else out.push(act.down({ ...p, packet, to: dests }));
  if (member && p.packet.from === c.cfg.self) {
    const sentTo = { ...c.sentTo };
    for (const d of memberDests) sentTo[d] = [...(sentTo[d] ?? []), p.packet.msg];
    next = { ...next, sentTo };
    if (c.cfg.vsync && memberDests.length > 0)
      next = { ...next, pending: [...next.pending, { packet, to: memberDests }] };
  }
  return next;
}

/** The root coordinator forwards to the subgroup coordinators, and directly to members no subgroup serves. */
function forwardAsRoot(c: MembershipContext, p: Packet, out: LayerAction[]): void {
  const grp = grpOf(p)!;
  const skip = (m: NodeId) => m === p.from || m === c.cfg.self;
  const served = new Set<NodeId>();
  const to: NodeId[] = [];
  for (const sg of c.cfg.subgroups) {
    const reach = sg.members.filter((m) => isMember(c, m) && !skip(m));
    if (reach.length === 0) continue;
    for (const m of [...reach, sg.coordinator]) served.add(m);
    if (sg.coordinator === c.cfg.self) forwardAsCoordinator(c, p, out);
    else {
      out.push(act.down({ packet: tag(p, { ...grp, route: 'sub' }), to: [sg.coordinator], label: 'fwd' }));
      to.push(sg.coordinator);
    }
  }
  const direct = c.view.members.filter((m) => !served.has(m) && !skip(m));
  if (direct.length > 0)
    out.push(act.down({ packet: tag(p, { vid: grp.vid, ...(grp.ext ? { ext: true } : {}) }), to: direct }));
  out.push(act.about('forward', p, { to: [...to, ...direct], role: 'root' }));
}

function forwardAsCoordinator(c: MembershipContext, p: Packet, out: LayerAction[]): void {
  const grp = grpOf(p)!;
  const sg = c.cfg.subgroups.find((s) => s.coordinator === c.cfg.self);
  const to = (sg?.members ?? []).filter((m) => isMember(c, m) && m !== p.from && m !== c.cfg.self);
  if (to.length === 0) return;
  out.push(act.down({ packet: tag(p, { vid: grp.vid, ...(grp.ext ? { ext: true } : {}) }), to }));
  out.push(act.about('forward', p, { to, role: 'coordinator' }));
}

// ─── Receiving ──────────────────────────────────────────────────────────────────────────────────

function up(
  c: MembershipContext,
  p: Packet,
  src: NodeId,
  copy: CopyId | undefined,
  out: LayerAction[],
): MembershipContext {
  if (p.kind === STATUS_KIND) return status(c, p.h as unknown as StatusHeader, p, out);
  const grp = grpOf(p);
  if (!grp) {
    out.push(act.up({ packet: p, src, ...(copy ? { copy } : {}) }));
    return c;
  }
  if (CONTROL.has(p.kind)) return controlIn(c, p, grp, src, copy, out);
  return data(c, p, grp, src, copy, out);
}

const discard = (p: Packet, reason: string, out: LayerAction[], extra: Record<string, unknown> = {}) =>
  out.push(act.about('discard', p, { reason, ...extra }));

function drop(c: MembershipContext, p: Packet, reason: string, out: LayerAction[]): MembershipContext {
  discard(p, reason, out);
  return c;
}

function data(
  c: MembershipContext,
  p: Packet,
  grp: GrpHeader,
  src: NodeId,
  copy: CopyId | undefined,
  out: LayerAction[],
): MembershipContext {
  const before = out.length;
  if (grp.route === 'root' && c.cfg.self === c.cfg.root) forwardAsRoot(c, p, out);
  if (grp.route === 'sub') forwardAsCoordinator(c, p, out);
  if (p.from === c.cfg.self) {
    // Its own message, back through a coordinator or a survivor: it was delivered when sent.
    if (out.length === before) discard(p, 'own', out);
    return c;
  }
  const pass = (q: Packet) => out.push(act.up({ packet: untag(q), src, ...(copy ? { copy } : {}) }));
  // The group's machinery (a sequencer outside the group) takes every group message: it is in no
  // view, and is not told of new ones, so it must not wait for them.
  if (!isProcess(c, c.cfg.self)) {
    pass(p);
    return c;
  }
  // A message of a view not installed here yet waits for it (a joiner may get it before its view).
  if (!grp.ext && grp.vid > c.view.id) {
    out.push(act.about('holdback', p, { reason: { kind: 'view', need: grp.vid } }));
    return { ...c, early: [...c.early, { packet: p, src, ...(copy ? { copy } : {}) }] };
  }
  if (!isMember(c)) {
    discard(p, 'not-member', out, { group: c.cfg.group });
    return c;
  }
  if (grp.ext) {
    // Lecture, "Design issues": "Closed: only group members can send messages".
    if (c.cfg.closed && isProcess(c, p.from)) {
      out.push(act.about('refused', p, { reason: 'closed-group', group: c.cfg.group }));
      return c;
    }
    pass(p);
    return c;
  }
  if (grp.vid < c.view.id && !grp.fwd) {
    discard(p, 'old-view', out, { view: grp.vid });
    return c;
  }
  let next = c;
  if (!grp.fwd && isMember(c, p.from))
    next = { ...next, recvFrom: { ...next.recvFrom, [p.from]: [...(next.recvFrom[p.from] ?? []), p.msg] } };
  if (c.cfg.vsync) {
    if (next.passed.includes(p.msg) || next.held.some((h) => h.packet.msg === p.msg)) {
      discard(p, 'duplicate', out);
      return next;
    }
    out.push(act.about('holdback', p, { reason: { kind: 'stable' } }));
    out.push(act.setTimer(`st:${p.msg}`, c.cfg.stableTimeout));
    next = { ...next, held: [...next.held, { packet: p, src }] };
  } else pass(p);
  return tryInstall(next, out, false);
}

// ─── Virtual synchrony: stability and suspicion ─────────────────────────────────────────────────

/** The transport says every member ACKed a message (it is stable) or that it gave up on some. */
function status(c: MembershipContext, s: StatusHeader, p: Packet, out: LayerAction[]): MembershipContext {
  if (!c.cfg.vsync) return c;
  if (s.status === 'acked') {
    const mine = c.pending.find((x) => x.packet.msg === p.msg);
    if (!mine) return c;
    const next = control1(c, 'stable', mine.to, { of: p.msg }, out, msgId(`${p.msg}:stable`));
    return { ...next, pending: next.pending.filter((x) => x !== mine) };
  }
  let next = c;
  for (const x of s.to) next = suspect(next, x, 'no-ack', out, p.msg);
  return next;
}

/** "Remove the failed members from the group": ask for a view without `x`. */
function suspect(
  c: MembershipContext,
  x: NodeId,
  reason: string,
  out: LayerAction[],
  msg?: MsgId,
): MembershipContext {
  const r: Request = { op: 'exclude', node: x, id: msgId(`exclude:${c.cfg.self}:${c.n + 1}`) };
  const known = [...c.requests, ...(c.round?.requests ?? [])];
  // A member that has answered the view change under way is alive: this round goes on with it.
  if (x === c.cfg.self || !relevant(c, r, known) || c.round?.oks[x]) return c;
  out.push(act.record({ type: 'suspect', detail: { suspect: x, reason, ...(msg ? { msg } : {}) } }));
  return request({ ...c, n: c.n + 1 }, r, out);
}

function stable(c: MembershipContext, p: Packet, out: LayerAction[]): MembershipContext {
  const of = p.h.of as MsgId;
  const h = c.held.find((x) => x.packet.msg === of);
  if (!h) {
    discard(p, 'duplicate', out, { of });
    return c;
  }
  out.push(act.cancelTimer(`st:${of}`));
  const now = p.h.now;
  const packet = now === undefined ? h.packet : { ...h.packet, h: { ...h.packet.h, now } };
  out.push(act.up({ packet: untag(packet), src: h.src }));
  return { ...c, held: c.held.filter((x) => x !== h), passed: [...c.passed, of] };
}

// ─── Membership messages ────────────────────────────────────────────────────────────────────────

function controlIn(
  c: MembershipContext,
  p: Packet,
  grp: GrpHeader,
  src: NodeId,
  copy: CopyId | undefined,
  out: LayerAction[],
): MembershipContext {
  switch (p.kind) {
    case 'join':
    case 'leave':
    case 'exclude': {
      const r = p.h.req as Request;
      const centralized = c.cfg.management === 'centralized';
      if (centralized && c.cfg.self !== c.cfg.manager) return drop(c, p, 'not-manager', out);
      if (!centralized && !isMember(c)) return drop(c, p, 'not-member', out);
      out.push(act.about('request', p, { op: r.op, node: r.node, group: c.cfg.group }));
      return centralized ? managerTake(c, r, out) : learn(c, [r], out);
    }
    case 'flush': {
      if (grp.vid > c.view.id) return early(c, p, src, copy, out);
      if (grp.vid < c.view.id || !isMember(c)) return drop(c, p, 'old-view', out);
      out.push(
        act.record({ type: 'flush', msg: p.msg, from: p.from, kind: 'flush', detail: { view: grp.vid } }),
      );
      const round: Round = c.round ?? {
        vid: c.view.id,
        oks: {},
        flushing: false,
        requests: [],
        decision: null,
      };
      if (round.flushing) return c;
      const ok = ownOk(c);
      const next = control1({ ...c, round: { ...round, flushing: true } }, 'flush-ok', [p.from], { ok }, out);
      out.push(act.setTimer('flush', c.cfg.flushTimeout));
      return next;
    }
    case 'flush-ok': {
      const ok = p.h.ok as FlushOk;
      if (ok.vid > c.view.id) return early(c, p, src, copy, out);
      if (ok.vid < c.view.id || (!c.round && c.cfg.management === 'centralized'))
        return drop(c, p, 'old-view', out);
      if (c.cfg.management === 'distributed' && !isMember(c)) return drop(c, p, 'not-member', out);
      const next = withOk(c.cfg.management === 'distributed' ? learn(c, ok.requests, out) : c, ok);
      out.push(act.about('flush-ok', p, { view: ok.vid, waiting: waitingFor(next) }));
      return decide(next, out);
    }
    case 'view': {
      const d = p.h.decision as Decision;
      if (d.view.id <= c.view.id) return drop(c, p, 'old-view', out);
      if (c.round && d.participants.includes(c.cfg.self))
        return c.round.decision ? drop(c, p, 'duplicate', out) : adopt(c, d, out);
      if (d.view.members.includes(c.cfg.self) && !d.participants.includes(c.cfg.self))
        return install(c, d, out, null);
      return early(c, p, src, copy, out);
    }
    case 'query': {
      const answers = c.cfg.management === 'centralized' ? c.cfg.self === c.cfg.manager : isMember(c);
      if (!answers) return drop(c, p, 'not-member', out);
      return control1(c, 'members', [p.from], { of: p.msg, view: c.view }, out);
    }
    case 'members': {
      const of = p.h.of as string;
      if (c.answered.includes(of)) return drop(c, p, 'duplicate', out);
      const view = p.h.view as View;
      out.push(
        act.record({
          type: 'membership',
          msg: msgId(of),
          from: c.cfg.self,
          detail: { group: c.cfg.group, ...view, by: p.from },
        }),
      );
      return { ...c, answered: [...c.answered, of] };
    }
    case 'stable':
      return stable(c, p, out);
    default:
      return c;
  }
}

function early(
  c: MembershipContext,
  p: Packet,
  src: NodeId,
  copy: CopyId | undefined,
  out: LayerAction[],
): MembershipContext {
  out.push(act.about('holdback', p, { reason: { kind: 'view', need: grpOf(p)?.vid } }));
  return { ...c, early: [...c.early, { packet: p, src, ...(copy ? { copy } : {}) }] };
}

function ownOk(c: MembershipContext): FlushOk {
  const held = c.cfg.vsync ? [...c.pending.map((x) => x.packet.msg), ...c.held.map((h) => h.packet.msg)] : [];
  return {
    from: c.cfg.self,
    vid: c.view.id,
    requests: c.round?.requests.length ? c.round.requests : c.requests,
    sent: c.sentTo,
    held,
  };
}

function withOk(c: MembershipContext, ok: FlushOk): MembershipContext {
  const round = c.round ?? { vid: c.view.id, oks: {}, flushing: false, requests: [], decision: null };
  return { ...c, round: { ...round, oks: { ...round.oks, [ok.from]: ok } } };
}

/** Centralized: the manager takes a request and, if no change is under way, starts one. */
function managerTake(c: MembershipContext, r: Request, out: LayerAction[]): MembershipContext {
  const round = c.round;
  const known = [...c.requests, ...(round?.requests ?? [])];
  if (!relevant(c, r, known)) return c;
  if (round && !round.decision && r.op === 'exclude') {
    // A removal changes who must answer the flush under way: it joins the current round.
    return decide({ ...c, round: { ...round, requests: [...round.requests, r] } }, out);
  }
  const next = { ...c, requests: [...c.requests, r] };
  return round ? next : startRound(next, out);
}

function startRound(c: MembershipContext, out: LayerAction[]): MembershipContext {
  const requests = c.requests;
  const parts = c.view.members.filter((m) => !excluded(requests).has(m));
  let next: MembershipContext = {
    ...c,
    requests: [],
    round: { vid: c.view.id, oks: {}, flushing: false, requests, decision: null },
  };
  next = control1(next, 'flush', parts, {}, out);
  out.push(act.setTimer('flush', c.cfg.flushTimeout));
  if (parts.includes(c.cfg.self)) {
    const ok = ownOk(next);
    next = withOk({ ...next, round: { ...next.round!, flushing: true } }, ok);
  }
  return decide(next, out);
}

/** Distributed: a member learns of requests and, the first time, answers the flush to every member. */
function learn(c: MembershipContext, reqs: readonly Request[], out: LayerAction[]): MembershipContext {
  const known = [...c.requests];
  const fresh: Request[] = [];
  for (const r of reqs)
    if (relevant(c, r, known)) {
      known.push(r);
      fresh.push(r);
    }
  let next: MembershipContext = { ...c, requests: known };
  if (known.length === 0 || !isMember(next)) return next;
  const round = next.round ?? { vid: next.view.id, oks: {}, flushing: false, requests: [], decision: null };
  if (round.decision) return { ...next, round };
  // A removal learnt after answering changes who must answer: tell everyone again.
  const again = round.flushing && fresh.some((r) => r.op === 'exclude' && !round.oks[r.node]);
  if (round.flushing && !again) return decide({ ...next, round }, out);
  next = { ...next, round: { ...round, flushing: true } };
  const ok = ownOk(next);
  const parts = next.view.members.filter((m) => !excluded(known).has(m));
  next = control1(next, 'flush-ok', parts, { ok }, out);
  if (!again) out.push(act.setTimer('flush', next.cfg.flushTimeout));
  return decide(withOk(next, ok), out);
}

/** Who must answer the flush under way, and the requests the next view decides. */
function roundParticipants(c: MembershipContext, round: Round): { requests: Request[]; parts: NodeId[] } {
  if (c.cfg.management === 'centralized') {
    const requests = round.requests;
    return { requests, parts: c.view.members.filter((m) => !excluded(requests).has(m)) };
  }
  // Every member decides from the same answers: the requests the participants reported.
  const all = Object.values(round.oks).flatMap((o) => o.requests);
  const parts = c.view.members.filter((m) => !excluded(all).has(m));
  const requests: Request[] = [];
  for (const m of parts)
    for (const r of round.oks[m]?.requests ?? []) if (!requests.some((k) => sameReq(k, r))) requests.push(r);
  return { requests, parts };
}

/** The participants whose flush-ok has not arrived yet. */
function waitingFor(c: MembershipContext): NodeId[] {
  const round = c.round;
  return round ? roundParticipants(c, round).parts.filter((m) => !round.oks[m]) : [];
}

/** Once every participant has answered, decide the next view (the manager, or every member alike). */
function decide(c: MembershipContext, out: LayerAction[]): MembershipContext {
  const round = c.round;
  if (!round || round.decision) return c;
  const centralized = c.cfg.management === 'centralized';
  if (centralized && c.cfg.self !== c.cfg.manager) return c;
  if (!centralized && !round.flushing) return c;
  const { requests, parts } = roundParticipants(c, round);
  if (!parts.every((m) => round.oks[m])) return c;
  // Primary partition: only a majority of the old view may go on, so a cut-off minority cannot
  // install a view of its own under the same number.
  if (parts.length * 2 <= c.view.members.length) return c;
  const gone = removed(requests);
  const joins = requests
    .filter((r) => r.op === 'join' && !c.view.members.includes(r.node))
    .map((r) => r.node);
  const members = [
    ...c.view.members.filter((m) => !gone.has(m)),
    ...c.cfg.processes.filter((p) => joins.includes(p)),
  ];
  const union: Decision['union'] = [];
  for (const m of parts)
    for (const id of round.oks[m]!.held) {
      const u = union.find((x) => x.msg === id);
      if (u) u.holders.push(m);
      else union.push({ msg: id, holders: [m] });
    }
  const d: Decision = {
    view: { id: c.view.id + 1, members },
    participants: parts,
    requests,
    sent: Object.fromEntries(parts.map((m) => [m, round.oks[m]!.sent])),
    union,
  };
  let next = c;
  if (centralized) {
    next = control1(next, 'view', [...parts, ...joins], { decision: d }, out);
    if (!parts.includes(c.cfg.self)) {
      // A manager outside the group keeps track of the view without being in it.
      out.push(act.cancelTimer('flush'));
      return afterInstall(
        {
          ...next,
          view: d.view,
          round: null,
          requests: next.requests.filter((r) => !requests.some((k) => sameReq(k, r))),
        },
        out,
      );
    }
  } else if (joins.length > 0 && parts[0] === c.cfg.self)
    next = control1(next, 'view', joins, { decision: d }, out);
  return adopt(next, d, out);
}

/** A participant takes the decision: forward what others lack (virtual synchrony), then wait to install. */
function adopt(c: MembershipContext, d: Decision, out: LayerAction[]): MembershipContext {
  const round = c.round ?? { vid: c.view.id, oks: {}, flushing: true, requests: d.requests, decision: null };
  if (round.decision) return c;
  const next: MembershipContext = { ...c, round: { ...round, decision: d } };
  if (c.cfg.vsync) {
    for (const u of d.union) {
      const lack = d.participants.filter((m) => !u.holders.includes(m));
      if (lack.length === 0 || u.holders.find((h) => d.participants.includes(h)) !== c.cfg.self) continue;
      const have =
        next.held.find((h) => h.packet.msg === u.msg)?.packet ??
        next.pending.find((x) => x.packet.msg === u.msg)?.packet;
      if (!have) continue;
      // "Surviving group members may need to take over to ensure all current group members receive the message."
      const grp = grpOf(have)!;
      out.push(
        act.record({
          type: 'forward',
          msg: have.msg,
          from: have.from,
          kind: have.kind,
          detail: { to: lack, role: 'survivor' },
        }),
      );
      out.push(act.down({ packet: tag(have, { vid: grp.vid, fwd: true }), to: lack }));
    }
  }
  const after = tryInstall(next, out, false);
  if (after.round?.decision === d)
    // "Leaving & joining must be synchronous": the view waits until the old view's messages are in.
    out.push(
      act.record({
        type: 'view-held',
        detail: { group: c.cfg.group, id: d.view.id, from: c.view.id, missing: awaited(next, d) },
      }),
    );
  return after;
}

const has = (c: MembershipContext, msg: MsgId) =>
  c.held.some((h) => h.packet.msg === msg) ||
  c.pending.some((x) => x.packet.msg === msg) ||
  c.passed.includes(msg);

/**
 * What this process still waits for before it may install the decided view: the messages the
 * participants sent it in the old view that have not arrived, and (virtual synchrony) the unstable
 * messages some survivor holds and it lacks.
 */
function awaited(c: MembershipContext, d: Decision): MsgId[] {
  const missing: MsgId[] = [];
  for (const m of d.participants) {
    if (m === c.cfg.self) continue;
    const got = c.recvFrom[m] ?? [];
    for (const id of d.sent[m]?.[c.cfg.self] ?? []) if (!got.includes(id)) missing.push(id);
  }
  if (c.cfg.vsync)
    for (const u of d.union) if (!has(c, u.msg) && !missing.includes(u.msg)) missing.push(u.msg);
  return missing;
}

/** Install the decided view once everything sent in the old one has arrived (or, forced, without it). */
function tryInstall(c: MembershipContext, out: LayerAction[], force: boolean): MembershipContext {
  const d = c.round?.decision;
  if (!d) return c;
  const missing = awaited(c, d);
  if (missing.length > 0 && !force) return c;
  return install(c, d, out, missing.length > 0 ? { missing } : null);
}

function install(
  c: MembershipContext,
  d: Decision,
  out: LayerAction[],
  incomplete: Record<string, unknown> | null,
): MembershipContext {
  let next = c;
  if (c.cfg.vsync) {
    // Every survivor delivers the same set before the new view: the union, and what participants sent.
    const inUnion = new Set(d.union.map((u) => u.msg));
    const passed = [...c.passed];
    for (const h of c.held) {
      out.push(act.cancelTimer(`st:${h.packet.msg}`));
      if (inUnion.has(h.packet.msg) || d.participants.includes(h.packet.from)) {
        out.push(act.up({ packet: untag(h.packet), src: h.src }));
        passed.push(h.packet.msg);
      } else discard(h.packet, 'unstable', out);
    }
    next = { ...next, held: [], pending: [], passed };
  }
  const old = c.view.members;
  const wasOrIs = old.includes(c.cfg.self) || d.view.members.includes(c.cfg.self);
  next = {
    ...next,
    view: d.view,
    sentTo: {},
    recvFrom: {},
    round: null,
    requests: next.requests.filter((r) => !d.requests.some((k) => sameReq(k, r))),
  };
  out.push(act.cancelTimer('flush'));
  if (wasOrIs)
    recordView(next, out, {
      joined: d.requests.filter((r) => r.op === 'join').map((r) => r.node),
      left: d.requests.filter((r) => r.op === 'leave').map((r) => r.node),
      excluded: d.requests.filter((r) => r.op === 'exclude').map((r) => r.node),
      ...(incomplete ?? {}),
    });
  return afterInstall(next, out);
}

/** After a view: take in what waited for it, send what the application queued, start the next change. */
function afterInstall(c: MembershipContext, out: LayerAction[]): MembershipContext {
  const ready = c.early.filter((e) => (grpOf(e.packet)?.vid ?? 0) <= c.view.id);
  let next: MembershipContext = {
    ...c,
    early: c.early.filter((e) => !ready.includes(e)),
    requests: c.requests.filter((r) => relevant(c, r, [])),
  };
  for (const e of ready) next = up(next, e.packet, e.src, e.copy, out);
  const queued = next.queued;
  next = { ...next, queued: [] };
  for (const q of queued) next = down(next, q, out);
  if (next.requests.length === 0 || next.round) return next;
  if (next.cfg.management === 'centralized')
    return next.cfg.self === next.cfg.manager ? startRound(next, out) : next;
  return learn(next, [], out);
}

// ─── Timers ─────────────────────────────────────────────────────────────────────────────────────

function timer(c: MembershipContext, id: string, out: LayerAction[]): MembershipContext {
  if (id.startsWith('st:')) {
    const h = c.held.find((x) => `st:${x.packet.msg}` === id);
    // "What if the sender dies partway?": no "stable" in time, so the sender is suspected.
    return h ? suspect(c, h.packet.from, 'no-stable', out, h.packet.msg) : c;
  }
  const round = c.round;
  if (id !== 'flush' || !round) return c;
  if (round.decision) return tryInstall(c, out, true);
  // Centralized: only the manager collects answers; the others wait for its view.
  if (c.cfg.management === 'centralized' && c.cfg.self !== c.cfg.manager) return c;
  const parts = c.view.members.filter(
    (m) =>
      !excluded([
        ...round.requests,
        ...Object.values(round.oks).flatMap((o) => o.requests),
        ...c.requests,
      ]).has(m),
  );
  let next = c;
  for (const m of parts) if (!round.oks[m]) next = suspect(next, m, 'flush-timeout', out);
  // Wait again only if someone new was suspected: a change that cannot go on stays blocked.
  if (next !== c) out.push(act.setTimer('flush', c.cfg.flushTimeout));
  return next;
}

/** After a restart with the log kept: the timers died with the crash. */
function rearm(c: MembershipContext, out: LayerAction[]): MembershipContext {
  if (c.round) out.push(act.setTimer('flush', c.cfg.flushTimeout));
  for (const h of c.held) out.push(act.setTimer(`st:${h.packet.msg}`, c.cfg.stableTimeout));
  return c;
}
