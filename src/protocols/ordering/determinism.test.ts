import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAll } from '../../checks';
import { ORDERINGS } from '../../scenarios/schema';
import { simulate } from '../../scenarios/simulate';
import { validateScenario } from '../../scenarios/validate';
import { scenarioArb } from './testkit';

/** The ordering examples, `<ordering>-*.json`: each shows its ordering's characteristic behaviour. */
const examples = import.meta.glob<{ default: unknown }>('../../scenarios/examples/*.json', { eager: true });
const orderingExamples = Object.entries(examples).filter(([path]) =>
  ORDERINGS.some((o) => path.split('/').at(-1)!.startsWith(`${o}-`)),
);

describe('ordering examples', () => {
  it('there is at least one for every ordering', () => {
    for (const o of ORDERINGS) expect(orderingExamples.some(([p]) => p.includes(`/${o}-`))).toBe(true);
  });

  for (const [path, mod] of orderingExamples)
    it(`${path.split('/').at(-1)} validates, runs under its own ordering and gives the identical trace twice`, () => {
      const v = validateScenario(mod.default);
      expect(v.ok && v.value.lab).toBe('process');
      if (!v.ok || v.value.lab !== 'process') return;
      expect(path).toContain(`/${v.value.ordering}-`);
      const a = simulate(v.value);
      expect(a.truncated).toBe(false);
      expect(a.events.some((e) => e.type === 'deliver')).toBe(true);
      expect(JSON.stringify(simulate(v.value))).toBe(JSON.stringify(a));
    });
});

describe('determinism', () => {
  it('property: every ordering gives the identical trace JSON (states included) for the same random scenario', () => {
    for (const ordering of ORDERINGS)
      fc.assert(
        fc.property(
          scenarioArb({ ordering, losses: true, syncs: true, clocks: true, sequencer: true }),
          (s) => {
            const a = JSON.stringify(simulate(s));
            expect(JSON.stringify(simulate(s))).toBe(a);
          },
        ),
        { numRuns: 50 },
      );
  });

  it("a trace keeps each step's delivery queue: later deliveries never show up in an earlier snapshot", () => {
    const [s] = fc.sample(scenarioArb({ ordering: 'causal', losses: false, maxActions: 10 }), {
      seed: 7,
      numRuns: 1,
    });
    const t = simulate(s!);
    for (const r of t.states) {
      const delivered = (r.state as { ordering: { delivered: string[] } }).ordering.delivered;
      const upTo = t.events
        .filter((e) => e.step <= r.step && e.node === r.node && e.type === 'deliver')
        .map((e) => e.msg);
      expect(delivered).toEqual(upTo);
    }
    expect(checkAll(t).find((c) => c.guarantee === 'causal')?.holds).toBe(true);
  });
});
