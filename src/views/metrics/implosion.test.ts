import { describe, expect, it } from 'vitest';
import reliable from '../../scenarios/examples/reliability-reliable.json';
import type { ProcessScenario } from '../../scenarios/schema';
import { validateScenario } from '../../scenarios/validate';
import { groupOf, implosionPoint, implosionSeries } from './implosion';

function load(json: unknown): ProcessScenario {
  const v = validateScenario(json);
  if (!v.ok || v.value.lab !== 'process') throw new Error('example is invalid');
  return v.value;
}

describe('feedback implosion against group size', () => {
  const s = load(reliable);
  const lossless = { ...s, network: { ...s.network, loss: 0 } };

  it("grows the group with fresh ids after the scenario's own", () => {
    expect(groupOf(['P0', 'P2'], 4)).toEqual(['P0', 'P2', 'P1', 'P3']);
    expect(groupOf(['P0', 'P1', 'P2'], 2)).toEqual(['P0', 'P1']);
  });

  it('brings one ACK per other member back to the sender on a lossless network', () => {
    // Lecture: "wait for acknowledgement from each group member" — n − 1 of them.
    for (const size of [2, 5, 12]) expect(implosionPoint(lossless, size).acks).toBe(size - 1);
  });

  it('brings none back with negative ACKs', () => {
    const nack = { ...lossless, reliability: { ...s.reliability!, nack: true } };
    expect(implosionPoint(nack, 8).acks).toBe(0);
  });

  it("includes the scenario's own group size, in order", () => {
    const sizes = implosionSeries({ ...lossless, processes: [...s.processes, 'P5', 'P6'] }).map(
      (p) => p.size,
    );
    expect(sizes).toContain(7);
    expect([...sizes].sort((a, b) => a - b)).toEqual(sizes);
  });
});
