import type { MsgId, NodeId } from '../sim/ids';
import type { Trace } from '../sim/trace';
import { facts, type GroupOptions, violation } from './reliability';
import type { CheckResult } from './types';

/**
 * Integrity (Coulouris 15.4.2: "a correct process delivers a message at most once", and only a
 * message some process sent): no duplicates, nothing invented — and, for byzantine senders
 * (lecture, "Failure considerations"), whether each lie was caught.
 *
 * The lies are read from the trace's `corrupt` events, which record what every destination was
 * sent. A lie to a member is *caught* when that member discarded the message as corrupt; it got
 * through when the member delivered the message and never caught it.
 *
 * Rules: `duplicate` (`node` delivered `first` a second time, at `step`); `invented` (`node`
 * delivered `first`, which its sender never multicast); `forged` (`node` delivered `first` with
 * contents its sender's application never sent, and `other` is the liar).
 */
export interface Lie {
  msg: MsgId;
  /** The byzantine sender. */
  liar: NodeId;
  /** The member lied to. */
  node: NodeId;
  mode: string;
  caught: boolean;
  delivered: boolean;
}

export interface IntegrityResult extends CheckResult {
  lies: Lie[];
}

export function byzantineLies(trace: Trace): Lie[] {
  const lies: Lie[] = [];
  for (const e of trace.events) {
    if (e.type !== 'corrupt' || e.msg === undefined) continue;
    const d = e.detail as { mode: string; body: string; bodies: Record<string, string> };
    for (const [to, body] of Object.entries(d.bodies)) {
      if (body === d.body) continue;
      const later = trace.events.filter((x) => x.step > e.step && x.node === to && x.msg === e.msg);
      const caught = later.some((x) => x.type === 'discard' && x.detail?.reason === 'corrupt');
      const delivered = later.some((x) => x.type === 'deliver');
      const prev = lies.find((l) => l.msg === e.msg && l.node === to);
      if (prev) {
        prev.caught ||= caught;
        prev.delivered ||= delivered;
      } else lies.push({ msg: e.msg, liar: e.node, node: to as NodeId, mode: d.mode, caught, delivered });
    }
  }
  return lies;
}

export function checkIntegrity(trace: Trace, opts: GroupOptions = {}): IntegrityResult {
  const f = facts(trace, opts);
  const lies = byzantineLies(trace);
  const fail = (v: ReturnType<typeof violation>): IntegrityResult => ({
    guarantee: 'integrity',
    holds: false,
    violation: v,
    lies,
  });
  const seen = new Set<string>();
  for (const d of f.deliveries) {
    const key = `${d.node}\u0000${d.msg}`;
    if (seen.has(key)) return fail(violation('integrity', 'duplicate', d.node, d.msg, d.step));
    seen.add(key);
    const origin = f.origins.get(d.msg);
    if (!origin || (d.from !== undefined && origin.from !== d.from))
      return fail(violation('integrity', 'invented', d.node, d.msg, d.step));
  }
  const forged = lies.find((l) => l.delivered && !l.caught);
  if (forged) {
    const step =
      trace.events.find((x) => x.type === 'deliver' && x.node === forged.node && x.msg === forged.msg)
        ?.step ?? 0;
    return fail(violation('integrity', 'forged', forged.node, forged.msg, step, forged.liar));
  }
  return {
    guarantee: 'integrity',
    holds: true,
    lies,
    ...(f.deliveries.length === 0 ? { vacuous: true } : {}),
  };
}
