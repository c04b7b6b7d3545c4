import type { MsgId, NodeId } from '../sim/ids';
import type { Trace, TraceEvent } from '../sim/trace';

/**
 * Group views as the trace records them, and what they oblige each process to deliver. Virtual
 * synchrony (lecture, "Achieving atomicity – example 2"; Coulouris 15.2.2, view-synchronous
 * communication): a process is obliged to deliver, and to agree on the order of, only the
 * messages multicast in a view it belongs to. A joiner owes nothing sent before it joined, a
 * process that left owes nothing sent after, and a non-member owes nothing.
 *
 * Everything here is read from the trace: the membership layer's `view` events (one per view a
 * process installs) and its `refused` events. A trace without views has one fixed group that
 * owes every message. A send a closed group refused is no multicast to the group (lecture,
 * "Design issues": "Closed: only group members can send messages"): it obliges no one.
 */

export interface ViewAt {
  id: number;
  members: NodeId[];
  /** Step of the `view` event that installed it; -1 for the group without views. */
  step: number;
}

export interface GroupViews {
  hasViews: boolean;
  /** The views each node installed, in order. */
  byNode: Map<NodeId, ViewAt[]>;
  /** Application messages a closed group refused. */
  refused: Set<MsgId>;
  /**
   * Each application message's view: the one its sender was in when it put the message on the
   * wire, if the sender was a member of it; for a non-member's message to an open group, the view
   * of the first member that delivered it; null when no view takes it (nobody owes it).
   */
  of: Map<MsgId, ViewAt | null>;
}

const APP_KINDS = new Set(['data', 'sync']);
export const isApp = (e: TraceEvent) => e.kind === undefined || APP_KINDS.has(e.kind);

/** The view `node` was in just after `step` (null before its first view). */
export function viewIn(
  views: ReadonlyMap<NodeId, readonly ViewAt[]>,
  node: NodeId,
  step: number,
): ViewAt | null {
  let cur: ViewAt | null = null;
  for (const v of views.get(node) ?? []) if (v.step <= step) cur = v;
  return cur;
}

export function groupViews(trace: Trace): GroupViews {
  const byNode = new Map<NodeId, ViewAt[]>();
  const refused = new Set<MsgId>();
  /** Each application message's sender, and the step at which it was sent (else first delivered there). */
  const origin = new Map<MsgId, { from: NodeId; step: number; sent: boolean }>();
  for (const e of trace.events) {
    if (e.type === 'view') {
      const d = e.detail as { id: number; members: NodeId[] };
      const list = byNode.get(e.node) ?? [];
      list.push({ id: d.id, members: d.members, step: e.step });
      byNode.set(e.node, list);
    } else if (e.type === 'refused' && e.msg !== undefined && isApp(e)) refused.add(e.msg);
    if (e.msg === undefined || e.from === undefined || e.node !== e.from || !isApp(e)) continue;
    const isSend = e.type === 'send';
    if (!isSend && e.type !== 'deliver') continue;
    const o = origin.get(e.msg);
    // A message queued during a view change is delivered to its sender at once but sent after the change.
    if (!o || (isSend && !o.sent)) origin.set(e.msg, { from: e.from, step: e.step, sent: isSend });
  }
  const of = new Map<MsgId, ViewAt | null>();
  if (byNode.size === 0) return { hasViews: false, byNode, refused, of };
  for (const [msg, o] of origin) {
    if (refused.has(msg)) continue;
    const v = viewIn(byNode, o.from, o.step);
    of.set(msg, v?.members.includes(o.from) ? v : null);
  }
  for (const e of trace.events) {
    if (e.type !== 'deliver' || e.msg === undefined || refused.has(e.msg) || of.get(e.msg)) continue;
    if (e.node === origin.get(e.msg)?.from) continue;
    const v = viewIn(byNode, e.node, e.step);
    if (v?.members.includes(e.node)) of.set(e.msg, v);
  }
  return { hasViews: true, byNode, refused, of };
}

/** Whether `node` ever installed view `id` (always, without views). */
export function installedView(g: GroupViews, node: NodeId, id: number): boolean {
  return !g.hasViews || (g.byNode.get(node) ?? []).some((v) => v.id === id);
}

/** Must `q` deliver application message `msg`? Only if `msg` was multicast in a view `q` belongs to and installed. */
export function owes(g: GroupViews, q: NodeId, msg: MsgId): boolean {
  if (g.refused.has(msg)) return false;
  if (!g.hasViews) return true;
  const v = g.of.get(msg);
  return !!v && v.members.includes(q) && installedView(g, q, v.id);
}
