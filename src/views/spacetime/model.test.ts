import { describe, expect, it } from 'vitest';
import { handTrace } from '../../sim/hand-trace';
import type { NodeId } from '../../sim/ids';
import type { TraceEvent } from '../../sim/trace';
import { holdbackScenario, largeScenario, lossyScenario, traceOf } from '../testing/scenarios';
import { diagramModel } from './model';

describe('diagram model', () => {
  it('has one lane per process, in the trace order', () => {
    const trace = traceOf(holdbackScenario());
    expect(diagramModel(trace).lanes).toEqual(['P0', 'P1', 'P2']);
  });

  it('has one arrow per copy, from its sender lane at its send time to its receiver lane at its arrival', () => {
    const trace = traceOf(lossyScenario());
    const m = diagramModel(trace);
    expect(m.arrows).toHaveLength(trace.copies.length);
    for (const c of trace.copies) {
      const a = m.arrows.find((x) => x.id === c.id)!;
      expect([a.srcLane, a.sentAt, a.toLane, a.arriveAt, a.lost]).toEqual([
        trace.nodes.indexOf(c.src),
        c.sentAt,
        trace.nodes.indexOf(c.to),
        c.arriveAt,
        c.lost,
      ]);
    }
  });

  it("spans P2's hold-back of m2 from m2's arrival to the delayed m1's arrival (the scenario's deliverAt 9)", () => {
    const s = holdbackScenario();
    const trace = traceOf(s);
    const m2 = trace.copies.find((c) => c.id === 'm2@P2')!;
    const deliverAt =
      s.lab === 'process' ? s.interventions.find((i) => i.copy === 'm1@P2')?.deliverAt : undefined;
    const span = diagramModel(trace).spans.find((x) => x.node === 'P2' && x.msg === 'm2')!;
    expect(span.startTime).toBe(m2.arriveAt);
    expect(span.endTime).toBe(deliverAt);
    expect(span.reason).toEqual({ kind: 'seq', sender: 'P0', need: 1 });
  });

  it('leaves a span open when the missing message never comes (its copy was lost)', () => {
    const trace = traceOf(lossyScenario());
    const lostToP1 = trace.copies.find((c) => c.to === 'P1' && c.msg === 'm1');
    expect(lostToP1?.lost).not.toBeNull();
    const span = diagramModel(trace).spans.find((x) => x.node === 'P1' && x.msg === 'm2')!;
    expect(span.endStep).toBeNull();
  });

  it('numbers each process its deliveries 1, 2, 3 … in its own delivery order', () => {
    const trace = traceOf(largeScenario(40));
    const marks = diagramModel(trace).marks.filter((k) => k.type === 'deliver');
    for (const node of trace.nodes) {
      const delivered = trace.events.filter((e) => e.node === node && e.type === 'deliver').map((e) => e.msg);
      const numbered = marks
        .filter((k) => k.node === node)
        .sort((a, b) => a.n - b.n)
        .map((k) => k.msg);
      expect(numbered).toEqual(delivered);
      expect(
        marks
          .filter((k) => k.node === node)
          .map((k) => k.n)
          .sort((a, b) => a - b),
      ).toEqual(delivered.map((_, i) => i + 1));
    }
  });

  it('puts marks at the same lane and time side by side', () => {
    const trace = traceOf(holdbackScenario());
    // P2 delivers m1 and then m2 from its hold-back queue at the same moment.
    const atP2 = diagramModel(trace).marks.filter(
      (k) => k.node === 'P2' && (k.msg === 'm1' || k.msg === 'm2'),
    );
    expect(atP2.map((k) => k.time)).toEqual([9, 9]);
    expect(atP2.map((k) => k.slot)).toEqual([0, 1]);
  });

  it('bounds time by the latest arrival and the longest flight', () => {
    const trace = traceOf(largeScenario(40));
    const m = diagramModel(trace);
    expect(m.endTime).toBe(Math.max(trace.endTime, ...trace.copies.map((c) => c.arriveAt)));
    expect(m.maxFlight).toBe(Math.max(...trace.copies.map((c) => c.arriveAt - c.sentAt)));
  });
});

describe('diagram model: a duplicate of a held message', () => {
  it('does not end the hold-back span: the held copy still waits until its delivery', () => {
    // P2 holds m2 back at t=3; a retransmitted copy of m2 arrives at t=4 and is discarded as a
    // duplicate; m2 is delivered at t=6. The span must run 3 → 6, not stop at the discard.
    const ev = (step: number, time: number, type: string, detail?: Record<string, unknown>) =>
      ({ step, time, type, node: 'P2', msg: 'm2', from: 'P0', ...(detail ? { detail } : {}) }) as TraceEvent;
    const trace = handTrace(['P0', 'P2'] as NodeId[], [
      ev(0, 3, 'receive'),
      ev(1, 3, 'holdback', { reason: { kind: 'seq', sender: 'P0', need: 1 } }),
      ev(2, 4, 'receive'),
      ev(3, 4, 'discard', { reason: 'duplicate' }),
      ev(4, 6, 'deliver', { fromHoldback: true }),
    ]);
    const spans = diagramModel(trace).spans.filter((s) => s.msg === 'm2');
    expect(spans.map((s) => [s.startTime, s.endTime])).toEqual([[3, 6]]);
    // The discard is still drawn as its own mark.
    expect(
      diagramModel(trace)
        .marks.filter((m) => m.type === 'discard')
        .map((m) => m.time),
    ).toEqual([4]);
  });
});
