import { describe, expect, it } from 'vitest';
import graft from '../../scenarios/examples/pim-dense-graft.json';
import rpTree from '../../scenarios/examples/pim-sparse-rp-tree.json';
import { simulate } from '../../scenarios/simulate';
import { validateScenario } from '../../scenarios/validate';
import type { Trace } from '../../sim/trace';
import { entriesByRecency, machineGraph, machinesAt } from './machines';

function run(data: unknown): Trace {
  const v = validateScenario(data);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return simulate(v.value);
}

describe('machine graphs, from the machines’ own definitions', () => {
  it('Upstream(S,G) has the RFC 3973 §4.4.1 states, and Pruned → AckPending → Forwarding on a Graft-Ack', () => {
    const g = machineGraph('dm-upstream')!;
    expect([...g.states].sort()).toEqual(['AckPending', 'Forwarding', 'Pruned']);
    expect(g.states[0]).toBe('Forwarding');
    const edge = (from: string, to: string) => g.edges.find((e) => e.from === from && e.to === to);
    expect(edge('Pruned', 'AckPending')?.events).toContain('olist(S,G) -> non-NULL');
    expect(edge('AckPending', 'Forwarding')?.events).toContain("Graft-Ack received from RPF'(S)");
    expect(edge('Forwarding', 'Pruned')).toBeDefined();
  });

  it('sparse downstream (*,G,I) has NoInfo, Join and Prune-Pending (RFC 7761 §4.5.2)', () => {
    expect([...machineGraph('sm-downstream-star')!.states].sort()).toEqual([
      'Join',
      'NoInfo',
      'Prune-Pending',
    ]);
  });

  it('an unknown machine has no graph', () => {
    expect(machineGraph('no-such-machine')).toBeNull();
  });
});

describe('a router’s machines at a cursor (pim-dense-graft, R4)', () => {
  const t = run(graft);
  // Steps read from the trace's copies, not from the function under test.
  const graftCopy = t.copies.find((c) => c.kind === 'pim-graft' && c.src === 'R4')!;
  const ackCopy = t.copies.find((c) => c.kind === 'pim-graft-ack' && c.to === 'R4')!;
  const upstream = (cursor: number) => machinesAt(t, 'R4', cursor).find((m) => m.machine === 'dm-upstream');

  it('is Pruned before H3 joins: R4 had pruned itself off the source tree', () => {
    expect(upstream(graftCopy.sentStep - 2)?.current).toBe('Pruned');
  });

  it('goes to AckPending as the Graft is sent, naming the transition', () => {
    const m = upstream(graftCopy.sentStep + 1)!;
    expect(m.current).toBe('AckPending');
    expect(m.last).toMatchObject({ from: 'Pruned', to: 'AckPending', event: 'olist(S,G) -> non-NULL' });
    expect(m.last.actions).toContain('send Graft(S,G)');
  });

  it('goes to Forwarding once the Graft-Ack has arrived, and back again when the cursor steps back', () => {
    const after = machinesAt(t, 'R4', t.events.length).find((m) => m.machine === 'dm-upstream')!;
    expect(after.current).toBe('Forwarding');
    expect(after.last.step).toBeGreaterThan(ackCopy.arriveStep!);
    expect(upstream(ackCopy.arriveStep!)?.current).toBe('AckPending');
  });

  it('nothing has moved at cursor 0', () => {
    expect(machinesAt(t, 'R4', 0)).toEqual([]);
  });
});

describe('entries by recency', () => {
  it('puts the entry whose machine moved last first', () => {
    const t = run(rpTree);
    const rp = rpTree.pim.rp;
    const ms = machinesAt(t, rp, t.events.length);
    const order = entriesByRecency(ms);
    // The RP has several entries, so the order means something (with none, both sides below are undefined).
    expect(ms.length).toBeGreaterThan(1);
    const latest = Math.max(...ms.map((m) => m.last.step));
    expect(ms.find((m) => m.last.step === latest)?.entry).toBe(order[0]);
    expect(new Set(order)).toEqual(new Set(ms.map((m) => m.entry)));
  });
});
