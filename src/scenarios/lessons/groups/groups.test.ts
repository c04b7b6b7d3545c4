import { describe, expect, it } from 'vitest';
import { checkIntegrity } from '../../../checks/integrity';
import { checkReliableDelivery } from '../../../checks/reliability';
import type { NodeId } from '../../../sim/ids';
import type { Trace, TraceEvent } from '../../../sim/trace';
import type { ProcessScenario } from '../../schema';
import { simulate } from '../../simulate';
import {
  byzantineRun,
  centralizedRun,
  closedRun,
  crashRun,
  distributedRun,
  hierarchicalRun,
  membershipRun,
  omissionRun,
  openRun,
  partitionRun,
  peerRun,
} from './scenarios';

/**
 * What the groups and failures lessons say happens, checked in the simulated runs. Expected
 * values come from the lecture's rules and the scenarios' own schedules, not from a printed run.
 */

const ev = (t: Trace, type: string, node?: string, msg?: string): TraceEvent[] =>
  t.events.filter(
    (e) => e.type === type && (node === undefined || e.node === node) && (msg === undefined || e.msg === msg),
  );
const first = (t: Trace, type: string, node: string, msg?: string) => ev(t, type, node, msg)[0]?.step ?? -1;
/**
 * A step that must exist: `expect(seen(a)).toBeLessThan(b)` would otherwise pass vacuously on a
 * missing event (-1 is before everything).
 */
const seen = (step: number): number => {
  expect(step, 'the event is in the trace').toBeGreaterThanOrEqual(0);
  return step;
};
const views = (t: Trace, id: number) => t.events.filter((e) => e.type === 'view' && e.detail?.id === id);
const appMsgs = (s: ProcessScenario) =>
  new Set(s.actions.filter((a) => a.type === 'send_to_group' || a.type === 'multicast').map((a) => a.msg));

describe('groups.membership', () => {
  const t = simulate(membershipRun);
  const app = appMsgs(membershipRun);

  it('one send to G reaches every member and no one outside it', () => {
    expect(
      ev(t, 'deliver', undefined, 'm1')
        .map((e) => e.node)
        .sort(),
    ).toEqual(['P0', 'P1', 'P2']);
    expect(t.events.some((e) => e.node === 'P3' && e.msg === 'm1')).toBe(false);
  });

  it("P3's join request goes to the manager, and view 2 adds P3 at every member", () => {
    expect(t.copies.filter((c) => c.msg === 'j1').map((c) => c.to)).toEqual([membershipRun.groups!.manager]);
    const v2 = views(t, 2);
    expect(v2.map((e) => e.node).sort()).toEqual(['P0', 'P1', 'P2', 'P3']);
    for (const e of v2) expect(e.detail?.members).toEqual(['P0', 'P1', 'P2', 'P3']);
  });

  it('P1 gets the view before m2, yet delivers m2 before installing the view', () => {
    const viewCopy = t.copies.find(
      (c) => c.kind === 'view' && c.to === 'P1' && c.sentStep < views(t, 2)[1]!.step,
    )!;
    const m2 = t.copies.find((c) => c.id === 'm2@P1')!;
    expect(viewCopy.arriveAt).toBeLessThan(m2.arriveAt);
    expect(seen(first(t, 'deliver', 'P1', 'm2'))).toBeLessThan(
      views(t, 2).find((e) => e.node === 'P1')!.step,
    );
  });

  it('"Leaving & joining must be synchronous": members moving from one view to the next delivered the same messages in the first', () => {
    // From membershipRun's schedule: m1 (t=0) and m2 (t=9, held for P1 until t=17) are multicast in
    // view 1 = {P0, P1, P2}, before P3's join (t=5) is installed as view 2; m3 (t=26) is multicast in
    // view 2, before P1's leave (t=32) makes view 3. A sender's own delivery counts as its delivery.
    const expected: Record<number, string> = { 2: 'm1,m2', 3: 'm3' };
    for (const id of [2, 3]) {
      const sets = views(t, id).flatMap((v) => {
        const prev = ev(t, 'view', v.node).find((w) => w.detail?.id === id - 1);
        if (!prev) return [];
        const inOld = ev(t, 'deliver', v.node).filter(
          (e) => e.step > prev.step && e.step < v.step && app.has(e.msg!),
        );
        return [
          inOld
            .map((e) => e.msg)
            .sort()
            .join(','),
        ];
      });
      expect(sets.length, `view ${id}`).toBeGreaterThanOrEqual(3);
      expect(new Set(sets).size, `view ${id}: ${sets.join(' | ')}`).toBe(1);
      expect(sets[0], `view ${id}`).toBe(expected[id]);
    }
  });

  it('after the leave, view 3 is P0, P2, P3, and the query answers with it', () => {
    for (const e of views(t, 3)) expect(e.detail?.members).toEqual(['P0', 'P2', 'P3']);
    const answer = ev(t, 'membership', 'P3', 'q1')[0];
    expect(answer?.detail?.members).toEqual(['P0', 'P2', 'P3']);
  });
});

describe('groups.closed-open', () => {
  it("closed: every member refuses the non-member's m2 and none delivers it", () => {
    const t = simulate(closedRun);
    expect(
      ev(t, 'refused', undefined, 'm2')
        .map((e) => e.node)
        .sort(),
    ).toEqual(['P0', 'P1', 'P2']);
    // Refused, m2 is not a multicast to the group: not even its sender delivers it.
    expect(ev(t, 'deliver', undefined, 'm2')).toEqual([]);
    expect(
      ev(t, 'deliver', undefined, 'm1')
        .map((e) => e.node)
        .sort(),
    ).toEqual(['P0', 'P1', 'P2']);
  });

  it('open: the same m2 is delivered by every member', () => {
    const t = simulate(openRun);
    expect(ev(t, 'refused')).toEqual([]);
    expect(
      ev(t, 'deliver', undefined, 'm2')
        .map((e) => e.node)
        .sort(),
    ).toEqual(['P0', 'P1', 'P2', 'P3']);
  });
});

describe('groups.peer-hierarchical', () => {
  it('peer: the sender puts a copy on the wire for every other member', () => {
    const t = simulate(peerRun);
    const m1 = t.copies.filter((c) => c.msg === 'm1');
    expect(m1.every((c) => c.src === 'P3')).toBe(true);
    expect(m1.map((c) => c.to).sort()).toEqual(['P0', 'P1', 'P2']);
  });

  it('hierarchical: the sender sends one copy to the root; root → subgroup coordinator → members', () => {
    const t = simulate(hierarchicalRun);
    const g = hierarchicalRun.groups!;
    const m1 = t.copies.filter((c) => c.msg === 'm1');
    expect(m1.filter((c) => c.src === 'P3').map((c) => c.to)).toEqual([g.root]);
    expect(m1.filter((c) => c.src === g.root).map((c) => c.to)).toEqual([g.subgroups[0]!.coordinator]);
    expect(
      ev(t, 'deliver', undefined, 'm1')
        .map((e) => e.node)
        .sort(),
    ).toEqual(['P0', 'P1', 'P2', 'P3']);
    // The root's own message: one copy to the coordinator, who sends it to its members.
    const m2 = t.copies.filter((c) => c.msg === 'm2');
    expect(m2.filter((c) => c.src === 'P0').map((c) => c.to)).toEqual(['P1']);
    expect(
      m2
        .filter((c) => c.src === 'P1')
        .map((c) => c.to)
        .sort(),
    ).toEqual(['P2', 'P3']);
  });
});

describe('groups.management', () => {
  const n = 3; // members before the join
  const N = 4; // processes

  it('centralized: join to the manager, flush and answers through it, the view to all: 1 + 2(n−1) + n copies', () => {
    const t = simulate(centralizedRun);
    expect(t.copies.filter((c) => c.msg === 'j1').map((c) => c.to)).toEqual(['P0']);
    expect(t.copies.every((c) => c.src === 'P0' || c.to === 'P0')).toBe(true);
    expect(t.copies).toHaveLength(1 + 2 * (n - 1) + n);
    expect(
      views(t, 2)
        .map((e) => e.node)
        .sort(),
    ).toEqual(['P0', 'P1', 'P2', 'P3']);
  });

  it('distributed: join to every process, each member answers every other, the view to the joiner: (N−1) + n(n−1) + 1 copies', () => {
    const t = simulate(distributedRun);
    expect(t.copies.filter((c) => c.msg === 'j1')).toHaveLength(N - 1);
    expect(t.copies).toHaveLength(N - 1 + n * (n - 1) + 1);
    for (const e of views(t, 2)) expect(e.detail?.members).toEqual(['P0', 'P1', 'P2', 'P3']);
    expect(views(t, 2)).toHaveLength(N);
  });

  it('sandbox: a crashed member is removed by the distributed group; a crashed manager blocks the join', () => {
    const d = simulate({ ...distributedRun, faults: [{ type: 'crash', at: 0, node: 'P1' }] });
    const later = d.events.filter((e) => e.type === 'view' && e.node === 'P0' && e.detail?.initial !== true);
    expect(later.length).toBeGreaterThan(0);
    expect(later.at(-1)?.detail?.members).not.toContain('P1');
    const c = simulate({ ...centralizedRun, faults: [{ type: 'crash', at: 0, node: 'P0' }] });
    expect(views(c, 2)).toEqual([]);
  });
});

describe('failures.crash-omission', () => {
  const t = simulate(crashRun);
  const members = crashRun.processes as NodeId[];

  it('a crashed process stops communicating: it sends nothing and takes nothing until it restarts', () => {
    const crash = first(t, 'crash', 'P1');
    const restart = first(t, 'restart', 'P1');
    expect(crash).toBeGreaterThanOrEqual(0);
    expect(restart).toBeGreaterThan(crash);
    const between = t.events.filter((e) => e.node === 'P1' && e.step > crash && e.step < restart);
    expect(between.every((e) => e.type === 'ignored')).toBe(true);
    expect(ev(t, 'send', 'P1', 'm3')).toEqual([]);
  });

  it('restarted with its log, P1 delivers the retransmitted m2; P0 gives up on P2, which never returns', () => {
    expect(first(t, 'deliver', 'P1', 'm2')).toBeGreaterThan(seen(first(t, 'restart', 'P1')));
    expect(ev(t, 'restart', 'P2')).toEqual([]);
    expect(ev(t, 'giveup', 'P0', 'm2')[0]?.detail?.to).toEqual(['P2']);
    expect(ev(t, 'deliver', 'P2', 'm2')).toEqual([]);
    // Reliable multicast promises delivery to the non-faulty members only.
    expect(checkReliableDelivery(t, { members }).holds).toBe(true);
  });

  it('send omission loses every copy P0 sends in its window; receive omission loses what reaches P2 in its', () => {
    const o = simulate(omissionRun);
    const m1 = o.copies.filter((c) => c.msg === 'm1');
    expect(m1.length).toBe(3);
    expect(m1.every((c) => c.lost === 'send-omission')).toBe(true);
    for (const m of ['m2', 'm3']) {
      expect(o.copies.find((c) => c.id === `${m}@P2`)?.lost).toBe('receive-omission');
      const got = ev(o, 'deliver', undefined, m).map((e) => e.node);
      expect(got).not.toContain('P2');
      expect(got.length).toBe(3);
    }
  });
});

describe('failures.byzantine-partition', () => {
  it('a garbled m2 is discarded by every receiver, then delivered once the fault window ends', () => {
    const t = simulate(byzantineRun);
    const window = byzantineRun.faults!.find((f) => f.type === 'byzantine' && f.mode === 'corrupt')!;
    for (const p of ['P0', 'P2', 'P3']) {
      const d = ev(t, 'discard', p, 'm2')[0];
      expect(d?.detail?.reason, p).toBe('corrupt');
      const deliver = ev(t, 'deliver', p, 'm2')[0]!;
      expect(deliver.step).toBeGreaterThan(d!.step);
      expect(deliver.time).toBeGreaterThanOrEqual('until' in window ? (window.until ?? 0) : 0);
    }
  });

  it("P2's equivocation is delivered by all and caught by the integrity check at P1", () => {
    const t = simulate(byzantineRun);
    expect(
      ev(t, 'deliver', undefined, 'm3')
        .map((e) => e.node)
        .sort(),
    ).toEqual(['P0', 'P1', 'P2', 'P3']);
    const r = checkIntegrity(t, { members: byzantineRun.processes as NodeId[] });
    expect(r.holds).toBe(false);
    expect(r.violation?.node).toBe('P1');
  });

  it('across the partition m3 is lost; after the heal a retransmission delivers it', () => {
    const t = simulate(partitionRun);
    const heal = partitionRun.faults!.find((f) => f.type === 'heal')!.at;
    const cut = partitionRun.faults!.find((f) => f.type === 'partition')!.at;
    for (const p of ['P0', 'P1']) {
      const lost = t.copies.filter((c) => c.msg === 'm3' && c.to === p && c.lost === 'partition');
      expect(lost.length, p).toBeGreaterThan(0);
      expect(lost.every((c) => c.sentAt >= cut && c.sentAt < heal)).toBe(true);
      expect(ev(t, 'deliver', p, 'm3')[0]!.time, p).toBeGreaterThan(heal);
    }
    expect(ev(t, 'deliver', 'P2', 'm3')[0]!.time).toBeLessThan(heal);
  });
});
