import { describe, expect, it } from 'vitest';
import { checkFifo, checkTotal } from '../../checks';
import example from '../../scenarios/examples/total-sequencer.json';
import unorderedExample from '../../scenarios/examples/unordered-different-orders.json';
import { simulate } from '../../scenarios/simulate';
import type { Trace } from '../../sim/trace';
import { keepsPromises, scenario } from './testkit';

const deliveries = (t: Trace, node: string) =>
  t.events.filter((e) => e.node === node && e.type === 'deliver').map((e) => e.msg);

describe('total ordering with a sequencer (lecture: "Total ordering")', () => {
  const t = simulate(scenario(example));

  it('gives a sequencer that is not a member a lane of its own, which delivers nothing', () => {
    expect(t.nodes).toEqual(['P0', 'P1', 'P2', 'P3', 'S']);
    expect(deliveries(t, 'S')).toEqual([]);
    // Members send their messages to the group and to the sequencer.
    expect(t.copies.filter((c) => c.msg === 'a').map((c) => c.to)).toEqual(['P1', 'P2', 'P3', 'S']);
  });

  it('numbers the messages in the order the sequencer got them, and every member delivers in that order', () => {
    // Independent expectation: the lecture's rule, ids consecutive in the sequencer's arrival order.
    const atS = t.events.filter((e) => e.node === 'S' && e.type === 'receive').map((e) => e.msg);
    const orders = t.events.filter((e) => e.node === 'S' && e.type === 'send' && e.kind === 'order');
    expect(orders.map((e) => e.detail?.label)).toEqual(atS.map((m, i) => `${m}=#${i + 1}`));
    for (const p of ['P0', 'P1', 'P2', 'P3']) expect(deliveries(t, p)).toEqual(atS);
    expect(checkTotal(t)).toEqual({ guarantee: 'total', holds: true });
  });

  it("holds data back until its number is known, and the sender waits for its own message's number too", () => {
    const own = t.events.find((e) => e.node === 'P0' && e.type === 'holdback' && e.msg === 'a');
    expect(own?.detail).toMatchObject({ own: true, reason: { kind: 'order', need: null } });
    const p3b = t.events.filter((e) => e.node === 'P3' && e.msg === 'b').map((e) => e.type);
    expect(p3b).toEqual(['receive', 'holdback', 'deliver']);
    const orderOfA = t.events.find((e) => e.node === 'P0' && e.type === 'receive' && e.msg === 'a:order')!;
    const delivered = t.events.find((e) => e.node === 'P0' && e.type === 'deliver' && e.msg === 'a')!;
    expect(delivered.step).toBeGreaterThan(orderOfA.step);
  });

  it('the same schedule unordered delivers in different orders, and the total checker says where', () => {
    const u = simulate(scenario(unorderedExample));
    expect(deliveries(u, 'P2')).toEqual(['a', 'b']);
    expect(deliveries(u, 'P3')).toEqual(['b', 'a']);
    expect(checkTotal(u).holds).toBe(false);
  });

  it('a member can be the sequencer: it attaches the ids to its own messages, and no extra lane appears', () => {
    const s = scenario({ ...example, sequencer: 'P0', interventions: [] });
    const m = simulate(s);
    expect(m.nodes).toEqual(['P0', 'P1', 'P2', 'P3']);
    expect(m.copies.filter((c) => c.msg === 'a').map((c) => c.label)).toEqual(['#1', '#1', '#1']);
    expect(m.copies.some((c) => c.msg === 'a:order')).toBe(false);
    expect(checkTotal(m).holds).toBe(true);
  });

  it("keeps each sender's order at the sequencer (rule 1): a later message that overtakes waits there", () => {
    const s = scenario({
      version: 1,
      lab: 'process',
      seed: 1,
      processes: ['P0', 'P1'],
      ordering: 'total',
      network: { latency: [2, 2], loss: 0 },
      actions: [
        { type: 'multicast', at: 0, node: 'P0', msg: 'm1' },
        { type: 'multicast', at: 1, node: 'P0', msg: 'm2' },
      ],
      interventions: [{ copy: 'm1@S', deliverAt: 6 }],
    });
    const r = simulate(s);
    const held = r.events.find((e) => e.node === 'S' && e.type === 'holdback');
    expect(held).toMatchObject({ msg: 'm2', detail: { reason: { kind: 'seq', sender: 'P0', need: 1 } } });
    expect(deliveries(r, 'P1')).toEqual(['m1', 'm2']);
    expect(checkFifo(r).holds).toBe(true);
  });

  it('property: in 1,000 random runs (any sequencer, loss and interventions included) every member delivers in one order, FIFO per sender, lossless runs everything once, nothing twice', () => {
    const [totalRuns, fifoRuns] = keepsPromises(
      { ordering: 'total', losses: true, syncs: true, sequencer: true },
      [checkTotal, checkFifo],
      1000,
    );
    expect(totalRuns).toBeGreaterThan(500);
    expect(fifoRuns).toBeGreaterThan(300);
  });
});
