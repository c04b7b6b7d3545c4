import { describe, expect, it } from 'vitest';
import { checkVirtualSynchrony } from '../../checks/vsync';
import centralized from '../../scenarios/examples/groups-centralized.json';
import closed from '../../scenarios/examples/groups-closed.json';
import distributed from '../../scenarios/examples/groups-distributed.json';
import hierarchical from '../../scenarios/examples/groups-hierarchical.json';
import open from '../../scenarios/examples/groups-open.json';
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
