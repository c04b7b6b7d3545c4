import { describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n';
import type { Trace } from '../../sim/trace';
import { holdbackScenario, largeScenario, lossyScenario, traceOf } from '../testing/scenarios';
import { reasonText, type Tx } from '../text';
import { changedKeys, orderingState, processAt, processAtMemo, processIndex } from './derive';

const i18n = initI18n('en');
const en = i18n.getFixedT('en', 'views') as unknown as Tx;
const zh = i18n.getFixedT('zh', 'views') as unknown as Tx;

const traces: [string, Trace][] = [
  ['fifo hold-back', traceOf(holdbackScenario())],
  ['lossy', traceOf(lossyScenario())],
  ['large', traceOf(largeScenario(40))],
  ['causal', traceOf(largeScenario(30, 'causal'))],
  ['total', traceOf(largeScenario(30, 'total'))],
  ['sync', traceOf(largeScenario(30, 'sync'))],
];
/** Orderings whose vector counts deliveries per sender: FIFO's R[sender] and the causal precedence vector. */
const counting = new Set(['fifo hold-back', 'lossy', 'large', 'causal']);

describe('process panel at a cursor', () => {
  it("shows P2 holding m2 back because it needs P0's message 1 first, in both languages", () => {
    const trace = traceOf(holdbackScenario());
    const held = trace.events.find((e) => e.node === 'P2' && e.type === 'holdback' && e.msg === 'm2')!;
    const p2 = processAt(processIndex(trace), 'P2', held.step + 1);
    expect(p2.holdback.map((h) => h.msg)).toEqual(['m2']);
    expect(reasonText(en, p2.holdback[0]!.reason)).toBe("needs P0's message 1 first");
    expect(reasonText(zh, p2.holdback[0]!.reason)).toBe('需要先收到 P0 的第 1 条消息');
    expect(processAt(processIndex(trace), 'P2', held.step).holdback).toEqual([]);
  });

  it('empties the hold-back queue once the missing message arrives, delivering m1 then m2', () => {
    const trace = traceOf(holdbackScenario());
    const p2 = processAt(processIndex(trace), 'P2', trace.events.length);
    expect(p2.holdback).toEqual([]);
    expect(p2.delivered.map((d) => d.msg).slice(-2)).toEqual(['m1', 'm2']);
  });

  it("keeps waiting forever when the missing message's copy was lost", () => {
    const trace = traceOf(lossyScenario());
    const p1 = processAt(processIndex(trace), 'P1', trace.events.length);
    expect(p1.holdback.map((h) => h.msg)).toEqual(['m2']);
  });

  for (const [name, trace] of traces) {
    it(`${name}: the delivery queue is every deliver event so far, in order, at every cursor`, () => {
      const index = processIndex(trace);
      for (let c = 0; c <= trace.events.length; c += 7)
        for (const node of trace.nodes) {
          const want = trace.events.filter((e) => e.step < c && e.node === node && e.type === 'deliver');
          expect(processAt(index, node, c).delivered.map((d) => d.msg)).toEqual(want.map((e) => e.msg));
        }
    });

    it(`${name}: at the end of each handling the queues and reasons match the recorded state`, () => {
      const index = processIndex(trace);
      for (const rec of trace.states) {
        const ord = orderingState(rec.state)!;
        const at = processAt(index, rec.node, rec.step + 1);
        expect(at.holdback.map((h) => [h.msg, h.reason])).toEqual(ord.holdback.map((h) => [h.msg, h.reason]));
        expect(at.delivered.map((d) => d.msg)).toEqual(ord.delivered);
      }
    });
  }

  for (const [name, trace] of traces.filter(([n]) => counting.has(n))) {
    it(`${name}: the vector counts each sender's messages delivered here, at every cursor`, () => {
      // FIFO delivers each sender's messages in order 1, 2, …, so the last number delivered is a
      // count; the causal precedence vector's V[j] is the number of j's messages delivered
      // (Coulouris 15.4.3), its own included since a sender delivers its own at once.
      const index = processIndex(trace);
      for (let c = 0; c <= trace.events.length; c++)
        for (const node of trace.nodes) {
          const counts = Object.fromEntries(trace.nodes.map((n) => [n, 0]));
          for (const e of trace.events)
            if (e.step < c && e.node === node && e.type === 'deliver' && e.from) counts[e.from]! += 1;
          expect(processAt(index, node, c).vector, `${node} at ${c}`).toEqual(counts);
        }
    });
  }

  it('marks the vector entries that changed since the previous cursor', () => {
    expect([...changedKeys({ P0: 1, P1: 0 }, { P0: 0, P1: 0 })]).toEqual(['P0']);
    expect([...changedKeys(null, { P0: 0 })]).toEqual([]);
  });

  it('memoized: equal to processAt at every cursor, and the same object across steps that do not touch the process', () => {
    for (const [, trace] of traces) {
      const index = processIndex(trace);
      for (const node of trace.nodes) {
        for (let c = 1; c <= trace.events.length; c++) {
          const m = processAtMemo(index, node, c);
          expect(m).toEqual(processAt(index, node, c));
          // The event at step c-1 is the one the step from c-1 to c shows.
          const touched =
            trace.events[c - 1]?.node === node ||
            trace.states.some((r) => r.node === node && r.step === c - 1);
          if (!touched) expect(m).toBe(processAtMemo(index, node, c - 1));
        }
      }
    }
  });
});
