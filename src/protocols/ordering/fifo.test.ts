import { describe, expect, it } from 'vitest';
import { checkFifo } from '../../checks';
import example from '../../scenarios/examples/fifo-holdback.json';
import { simulate } from '../../scenarios/simulate';
import { validateScenario } from '../../scenarios/validate';
import { keepsPromises } from './testkit';

function load(data: unknown) {
  const v = validateScenario(data);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.value;
}

describe('FIFO ordering', () => {
  it('holds back m2 at P2 until the delayed m1 arrives, then delivers both in order', () => {
    const trace = simulate(load(example));
    const atP2 = trace.events.filter((e) => e.node === 'P2' && e.msg !== 'm3');
    const seq = atP2.map((e) => `${e.type}:${e.msg}`);
    expect(seq).toEqual(['receive:m2', 'holdback:m2', 'receive:m1', 'deliver:m1', 'deliver:m2']);
    const m1 = trace.events.find((e) => e.node === 'P2' && e.type === 'receive' && e.msg === 'm1');
    expect(m1?.time).toBe(9);
  });

  it('delivers in send order at every member when nothing is delayed', () => {
    const s = load({ ...example, interventions: [] });
    const trace = simulate(s);
    for (const p of ['P0', 'P1', 'P2']) {
      const fromP0 = trace.events.filter((e) => e.node === p && e.type === 'deliver' && e.from === 'P0');
      expect(fromP0.map((e) => e.msg)).toEqual(['m1', 'm2']);
    }
  });
});

describe('FIFO ordering: properties', () => {
  it("property: in 1,000 random runs (loss and interventions included) each sender's messages are delivered in order, lossless runs deliver everything once, nothing twice", () => {
    const [fifoRuns] = keepsPromises({ ordering: 'fifo', losses: true, syncs: true }, [checkFifo], 1000);
    expect(fifoRuns).toBeGreaterThan(300);
  });
});
