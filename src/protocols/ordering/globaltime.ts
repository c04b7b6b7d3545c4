import type { MsgId, NodeId } from '../../sim/ids';
import { act, type LayerLogic, type Outcome } from '../layer';
import type { LayerAction, Packet } from '../stack';
import { append, type DeliveryQueue, emptyQueue, hasDelivered } from './delivered';
import type { HeldBack, OrderingInput } from './types';

/**
 * Global time ordering, shown failing (lecture: "Global time ordering": all messages delivered
 * in the exact order sent; "difficult (impossible) to achieve; not viable").
 *
 * The best a process can do is trust physical clocks: each message carries its sender's clock
 * reading `ts`; a receiver holds it back until its own clock passes ts + Δ (Δ, the delay no
 * message is assumed to exceed) and then delivers in timestamp order, ties by the sender's place
 * in the group. It goes wrong exactly where the lecture says: clocks drift and are skewed, so a
 * message sent causally after another can carry a smaller timestamp and is delivered first; and a
 * message slower than Δ arrives after its slot, when later ones are already delivered (`late`).
 * The checkers point at both; the trace records `ts` and the local `clock` to show why.
 */
export interface GlobalTimeContext {
  self: NodeId;
  group: readonly NodeId[];
  clock: { offset: number; drift: number };
  /** Δ: the assumed maximum delay, in clock ticks. */
  maxDelay: number;
  /** The physical clock's reading at the last input. */
  reading: number;
  holdback: HeldBack[];
  delivered: DeliveryQueue;
  /** The timestamp and sender rank of the last message delivered; anything below it is out of order. */
  last: { ts: number; rank: number } | null;
  /** Virtual time the slot timer is set for, or null when none is. */
  timerAt: number | null;
}

/** The physical clock's reading at virtual time `t` (rounded, so readings are exact decimals). */
export function physicalClock(clock: { offset: number; drift: number }, t: number): number {
  return Math.round((clock.offset + (1 + clock.drift) * t) * 1e6) / 1e6;
}

/** The first virtual time at which the clock reads at least `target`. */
export function whenClockReads(clock: { offset: number; drift: number }, target: number): number {
  let t = Math.max(0, Math.ceil((target - clock.offset) / (1 + clock.drift)));
  while (physicalClock(clock, t) < target) t++;
  while (t > 0 && physicalClock(clock, t - 1) >= target) t--;
  return t;
}

const PERFECT = { offset: 0, drift: 0 };

export const globaltime: LayerLogic<GlobalTimeContext, OrderingInput> = {
  init: ({ self, group, clock, maxDelay }) => ({
    self,
    group,
    clock: clock ?? PERFECT,
    maxDelay: maxDelay ?? 1,
    reading: physicalClock(clock ?? PERFECT, 0),
    holdback: [],
    delivered: emptyQueue(),
    last: null,
    timerAt: null,
  }),
  on(c, e) {
    // The physical clock runs with real time, which the simulation models as virtual time (`now`).
    const now = e.now ?? 0;
    if (e.type === 'down') return send(c, now, e.packet);
    if (e.type === 'up') return receive(c, now, e.packet);
    // The slot timer fired; or the process restarted after a crash, which cancelled it: set it again.
    if ((e.type === 'timer' && e.id === 'slot') || (e.type === 'fault' && e.fault === 'restart')) {
      const out: LayerAction[] = [];
      const { context, timer } = settle({ ...c, timerAt: null }, now, out);
      return { context, out: [...out, ...timer] };
    }
    return { context: c, out: [] };
  },
};

function send(c: GlobalTimeContext, now: number, p: Packet): Outcome<GlobalTimeContext> {
  const ts = Math.floor(physicalClock(c.clock, now));
  const out: LayerAction[] = [
    act.down({
      packet: { ...p, h: { ...p.h, ts } },
      to: c.group.filter((g) => g !== c.self),
      label: `t=${ts}`,
    }),
  ];
  // The sender, too, waits for the message's slot: all members deliver in one timestamp order.
  return admit(c, now, { msg: p.msg, from: c.self, h: { ts }, kind: p.kind }, out, true);
}

function receive(c: GlobalTimeContext, now: number, p: Packet): Outcome<GlobalTimeContext> {
  const ts = p.h.ts as number;
  const reading = physicalClock(c.clock, now);
  const out: LayerAction[] = [act.about('receive', p, { ts, clock: reading })];
  if (hasDelivered(c.delivered, p.msg) || c.holdback.some((m) => m.msg === p.msg)) {
    out.push(act.about('discard', p, { ts, reason: 'duplicate' }));
    return { context: { ...c, reading }, out };
  }
  return admit(c, now, { msg: p.msg, from: p.from, h: { ts }, kind: p.kind }, out, false);
}

const slot = (c: GlobalTimeContext, m: HeldBack) => (m.h.ts as number) + c.maxDelay;
const due = (c: GlobalTimeContext, m: HeldBack) => whenClockReads(c.clock, slot(c, m));
const rank = (c: GlobalTimeContext, m: HeldBack) => c.group.indexOf(m.from);
const below = (a: { ts: number; rank: number }, b: { ts: number; rank: number }) =>
  a.ts < b.ts || (a.ts === b.ts && a.rank < b.rank);

function admit(
  c: GlobalTimeContext,
  now: number,
  m: { msg: MsgId; from: NodeId; h: { ts: number }; kind: string },
  out: LayerAction[],
  own: boolean,
): Outcome<GlobalTimeContext> {
  const entry: HeldBack = {
    msg: m.msg,
    from: m.from,
    h: m.h,
    reason: { kind: 'time', until: m.h.ts + c.maxDelay },
    ...(m.kind !== 'data' ? { kind: m.kind } : {}),
  };
  const { context, timer } = settle({ ...c, holdback: [...c.holdback, entry] }, now, out, m.msg);
  if (context.holdback.includes(entry))
    out.push(
      act.record({
        type: 'holdback',
        msg: m.msg,
        from: m.from,
        kind: m.kind,
        detail: { ts: m.h.ts, clock: context.reading, reason: entry.reason, ...(own ? { own } : {}) },
      }),
    );
  return { context, out: [...out, ...timer] };
}

/**
 * At virtual time `now`: deliver every held message whose slot the local clock has passed, in
 * timestamp order, and set the timer for the next slot. `fresh` is the message just taken in.
 */
function settle(
  c: GlobalTimeContext,
  now: number,
  out: LayerAction[],
  fresh: MsgId | null = null,
): { context: GlobalTimeContext; timer: LayerAction[] } {
  const reading = physicalClock(c.clock, now);
  const ready = c.holdback
    .filter((m) => due(c, m) <= now)
    .sort((a, b) => (a.h.ts as number) - (b.h.ts as number) || rank(c, a) - rank(c, b));
  let { last, holdback, timerAt } = c;
  let delivered = c.delivered;
  for (const m of ready) {
    const key = { ts: m.h.ts as number, rank: rank(c, m) };
    const late = last !== null && below(key, last);
    if (!late) last = key;
    delivered = append(delivered, m.msg);
    out.push(
      act.record({
        type: 'deliver',
        msg: m.msg,
        from: m.from,
        kind: m.kind ?? 'data',
        detail: {
          ts: key.ts,
          clock: reading,
          ...(late ? { late } : {}),
          // It arrived after its slot had passed: the assumed maximum delay was wrong.
          ...(m.msg === fresh && due(c, m) < now ? { overdue: true } : {}),
          ...(m.msg !== fresh ? { fromHoldback: true } : {}),
        },
      }),
      act.up({ packet: { msg: m.msg, from: m.from, kind: m.kind ?? 'data', h: m.h } }),
    );
  }
  if (ready.length > 0) holdback = holdback.filter((m) => !ready.includes(m));
  const next = holdback.length > 0 ? Math.min(...holdback.map((m) => due(c, m))) : null;
  const timer: LayerAction[] = [];
  if (next !== timerAt) {
    timer.push(next === null ? act.cancelTimer('slot') : act.setTimer('slot', next - now, { at: next }));
    timerAt = next;
  }
  return { context: { ...c, reading, holdback, delivered, last, timerAt }, timer };
}
