import { describe, expect, it } from 'vitest';
import { checkVirtualSynchrony } from '../../checks/vsync';
import centralized from '../../scenarios/examples/groups-centralized.json';
import closed from '../../scenarios/examples/groups-closed.json';
import distributed from '../../scenarios/examples/groups-distributed.json';
import hierarchical from '../../scenarios/examples/groups-hierarchical.json';
import open from '../../scenarios/examples/groups-open.json';
import { membershipRun } from '../../scenarios/lessons/groups/scenarios';
import { nodeId } from '../../sim/ids';
import type { Trace } from '../../sim/trace';
import { events, run } from '../reliability/testkit';

const go = (data: object) => run(data as Record<string, unknown>);

/** Each process's views, as "id:members". */
function viewsOf(t: Trace, node: string): string[] {
  return events(t, 'view', node).map(
    (e) => `${e.detail?.id}:${((e.detail?.members ?? []) as string[]).join(',')}`,
  );
}

describe('closed and open groups (lecture: "Design issues")', () => {
  it("a closed group refuses a non-member's message at every member", () => {
    const { t } = go(closed);
    for (const p of ['P0', 'P1', 'P2']) {
      expect(events(t, 'refused', p, 'm2').map((e) => e.detail?.reason)).toEqual(['closed-group']);
      expect(events(t, 'deliver', p, 'm2')).toHaveLength(0);
      expect(events(t, 'deliver', p, 'm1')).toHaveLength(1);
    }
  });

  /** P3 is refused, joins (view 2), then sends m5. */
  const refusedThenJoined = (ordering: string) =>
    go({
      ...closed,
      ordering,
      actions: [
        ...closed.actions,
        { type: 'join_group', at: 12, node: 'P3', group: 'G', msg: 'j1' },
        { type: 'send_to_group', at: 40, node: 'P3', group: 'G', msg: 'm5' },
      ],
    }).t;

  it.each(['unordered', 'fifo', 'causal', 'total', 'sync'])(
    'a refused message is delivered nowhere, not even at its sender (%s)',
    (ordering) => {
      const t = refusedThenJoined(ordering);
      expect(events(t, 'deliver', undefined, 'm2')).toEqual([]);
      expect(
        events(t, 'refused', undefined, 'm2')
          .map((e) => e.node)
          .sort(),
      ).toEqual(['P0', 'P1', 'P2']);
      // The old members deliver what P3 sends once it is a member.
      for (const p of ['P0', 'P1', 'P2']) expect(events(t, 'deliver', p, 'm5'), p).toHaveLength(1);
    },
  );

  // Total ordering is left out: a joiner there waits for the sequence numbers handed out before it
  // joined, which the ordering layer never sends it.
  it.each(['unordered', 'fifo', 'causal', 'sync'])(
    "a refused message takes no place in its sender's order: every member of the next view delivers the sender's next message (%s)",
    (ordering) => {
      const t = refusedThenJoined(ordering);
      const v2 = events(t, 'view').find((e) => e.node === 'P3' && e.detail?.id === 2)!;
      expect(v2.detail?.members).toEqual(['P0', 'P1', 'P2', 'P3']);
      expect(
        events(t, 'deliver', undefined, 'm5')
          .map((e) => e.node)
          .sort(),
      ).toEqual(v2.detail?.members);
    },
  );

  it('an open group takes it', () => {
    const { t } = go(open);
    for (const p of ['P0', 'P1', 'P2']) expect(events(t, 'deliver', p, 'm2')).toHaveLength(1);
    expect(events(t, 'refused')).toHaveLength(0);
  });

  it('refuses to join a group one is in, or to leave one one is not in', () => {
    const { t } = go({
      ...open,
      actions: [
        { type: 'join_group', at: 0, node: 'P1', group: 'G', msg: 'j1' },
        { type: 'leave_group', at: 0, node: 'P3', group: 'G', msg: 'l1' },
      ],
    });
    expect(events(t, 'refused', 'P1', 'j1')[0]!.detail?.reason).toBe('already-member');
    expect(events(t, 'refused', 'P3', 'l1')[0]!.detail?.reason).toBe('not-member');
  });
});

describe('hierarchical groups (lecture: "Software implementation: hierarchical")', () => {
  it('goes through the root coordinator, then the subgroup coordinators, to every member', () => {
    const { s, t } = go(hierarchical);
    const hops = t.copies
      .filter((c) => c.msg === 'm1')
      .map((c) => `${c.src}>${c.to}`)
      .sort();
    // From the config: P4 → root P0 → coordinators P1, P2 → their members but the sender.
    expect(hops).toEqual(['P0>P1', 'P0>P2', 'P1>P3', 'P2>P5', 'P2>P6', 'P4>P0'].sort());
    for (const p of s.processes.filter((x) => x !== 'P4'))
      expect(events(t, 'deliver', p, 'm1')).toHaveLength(1);
    expect(events(t, 'forward', 'P0', 'm1')[0]!.detail).toMatchObject({ role: 'root', to: ['P1', 'P2'] });
  });
});

describe.each([
  ['centralized', centralized],
  ['distributed', distributed],
])('joining and leaving, %s membership', (mode, data) => {
  it('every member installs the same views, in the same order', () => {
    const { t } = go(data);
    const expected = ['1:P0,P1,P2', '2:P0,P1,P2,P3', '3:P0,P1,P2,P3,P4', '4:P0,P2,P3,P4'];
    for (const p of ['P0', 'P2']) expect(viewsOf(t, p)).toEqual(expected);
    expect(viewsOf(t, 'P1')).toEqual(expected);
    expect(viewsOf(t, 'P3')).toEqual(expected.slice(1));
    expect(viewsOf(t, 'P4')).toEqual(expected.slice(2));
  });

  it("places each view at the same point of every member's message stream", () => {
    const { s, t } = go(data);
    expect(checkVirtualSynchrony(t, { members: s.processes.map(nodeId) })).toMatchObject({ holds: true });
    // A joiner gets what was sent after it joined, not before.
    expect(events(t, 'deliver', 'P3', 'm1')).toHaveLength(0);
    expect(events(t, 'deliver', 'P3', 'm4')).toHaveLength(1);
    expect(events(t, 'deliver', 'P4', 'm3')).toHaveLength(1);
  });

  it('answers a membership query with the current view', () => {
    const { t } = go(data);
    expect(events(t, 'membership', 'P2', 'q1')[0]!.detail).toMatchObject({
      id: 4,
      members: ['P0', 'P2', 'P3', 'P4'],
    });
  });

  it(
    mode === 'centralized'
      ? 'the manager alone collects the flush answers'
      : 'every member sends its flush answer to every other',
    () => {
      const { t } = go(data);
      const oks = t.copies.filter((c) => c.kind === 'flush-ok');
      const targets = new Set(oks.map((c) => c.to));
      if (mode === 'centralized') expect([...targets]).toEqual(['P0']);
      else expect(targets.size).toBeGreaterThan(1);
    },
  );
});

describe('a view change under way', () => {
  it("holds the application's sends until the new view is installed", () => {
    // Fixed latency 2: the join reaches the manager at 2, its flush reaches P1 at 4, P1 sends at 5.
    const { t } = go({
      ...centralized,
      network: { latency: [2, 2], loss: 0 },
      actions: [
        { type: 'join_group', at: 0, node: 'P3', group: 'G', msg: 'j1' },
        { type: 'multicast', at: 5, node: 'P1', msg: 'm1' },
      ],
    });
    const queued = events(t, 'queued', 'P1', 'm1');
    expect(queued[0]?.detail?.reason).toBe('flush');
    const view = events(t, 'view', 'P1').find((e) => e.detail?.id === 2)!;
    const sent = events(t, 'send', 'P1', 'm1')[0]!;
    expect(sent.step).toBeGreaterThan(view.step);
    // Sent in the new view, so the joiner gets it too.
    expect(sent.detail?.to).toContain('P3');
  });
});

describe('the membership layer says what it does with every message it takes', () => {
  const runs: [string, object][] = [
    ['centralized', centralized],
    ['distributed', distributed],
    ['hierarchical', hierarchical],
    ['closed', closed],
    ['open', open],
    ['the groups.membership lesson', membershipRun],
  ];
  it.each(runs)('%s: no copy is left to the engine to log as "ignored"', (_, data) => {
    for (const ordering of ['unordered', 'fifo', 'causal', 'sync']) {
      const { t } = go({ ...data, ordering });
      expect(events(t, 'ignored').map((e) => `${e.node} ${e.msg}`)).toEqual([]);
    }
  });

  it('the manager records each flush-ok it takes, and whom it still waits for', () => {
    // Fixed latency: P3's join reaches the manager P0 at 2; the flush reaches P1, P2 at 4; their answers arrive at 6.
    const { t } = go({
      ...centralized,
      network: { latency: [2, 2], loss: 0 },
      actions: [{ type: 'join_group', at: 0, node: 'P3', group: 'G', msg: 'j1' }],
    });
    expect(events(t, 'request', 'P0', 'j1')[0]?.detail).toMatchObject({ op: 'join', node: 'P3' });
    const oks = events(t, 'flush-ok', 'P0');
    expect(oks.map((e) => e.from).sort()).toEqual(['P1', 'P2']);
    // The first answer leaves the manager waiting for the other member; the second completes the round.
    expect(oks[0]!.detail).toEqual({ view: 1, waiting: [oks[1]!.from] });
    expect(oks[1]!.detail).toEqual({ view: 1, waiting: [] });
    expect(events(t, 'view', 'P0').find((e) => e.detail?.id === 2)!.step).toBeGreaterThan(oks[1]!.step);
  });

  it('a member that has the new view but not yet a message of the old one records that it holds the view', () => {
    // P2 sends m2 in view 1 just before the flush reaches it; m2 reaches P1 only after the view does.
    const { t } = go({
      ...centralized,
      network: { latency: [2, 2], loss: 0 },
      actions: [
        { type: 'join_group', at: 0, node: 'P3', group: 'G', msg: 'j1' },
        { type: 'send_to_group', at: 3, node: 'P2', group: 'G', msg: 'm2' },
      ],
      interventions: [{ copy: 'm2@P1', deliverAt: 20 }],
    });
    const held = events(t, 'view-held', 'P1');
    expect(held.map((e) => e.detail)).toEqual([{ group: 'G', id: 2, from: 1, missing: ['m2'] }]);
    const installed = events(t, 'view', 'P1').find((e) => e.detail?.id === 2)!;
    expect(events(t, 'deliver', 'P1', 'm2')[0]!.step).toBeLessThan(installed.step);
    expect(held[0]!.step).toBeLessThan(installed.step);
  });
});
