import { describe, expect, it } from 'vitest';
import { checkAtomicity } from '../../../checks/atomicity';
import { checkAll } from '../../../checks/index';
import { checkReliableDelivery } from '../../../checks/reliability';
import type { CheckResult } from '../../../checks/types';
import { checkVirtualSynchrony } from '../../../checks/vsync';
import { reliabilityMetrics } from '../../../protocols/reliability/metrics';
import type { NodeId } from '../../../sim/ids';
import type { Trace, TraceEvent } from '../../../sim/trace';
import type { ProcessScenario } from '../../schema';
import { simulate } from '../../simulate';
import { resolveCursor } from '../resolve';
import type { Lesson } from '../types';
import { ACK_SETTINGS, ackOptimizations } from './acks';
import { atomicExample1 } from './atomic';
import { RELIABILITY_LESSONS } from './index';
import { reliableMulticast } from './reliable';
import { unreliableMulticast } from './unreliable';
import { virtualSynchrony } from './vsync';

/**
 * What the reliability lessons' narration claims, checked in the simulated runs. Expected
 * values come from the scenarios (timeouts, tries, latencies, group size) and the lecture's
 * rules, not from the protocol's output.
 */

/** The scenario step `i` of a lesson gives (each tested step below gives its own). */
function scenarioOf(l: Lesson, i: number): ProcessScenario {
  const s = l.steps[i]?.scenario;
  if (s?.lab !== 'process') throw new Error(`${l.id} step ${i} has no process scenario`);
  return s;
}

const run = (s: ProcessScenario): Trace => simulate(s);

const find = (t: Trace, type: string, node: string, msg?: string, nth = 1): TraceEvent | undefined =>
  t.events.filter((e) => e.type === type && e.node === node && (msg === undefined || e.msg === msg))[nth - 1];

/** The step of the `nth` event of `type` at `node` (for `msg`), or -1. */
const stepOf = (t: Trace, type: string, node: string, msg?: string, nth = 1): number =>
  find(t, type, node, msg, nth)?.step ?? -1;
/**
 * A step that must exist: `expect(seen(a)).toBeLessThan(b)` would otherwise pass vacuously on a
 * missing event (-1 is before everything).
 */
const seen = (step: number): number => {
  expect(step, 'the event is in the trace').toBeGreaterThanOrEqual(0);
  return step;
};

const all = (t: Trace, type: string, node?: string, msg?: string): TraceEvent[] =>
  t.events.filter(
    (e) => e.type === type && (node === undefined || e.node === node) && (msg === undefined || e.msg === msg),
  );

const deliveries = (t: Trace, node: string, msg: string) => all(t, 'deliver', node, msg).length;

const groupOpts = (s: ProcessScenario) => ({ members: s.processes as NodeId[] });
const reliable = (t: Trace, s: ProcessScenario): CheckResult => checkReliableDelivery(t, groupOpts(s));
const atomic = (t: Trace, s: ProcessScenario): CheckResult => checkAtomicity(t, groupOpts(s));

/** The ids of the persistent log's lines at `node` in its last state (atomic multicast, example 1). */
function logAt(t: Trace, node: string, step = Number.POSITIVE_INFINITY): string[] {
  const rec = t.states.filter((s) => s.node === node && s.step <= step).at(-1);
  const log =
    (rec?.state as { reliability?: { log?: { t: string; by?: string }[] } })?.reliability?.log ?? [];
  return log.map((l) => (l.by ? `${l.t}:${l.by}` : l.t));
}

function heldAt(t: Trace, node: string, step: number): string[] {
  const rec = t.states.filter((s) => s.node === node && s.step <= step).at(-1);
  return (rec?.state as { reliability?: { held?: string[] } })?.reliability?.held ?? [];
}

function bufferAtEnd(t: Trace, node: string): number {
  const rec = t.states.filter((s) => s.node === node).at(-1);
  return (rec?.state as { reliability?: { buffered?: number } })?.reliability?.buffered ?? 0;
}

/** The application messages an `ack` event at a sender acknowledged. */
const acked = (e: TraceEvent): string[] => (e.detail?.acked as string[] | undefined) ?? [];

const copiesOf = (t: Trace, msg: string, to: string) => t.copies.filter((c) => c.msg === msg && c.to === to);

describe('the reliability chapter', () => {
  it("lists its lessons in the lecture's order: atomic (example 1, example 2), reliable, ACK optimizations, unreliable", () => {
    expect(RELIABILITY_LESSONS.map((l) => l.id)).toEqual([
      'reliability.atomic',
      'reliability.vsync',
      'reliability.reliable',
      'reliability.acks',
      'reliability.unreliable',
    ]);
    for (const l of RELIABILITY_LESSONS) {
      expect(l.chapter).toBe('reliability');
      expect(l.steps.length, l.id).toBeGreaterThanOrEqual(3);
      expect(l.steps.length, l.id).toBeLessThanOrEqual(8);
    }
  });
});

describe('atomic multicast, example 1', () => {
  const l = atomicExample1;
  const lostAck = scenarioOf(l, 0);
  const receiverCrash = scenarioOf(l, 4);
  const senderCrash = scenarioOf(l, 6);
  const timeout = lostAck.reliability!.timeout;

  it('P0 logs m1 and sends it to every other member; each receiver logs it, ACKs it, and holds it back', () => {
    const t = run(lostAck);
    expect(find(t, 'send', 'P0', 'm1')?.detail?.to).toEqual(['P1', 'P2']);
    expect(logAt(t, 'P0', stepOf(t, 'deliver', 'P0', 'm1'))).toEqual(['msg']);
    for (const p of ['P1', 'P2']) {
      const held = find(t, 'holdback', p, 'm1');
      expect(held?.detail?.logged, p).toBe(true);
      const ack = t.events.find((e) => e.type === 'send' && e.node === p && e.kind === 'ack')!;
      expect(ack.step, p).toBeGreaterThan(held!.step);
      // The state after that input: m1 logged and held, not delivered.
      expect(logAt(t, p, ack.step), p).toEqual(['msg']);
      expect(heldAt(t, p, ack.step), p).toEqual(['m1']);
      expect(stepOf(t, 'deliver', p, 'm1'), p).toBeGreaterThan(ack.step);
    }
  });

  it("P2's lost ACK: P0 retransmits to P2 alone when its timeout expires; P2 discards the duplicate and ACKs again", () => {
    const t = run(lostAck);
    expect(t.copies.find((c) => c.id === 'ack:P2:1@P0')?.lost).not.toBeNull();
    const rt = find(t, 'retransmit', 'P0', 'm1')!;
    expect(rt.detail?.to).toEqual(['P2']);
    expect(rt.time).toBe(find(t, 'send', 'P0', 'm1')!.time + timeout);
    // P1's ACK was logged before the retransmission: only the silent member is asked again.
    expect(seen(stepOf(t, 'ack', 'P0', 'ack:P1:1'))).toBeLessThan(rt.step);
    const dup = find(t, 'discard', 'P2', 'm1')!;
    expect(dup.detail?.reason).toBe('duplicate');
    expect(dup.step).toBeGreaterThan(rt.step);
    const again = t.events.find(
      (e) => e.type === 'send' && e.node === 'P2' && e.kind === 'ack' && e.step > dup.step,
    );
    expect(again).toBeDefined();
    expect(logAt(t, 'P2').filter((x) => x === 'msg')).toHaveLength(1);
  });

  it('"go" follows the last ACK, and precedes every receiver\'s delivery; each delivers once', () => {
    const t = run(lostAck);
    const go = find(t, 'send', 'P0', 'm1:go')!;
    const phase1 = all(t, 'ack', 'P0').filter((e) => e.detail?.phase === 'msg');
    expect(phase1.map((e) => e.from).sort()).toEqual(['P1', 'P2']);
    expect(Math.max(...phase1.map((e) => e.step))).toBeLessThan(go.step);
    expect(logAt(t, 'P0', go.step)).toEqual(['msg', 'ack:P1', 'ack:P2', 'go']);
    for (const p of ['P1', 'P2']) {
      expect(stepOf(t, 'deliver', p, 'm1'), p).toBeGreaterThan(go.step);
      expect(deliveries(t, p, 'm1'), p).toBe(1);
    }
    // The cursor of the "go" step shows both receivers' deliveries: P2 first, then P1.
    expect(seen(stepOf(t, 'deliver', 'P2', 'm1'))).toBeLessThan(stepOf(t, 'deliver', 'P1', 'm1'));
    expect(atomic(t, lostAck).holds).toBe(true);
  });

  it('a receiver that crashes after its ACK, before "go", restarts from its log and delivers', () => {
    const t = run(receiverCrash);
    const crash = receiverCrash.faults!.find((f) => f.type === 'crash')!;
    if (crash.type !== 'crash' || !crash.restart) throw new Error('the run needs a crash with restart');
    const ack = t.events.find((e) => e.type === 'send' && e.node === 'P1' && e.kind === 'ack')!;
    const down = find(t, 'crash', 'P1')!;
    const go = find(t, 'send', 'P0', 'm1:go')!;
    expect(ack.step).toBeLessThan(down.step);
    expect(down.step).toBeLessThan(go.step);
    expect(down.time).toBe(crash.at);
    // NEVER GIVE UP: "go" reaches the dead P1 at least twice, and P0 repeats it to P1 alone.
    const ignored = all(t, 'ignored', 'P1', 'm1:go');
    expect(ignored.length).toBeGreaterThanOrEqual(2);
    for (const r of all(t, 'retransmit', 'P0', 'm1:go')) expect(r.detail?.to).toEqual(['P1']);
    expect(stepOf(t, 'deliver', 'P2', 'm1')).toBeGreaterThan(go.step);
    const up = find(t, 'restart', 'P1')!;
    expect(up.time).toBe(crash.restart.at);
    expect(up.detail?.log).toBe(true);
    expect(ignored.every((e) => e.step < up.step)).toBe(true);
    // Rebuilt from the log: m1 is held again, waiting for "go".
    expect(heldAt(t, 'P1', up.step)).toEqual(['m1']);
    const del = find(t, 'deliver', 'P1', 'm1')!;
    expect(del.step).toBeGreaterThan(up.step);
    expect(deliveries(t, 'P1', 'm1')).toBe(1);
    expect(atomic(t, receiverCrash).holds).toBe(true);
  });

  it('a sender that crashes between the ACKs and "go" restarts from its log and re-asks only P2', () => {
    const t = run(senderCrash);
    const crash = senderCrash.faults!.find((f) => f.type === 'crash')!;
    if (crash.type !== 'crash' || !crash.restart) throw new Error('the run needs a crash with restart');
    const down = find(t, 'crash', 'P0')!;
    expect(seen(stepOf(t, 'ack', 'P0', 'ack:P1:1'))).toBeLessThan(down.step);
    expect(crash.at).toBeLessThan(find(t, 'send', 'P0', 'm1')!.time + timeout);
    expect(logAt(t, 'P0', down.step)).toEqual(['msg', 'ack:P1']);
    const up = find(t, 'restart', 'P0')!;
    expect(up.time).toBe(crash.restart.at);
    const rts = all(t, 'retransmit', 'P0', 'm1');
    expect(rts).toHaveLength(1);
    expect(rts[0]!.step).toBeGreaterThan(up.step);
    expect(rts[0]!.detail).toMatchObject({ to: ['P2'], reason: 'restart' });
    expect(find(t, 'discard', 'P2', 'm1')?.detail?.reason).toBe('duplicate');
    const go = find(t, 'send', 'P0', 'm1:go')!;
    expect(go.step).toBeGreaterThan(up.step);
    for (const p of ['P1', 'P2']) {
      expect(stepOf(t, 'deliver', p, 'm1'), p).toBeGreaterThan(go.step);
      expect(deliveries(t, p, 'm1'), p).toBe(1);
    }
    expect(atomic(t, senderCrash).holds).toBe(true);
  });

  it('sandbox: P1 restarted without its log discards every "go", P0 keeps sending them, and atomicity fails', () => {
    const s: ProcessScenario = {
      ...senderCrash,
      faults: [
        ...(senderCrash.faults ?? []),
        { type: 'crash', at: 5, node: 'P1', restart: { at: 25, log: false } },
      ],
    };
    const t = run(s);
    expect(deliveries(t, 'P1', 'm1')).toBe(0);
    expect(deliveries(t, 'P2', 'm1')).toBe(1);
    const discards = all(t, 'discard', 'P1', 'm1:go');
    expect(discards.length).toBeGreaterThanOrEqual(2);
    expect(discards.every((e) => e.detail?.reason === 'unknown')).toBe(true);
    expect(atomic(t, s)).toMatchObject({ holds: false, violation: { node: 'P1' } });
  });
});

describe('atomic multicast, example 2: virtual synchrony', () => {
  const l = virtualSynchrony;
  const remove = scenarioOf(l, 0);
  const senderDies = scenarioOf(l, 4);
  const { timeout, tries } = remove.reliability!;

  const viewOf = (e: TraceEvent | undefined) => e?.detail?.members;

  it('P1 and P2 hold m1 until it is stable; P3 never receives it', () => {
    const t = run(remove);
    for (const p of remove.processes) expect(viewOf(find(t, 'view', p)), p).toEqual(remove.processes);
    for (const p of ['P1', 'P2']) {
      const held = find(t, 'holdback', p, 'm1')!;
      expect(held.detail?.reason, p).toEqual({ kind: 'stable' });
      expect(stepOf(t, 'deliver', p, 'm1'), p).toBeGreaterThan(held.step);
    }
    expect(find(t, 'receive', 'P3', 'm1')).toBeUndefined();
    expect(copiesOf(t, 'm1', 'P3').every((c) => c.lost !== null)).toBe(true);
  });

  it('P0 retransmits to P3 every timeout, gives up after the configured tries, and suspects P3', () => {
    const t = run(remove);
    const sent = find(t, 'send', 'P0', 'm1')!.time;
    const rts = all(t, 'retransmit', 'P0', 'm1');
    expect(rts.map((e) => e.time)).toEqual(
      Array.from({ length: tries - 1 }, (_, k) => sent + (k + 1) * timeout),
    );
    for (const r of rts) expect(r.detail?.to).toEqual(['P3']);
    const giveup = find(t, 'giveup', 'P0', 'm1')!;
    expect(giveup.detail).toMatchObject({ to: ['P3'], tries });
    expect(find(t, 'suspect', 'P0')?.detail?.suspect).toBe('P3');
  });

  it('each survivor delivers m1, then installs view 2 without P3; atomicity and virtual synchrony hold', () => {
    const t = run(remove);
    const survivors = remove.processes.filter((p) => p !== 'P3');
    for (const p of survivors) {
      const v2 = find(t, 'view', p, undefined, 2)!;
      expect(viewOf(v2), p).toEqual(survivors);
      expect(v2.detail?.excluded, p).toEqual(['P3']);
      expect(stepOf(t, 'deliver', p, 'm1'), p).toBeLessThan(v2.step);
    }
    // The lesson's cursor shows every survivor's new view.
    const last = Math.max(...survivors.map((p) => stepOf(t, 'view', p, undefined, 2)));
    expect(resolveCursor(t, l.steps[3]!.cursor)).toBeGreaterThan(last);
    expect(atomic(t, remove).holds).toBe(true);
    expect(checkVirtualSynchrony(t, groupOpts(remove)).holds).toBe(true);
  });

  it('the sender dies partway: after the stable timeout the survivors remove it and P1 forwards m1 to P3', () => {
    const t = run(senderDies);
    const crash = senderDies.faults!.find((f) => f.type === 'crash')!;
    expect(find(t, 'crash', 'P0')!.time).toBe(crash.at);
    expect(copiesOf(t, 'm1', 'P3')[0]?.lost).not.toBeNull();
    expect(all(t, 'send', 'P0').every((e) => e.time <= crash.at)).toBe(true);
    const wait = senderDies.reliability!.stableTimeout!;
    for (const p of ['P1', 'P2']) {
      const s = find(t, 'suspect', p)!;
      expect(s.detail?.suspect, p).toBe('P0');
      expect(s.time, p).toBe(find(t, 'holdback', p, 'm1')!.time + wait);
    }
    const fwd = find(t, 'forward', 'P1', 'm1')!;
    expect(fwd.detail?.to).toEqual(['P3']);
    expect(copiesOf(t, 'm1', 'P3').find((c) => c.src === 'P1')?.lost).toBeNull();
    const survivors = ['P1', 'P2', 'P3'];
    for (const p of survivors) {
      const v2 = find(t, 'view', p, undefined, 2)!;
      expect(viewOf(v2), p).toEqual(survivors);
      expect(stepOf(t, 'deliver', p, 'm1'), p).toBeLessThan(v2.step);
      expect(deliveries(t, p, 'm1'), p).toBe(1);
    }
    expect(atomic(t, senderDies).holds).toBe(true);
    expect(checkVirtualSynchrony(t, groupOpts(senderDies)).holds).toBe(true);
  });

  it('the stable timeout outlasts one retransmission round: with P0 alive, its lost copy is resent and nobody is suspected', () => {
    const s: ProcessScenario = { ...senderDies, faults: [] };
    const t = run(s);
    expect(find(t, 'retransmit', 'P0', 'm1')?.detail?.to).toEqual(['P3']);
    expect(all(t, 'suspect')).toHaveLength(0);
    for (const p of ['P1', 'P2', 'P3']) expect(deliveries(t, p, 'm1'), p).toBe(1);
  });

  it('sandbox: under reliable multicast nobody forwards the dead sender’s m1, and reliable delivery fails at P3', () => {
    const s: ProcessScenario = {
      ...senderDies,
      reliability: { ...senderDies.reliability!, scheme: 'reliable' },
    };
    const t = run(s);
    expect(deliveries(t, 'P3', 'm1')).toBe(0);
    expect(reliable(t, s)).toMatchObject({ holds: false, violation: { node: 'P3' } });
  });
});

describe('reliable multicast and feedback implosion', () => {
  const l = reliableMulticast;
  const s = scenarioOf(l, 0);
  const { timeout, tries } = s.reliability!;
  const receivers = s.processes.filter((p) => p !== 'P0');
  const [lat] = s.network.latency;

  it("P0 waits for m1's ACKs before sending m2 and m3", () => {
    const t = run(s);
    for (const m of ['m2', 'm3']) expect(find(t, 'queued', 'P0', m)?.detail?.reason).toBe('window');
    const acksM1 = all(t, 'ack', 'P0').filter((e) => acked(e).includes('m1'));
    expect(acksM1).toHaveLength(receivers.length);
    const lastAckM1 = Math.max(...acksM1.map((e) => e.step));
    expect(stepOf(t, 'send', 'P0', 'm2')).toBeGreaterThan(lastAckM1);
  });

  it('every receiver’s ACK for m1 reaches P0 at the same moment, a round trip after the send: one bar as tall as the receivers', () => {
    const t = run(s);
    const acks = receivers.map((p) => find(t, 'ack', 'P0', `ack:${p}:1`)!);
    expect(new Set(acks.map((e) => e.time))).toEqual(new Set([2 * lat]));
    const m = reliabilityMetrics(t);
    expect(m.acksPerTime.find((a) => a.time === 2 * lat)?.count).toBe(receivers.length);
    expect(m.peakAckRate).toBe(receivers.length);
  });

  it('the lost copy of m2 is retransmitted to P2 alone, one timeout after m2 was sent', () => {
    const t = run(s);
    const rts = all(t, 'retransmit', 'P0', 'm2');
    expect(rts).toHaveLength(1);
    expect(rts[0]!.detail?.to).toEqual(['P2']);
    expect(rts[0]!.time).toBe(find(t, 'send', 'P0', 'm2')!.time + timeout);
    expect(deliveries(t, 'P2', 'm2')).toBe(1);
    expect(stepOf(t, 'send', 'P0', 'm3')).toBeGreaterThan(seen(stepOf(t, 'ack', 'P0', 'ack:P2:2')));
  });

  it('P3 stops receiving: m3 goes to it `tries` times, a timeout apart, then P0 gives up on it', () => {
    const t = run(s);
    const sent = find(t, 'send', 'P0', 'm3')!.time;
    expect(copiesOf(t, 'm3', 'P3').map((c) => c.sentAt)).toEqual(
      Array.from({ length: tries }, (_, k) => sent + k * timeout),
    );
    expect(find(t, 'giveup', 'P0', 'm3')?.detail).toMatchObject({ to: ['P3'], tries });
    for (const p of ['P1', 'P2']) expect(deliveries(t, p, 'm3'), p).toBe(1);
    expect(deliveries(t, 'P3', 'm3')).toBe(0);
  });

  it('the metrics add up: 3 messages × 3 members + 3 retransmissions, 8 ACKs, 1 member given up on', () => {
    const m = reliabilityMetrics(run(s));
    const msgs = s.actions.length;
    const retransmissions = 1 + (tries - 1);
    expect(m.retransmissions).toBe(retransmissions);
    expect(m.messages).toBe(msgs * receivers.length + retransmissions);
    expect(m.acks).toBe(msgs * receivers.length - 1);
    expect(m.giveups).toBe(1);
  });

  it('reliable delivery holds because P3 is faulty; were the network to lose its copies instead, it would fail', () => {
    const t = run(s);
    expect(reliable(t, s).holds).toBe(true);
    const lossy: ProcessScenario = {
      ...s,
      faults: [],
      interventions: [
        ...s.interventions,
        ...Array.from({ length: tries }, (_, k) => ({
          copy: `m3@P3${k ? `#${k + 1}` : ''}`,
          drop: true as const,
        })),
      ],
    };
    const t2 = run(lossy);
    expect(find(t2, 'giveup', 'P0', 'm3')?.detail?.to).toEqual(['P3']);
    expect(reliable(t2, lossy)).toMatchObject({ holds: false, violation: { node: 'P3' } });
  });

  it('sandbox: best effort leaves P2 without m2; a window of 3 brings the ACKs back at t=6, 7 and 8', () => {
    const best: ProcessScenario = { ...s, reliability: { ...s.reliability!, scheme: 'unreliable' } };
    const t = run(best);
    expect(deliveries(t, 'P2', 'm2')).toBe(0);
    expect(reliable(t, best)).toMatchObject({ holds: false, violation: { node: 'P2' } });
    const win: ProcessScenario = { ...s, reliability: { ...s.reliability!, window: 3 } };
    const w = run(win);
    // Sent at 0, 1, 2 without waiting; each ACK comes back a round trip later.
    const firstAcks = all(w, 'ack', 'P0').filter((e) => e.time < 2 * lat + s.actions.length);
    expect([...new Set(firstAcks.map((e) => e.time))]).toEqual(s.actions.map((a) => a.at + 2 * lat));
  });
});

describe('ACK optimizations on one schedule', () => {
  const l = ackOptimizations;
  const steps = {
    stopAndWait: scenarioOf(l, 0),
    pipelining: scenarioOf(l, 1),
    cumulative: scenarioOf(l, 2),
    piggyback: scenarioOf(l, 3),
    nack: scenarioOf(l, 4),
  };
  const traces = Object.fromEntries(Object.entries(steps).map(([k, s]) => [k, run(s)])) as Record<
    keyof typeof steps,
    Trace
  >;
  const metrics = Object.fromEntries(
    Object.entries(traces).map(([k, t]) => [k, reliabilityMetrics(t)]),
  ) as Record<keyof typeof steps, ReturnType<typeof reliabilityMetrics>>;
  const s0 = steps.stopAndWait;
  const receivers = s0.processes.length - 1;
  const copies = s0.actions.length * receivers;
  /** Standalone ACK copies from `from` to `to`. */
  const acksFromTo = (t: Trace, from: string, to: string) =>
    t.copies.filter((c) => c.kind === 'ack' && c.src === from && c.to === to);

  it('every step runs the same schedule, only the ACK setting differs', () => {
    for (const [k, s] of Object.entries(steps)) {
      expect(s, k).toBe(ACK_SETTINGS[k as keyof typeof steps]);
      const { reliability: _r, ...rest } = s;
      const { reliability: _r0, ...rest0 } = s0;
      expect(rest, k).toEqual(rest0);
    }
  });

  it('the checks panel fails only total order, which no step promises, on concurrent messages from different senders', () => {
    for (const [k, t] of Object.entries(traces)) {
      const failed = checkAll(t).filter((r) => !r.holds);
      expect(
        failed.map((r) => r.guarantee),
        k,
      ).toEqual(['total']);
      const { first, second } = failed[0]!.violation!;
      const sender = (m: string) => s0.actions.find((a) => a.msg === m)?.node;
      expect(sender(first), k).not.toBe(sender(second));
    }
  });

  it('stop-and-wait: m2 waits for all of m1’s ACKs, m3 for the retransmitted m2’s; 18 copies + 1 retransmission, 18 ACKs', () => {
    const t = traces.stopAndWait;
    const acksOf = (m: string) => all(t, 'ack', 'P0').filter((e) => acked(e).includes(m));
    expect(acksOf('m1')).toHaveLength(receivers);
    expect(stepOf(t, 'send', 'P0', 'm2')).toBeGreaterThan(Math.max(...acksOf('m1').map((e) => e.step)));
    expect(stepOf(t, 'send', 'P0', 'm3')).toBeGreaterThan(seen(stepOf(t, 'retransmit', 'P0', 'm2')));
    // Every receiver acknowledged m2 too (else Math.max of no ACKs is -Infinity and this holds vacuously).
    expect(acksOf('m2')).toHaveLength(receivers);
    expect(stepOf(t, 'send', 'P0', 'm3')).toBeGreaterThan(Math.max(...acksOf('m2').map((e) => e.step)));
    expect(metrics.stopAndWait).toMatchObject({ messages: copies + 1, acks: copies, retransmissions: 1 });
  });

  it('pipelining: m1, m2, m3 go out at once, m2 is retransmitted to P2; same copies and ACKs, lower latency, an earlier end', () => {
    const t = traces.pipelining;
    expect(all(t, 'queued')).toHaveLength(0);
    for (const a of s0.actions) expect(find(t, 'send', a.node, a.msg)?.time, a.msg).toBe(a.at);
    expect(find(t, 'retransmit', 'P0', 'm2')?.detail?.to).toEqual(['P2']);
    const [p, w] = [metrics.pipelining, metrics.stopAndWait];
    expect(p).toMatchObject({ messages: w.messages, acks: w.acks });
    expect(p.latency!.mean).toBeLessThan(w.latency!.mean);
    expect(p.latency!.max).toBeLessThan(w.latency!.max);
    expect(t.endTime).toBeLessThan(traces.stopAndWait.endTime);
  });

  it('cumulative: one “≤3” ACK each from P1 and P3, “≤1” from P2, so m2 and m3 are resent to P2; 13 ACKs for one more retransmission', () => {
    const t = traces.cumulative;
    for (const p of ['P1', 'P3']) {
      const a = acksFromTo(t, p, 'P0');
      expect(a, p).toHaveLength(1);
      expect(a[0]!.label, p).toBe('ack ≤3');
    }
    expect(acksFromTo(t, 'P2', 'P0')[0]?.label).toBe('ack ≤1');
    expect(all(t, 'retransmit', 'P0').map((e) => [e.msg, e.detail?.to])).toEqual([
      ['m2', ['P2']],
      ['m3', ['P2']],
    ]);
    // P0's three messages: one ACK from P1, one from P3, two from P2; the others' one message each: one ACK per receiver.
    const others = s0.actions.filter((a) => a.node !== 'P0').length;
    expect(metrics.cumulative.acks).toBe(1 + 1 + 2 + others * receivers);
    expect(metrics.cumulative.retransmissions).toBe(metrics.pipelining.retransmissions + 1);
  });

  it('piggyback on cumulative ACKs: m4, m5 and m6 each carry ACKs to P0; P1’s “≤3” goes alone; fewer ACKs travel alone', () => {
    const t = traces.piggyback;
    const rides = all(t, 'ack', 'P0').filter((e) => e.detail?.piggyback === true);
    expect(rides.map((e) => e.detail?.on).sort()).toEqual(['m4', 'm5', 'm6']);
    expect(metrics.piggyback.piggybacked).toBe(3);
    expect(stepOf(t, 'receive', 'P1', 'm3')).toBeGreaterThan(seen(stepOf(t, 'send', 'P1', 'm4')));
    expect(acksFromTo(t, 'P1', 'P0').map((c) => c.label)).toEqual(['ack ≤3']);
    expect(metrics.piggyback.acks).toBeLessThan(metrics.cumulative.acks);
  });

  it('NACK: no ACKs; P2 sees #3 before #2 and asks for #2; P0 resends it from a buffer that never empties', () => {
    const t = traces.nack;
    expect(t.copies.filter((c) => c.kind === 'ack')).toHaveLength(0);
    const nack = find(t, 'nack', 'P2')!;
    expect(nack.detail).toMatchObject({ to: 'P0', missing: [2] });
    expect(nack.step).toBeGreaterThan(seen(stepOf(t, 'holdback', 'P2', 'm3')));
    expect(find(t, 'retransmit', 'P0', 'm2')?.detail).toMatchObject({ to: ['P2'], reason: 'nack' });
    expect(metrics.nack).toMatchObject({ acks: 0, nacks: 1, retransmissions: 1 });
    const sentByP0 = s0.actions.filter((a) => a.node === 'P0').length;
    expect(metrics.nack.peakBuffer).toEqual({ size: sentByP0, node: 'P0' });
    expect(bufferAtEnd(t, 'P0')).toBe(sentByP0);
    expect(bufferAtEnd(traces.pipelining, 'P0')).toBe(0);
  });
});

describe('unreliable (best-effort) multicast', () => {
  const s = scenarioOf(unreliableMulticast, 0);
  const receivers = s.processes.length - 1;

  it('the copy to P2 is lost and nothing follows: no ACK, no retransmission; the checks catch it', () => {
    const t = run(s);
    expect(t.copies.find((c) => c.id === 'm1@P2')?.lost).not.toBeNull();
    for (const type of ['ack', 'retransmit', 'giveup']) expect(all(t, type), type).toHaveLength(0);
    expect(deliveries(t, 'P1', 'm1')).toBe(1);
    expect(deliveries(t, 'P2', 'm1')).toBe(0);
    expect(reliable(t, s)).toMatchObject({ holds: false, violation: { node: 'P2' } });
    expect(atomic(t, s)).toMatchObject({ holds: false, violation: { node: 'P2' } });
    expect(checkAll(t).every((r) => r.holds)).toBe(true);
  });

  it('costs one copy per member and nothing else', () => {
    const m = reliabilityMetrics(run(s));
    expect(m).toMatchObject({ messages: receivers, acks: 0, nacks: 0, retransmissions: 0 });
    expect(m.peakBuffer.size).toBe(0);
  });

  it('sandbox: reliable multicast retransmits to P2; dropping the copy to P1 too leaves atomicity unbroken', () => {
    const rel: ProcessScenario = { ...s, reliability: { ...s.reliability!, scheme: 'reliable' } };
    const t = run(rel);
    expect(find(t, 'retransmit', 'P0', 'm1')?.detail?.to).toEqual(['P2']);
    expect(reliable(t, rel).holds).toBe(true);
    expect(atomic(t, rel).holds).toBe(true);
    const none: ProcessScenario = {
      ...s,
      interventions: [...s.interventions, { copy: 'm1@P1', drop: true }],
    };
    expect(atomic(run(none), none).holds).toBe(true);
  });
});
