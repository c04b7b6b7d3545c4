import { describe, expect, it } from 'vitest';
import { reliabilityMetrics } from '../../protocols/reliability/metrics';
import centralized from '../../scenarios/examples/groups-centralized.json';
import reliable from '../../scenarios/examples/reliability-reliable.json';
import type { ProcessScenario } from '../../scenarios/schema';
import { simulate } from '../../scenarios/simulate';
import { validateScenario } from '../../scenarios/validate';
import {
  compareSettings,
  compareSettingsMemo,
  comparisonSettings,
  DEFAULT_ACK_DELAY,
  DEFAULT_WINDOW,
  SETTINGS,
  sameSetting,
} from './compare';

function load(json: unknown): ProcessScenario {
  const v = validateScenario(json);
  if (!v.ok || v.value.lab !== 'process') throw new Error('example is invalid');
  return v.value;
}

describe('settings compared on the same schedule', () => {
  const s = load(reliable);

  it("are the lecture's: unreliable, reliable, then pipelining, cumulative and piggybacked ACKs stacked, and NACKs", () => {
    const set = comparisonSettings(s.reliability);
    expect(set.unreliable).toMatchObject({ scheme: 'unreliable', window: 1, cumulative: false, nack: false });
    expect(set.reliable).toMatchObject({
      scheme: 'reliable',
      window: 1,
      cumulative: false,
      piggyback: false,
      nack: false,
    });
    expect(set.pipelining).toMatchObject({ scheme: 'reliable', window: DEFAULT_WINDOW, cumulative: false });
    expect(set.cumulative).toMatchObject({
      window: DEFAULT_WINDOW,
      cumulative: true,
      ackDelay: DEFAULT_ACK_DELAY,
    });
    expect(set.piggyback).toMatchObject({ window: DEFAULT_WINDOW, cumulative: true, piggyback: true });
    expect(set.nack).toMatchObject({ scheme: 'reliable', window: 1, nack: true, cumulative: false });
    // The scenario's own timeout and tries carry over (reliability-reliable.json: 16 and 4).
    for (const id of SETTINGS) expect(set[id]).toMatchObject({ timeout: 16, tries: 4 });
  });

  it('runs each setting on the same scenario and reports what that run cost', () => {
    const rows = compareSettings(s);
    expect(rows.map((r) => r.id)).toEqual([...SETTINGS]);
    for (const r of rows) {
      expect(r.problem).toBeNull();
      const own = simulate({ ...s, reliability: r.reliability });
      expect(r.metrics).toEqual(reliabilityMetrics(own));
    }
  });

  it('shows what each setting promises: best effort has no ACKs, NACKs replace ACKs', () => {
    const by = Object.fromEntries(compareSettings(s).map((r) => [r.id, r.metrics!]));
    // Lecture: unreliable multicast is "basic multicast; hope it gets there".
    expect(by.unreliable!.acks).toBe(0);
    expect(by.unreliable!.retransmissions).toBe(0);
    // "Negative ACKs: receiver requests retransmission of a missed message" — no positive ACKs at all.
    expect(by.nack!.acks).toBe(0);
    // With 15% loss, reliable multicast retransmits to the silent members.
    expect(by.reliable!.retransmissions).toBeGreaterThan(0);
  });

  it("marks the scenario's own setting, and adds it when it is none of the compared ones", () => {
    const rows = compareSettings(s);
    expect(rows.filter((r) => r.current).map((r) => r.id)).toEqual(['reliable']);
    const atomic = { ...s, reliability: { ...s.reliability!, scheme: 'atomic' as const } };
    const withAtomic = compareSettings(atomic);
    expect(withAtomic.at(-1)).toMatchObject({ id: 'current', current: true });
    expect(withAtomic.at(-1)?.reliability.scheme).toBe('atomic');
  });

  it('says which settings a scenario cannot run (views forbid a window) instead of failing', () => {
    const rows = compareSettings(load(centralized));
    for (const id of ['pipelining', 'cumulative', 'piggyback'] as const) {
      const r = rows.find((x) => x.id === id)!;
      expect(r.metrics).toBeNull();
      expect(r.problem).toMatch(/^reliability\.window: /);
    }
    expect(rows.find((r) => r.id === 'reliable')?.metrics).not.toBeNull();
  });

  it('treats an ACK delay with nothing to delay as the same setting', () => {
    const a = comparisonSettings(undefined).reliable;
    expect(sameSetting(a, { ...a, ackDelay: 5 })).toBe(true);
    expect(sameSetting(a, { ...a, window: 2 })).toBe(false);
  });

  it('memoizes by scenario', () => {
    expect(compareSettingsMemo(s)).toBe(compareSettingsMemo(structuredClone(s)));
  });
});
