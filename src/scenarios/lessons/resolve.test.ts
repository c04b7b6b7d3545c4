import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MsgId, NodeId } from '../../sim/ids';
import type { Trace, TraceEvent } from '../../sim/trace';
import { groupScenario } from './ordering/scenario';
import { resolveCursor, resolveStepScenario } from './resolve';
import type { Lesson } from './types';

const TYPES = ['send', 'receive', 'holdback', 'deliver'] as const;
const NODES = ['P0', 'P1', 'P2'] as const;
const MSGS = ['m0', 'm1', 'm2'] as const;

function traceOf(events: Omit<TraceEvent, 'step' | 'time'>[]): Trace {
  return {
    format: 1,
    nodes: NODES.map((n) => n as NodeId),
    events: events.map((e, step) => ({ ...e, step, time: step })),
    copies: [],
    states: [],
    initial: {},
    endTime: events.length,
    truncated: false,
  };
}

const arbEvent = fc.record({
  type: fc.constantFrom(...TYPES),
  node: fc.constantFrom(...NODES).map((n) => n as NodeId),
  msg: fc.constantFrom(...MSGS).map((m) => m as MsgId),
});

describe('resolveCursor', () => {
  const t = traceOf([
    { type: 'send', node: 'P0' as NodeId, msg: 'm0' as MsgId },
    { type: 'receive', node: 'P1' as NodeId, msg: 'm0' as MsgId },
    { type: 'deliver', node: 'P1' as NodeId, msg: 'm0' as MsgId },
    { type: 'receive', node: 'P2' as NodeId, msg: 'm0' as MsgId },
  ]);

  it('clamps a number to [0, events.length] and rounds it', () => {
    expect(resolveCursor(t, -3)).toBe(0);
    expect(resolveCursor(t, 2)).toBe(2);
    expect(resolveCursor(t, 2.4)).toBe(2);
    expect(resolveCursor(t, 99)).toBe(4);
  });

  it("puts 'end' after the last event", () => {
    expect(resolveCursor(t, 'end')).toBe(4);
  });

  it('lands just after the nth matching event, the 1st by default', () => {
    expect(resolveCursor(t, { after: { type: 'receive' } })).toBe(2);
    expect(resolveCursor(t, { after: { type: 'receive', nth: 2 } })).toBe(4);
    expect(resolveCursor(t, { after: { type: 'deliver', node: 'P1', msg: 'm0' } })).toBe(3);
  });

  it('falls back to the end when nothing matches', () => {
    expect(resolveCursor(t, { after: { type: 'holdback' } })).toBe(4);
    expect(resolveCursor(t, { after: { type: 'receive', nth: 3 } })).toBe(4);
    expect(resolveCursor(t, { after: { type: 'send', node: 'P2' } })).toBe(4);
  });

  it('property: the cursor is in range, and an {after} match shows the matched event last', () => {
    fc.assert(
      fc.property(
        fc.array(arbEvent, { maxLength: 30 }),
        arbEvent,
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        (events, want, nth, withNode) => {
          const trace = traceOf(events);
          const spec = {
            after: { type: want.type, msg: want.msg, nth, ...(withNode ? { node: want.node } : {}) },
          };
          const c = resolveCursor(trace, spec);
          expect(c).toBeGreaterThanOrEqual(0);
          expect(c).toBeLessThanOrEqual(events.length);
          const matches = (e: TraceEvent) =>
            e.type === want.type && e.msg === want.msg && (!withNode || e.node === want.node);
          // An independent count: how many matching events the student has seen at cursor c.
          const seen = trace.events.slice(0, c).filter(matches).length;
          const total = trace.events.filter(matches).length;
          if (total >= nth) {
            expect(seen).toBe(nth);
            expect(matches(trace.events[c - 1]!)).toBe(true);
          } else {
            expect(c).toBe(events.length);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('resolveStepScenario', () => {
  const a = groupScenario({
    seed: 1,
    processes: ['P0', 'P1'],
    ordering: 'fifo',
    latency: [1, 2],
    actions: [],
  });
  const b = { ...a, seed: 2 };
  const lesson: Lesson = {
    id: 'test.inherit',
    chapter: 'ordering',
    title: { en: 't', zh: 't' },
    summary: { en: 's', zh: 's' },
    steps: [
      { title: { en: '1', zh: '1' }, body: { en: '1', zh: '1' }, scenario: a, cursor: 0 },
      { title: { en: '2', zh: '2' }, body: { en: '2', zh: '2' }, cursor: 0 },
      { title: { en: '3', zh: '3' }, body: { en: '3', zh: '3' }, scenario: b, cursor: 0 },
      { title: { en: '4', zh: '4' }, body: { en: '4', zh: '4' }, cursor: 'end', sandbox: true },
    ],
  };

  it("a step without a scenario shows the previous step's", () => {
    expect(resolveStepScenario(lesson, 0)).toBe(a);
    expect(resolveStepScenario(lesson, 1)).toBe(a);
    expect(resolveStepScenario(lesson, 2)).toBe(b);
    expect(resolveStepScenario(lesson, 3)).toBe(b);
  });

  it('clamps the step index to the lesson', () => {
    expect(resolveStepScenario(lesson, -1)).toBe(a);
    expect(resolveStepScenario(lesson, 99)).toBe(b);
  });

  it('names the lesson when its first step has no scenario', () => {
    const broken: Lesson = { ...lesson, steps: lesson.steps.slice(1, 2) };
    expect(() => resolveStepScenario(broken, 0)).toThrow(/test\.inherit/);
  });
});
