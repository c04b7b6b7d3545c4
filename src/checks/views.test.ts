import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArb } from '../protocols/ordering/testkit';
import { run } from '../protocols/reliability/testkit';
import closedGroup from '../scenarios/examples/groups-closed.json';
import { membershipRun, openRun } from '../scenarios/lessons/groups/scenarios';
import { simulate } from '../scenarios/simulate';
import { handTrace } from '../sim/hand-trace';
import { type MsgId, msgId, type NodeId, nodeId } from '../sim/ids';
import type { Trace, TraceEvent } from '../sim/trace';
import { checkAll, checkCausal, checkFifo, checkSync, checkTotal } from '.';
import { checkAtomicity } from './atomicity';
import { checkIntegrity } from './integrity';
import { checkReliableDelivery } from './reliability';
import type { CheckResult } from './types';
import { groupViews, owes } from './views';

/**
 * The checkers with group views, on traces written by hand. Each line is `P0 send m1`,
 * `P1 deliver m1`, `P0 view 2 P0,P1,P3` (P0 installs view 2 with those members) or
 * `P0 refused m2` (a closed group refuses m2 at P0). The sender of a message is the node of its
 * first `send`, else of its first delivery.
 */
function trace(...lines: string[]): Trace {
  const senders = new Map<MsgId, NodeId>();
  const nodes: NodeId[] = [];
  const events = lines.map((line, step): TraceEvent => {
    const [node, type, a, b] = line.split(' ') as [string, string, string, string | undefined];
    const n = nodeId(node);
    if (!nodes.includes(n)) nodes.push(n);
    if (type === 'view')
      return { step, time: step, type, node: n, detail: { id: Number(a), members: b!.split(',') } };
    const msg = msgId(a);
    if ((type === 'send' || type === 'deliver') && !senders.has(msg)) senders.set(msg, n);
    const from = senders.get(msg) ?? n;
    return { step, time: step, type, node: n, msg, from, kind: 'data' };
  });
  return handTrace(nodes, events);
}

const verdict = (r: CheckResult[], g: string) => r.find((x) => x.guarantee === g)!;
const V1 = 'P0,P1,P2';
const V2 = 'P0,P1,P2,P3';

/** P0, P1, P2 install view 1; P1 multicasts m1 in it; P3 joins (view 2); P1 multicasts m4 in view 2. */
const joinLines = [
  `P0 view 1 ${V1}`,
  `P1 view 1 ${V1}`,
  `P2 view 1 ${V1}`,
  'P1 send m1',
  'P1 deliver m1',
  'P0 deliver m1',
  'P2 deliver m1',
  `P0 view 2 ${V2}`,
  `P1 view 2 ${V2}`,
  `P2 view 2 ${V2}`,
  `P3 view 2 ${V2}`,
  'P1 send m4',
  'P1 deliver m4',
];

describe('obligations from views (virtual synchrony: only what was multicast in a view one belongs to)', () => {
  it('gives each message the view its sender was in when it sent it', () => {
    const g = groupViews(trace(...joinLines, 'P3 deliver m4'));
    expect(g.of.get(msgId('m1'))?.id).toBe(1);
    expect(g.of.get(msgId('m4'))?.id).toBe(2);
    // P3 joined in view 2: it owes m4, not m1.
    expect(owes(g, nodeId('P3'), msgId('m1'))).toBe(false);
    expect(owes(g, nodeId('P3'), msgId('m4'))).toBe(true);
    expect(owes(g, nodeId('P0'), msgId('m1'))).toBe(true);
  });

  it('a joiner that delivers what was sent after it joined breaks no order', () => {
    const t = trace(...joinLines, 'P0 deliver m4', 'P2 deliver m4', 'P3 deliver m4');
    for (const r of checkAll(t)) expect(r.holds, r.guarantee).toBe(true);
  });

  it('a joiner is still held to the messages of its own view', () => {
    // P3 delivers m5 (view 2) without m4 (also view 2, same sender, sent before): FIFO, causal and total break.
    const t = trace(
      ...joinLines,
      'P0 deliver m4',
      'P1 send m5',
      'P1 deliver m5',
      'P0 deliver m5',
      'P3 deliver m5',
    );
    expect(checkFifo(t).violation).toMatchObject({
      node: 'P3',
      first: 'm4',
      second: 'm5',
      rule: 'sender-order',
    });
    expect(checkCausal(t).violation).toMatchObject({ node: 'P3', first: 'm4', second: 'm5' });
    expect(checkTotal(t).violation).toMatchObject({
      node: 'P3',
      first: 'm4',
      second: 'm5',
      rule: 'missing-earlier',
    });
  });

  it('a process that left owes nothing multicast after it left', () => {
    const t = trace(
      `P0 view 1 ${V1}`,
      `P1 view 1 ${V1}`,
      `P2 view 1 ${V1}`,
      'P0 send m1',
      'P0 deliver m1',
      'P1 deliver m1',
      'P2 deliver m1',
      `P0 view 2 P0,P2`,
      `P1 view 2 P0,P2`,
      `P2 view 2 P0,P2`,
      'P0 send m2',
      'P0 deliver m2',
      'P2 deliver m2',
      'P0 send m3',
      'P0 deliver m3',
      'P2 deliver m3',
      // P1, outside the group now, sends to it (an open group): it owes neither m2 nor m3.
      'P1 send m9',
      'P1 deliver m9',
      'P0 deliver m9',
      'P2 deliver m9',
    );
    for (const r of checkAll(t)) expect(r.holds, r.guarantee).toBe(true);
    expect(checkReliableDelivery(t).holds).toBe(true);
  });

  it("a non-member's message to an open group belongs to the view of the members that deliver it", () => {
    const t = trace(
      `P0 view 1 ${V1}`,
      `P1 view 1 ${V1}`,
      `P2 view 1 ${V1}`,
      'P0 send m1',
      'P0 deliver m1',
      'P1 deliver m1',
      'P2 deliver m1',
      'P3 send m2',
      'P3 deliver m2',
      'P1 deliver m2',
      'P0 deliver m2',
    );
    const g = groupViews(t);
    expect(g.of.get(msgId('m2'))?.id).toBe(1);
    // P3 owes nothing, so its delivery of m2 without m1 breaks no total order; P2 owes m2.
    expect(checkTotal(t).holds).toBe(true);
    expect(checkReliableDelivery(t).violation).toMatchObject({ node: 'P2', first: 'm2' });
  });

  it('reliable delivery and atomicity ask the joiner for nothing from before it joined', () => {
    const t = trace(...joinLines, 'P0 deliver m4', 'P2 deliver m4', 'P3 deliver m4');
    expect(checkReliableDelivery(t).holds).toBe(true);
    expect(checkAtomicity(t).holds).toBe(true);
    // Without P3's delivery of m4 both catch it.
    const short = trace(...joinLines, 'P0 deliver m4', 'P2 deliver m4');
    expect(checkReliableDelivery(short).violation).toMatchObject({ node: 'P3', first: 'm4' });
    expect(checkAtomicity(short).violation).toMatchObject({ node: 'P3', first: 'm4' });
  });
});

describe('a send a closed group refused is not a multicast', () => {
  /** P3's m2 is refused by every member; P3 joins, then multicasts m5, which everyone delivers. */
  const lines = [
    `P0 view 1 ${V1}`,
    `P1 view 1 ${V1}`,
    `P2 view 1 ${V1}`,
    'P3 send m2',
    'P0 refused m2',
    'P1 refused m2',
    'P2 refused m2',
    `P0 view 2 ${V2}`,
    `P1 view 2 ${V2}`,
    `P2 view 2 ${V2}`,
    `P3 view 2 ${V2}`,
    'P3 send m5',
    'P3 deliver m5',
    'P0 deliver m5',
    'P1 deliver m5',
    'P2 deliver m5',
  ];

  it('so FIFO and causal order hold when the refused sender joins and sends again', () => {
    const t = trace(...lines);
    expect(checkFifo(t).holds).toBe(true);
    expect(checkCausal(t).holds).toBe(true);
    expect(checkReliableDelivery(t).holds).toBe(true);
  });

  it('and delivering it anyway is delivering a message nobody multicast', () => {
    const t = trace(...lines, 'P0 deliver m2');
    expect(checkIntegrity(t).violation).toMatchObject({ rule: 'invented', node: 'P0', first: 'm2' });
  });
});

describe('the group lessons and examples, simulated', () => {
  it('groups.membership: P3 joined after m1 was sent, so no order is broken by its not delivering m1', () => {
    const t = simulate(membershipRun);
    expect(t.events.some((e) => e.type === 'deliver' && e.node === 'P3' && e.msg === 'm1')).toBe(false);
    for (const r of checkAll(t)) expect(r.holds, r.guarantee).toBe(true);
  });

  it('groups.closed-open, open: the non-member P3 owes nothing of the group', () => {
    const t = simulate(openRun);
    expect(verdict(checkAll(t), 'total').holds).toBe(true);
  });

  it('a closed group refuses P3, P3 joins and sends again: FIFO and causal hold', () => {
    const { t } = run({
      ...closedGroup,
      ordering: 'fifo',
      actions: [
        ...closedGroup.actions,
        { type: 'join_group', at: 12, node: 'P3', group: 'G', msg: 'j1' },
        { type: 'send_to_group', at: 40, node: 'P3', group: 'G', msg: 'm5' },
      ],
    });
    expect(t.events.filter((e) => e.type === 'refused' && e.msg === 'm2')).toHaveLength(3);
    expect(t.events.filter((e) => e.type === 'deliver' && e.msg === 'm5')).toHaveLength(4);
    for (const r of checkAll(t)) expect(r.holds, r.guarantee).toBe(true);
  });
});

describe('property: views change nothing for a fixed group', () => {
  /** The same trace with every node installing one view of all nodes before anything else happens. */
  function withFixedView(t: Trace): Trace {
    const n = t.nodes.length;
    const views: TraceEvent[] = t.nodes.map((node, step) => ({
      step,
      time: 0,
      type: 'view',
      node,
      detail: { id: 1, members: [...t.nodes] },
    }));
    return { ...t, events: [...views, ...t.events.map((e) => ({ ...e, step: e.step + n }))] };
  }
  const shape = (r: CheckResult, shift: number) => ({
    guarantee: r.guarantee,
    holds: r.holds,
    violation: r.violation && { ...r.violation, step: r.violation.step - shift },
  });

  it('property: with one view of every process installed first, every checker gives the verdict it gives without views (so violations are still caught)', () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom('unordered', 'fifo', 'causal', 'total', 'sync')
          .chain((ordering) => scenarioArb({ ordering, losses: true, syncs: true, maxProcesses: 6 })),
        (s) => {
          const t = simulate(s);
          const v = withFixedView(t);
          const n = t.nodes.length;
          const plain = [...checkAll(t), checkReliableDelivery(t), checkAtomicity(t)];
          const viewed = [...checkAll(v), checkReliableDelivery(v), checkAtomicity(v)];
          expect(viewed.map((r) => shape(r, n))).toEqual(plain.map((r) => shape(r, 0)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the fixed-view runs include violations, so the property above is not vacuous', () => {
    const caught = fc
      .sample(scenarioArb({ ordering: 'unordered', losses: true, maxProcesses: 6 }), { numRuns: 60, seed: 7 })
      .map((s) => withFixedView(simulate(s)))
      .filter((t) => [checkFifo(t), checkCausal(t), checkTotal(t), checkSync(t)].some((r) => !r.holds));
    expect(caught.length).toBeGreaterThan(0);
  });
});
