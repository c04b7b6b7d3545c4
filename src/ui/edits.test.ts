import { describe, expect, it } from 'vitest';
import type { ProcessScenario, Scenario } from '../scenarios/schema';
import { validateScenario } from '../scenarios/validate';
import { addMulticast, freshMsgId, setOrdering } from './edits';

const base: ProcessScenario = {
  version: 1,
  lab: 'process',
  seed: 1,
  processes: ['P0', 'P1', 'P2'],
  ordering: 'fifo',
  network: { latency: [1, 3], loss: 0 },
  actions: [
    { type: 'multicast', at: 0, node: 'P0', msg: 'm1' },
    { type: 'multicast', at: 1, node: 'P1', msg: 'm3' },
  ],
  interventions: [],
};

describe('freshMsgId', () => {
  it('fills the first gap in m1, m2, … so the id is unique in the scenario', () => {
    expect(freshMsgId(base)).toBe('m2');
    expect(freshMsgId({ ...base, actions: [] })).toBe('m1');
  });
});

describe('addMulticast', () => {
  it('appends one multicast at the given time and keeps the scenario valid', () => {
    const next = addMulticast('P2', 7)(base);
    expect(next.actions.slice(0, 2)).toEqual(base.actions);
    expect(next.actions[2]).toEqual({ type: 'multicast', at: 7, node: 'P2', msg: 'm2' });
    expect(validateScenario(next).ok).toBe(true);
  });
  it('adds a sync message when asked', () => {
    expect(addMulticast('P0', 2, true)(base).actions[2]?.type).toBe('sync');
  });
  it('stays valid when messages are added repeatedly (every id unique)', () => {
    let s: Scenario = base;
    for (let i = 0; i < 20; i++) s = addMulticast(`P${i % 3}`, i)(s);
    expect(validateScenario(s).ok).toBe(true);
  });
});

describe('setOrdering', () => {
  it('changes only the ordering, so the same schedule re-runs', () => {
    const next = setOrdering('unordered')(base);
    expect(next).toEqual({ ...base, ordering: 'unordered' });
  });
  it('returns the same object when nothing changes (no empty undo entry)', () => {
    expect(setOrdering('fifo')(base)).toBe(base);
  });
});
