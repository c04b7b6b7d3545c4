import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCausal, checkFifo, checkSync, checkTotal } from '../../checks';
import { checkAtomicity } from '../../checks/atomicity';
import { checkIntegrity } from '../../checks/integrity';
import { checkReliableDelivery } from '../../checks/reliability';
import type { CheckResult } from '../../checks/types';
import { checkVirtualSynchrony } from '../../checks/vsync';
import type { ProcessScenario } from '../../scenarios/schema';
import { simulate } from '../../scenarios/simulate';
import { nodeId } from '../../sim/ids';
import type { Trace } from '../../sim/trace';
import { ORDERING_DEFS } from '../ordering';
import { allDeliverOnce, scenario } from './testkit';

/**
 * Property tests with random schedules and random faults: each reliability scheme keeps the
 * promise the lecture makes for it whenever its assumptions hold, and the checkers catch the runs
 * where a weaker scheme breaks. Runs are small (3–4 processes, a few messages) to stay fast.
 */

const params = (numRuns: number) => ({ numRuns, seed: 20_240_301 });
const members = (s: ProcessScenario) => ({ members: s.processes.map(nodeId) });
const procs = (n: number) => Array.from({ length: n }, (_, i) => `P${i}`);

/** Multicasts at random times from random members: `m1`, `m2`, … */
const multicasts = (n: number, maxMsgs: number, maxAt = 30) =>
  fc
    .array(fc.record({ at: fc.integer({ min: 0, max: maxAt }), node: fc.nat(n - 1) }), {
      minLength: 1,
      maxLength: maxMsgs,
    })
    .map((xs) => xs.map((x, i) => ({ type: 'multicast', at: x.at, node: `P${x.node}`, msg: `m${i + 1}` })));

const base = (n: number, seed: number, loss: number, actions: unknown[], extra: Record<string, unknown>) =>
  scenario({
    seed,
    processes: procs(n),
    ordering: 'fifo',
    network: { latency: [2, 5], loss },
    actions,
    ...extra,
  });

/** The ordering's own guarantee, where the lecture promises one (global time is shown failing). */
const ORDER_CHECK: Record<string, (t: Trace) => CheckResult> = {
  fifo: checkFifo,
  causal: checkCausal,
  total: checkTotal,
  sync: checkSync,
};

/** Every reliability setting: the four schemes and each ACK optimization. */
const SETTINGS: Record<string, { rel: Record<string, unknown>; lossy: boolean }> = {
  unreliable: { rel: { scheme: 'unreliable' }, lossy: false },
  reliable: { rel: { scheme: 'reliable', timeout: 14, tries: 30 }, lossy: true },
  pipelining: { rel: { scheme: 'reliable', timeout: 14, tries: 30, window: 3 }, lossy: true },
  cumulative: {
    rel: { scheme: 'reliable', timeout: 18, tries: 30, window: 3, cumulative: true, ackDelay: 4 },
    lossy: true,
  },
  piggyback: {
    rel: { scheme: 'reliable', timeout: 18, tries: 30, window: 3, piggyback: true, ackDelay: 4 },
    lossy: true,
  },
  // Negative ACKs cannot notice the loss of a sender's last message: no loss here.
  nack: { rel: { scheme: 'reliable', timeout: 14, nack: true }, lossy: false },
  atomic: { rel: { scheme: 'atomic', timeout: 14 }, lossy: true },
  vsync: { rel: { scheme: 'vsync', timeout: 14, tries: 30 }, lossy: true },
};

describe('every ordering runs over every reliability setting', () => {
  for (const ordering of Object.keys(ORDERING_DEFS))
    for (const [name, setting] of Object.entries(SETTINGS))
      it(`${ordering} over ${name}: every member delivers every message once${ORDER_CHECK[ordering] ? `, in ${ordering} order` : ''}`, () => {
        fc.assert(
          fc.property(fc.integer({ min: 3, max: 4 }), fc.nat(10_000), (n, seed) => {
            const actions = [
              { type: 'multicast', at: 0, node: 'P0', msg: 'm1' },
              { type: 'multicast', at: 1, node: `P${n - 1}`, msg: 'm2' },
              { type: 'multicast', at: 3, node: 'P0', msg: 'm3' },
            ];
            const s = scenario({
              seed,
              processes: procs(n),
              ordering,
              network: { latency: [2, 5], loss: setting.lossy ? 0.15 : 0 },
              actions,
              reliability: setting.rel,
            });
            const t = simulate(s);
            expect(allDeliverOnce(s, t)).toBeNull();
            expect(checkReliableDelivery(t, members(s)).holds).toBe(true);
            expect(checkIntegrity(t, members(s)).holds).toBe(true);
            const order = ORDER_CHECK[ordering];
            if (order) expect(order(t).holds).toBe(true);
          }),
          params(6),
        );
      });
});

describe('best effort (lecture: "Unreliable multicast: hope it gets there")', () => {
  it('property: the reliable-delivery checker fails exactly in the runs where the network lost a copy', () => {
    // Both sides of "exactly" must be exercised, or the equivalence below proves nothing.
    const seen = { lost: 0, whole: 0 };
    fc.assert(
      fc.property(
        fc.nat(100_000),
        fc.integer({ min: 0, max: 40 }),
        multicasts(4, 4),
        (seed, loss, actions) => {
          const s = base(4, seed, loss / 100, actions, {
            ordering: 'unordered',
            reliability: { scheme: 'unreliable' },
          });
          const t = simulate(s);
          const lostSome = t.copies.some((c) => c.kind === 'data' && c.lost !== null);
          if (lostSome) seen.lost++;
          else seen.whole++;
          expect(checkReliableDelivery(t, members(s)).holds).toBe(!lostSome);
          expect(checkIntegrity(t, members(s)).holds).toBe(true);
        },
      ),
      params(400),
    );
    expect(seen.lost).toBeGreaterThan(0);
    expect(seen.whole).toBeGreaterThan(0);
  });
});

/** Random crash times (with or without a restart), omission windows and a partition, as scenario faults. */
const faultArb = (n: number, restart: boolean) =>
  fc.oneof(
    fc
      .record({
        at: fc.integer({ min: 0, max: 40 }),
        node: fc.nat(n - 1),
        back: fc.integer({ min: 1, max: 40 }),
      })
      .map((f) => ({
        type: 'crash',
        at: f.at,
        node: `P${f.node}`,
        ...(restart ? { restart: { at: f.at + f.back, log: true } } : {}),
      })),
    fc
      .record({
        at: fc.integer({ min: 0, max: 40 }),
        node: fc.nat(n - 1),
        len: fc.integer({ min: 1, max: 30 }),
        send: fc.boolean(),
      })
      .map((f) => ({
        type: f.send ? 'send-omission' : 'receive-omission',
        at: f.at,
        node: `P${f.node}`,
        until: f.at + f.len,
      })),
  );

describe('reliable multicast (lecture: "Reliable multicast")', () => {
  it('property: with sender and recipients alive and glitches retried away, every member delivers everything once', () => {
    fc.assert(
      fc.property(
        fc.nat(100_000),
        fc.integer({ min: 0, max: 30 }),
        multicasts(4, 3),
        fc.boolean(),
        (seed, loss, actions, pipe) => {
          const s = base(4, seed, loss / 100, actions, {
            reliability: { scheme: 'reliable', timeout: 14, tries: 40, ...(pipe ? { window: 3 } : {}) },
          });
          const t = simulate(s);
          expect(allDeliverOnce(s, t)).toBeNull();
          expect(checkReliableDelivery(t, members(s)).holds).toBe(true);
        },
      ),
      params(200),
    );
  });

  it('property: the checkers flag reliable multicast only in runs whose assumptions broke, and do flag some when the sender crashes', () => {
    let flagged = 0;
    fc.assert(
      fc.property(
        fc.nat(100_000),
        fc.integer({ min: 10, max: 40 }),
        multicasts(3, 3, 10),
        fc.integer({ min: 0, max: 20 }),
        fc.boolean(),
        (seed, loss, actions, crashAt, crash) => {
          const faults = crash ? [{ type: 'crash', at: crashAt, node: actions[0]!.node }] : [];
          const s = base(3, seed, loss / 100, actions, {
            reliability: { scheme: 'reliable', timeout: 14, tries: 40 },
            faults,
          });
          const t = simulate(s);
          const r = checkReliableDelivery(t, members(s));
          const a = checkAtomicity(t, members(s));
          if (!crash) expect([r.holds, a.holds]).toEqual([true, true]);
          if (!a.holds) flagged++;
          expect(checkIntegrity(t, members(s)).holds).toBe(true);
        },
      ),
      params(300),
    );
    expect(flagged).toBeGreaterThan(0);
  });
});

describe('atomic multicast, example 1 (never give up)', () => {
  it('property: with crashes that restart from the log, omissions and loss, all members deliver every sent message once', () => {
    fc.assert(
      fc.property(
        fc.nat(100_000),
        fc.integer({ min: 0, max: 30 }),
        multicasts(3, 3, 10),
        fc.array(faultArb(3, true), { maxLength: 2 }),
        (seed, loss, actions, faults) => {
          const s = base(3, seed, loss / 100, actions, {
            reliability: { scheme: 'atomic', timeout: 12 },
            faults,
          });
          const t = simulate(s);
          // A message its sender never put on the wire (it was down at the time) is nobody's to deliver.
          const sent = new Set(
            t.events.filter((e) => e.type === 'send' && e.kind === 'data').map((e) => e.msg),
          );
          const live = { ...s, actions: s.actions.filter((x) => sent.has(x.msg as never)) };
          expect(allDeliverOnce(live, t)).toBeNull();
          expect(checkAtomicity(t, members(s)).holds).toBe(true);
          expect(checkIntegrity(t, members(s)).holds).toBe(true);
        },
      ),
      params(200),
    );
  });

  it('property: a member that never comes back blocks delivery everywhere instead of breaking atomicity', () => {
    // Example 1 assumes a dead sender comes back; here only a receiver (P1 or P2) stays down.
    fc.assert(
      fc.property(
        fc.nat(100_000),
        multicasts(1, 2, 10),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 1, max: 2 }),
        (seed, actions, at, who) => {
          const s = base(3, seed, 0.1, actions, {
            reliability: { scheme: 'atomic', timeout: 12 },
            faults: [{ type: 'crash', at, node: `P${who}` }],
            maxTime: 300,
          });
          const t = simulate(s);
          expect(checkAtomicity(t, members(s)).holds).toBe(true);
          expect(checkIntegrity(t, members(s)).holds).toBe(true);
        },
      ),
      params(150),
    );
  });
});

describe('atomic multicast, example 2 (virtual synchrony)', () => {
  it('property: with one process crashing at any time, survivors agree on the views and deliver the same messages in each', () => {
    fc.assert(
      fc.property(
        fc.nat(100_000),
        fc.integer({ min: 0, max: 20 }),
        multicasts(4, 3, 20),
        fc.integer({ min: 0, max: 60 }),
        fc.nat(3),
        (seed, loss, actions, at, who) => {
          const s = base(4, seed, loss / 100, actions, {
            reliability: { scheme: 'vsync', timeout: 14, tries: 30 },
            faults: [{ type: 'crash', at, node: `P${who}` }],
          });
          const t = simulate(s);
          for (const c of [checkVirtualSynchrony, checkAtomicity, checkIntegrity, checkReliableDelivery])
            expect(c(t, members(s))).toMatchObject({ holds: true });
        },
      ),
      params(200),
    );
  });
});

describe('group membership', () => {
  // Members P0 and P1 send and stay; P2 may leave, P3 and P4 may join. (A non-member's message to
  // an open group is delivered as it arrives, outside the views: not part of this promise.)
  it('property: joins and leaves, centralized or distributed, give every member the same views at the same point of its stream', () => {
    const change = fc.record({ at: fc.integer({ min: 0, max: 60 }), who: fc.constantFrom('P2', 'P3', 'P4') });
    fc.assert(
      fc.property(
        fc.nat(100_000),
        fc.boolean(),
        multicasts(2, 4, 60),
        fc.array(change, { maxLength: 3 }),
        (seed, distributed, sends, changes) => {
          const ops = changes.map((c, i) => ({
            type: c.who === 'P2' ? 'leave_group' : 'join_group',
            at: c.at,
            node: c.who,
            group: 'G',
            msg: `r${i + 1}`,
          }));
          const s = base(5, seed, 0, [...sends, ...ops], {
            ordering: 'unordered',
            reliability: { scheme: 'reliable', timeout: 14, tries: 30 },
            groups: {
              members: ['P0', 'P1', 'P2'],
              management: distributed ? 'distributed' : 'centralized',
              manager: 'P0',
            },
          });
          const t = simulate(s);
          expect(checkVirtualSynchrony(t, members(s))).toMatchObject({ holds: true });
          expect(checkIntegrity(t, members(s)).holds).toBe(true);
        },
      ),
      params(200),
    );
  });
});

describe('virtual synchrony needs a reliable layer under the views: the checker catches a weaker protocol', () => {
  const groupRun = (seed: number, loss: number, actions: unknown[], distributed: boolean) =>
    base(5, seed, loss, actions, {
      ordering: 'unordered',
      reliability: { scheme: 'unreliable' },
      groups: {
        members: ['P0', 'P1', 'P2'],
        management: distributed ? 'distributed' : 'centralized',
        manager: 'P0',
      },
    });

  it('best-effort delivery under membership changes: P0 moves to the next view without m3, which P1 and P2 delivered in the old one', () => {
    // Witness found by the property below (seed 90379, 5% loss): P1's copy of m3 to P0 is lost,
    // nothing retransmits it, and P0 installs view 2 (P2 left) without ever delivering m3.
    const s = groupRun(
      90_379,
      0.05,
      [
        { type: 'multicast', at: 57, node: 'P1', msg: 'm1' },
        { type: 'multicast', at: 15, node: 'P0', msg: 'm2' },
        { type: 'multicast', at: 20, node: 'P1', msg: 'm3' },
        { type: 'leave_group', at: 35, node: 'P2', group: 'G', msg: 'r1' },
      ],
      false,
    );
    const t = simulate(s);
    // Read from the trace, independently of the checker: where each node installed view 2, and
    // who delivered m3 before that.
    const view2 = (p: string) =>
      t.events.find((e) => e.type === 'view' && e.node === p && (e.detail as { id: number }).id === 2)!.step;
    const deliveredM3 = (p: string) =>
      t.events.some((e) => e.type === 'deliver' && e.node === p && e.msg === 'm3' && e.step < view2(p));
    expect(t.copies.some((c) => c.msg === 'm3' && c.to === 'P0' && c.lost !== null)).toBe(true);
    expect(t.events.some((e) => e.type === 'deliver' && e.node === 'P0' && e.msg === 'm3')).toBe(false);
    expect([deliveredM3('P1'), deliveredM3('P2')]).toEqual([true, true]);
    expect(checkVirtualSynchrony(t, members(s))).toMatchObject({
      holds: false,
      violation: { rule: 'not-in-view', node: 'P0', first: 'm3', other: 'P1', view: 1 },
    });
  });

  it('property: over a lossy network without retransmission, the checker flags both broken rules (views differ; a member moved on without a message)', () => {
    const change = fc.record({ at: fc.integer({ min: 0, max: 60 }), who: fc.constantFrom('P2', 'P3', 'P4') });
    const rules = new Map<string, number>();
    fc.assert(
      fc.property(
        fc.nat(100_000),
        fc.boolean(),
        multicasts(2, 4, 60),
        fc.array(change, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 5, max: 40 }),
        (seed, distributed, sends, changes, loss) => {
          const ops = changes.map((c, i) => ({
            type: c.who === 'P2' ? 'leave_group' : 'join_group',
            at: c.at,
            node: c.who,
            group: 'G',
            msg: `r${i + 1}`,
          }));
          const s = groupRun(seed, loss / 100, [...sends, ...ops], distributed);
          const t = simulate(s);
          const r = checkVirtualSynchrony(t, members(s));
          if (r.holds) return;
          const v = r.violation!;
          rules.set(v.rule, (rules.get(v.rule) ?? 0) + 1);
          // Every reported violation is real: the trace shows it without the checker's help.
          const views = (p: string) =>
            t.events.filter((e) => e.type === 'view' && e.node === p) as {
              step: number;
              detail?: unknown;
            }[];
          const idOf = (e: { detail?: unknown }) => (e.detail as { id: number }).id;
          const membersOf = (e: { detail?: unknown }) =>
            [...(e.detail as { members: string[] }).members].sort().join(',');
          if (v.rule === 'view-mismatch') {
            const a = views(v.node).find((e) => idOf(e) === v.view)!;
            const b = views(v.other!).find((e) => idOf(e) === v.view)!;
            expect(membersOf(a)).not.toBe(membersOf(b));
          } else {
            expect(v.rule).toBe('not-in-view');
            const next = (p: string) => views(p).find((e) => idOf(e) === v.view + 1)!.step;
            const prev = (p: string) => views(p).find((e) => idOf(e) === v.view)!.step;
            const had = (p: string) =>
              t.events.some(
                (e) =>
                  e.node === p &&
                  e.msg === v.first &&
                  (e.type === 'deliver' || e.type === 'send') &&
                  e.step > prev(p) &&
                  e.step < next(p),
              );
            expect([had(v.other!), had(v.node)]).toEqual([true, false]);
          }
        },
      ),
      params(300),
    );
    expect(rules.get('view-mismatch') ?? 0).toBeGreaterThan(0);
    expect(rules.get('not-in-view') ?? 0).toBeGreaterThan(0);
  });
});
