import { describe, expect, it } from 'vitest';
import { checkIntegrity } from '../../checks/integrity';
import byzantineExample from '../../scenarios/examples/faults-byzantine.json';
import partitionExample from '../../scenarios/examples/faults-partition.json';
import { validateScenario } from '../../scenarios/validate';
import type { CopyDraft, NetworkModel } from '../../sim/engine';
import { copyId, msgId, nodeId } from '../../sim/ids';
import { events, run } from '../reliability/testkit';
import { faultyNetwork } from './network';

/** A network that delivers every copy after exactly 4 ticks, so only the faults decide. */
const fixed: NetworkModel = { fate: (c) => ({ arriveAt: c.sentAt + 4 }) };
const draft = (src: string, to: string, sentAt: number, msg = 'm1'): CopyDraft => ({
  id: copyId(msg, to),
  msg: msgId(msg),
  kind: 'data',
  from: nodeId(src),
  src: nodeId(src),
  to: nodeId(to),
  sentAt,
});

describe('the network under faults (lecture: "Failure considerations")', () => {
  const split = faultyNetwork(fixed, {
    omissions: [],
    splits: [
      { at: 10, groups: [['P0', 'P1'], ['P2']] },
      { at: 30, groups: null },
    ],
  });

  it('drops copies between sub-groups of a partition, and only those', () => {
    expect(split.fate(draft('P0', 'P2', 12))).toEqual({ lost: 'partition', at: 16 });
    expect(split.fate(draft('P0', 'P1', 12))).toEqual({ arriveAt: 16 });
  });

  it('cuts off a copy already on its way when the partition opens', () => {
    expect(split.fate(draft('P0', 'P2', 8))).toEqual({ lost: 'partition', at: 10 });
  });

  it('delivers across again once healed', () => {
    expect(split.fate(draft('P0', 'P2', 30))).toEqual({ arriveAt: 34 });
  });

  it('loses what a process fails to send or to receive in its window, or the one copy named', () => {
    const net = faultyNetwork(fixed, {
      omissions: [
        { dir: 'send', node: 'P0', at: 0, until: 5 },
        { dir: 'receive', node: 'P2', at: 10, until: 20 },
        { dir: 'send', node: 'P1', at: 0, copy: 'm9@P2' },
      ],
      splits: [],
    });
    expect(net.fate(draft('P0', 'P1', 4))).toEqual({ lost: 'send-omission', at: 4 });
    expect(net.fate(draft('P0', 'P1', 5))).toEqual({ arriveAt: 9 });
    // Receive omission is about when the copy arrives: sent at 5, arriving at 9, is fine; at 10, lost.
    expect(net.fate(draft('P1', 'P2', 5))).toEqual({ arriveAt: 9 });
    expect(net.fate(draft('P1', 'P2', 6))).toEqual({ lost: 'receive-omission', at: 10 });
    expect(net.fate(draft('P1', 'P2', 30, 'm9'))).toEqual({ lost: 'send-omission', at: 30 });
    expect(net.fate(draft('P1', 'P3', 30, 'm9'))).toEqual({ arriveAt: 34 });
  });

  it('marks the partition and the heal on every lane, with the side each process is on', () => {
    const { t } = run(partitionExample as unknown as Record<string, unknown>);
    const marks = events(t, 'partition');
    expect(marks.map((e) => [e.node, e.detail?.side])).toEqual([
      ['P0', 0],
      ['P1', 0],
      ['P2', 1],
      ['P3', 1],
    ]);
    expect(events(t, 'heal').map((e) => e.node)).toEqual(['P0', 'P1', 'P2', 'P3']);
    expect(t.copies.some((c) => c.lost === 'partition')).toBe(true);
    // Reliable multicast retried across the partition until it healed: everyone got everything.
    for (const p of ['P0', 'P1', 'P2', 'P3']) expect(events(t, 'deliver', p)).toHaveLength(3);
  });
});

describe('crash failures', () => {
  const base = {
    seed: 1,
    processes: ['P0', 'P1', 'P2'],
    ordering: 'fifo',
    network: { latency: [2, 2], loss: 0 },
    reliability: { scheme: 'reliable', timeout: 10, tries: 3 },
  };

  it('a crashed process ignores copies and the application, and its timers die with it', () => {
    const { t } = run({
      ...base,
      actions: [
        { type: 'multicast', at: 0, node: 'P1', msg: 'm1' },
        { type: 'multicast', at: 3, node: 'P0', msg: 'm2' },
        { type: 'multicast', at: 5, node: 'P1', msg: 'm3' },
      ],
      faults: [{ type: 'crash', at: 1, node: 'P1' }],
    });
    expect(events(t, 'crash', 'P1').map((e) => e.time)).toEqual([1]);
    const ignored = events(t, 'ignored', 'P1');
    expect(ignored.every((e) => e.detail?.reason === 'crashed')).toBe(true);
    expect(ignored.map((e) => e.msg)).toEqual(expect.arrayContaining(['m2', 'm3']));
    // It had sent m1 before crashing, but never retransmits it.
    expect(events(t, 'retransmit', 'P1')).toHaveLength(0);
    expect(events(t, 'send', 'P1').filter((e) => e.time > 1)).toHaveLength(0);
  });

  it('restarts with its state when the log survived, afresh when it did not', () => {
    const scenario = (log: boolean) => ({
      ...base,
      actions: [
        { type: 'multicast', at: 0, node: 'P0', msg: 'm1' },
        { type: 'multicast', at: 20, node: 'P0', msg: 'm2' },
      ],
      faults: [{ type: 'crash', at: 5, node: 'P1', restart: { at: 10, log } }],
    });
    const delivered = (t: ReturnType<typeof run>['t']) =>
      (t.states.filter((s) => s.node === 'P1').at(-1)!.state as { ordering: { delivered: string[] } })
        .ordering.delivered;
    const kept = run(scenario(true)).t;
    expect(events(kept, 'restart', 'P1')[0]!.detail).toMatchObject({ log: true });
    expect(delivered(kept)).toEqual(['m1', 'm2']);
    // Without its log, P1 forgot m1: FIFO now waits for P0's message 1 before m2 (number 2).
    const lost = run(scenario(false)).t;
    expect(delivered(lost)).toEqual([]);
    expect(events(lost, 'holdback', 'P1', 'm2')).toHaveLength(1);
  });
});

describe('byzantine failures', () => {
  it('a garbled message is caught by its checksum; a two-faced one is not, and the trace shows what each got', () => {
    const { t } = run(byzantineExample as unknown as Record<string, unknown>);
    const garbled = events(t, 'corrupt', 'P1', 'm2')[0]!;
    expect(garbled.detail).toMatchObject({ mode: 'corrupt', body: 'm2' });
    for (const p of ['P0', 'P2', 'P3']) {
      expect(events(t, 'discard', p, 'm2').some((e) => e.detail?.reason === 'corrupt')).toBe(true);
    }
    const twoFaced = events(t, 'corrupt', 'P2', 'm3')[0]!.detail as {
      bodies: Record<string, string>;
      body: string;
    };
    const told = Object.values(twoFaced.bodies);
    expect(told).toContain('m3');
    expect(told.some((b) => b !== 'm3')).toBe(true);
    const r = checkIntegrity(t);
    expect(r.lies.filter((l) => l.msg === 'm2').every((l) => l.caught)).toBe(true);
    expect(r.lies.filter((l) => l.msg === 'm3').every((l) => !l.caught && l.delivered)).toBe(true);
    expect(r.holds).toBe(false);
    expect(r.violation).toMatchObject({ rule: 'forged', first: 'm3', other: 'P2' });
  });
});

describe('fault entries in a scenario', () => {
  const s = (faults: unknown[]) =>
    validateScenario({
      version: 1,
      lab: 'process',
      seed: 1,
      processes: ['P0', 'P1'],
      ordering: 'fifo',
      network: { latency: [1, 2], loss: 0 },
      actions: [],
      faults,
    });

  it('are rejected with the field and the reason when they make no sense', () => {
    const bad = s([
      { type: 'crash', at: 5, node: 'P7' },
      { type: 'crash', at: 5, node: 'P0', restart: { at: 5 } },
      { type: 'send-omission', at: 9, node: 'P1', until: 3 },
      { type: 'receive-omission', at: 0, node: 'P1', copy: 'm1@P0' },
      { type: 'partition', at: 1, groups: [['P0'], ['P0']] },
    ]);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    const paths = bad.errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'faults[0].node',
        'faults[1].restart.at',
        'faults[2].until',
        'faults[3].copy',
        'faults[4].groups[1][0]',
        'faults[4].groups',
      ]),
    );
  });

  it('are accepted when they do', () => {
    expect(
      s([
        { type: 'partition', at: 1, groups: [['P0'], ['P1']] },
        { type: 'heal', at: 4 },
      ]).ok,
    ).toBe(true);
  });
});
