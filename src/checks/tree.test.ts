import { describe, expect, it } from 'vitest';
import assertLan from '../scenarios/examples/pim-dense-assert-lan.json';
import flood from '../scenarios/examples/pim-dense-flood-prune.json';
import { simulate } from '../scenarios/simulate';
import { validateScenario } from '../scenarios/validate';
import { type CopyId, type MsgId, type NodeId, nodeId } from '../sim/ids';
import type { CopyRecord, Trace, TraceEvent } from '../sim/trace';
import {
  checkExactlyOnce,
  checkNoDataLoops,
  checkOneForwarderPerLan,
  checkOnlyTowardMembers,
  treeChecks,
} from './tree';

const run = (data: unknown) => {
  const v = validateScenario(data);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return simulate(v.value);
};

/** A hand-made trace: `hops` are [from, to] data copies of message m, each sent when the previous arrived. */
function chain(hops: [string, string][], kinds: Record<string, string>): Trace {
  const events: TraceEvent[] = [];
  const copies: CopyRecord[] = [];
  const nodes = new Set<string>();
  hops.forEach(([from, to], i) => {
    nodes.add(from);
    nodes.add(to);
    const sendStep = events.length;
    events.push({
      step: sendStep,
      time: i,
      type: 'send',
      node: nodeId(from),
      msg: 'm' as MsgId,
      kind: 'data',
      detail: { role: i === 0 ? 'originate' : 'forward', on: to, group: 'G' },
    });
    copies.push({
      id: `m@${to}#${i}` as CopyId,
      msg: 'm' as MsgId,
      kind: 'data',
      from: nodeId(hops[0]![0]),
      src: nodeId(from),
      to: nodeId(to),
      sentAt: i,
      sentStep: sendStep,
      arriveAt: i + 1,
      arriveStep: sendStep + 1,
      lost: null,
    });
  });
  // Each copy arrives (a `receive` at its receiver) right after it was sent; the receiver's next send follows.
  const ev: TraceEvent[] = [];
  events.forEach((e, i) => {
    ev.push({ ...e, step: ev.length });
    copies[i]!.sentStep = ev.length - 1;
    copies[i]!.arriveStep = ev.length;
    ev.push({ step: ev.length, time: i + 1, type: 'receive', node: nodeId(hops[i]![1]), msg: 'm' as MsgId });
  });
  const initial: Record<string, unknown> = {};
  for (const n of nodes) initial[n] = { kind: kinds[n] ?? 'router' };
  return {
    format: 1,
    nodes: [...nodes].map(nodeId) as NodeId[],
    events: ev,
    copies,
    states: [],
    initial,
    endTime: hops.length,
    truncated: false,
  };
}

describe('tree checks on hand-made traces', () => {
  it('no-data-loops: a packet forwarded R1 → R2 → R3 → R1 → R2 is a loop (R1 forwards it twice)', () => {
    const t = chain(
      [
        ['S', 'R1'],
        ['R1', 'R2'],
        ['R2', 'R3'],
        ['R3', 'R1'],
        ['R1', 'R2'],
      ],
      { S: 'host' },
    );
    const r = checkNoDataLoops(t);
    expect(r.holds).toBe(false);
    expect(r.violation).toMatchObject({ rule: 'data-loop', msg: 'm' });
  });

  it('no-data-loops holds on a path S → R1 → R2 → R3', () => {
    expect(
      checkNoDataLoops(
        chain(
          [
            ['S', 'R1'],
            ['R1', 'R2'],
            ['R2', 'R3'],
          ],
          { S: 'host' },
        ),
      ).holds,
    ).toBe(true);
  });
});

describe('tree checks on simulated PIM runs', () => {
  const t = run(flood);
  it('dense mode before the prunes: the first packet was flooded onto links without members', () => {
    const r = checkOnlyTowardMembers(t);
    expect(r).toMatchObject({ holds: false, violation: { rule: 'useless-copy', msg: 'd.1' } });
  });
  it('dense mode after the prunes: every check holds', () => {
    expect(treeChecks(t, { from: 80 }).every((r) => r.holds)).toBe(true);
  });
  it('a shared LAN before the Assert has two forwarders; H1 then gets a duplicate', () => {
    const a = run(assertLan);
    expect(checkOneForwarderPerLan(a)).toMatchObject({
      holds: false,
      violation: { rule: 'two-forwarders', on: 'L1', nodes: ['R2', 'R3'] },
    });
    expect(checkExactlyOnce(a)).toMatchObject({ holds: false, violation: { rule: 'duplicate', msg: 'd.1' } });
  });
  it('a window with no data is vacuous', () => {
    expect(checkNoDataLoops(t, { from: 10_000 })).toMatchObject({ holds: true, vacuous: true });
  });
});
