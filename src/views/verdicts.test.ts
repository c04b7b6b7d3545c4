import { describe, expect, it } from 'vitest';
import { simulate } from '../scenarios/simulate';
import { checksFor, promisedBy } from './verdicts';

describe('promisedBy: which ordering violations are the protocol’s fault', () => {
  it('follows the lecture: causal and total contain FIFO; unordered and global time promise nothing', () => {
    expect(promisedBy('fifo')).toEqual(['fifo']);
    expect([...promisedBy('causal')].sort()).toEqual(['causal', 'fifo']);
    expect([...promisedBy('total')].sort()).toEqual(['fifo', 'total']);
    expect(promisedBy('sync')).toEqual(['sync']);
    expect(promisedBy('unordered')).toEqual([]);
    expect(promisedBy('globaltime')).toEqual([]);
  });

  it('a causal run where two members deliver concurrent messages in different orders breaks total order, which causal does not promise', () => {
    // P0 and P1 multicast at once; P2 gets P1's first, P3 gets P0's first (overrides).
    const trace = simulate({
      version: 1,
      lab: 'process',
      seed: 1,
      processes: ['P0', 'P1', 'P2', 'P3'],
      ordering: 'causal',
      network: { latency: [5, 5], loss: 0 },
      actions: [
        { type: 'multicast', at: 0, node: 'P0', msg: 'a' },
        { type: 'multicast', at: 0, node: 'P1', msg: 'b' },
      ],
      interventions: [
        { copy: 'b@P2', deliverAt: 1 },
        { copy: 'a@P3', deliverAt: 1 },
      ],
    });
    const byName = new Map(checksFor(trace).map((c) => [c.guarantee, c]));
    expect(byName.get('total')?.holds).toBe(false);
    expect(byName.get('causal')?.holds).toBe(true);
    expect(byName.get('fifo')?.holds).toBe(true);
    expect(promisedBy('causal')).not.toContain('total');
  });
});
