import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import reliable from '../../scenarios/examples/reliability-reliable.json';
import type { ProcessScenario, Scenario } from '../../scenarios/schema';
import { simulate } from '../../scenarios/simulate';
import { validateScenario } from '../../scenarios/validate';
import {
  addFault,
  addHeal,
  addPartition,
  DEFAULT_SPAN,
  FAULT_CHOICES,
  partitionGroups,
  partitionOpenAt,
} from './faultEdits';

function load(json: unknown): ProcessScenario {
  const v = validateScenario(json);
  if (!v.ok || v.value.lab !== 'process') throw new Error('example is invalid');
  return v.value;
}
const faults = (s: Scenario) => (s.lab === 'process' ? (s.faults ?? []) : []);
const valid = (s: Scenario) => validateScenario(s).ok;

describe('fault edits', () => {
  const s = load(reliable);

  it("writes each of the lecture's failures into the scenario as the schema spells it", () => {
    // process-ext.ts: a restart comes `span` ticks after the crash; a window ends `span` ticks after it opens.
    const expected = {
      crash: { type: 'crash', at: 7, node: 'P1' },
      'crash-restart': { type: 'crash', at: 7, node: 'P1', restart: { at: 12, log: true } },
      'crash-restart-nolog': { type: 'crash', at: 7, node: 'P1', restart: { at: 12, log: false } },
      'send-omission': { type: 'send-omission', at: 7, node: 'P1', until: 12 },
      'receive-omission': { type: 'receive-omission', at: 7, node: 'P1', until: 12 },
      'byzantine-corrupt': { type: 'byzantine', at: 7, node: 'P1', mode: 'corrupt', until: 12 },
      'byzantine-equivocate': { type: 'byzantine', at: 7, node: 'P1', mode: 'equivocate', until: 12 },
    };
    for (const choice of FAULT_CHOICES) {
      const next = addFault('P1', 7, choice, 5)(s);
      expect(faults(next)).toEqual([expected[choice]]);
      expect(valid(next)).toBe(true);
    }
  });

  it('appends, so undo (popping the edit) removes only the last fault', () => {
    const one = addFault('P0', 3, 'crash')(s);
    const two = addFault('P2', 9, 'send-omission')(one);
    expect(faults(two)).toEqual([
      ...faults(one),
      { type: 'send-omission', at: 9, node: 'P2', until: 9 + DEFAULT_SPAN },
    ]);
  });

  it('rounds a clicked time to a tick and never goes before 0', () => {
    expect(faults(addFault('P0', 4.6, 'crash')(s))[0]?.at).toBe(5);
    expect(faults(addFault('P0', -3, 'crash')(s))[0]?.at).toBe(0);
  });

  it('ignores a process that is not in the scenario', () => {
    expect(addFault('Q9', 3, 'crash')(s)).toBe(s);
  });

  it('builds sub-groups from side numbers, every process in one', () => {
    expect(partitionGroups(['P0', 'P1', 'P2', 'P3'], { P0: 1, P1: 0, P2: 2, P3: 1 })).toEqual([
      ['P1'],
      ['P0', 'P3'],
      ['P2'],
    ]);
    // Without a side a process goes with side 0.
    expect(partitionGroups(['P0', 'P1'], { P1: 1 })).toEqual([['P0'], ['P1']]);
  });

  it('partitions only into two or more sub-groups that cover every process once', () => {
    const procs = s.processes;
    const split = addPartition([['P0'], procs.slice(1)], 4)(s);
    expect(faults(split)).toEqual([{ type: 'partition', at: 4, groups: [['P0'], procs.slice(1)] }]);
    expect(valid(split)).toBe(true);
    expect(addPartition([[...procs]], 4)(s)).toBe(s);
    expect(addPartition([['P0'], ['P1']], 4)(s)).toBe(s);
    expect(addPartition([['P0', 'P1'], procs.slice(1)], 4)(s)).toBe(s);
  });

  it('heals only a partition in force, at or after it', () => {
    expect(addHeal(5)(s)).toBe(s);
    const split = addPartition([['P0'], s.processes.slice(1)], 4)(s);
    expect(partitionOpenAt(split, 3)).toBe(false);
    expect(partitionOpenAt(split, 4)).toBe(true);
    expect(addHeal(3)(split)).toBe(split);
    const healed = addHeal(10)(split);
    expect(faults(healed).at(-1)).toEqual({ type: 'heal', at: 10 });
    expect(partitionOpenAt(healed, 9)).toBe(true);
    expect(partitionOpenAt(healed, 10)).toBe(false);
    expect(valid(healed)).toBe(true);
  });

  it('property: any sequence of fault edits leaves a valid scenario that simulates', () => {
    const node = fc.constantFrom(...s.processes, 'Q9');
    const time = fc.integer({ min: -5, max: 120 });
    const edit = fc.oneof(
      fc
        .tuple(node, time, fc.constantFrom(...FAULT_CHOICES), fc.integer({ min: 1, max: 40 }))
        .map(([n, t, c, span]) => addFault(n, t, c, span)),
      fc
        .tuple(fc.dictionary(fc.constantFrom(...s.processes), fc.integer({ min: 0, max: 2 })), time)
        .map(([sides, t]) => addPartition(partitionGroups(s.processes, sides), t)),
      time.map((t) => addHeal(t)),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 6 }), (edits) => {
        const end = edits.reduce<Scenario>((x, e) => e(x), s);
        const v = validateScenario(end);
        expect(v.ok).toBe(true);
        if (v.ok) expect(simulate(v.value).events.length).toBeGreaterThan(0);
      }),
      { numRuns: 40 },
    );
  });
});
