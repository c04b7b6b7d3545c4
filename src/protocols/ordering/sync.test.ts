import { describe, expect, it } from 'vitest';
import { checkFifo, checkSync } from '../../checks';
import example from '../../scenarios/examples/sync-barrier.json';
import { simulate } from '../../scenarios/simulate';
import type { Trace } from '../../sim/trace';
import { keepsPromises, scenario } from './testkit';

const deliveries = (t: Trace, node: string): string[] =>
  t.events.filter((e) => e.node === node && e.type === 'deliver').map((e) => e.msg ?? '');

describe('sync ordering (lecture: "Sync ordering")', () => {
  const t = simulate(scenario(example));

  it('P2 holds m2, sent after the sync, until m1, sent before it, has arrived and been delivered', () => {
    const held = t.events.find((e) => e.node === 'P2' && e.type === 'holdback' && e.msg === 'm2');
    expect(held?.detail?.reason).toMatchObject({ kind: 'sync' });
    expect(deliveries(t, 'P2')).toEqual(['m1', 'sync1', 'm2']);
    const m1 = t.events.find((e) => e.node === 'P2' && e.type === 'receive' && e.msg === 'm1')!;
    const m2 = t.events.find((e) => e.node === 'P2' && e.type === 'deliver' && e.msg === 'm2')!;
    expect(m2.step).toBeGreaterThan(m1.step);
  });

  it('every member delivers the sync message once everything sent before it is delivered, and only then later messages', () => {
    // The schedule multicasts exactly m1 (before the sync), sync1 and m2 (after it): the sync rule
    // leaves one order. (indexOf comparisons would pass vacuously on a message never delivered.)
    for (const p of ['P0', 'P1', 'P2']) expect(deliveries(t, p), p).toEqual(['m1', 'sync1', 'm2']);
    expect(checkSync(t)).toEqual({ guarantee: 'sync', holds: true });
  });

  it('the same schedule unordered lets m2 through first at P2, and the sync checker says so', () => {
    const u = simulate(scenario({ ...example, ordering: 'unordered' }));
    expect(checkSync(u).violation).toMatchObject({ node: 'P2', first: 'm1', second: 'm2', sync: 'sync1' });
  });

  it('between syncs delivery is unordered, as the lecture says: no FIFO promise', () => {
    const s = scenario({
      version: 1,
      lab: 'process',
      seed: 1,
      processes: ['P0', 'P1'],
      ordering: 'sync',
      network: { latency: [2, 2], loss: 0 },
      actions: [
        { type: 'multicast', at: 0, node: 'P0', msg: 'a' },
        { type: 'multicast', at: 1, node: 'P0', msg: 'b' },
      ],
      interventions: [{ copy: 'a@P1', deliverAt: 5 }],
    });
    const r = simulate(s);
    expect(deliveries(r, 'P1')).toEqual(['b', 'a']);
    expect(checkFifo(r).holds).toBe(false);
  });

  it('two concurrent syncs merge into one barrier that everyone passes', () => {
    const s = scenario({
      version: 1,
      lab: 'process',
      seed: 5,
      processes: ['P0', 'P1', 'P2'],
      ordering: 'sync',
      network: { latency: [1, 6], loss: 0 },
      actions: [
        { type: 'multicast', at: 0, node: 'P2', msg: 'a' },
        { type: 'sync', at: 2, node: 'P0', msg: 'y0' },
        { type: 'sync', at: 2, node: 'P1', msg: 'y1' },
        { type: 'multicast', at: 3, node: 'P0', msg: 'b' },
        { type: 'multicast', at: 3, node: 'P1', msg: 'c' },
      ],
    });
    const r = simulate(s);
    for (const p of s.processes)
      expect(new Set(deliveries(r, p))).toEqual(new Set(['a', 'y0', 'y1', 'b', 'c']));
    expect(checkSync(r).holds).toBe(true);
  });

  it('if a message sent before the sync is lost, nothing after the sync is delivered where it is missing', () => {
    const r = simulate(scenario({ ...example, interventions: [{ copy: 'm1@P2', drop: true }] }));
    expect(deliveries(r, 'P2')).toEqual([]);
    expect(checkSync(r).holds).toBe(true);
  });

  it('property: in 1,000 random runs (loss and interventions included) no process delivers a post-sync message before every pre-sync one, lossless runs deliver everything once, nothing twice', () => {
    const [syncRuns] = keepsPromises({ ordering: 'sync', losses: true, syncs: true }, [checkSync], 1000);
    expect(syncRuns).toBeGreaterThan(200);
  });
});
