import { describe, expect, it } from 'vitest';
import { checkCausal, checkFifo, checkSync, checkTotal } from '../../checks';
import type { Checker } from '../../checks/types';
import example from '../../scenarios/examples/unordered-different-orders.json';
import { simulate } from '../../scenarios/simulate';
import { findViolation, keepsPromises, scenario } from './testkit';

describe('unordered multicast (lecture: "Unordered multicast")', () => {
  it('delivers every message the moment it arrives: nothing is held back', () => {
    const t = simulate(scenario(example));
    expect(t.events.some((e) => e.type === 'holdback')).toBe(false);
    for (const e of t.events.filter((x) => x.type === 'receive')) {
      const next = t.events[e.step + 1];
      expect(next).toMatchObject({ type: 'deliver', node: e.node, msg: e.msg, time: e.time });
    }
  });

  const checkers: [string, Checker][] = [
    ['FIFO', checkFifo],
    ['causal', checkCausal],
    ['total', checkTotal],
    ['sync', checkSync],
  ];
  for (const [name, check] of checkers)
    it(`property: "unordered is always ${name}" is false: random runs contain a counterexample the checker catches`, () => {
      expect(
        findViolation({ ordering: 'unordered', losses: false, syncs: true }, check, 1000),
      ).not.toBeNull();
    });

  it('property: in 1,000 random runs lossless runs deliver everything exactly once, and nothing is delivered twice', () => {
    const { lossless } = keepsPromises({ ordering: 'unordered', losses: true, syncs: true }, [], 1000);
    // About a fifth of the random runs lose nothing (measured ~200 of 1,000).
    expect(lossless).toBeGreaterThan(100);
  });
});
