import type { MsgId, NodeId } from '../sim/ids';
import type { Trace, TraceEvent } from '../sim/trace';
import type { CheckResult, Violation } from './types';
import { type GroupViews, groupViews, isApp, type ViewAt } from './views';

export type { ViewAt } from './views';

/**
 * Reliable delivery (lecture, "Reliable multicast": "all non-faulty group members will receive
 * the message"): every correct member delivers every message any correct member delivered.
 *
 * This file also holds what the group checkers (atomicity, integrity, virtual synchrony) read
 * from a trace, and only from the trace: which processes crashed for good, the views each
 * process installed (`view` events), each application message's multicast and its deliveries.
 * A process is *correct* when it is not crashed at the end of the run (one that crashed and
 * restarted counts as correct again) and had no omission or byzantine fault (`omit`,
 * `byzantine` events): the lecture's failure kinds are failures of the process. Without `view`
 * events the group is `members` (the scenario's processes; by default every node of the trace).
 * With views, what a process must deliver is what was multicast in a view it belongs to (the
 * message's view, views.ts), and a send a closed group refused is no multicast at all. A member
 * that the deliverer's next view removes is one the group gave up on (lecture, example 2:
 * "remove the failed members from the group, then allow existing members to process the
 * message"), and is not required to deliver.
 */

export interface GroupOptions {
  /** The group when the trace has no views: pass the scenario's processes when a sequencer has a lane. */
  members?: readonly NodeId[];
}

export interface Facts {
  /** The views each node installed, in order (empty lists when the trace has none). */
  views: Map<NodeId, ViewAt[]>;
  hasViews: boolean;
  /** The group when there are no views. */
  members: NodeId[];
  crashedAtEnd: Set<NodeId>;
  /** Processes with an omission or byzantine fault. */
  faulty: Set<NodeId>;
  /** Each application message's multicast: its sender and the step of its first send or delivery there. */
  origins: Map<MsgId, { from: NodeId; step: number }>;
  /** Each application message's first `send` at its sender (a message may be delivered there before it is sent). */
  sends: Map<MsgId, { from: NodeId; step: number }>;
  deliveries: { node: NodeId; msg: MsgId; from: NodeId | undefined; step: number; own: boolean }[];
  group: GroupViews;
}

/** What the group checkers read from a trace. */
export function facts(trace: Trace, opts: GroupOptions = {}): Facts {
  const group = groupViews(trace);
  const crashed = new Set<NodeId>();
  const origins = new Map<MsgId, { from: NodeId; step: number }>();
  const sends = new Map<MsgId, { from: NodeId; step: number }>();
  const faulty = new Set<NodeId>();
  const deliveries: Facts['deliveries'] = [];
  const isOrigin = (e: TraceEvent) =>
    e.msg !== undefined &&
    e.from !== undefined &&
    e.node === e.from &&
    (e.type === 'send' || e.type === 'deliver') &&
    isApp(e) &&
    !group.refused.has(e.msg);
  for (const e of trace.events) {
    if (e.type === 'crash') crashed.add(e.node);
    else if (e.type === 'restart') crashed.delete(e.node);
    else if (e.type === 'omit' || e.type === 'byzantine') faulty.add(e.node);
    if (isOrigin(e) && !origins.has(e.msg!)) origins.set(e.msg!, { from: e.from!, step: e.step });
    if (isOrigin(e) && e.type === 'send' && !sends.has(e.msg!))
      sends.set(e.msg!, { from: e.from!, step: e.step });
    if (e.type === 'deliver' && e.msg !== undefined)
      deliveries.push({ node: e.node, msg: e.msg, from: e.from, step: e.step, own: e.detail?.own === true });
  }
  return {
    views: group.byNode,
    hasViews: group.hasViews,
    members: [...(opts.members ?? trace.nodes)],
    crashedAtEnd: crashed,
    faulty,
    origins,
    sends,
    deliveries,
    group,
  };
}

/** The view `msg` was multicast in (views.ts; the whole group when there are no views; null: nobody owes it). */
export function viewOf(f: Facts, msg: MsgId): ViewAt | null {
  if (f.group.refused.has(msg)) return null;
  if (!f.hasViews) return { id: 0, members: f.members, step: -1 };
  return f.group.of.get(msg) ?? null;
}

export const correct = (f: Facts, n: NodeId) => !f.crashedAtEnd.has(n) && !f.faulty.has(n);

/**
 * Must `q` deliver what `by` delivered in view `v`? When `q` is correct, installed `v`, and was
 * not removed in the view `by` moved to next.
 */
export function required(f: Facts, q: NodeId, v: ViewAt, by: NodeId): boolean {
  if (!v.members.includes(q) || !correct(f, q) || !installed(f, q, v.id)) return false;
  const list = f.views.get(by) ?? [];
  const at = list.findIndex((x) => x.id === v.id);
  const next = at < 0 ? undefined : list[at + 1];
  return !next || next.members.includes(q) || !v.members.includes(by);
}

/** Whether `node` ever installed view `id` (always, without views). */
export function installed(f: Facts, node: NodeId, id: number): boolean {
  return !f.hasViews || (f.views.get(node) ?? []).some((v) => v.id === id);
}

export function violation(
  guarantee: string,
  rule: string,
  node: NodeId,
  msg: MsgId,
  step: number,
  other?: NodeId,
): Violation {
  return { guarantee, rule, node, first: msg, second: msg, step, ...(other ? { other } : {}) };
}

/**
 * Rule `not-delivered`: correct process `node` was a member of the view in which `first` was
 * multicast, correct process `other` (a member of it too) delivered `first` (at `step`), and
 * `node` never delivered it.
 */
export function checkReliableDelivery(trace: Trace, opts: GroupOptions = {}): CheckResult {
  const f = facts(trace, opts);
  const delivered = new Set(f.deliveries.map((d) => `${d.node}\u0000${d.msg}`));
  const seen = new Set<MsgId>();
  let any = false;
  for (const d of f.deliveries) {
    if (seen.has(d.msg) || !correct(f, d.node)) continue;
    const v = viewOf(f, d.msg);
    if (!v?.members.includes(d.node) || !installed(f, d.node, v.id)) continue;
    seen.add(d.msg);
    for (const q of v.members) {
      if (q === d.node || !required(f, q, v, d.node)) continue;
      any = true;
      if (!delivered.has(`${q}\u0000${d.msg}`))
        return {
          guarantee: 'reliable',
          holds: false,
          violation: violation('reliable', 'not-delivered', q, d.msg, d.step, d.node),
        };
    }
  }
  return { guarantee: 'reliable', holds: true, ...(any ? {} : { vacuous: true }) };
}
