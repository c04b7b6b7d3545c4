import { describe, expect, it } from 'vitest';
import { checkCausal, checkFifo } from '../../checks';
import lecture from '../../scenarios/examples/causal-lecture.json';
import { simulate } from '../../scenarios/simulate';
import { msgId, nodeId } from '../../sim/ids';
import type { TraceEvent } from '../../sim/trace';
import type { Packet } from '../stack';
import { causal } from './causal';
import { keepsPromises, scenario } from './testkit';

const at = (events: TraceEvent[], node: string) =>
  events.filter((e) => e.node === node).map((e) => `${e.type}:${e.msg}`);

describe('causal ordering: the lecture\'s worked example ("Causal Ordering: Example")', () => {
  const s = scenario(lecture);
  const t = simulate(s);

  it('stamps m0 with V=(1,0,0) and m1, sent by P1 after delivering m0, with V=(1,1,0)', () => {
    const label = (msg: string) => new Set(t.copies.filter((c) => c.msg === msg).map((c) => c.label));
    expect(label('m0')).toEqual(new Set(['[1,0,0]']));
    expect(label('m1')).toEqual(new Set(['[1,1,0]']));
    expect(at(t.events, 'P1')).toEqual(['receive:m0', 'deliver:m0', 'send:m1', 'deliver:m1']);
  });

  it("P2 holds m1 back for P0's message 1, then delivers m0 and m1 from the hold-back queue", () => {
    expect(at(t.events, 'P2')).toEqual([
      'receive:m1',
      'holdback:m1',
      'receive:m0',
      'deliver:m0',
      'deliver:m1',
    ]);
    const held = t.events.find((e) => e.node === 'P2' && e.type === 'holdback');
    // Test (1): V1[1] = 1 = V2[1] + 1, in sequence; test (2) fails on entry 0: 1 > 0, P0's message 1 is missing.
    expect(held?.detail?.reason).toEqual({ kind: 'causal', sender: 'P0', need: 1 });
    const deliveries = t.events.filter((e) => e.node === 'P2' && e.type === 'deliver');
    // The lecture: "Update precedence vector from (0,0,0) to (1,0,0)", then m1 makes it (1,1,0).
    expect(deliveries.map((e) => e.detail?.vector)).toEqual([
      [1, 0, 0],
      [1, 1, 0],
    ]);
    expect(deliveries[1]?.detail?.fromHoldback).toBe(true);
  });

  it("shows P2's hold-back queue with the reason, and the precedence vector, in the step snapshots", () => {
    const heldStep = t.events.find((e) => e.node === 'P2' && e.type === 'holdback')!.step;
    const state = t.states.find((r) => r.node === 'P2' && r.step === heldStep)?.state as {
      ordering: {
        holdback: { msg: string; reason: unknown }[];
        delivered: string[];
        vector: Record<string, number>;
      };
    };
    expect(state.ordering.holdback.map((h) => h.msg)).toEqual(['m1']);
    expect(state.ordering.delivered).toEqual([]);
    expect(state.ordering.vector).toEqual({ P0: 0, P1: 0, P2: 0 });
    const last = t.states.filter((r) => r.node === 'P2').at(-1)?.state as typeof state;
    expect(last.ordering.delivered).toEqual(['m0', 'm1']);
    expect(last.ordering.holdback).toEqual([]);
    expect(last.ordering.vector).toEqual({ P0: 1, P1: 1, P2: 0 });
  });

  it('the causal checker passes it, and the same schedule unordered is caught delivering m1 before m0 at P2', () => {
    expect(checkCausal(t)).toEqual({ guarantee: 'causal', holds: true });
    const u = simulate(scenario({ ...lecture, ordering: 'unordered' }));
    expect(checkCausal(u).violation).toMatchObject({
      node: 'P2',
      first: 'm0',
      second: 'm1',
      rule: 'happens-before',
    });
  });
});

describe('causal ordering: the rules on their own', () => {
  const group = [nodeId('P0'), nodeId('P1'), nodeId('P2')];
  const packet = (msg: string, from: string, vt: number[]): Packet => ({
    msg: msgId(msg),
    from: nodeId(from),
    kind: 'data',
    h: { vt },
  });

  it('the sender delivers its own message at once, stamped with its incremented vector', () => {
    const c = causal.init({ self: group[1]!, group });
    const r = causal.on(c, { type: 'down', packet: packet('a', 'P1', []), to: [] });
    expect(r.out.map((a) => a.type)).toEqual(['down', 'record']);
    expect(r.out[1]).toMatchObject({
      params: { type: 'deliver', msg: 'a', detail: { vt: [0, 1, 0], own: true } },
    });
    expect(r.context.vector).toEqual([0, 1, 0]);
  });

  it('holds back a message that is not next from its sender (test 1) and names the missing number', () => {
    const c = causal.init({ self: group[2]!, group });
    const r = causal.on(c, { type: 'up', packet: packet('b', 'P0', [2, 0, 0]) });
    expect(r.context.holdback[0]?.reason).toEqual({ kind: 'seq', sender: 'P0', need: 1 });
  });

  it('discards a duplicate: a message whose number from its sender was delivered already', () => {
    const c = causal.init({ self: group[2]!, group });
    const once = causal.on(c, { type: 'up', packet: packet('a', 'P0', [1, 0, 0]) });
    const twice = causal.on(once.context, { type: 'up', packet: packet('a', 'P0', [1, 0, 0]) });
    expect(twice.out.map((a) => a.type === 'record' && a.params.type)).toEqual(['receive', 'discard']);
    expect(twice.context).toBe(once.context);
  });

  it('re-tests the hold-back queue after each delivery: a chain of three is released in causal order', () => {
    let c = causal.init({ self: group[2]!, group });
    // P1's 2nd message follows its 1st, which follows P0's 1st: they arrive in reverse.
    for (const p of [
      packet('c', 'P1', [1, 2, 0]),
      packet('b', 'P1', [1, 1, 0]),
      packet('a', 'P0', [1, 0, 0]),
    ])
      c = causal.on(c, { type: 'up', packet: p }).context;
    expect(c.delivered.log.slice(0, c.delivered.length)).toEqual(['a', 'b', 'c']);
    expect(c.holdback).toEqual([]);
  });
});

describe('causal ordering: properties', () => {
  it('property: in 1,000 random runs (loss and interventions included) delivery is causal and FIFO, lossless runs deliver everything once, nothing twice', () => {
    const [causalRuns, fifoRuns] = keepsPromises(
      { ordering: 'causal', losses: true, syncs: true },
      [checkCausal, checkFifo],
      1000,
    );
    // The random runs must really test something: most have messages that causally depend on others.
    expect(causalRuns).toBeGreaterThan(500);
    expect(fifoRuns).toBeGreaterThan(300);
  });
});
