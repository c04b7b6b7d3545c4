import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import fifo from '../scenarios/examples/fifo-holdback.json';
import hierarchical from '../scenarios/examples/groups-hierarchical.json';
import reliable from '../scenarios/examples/reliability-reliable.json';
import type { ProcessScenario, Scenario } from '../scenarios/schema';
import { validateScenario } from '../scenarios/validate';
import {
  editProblem,
  optionChange,
  type RelOption,
  scenarioProblem,
  schemeChange,
  setOption,
  setScheme,
} from './reliabilityEdits';

function load(json: unknown): ProcessScenario {
  const v = validateScenario(json);
  if (!v.ok || v.value.lab !== 'process') throw new Error('example is invalid');
  return v.value;
}
const rel = (s: Scenario) => (s.lab === 'process' ? s.reliability : undefined);

describe('reliability edits', () => {
  it('adds the layer with the schema defaults when a scenario had none', () => {
    const s = load(fifo);
    expect(s.reliability).toBeUndefined();
    const next = setScheme('reliable')(s);
    // process-ext.ts: timeout 10, tries 4, window 1, no optimizations, ackDelay 0.
    expect(rel(next)).toEqual({
      scheme: 'reliable',
      timeout: 10,
      tries: 4,
      window: 1,
      cumulative: false,
      ackDelay: 0,
      piggyback: false,
      nack: false,
    });
    expect(scenarioProblem(next, 'en')).toBeNull();
  });

  it('"none" takes the layer away', () => {
    const next = setScheme('none')(load(reliable));
    expect(next.lab === 'process' && 'reliability' in next).toBe(false);
    expect(scenarioProblem(next, 'en')).toBeNull();
  });

  it('a scheme without ACK optimizations turns them off with it', () => {
    const tuned = setOption({ window: 3, cumulative: true })(load(reliable));
    expect(rel(tuned)).toMatchObject({ window: 3, cumulative: true });
    for (const scheme of ['unreliable', 'atomic'] as const) {
      const next = setScheme(scheme)(tuned);
      expect(rel(next)).toMatchObject({
        scheme,
        window: 1,
        cumulative: false,
        piggyback: false,
        nack: false,
      });
      expect(scenarioProblem(next, 'en')).toBeNull();
    }
  });

  it('virtual synchrony drops the window and NACKs it cannot have', () => {
    const nack = setOption({ nack: true })(load(reliable));
    expect(rel(nack)?.nack).toBe(true);
    const next = setScheme('vsync')(nack);
    expect(rel(next)).toMatchObject({ scheme: 'vsync', window: 1, nack: false });
    expect(scenarioProblem(next, 'en')).toBeNull();
  });

  it('cumulative and piggybacked ACKs get an ACK delay to gather ACKs in', () => {
    for (const k of ['cumulative', 'piggyback'] as const) {
      const next = setOption({ [k]: true })(load(reliable));
      expect(rel(next)?.[k]).toBe(true);
      expect(rel(next)?.ackDelay).toBeGreaterThan(0);
      expect(scenarioProblem(next, 'en')).toBeNull();
    }
  });

  it("refuses what the schema forbids, and says why in the student's language", () => {
    const windowed = setOption({ window: 4 })(load(reliable));
    // NACKs replace ACKs: no window with them (process-ext.ts).
    expect(setOption({ nack: true })(windowed)).toBe(windowed);
    expect(editProblem(windowed, optionChange({ nack: true }), 'en')).toBe(
      'reliability.nack: negative ACKs replace ACKs: leave window, cumulative and piggyback off',
    );
    expect(editProblem(windowed, optionChange({ nack: true }), 'zh')).toBe(
      'reliability.nack：NACK（否定确认）取代了 ACK：不要同时设置 window、cumulative 和 piggyback',
    );
    // Atomic multicast needs a peer group: its ACKs are end to end.
    const h = load(hierarchical);
    expect(setScheme('atomic')(h)).toBe(h);
    expect(editProblem(h, schemeChange('atomic'), 'en')).toBe(
      'groups.structure: atomic multicast needs a peer group: its ACKs are end to end',
    );
    expect(editProblem(h, schemeChange('atomic'), 'zh')).toBe(
      'groups.structure：原子组播需要对等组：它的 ACK 是端到端的',
    );
  });

  it('leaves a scenario without the layer alone when an option changes', () => {
    const s = load(fifo);
    expect(setOption({ window: 2 })(s)).toBe(s);
  });

  it('property: any sequence of scheme and option edits leaves a valid scenario', () => {
    const scheme = fc.constantFrom('none', 'unreliable', 'reliable', 'atomic', 'vsync' as const);
    const option: fc.Arbitrary<Partial<RelOption>> = fc.oneof(
      fc.record({ window: fc.integer({ min: -3, max: 80 }) }),
      fc.record({ cumulative: fc.boolean() }),
      fc.record({ piggyback: fc.boolean() }),
      fc.record({ nack: fc.boolean() }),
      fc.record({ ackDelay: fc.integer({ min: -1, max: 1200 }) }),
      fc.record({ timeout: fc.integer({ min: 0, max: 1200 }) }),
      fc.record({ tries: fc.integer({ min: 0, max: 120 }) }),
    );
    const edit = fc.oneof(
      scheme.map((s) => setScheme(s)),
      option.map((o) => setOption(o)),
    );
    // Edits a refusal leaves unchanged prove nothing: count the runs that really changed the scenario.
    let changed = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(load(reliable), load(fifo), load(hierarchical)),
        fc.array(edit, { maxLength: 12 }),
        (s0, edits) => {
          const end = edits.reduce<Scenario>((s, e) => e(s), s0);
          if (JSON.stringify(end) !== JSON.stringify(s0)) changed++;
          expect(scenarioProblem(end, 'en')).toBeNull();
        },
      ),
      { numRuns: 150 },
    );
    expect(changed).toBeGreaterThan(50);
  });
});
