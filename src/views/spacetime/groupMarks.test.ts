import { describe, expect, it } from 'vitest';
import { closedRun, membershipRun } from '../../scenarios/lessons/groups/scenarios';
import { simulate } from '../../scenarios/simulate';
import { groupMarks } from './groupMarks';

describe('groupMarks', () => {
  it('a closed group: one refusal per member for the non-member’s message, none for the member’s', () => {
    const gm = groupMarks(simulate(closedRun));
    const members = closedRun.groups!.members!;
    expect(gm.refusals.map((r) => r.node).sort()).toEqual([...members].sort());
    for (const r of gm.refusals) expect(r).toMatchObject({ msg: 'm2', from: 'P3', reason: 'closed-group' });
    // Nobody joins or leaves: no view is installed after the first, and each member is one band from time 0.
    expect(gm.installs).toEqual([]);
    expect(gm.bands.map((b) => [b.node, b.t0, b.t1])).toEqual(members.map((m) => [m, 0, null]));
  });

  it('a join and a leave: an install per member per view, bands that start at the join and end at the leave', () => {
    const t = simulate(membershipRun);
    const gm = groupMarks(t);
    // View 2 (P3 joins) is installed by the four members; view 3 (P1 leaves) by the three that
    // stay and by P1 itself as it leaves.
    expect(
      gm.installs
        .filter((v) => v.id === 2)
        .map((v) => v.node)
        .sort(),
    ).toEqual(['P0', 'P1', 'P2', 'P3']);
    expect(
      gm.installs
        .filter((v) => v.id === 3)
        .map((v) => v.node)
        .sort(),
    ).toEqual(['P0', 'P1', 'P2', 'P3']);
    const band = (n: string) => gm.bands.filter((b) => b.node === n);
    const installAt = (n: string, id: number) => gm.installs.find((v) => v.node === n && v.id === id)!;
    expect(band('P3').map((b) => [b.t0, b.t1])).toEqual([[installAt('P3', 2).t, null]]);
    expect(band('P1').map((b) => [b.t0, b.t1])).toEqual([[0, installAt('P1', 3).t]]);
    // The query's answer is the view in force when it was asked: view 3.
    expect(gm.answers).toHaveLength(1);
    expect(gm.answers[0]).toMatchObject({ node: 'P3', id: 3, members: installAt('P0', 3).members });
  });
});
