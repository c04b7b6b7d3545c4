import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProcessScenario, Scenario } from '../../scenarios/schema';
import { simulate } from '../../scenarios/simulate';
import { validateScenario } from '../../scenarios/validate';
import {
  freshId,
  GROUP_OPS,
  type GroupChange,
  groupEdit,
  groupProblem,
  hierarchyFor,
  membersAt,
} from './groupEdits';

/** Four processes, no group yet: every process is a member of one static group. */
const base: ProcessScenario = {
  version: 1,
  lab: 'process',
  seed: 4,
  processes: ['P0', 'P1', 'P2', 'P3'],
  ordering: 'unordered',
  network: { latency: [2, 4], loss: 0 },
  actions: [{ type: 'multicast', at: 0, node: 'P0', msg: 'm1' }],
  interventions: [],
};

/** P3 is outside a closed group of P0, P1, P2. */
const closed = groupEdit({ closed: true })({
  ...base,
  groups: {
    id: 'G',
    members: ['P0', 'P1', 'P2'],
    closed: false,
    structure: 'peer',
    subgroups: [],
    management: 'centralized',
  },
}) as ProcessScenario;

const apply = (s: Scenario, ...changes: GroupChange[]) => changes.reduce((acc, c) => groupEdit(c)(acc), s);
const views = (s: Scenario) =>
  simulate(s)
    .events.filter((e) => e.type === 'view')
    .map((e) => ({ node: e.node, id: e.detail?.id, members: e.detail?.members }));

describe('group primitives as edits', () => {
  it('a first group edit creates the group of every process, and the action names it', () => {
    const next = groupEdit({ op: 'leave', node: 'P2', at: 3 })(base) as ProcessScenario;
    expect(next.groups?.id).toBe('G');
    expect(next.groups?.members).toBeUndefined();
    expect(next.actions.at(-1)).toEqual({ type: 'leave_group', at: 3, node: 'P2', group: 'G', msg: 'l1' });
    expect(validateScenario(next).ok).toBe(true);
  });

  it('join by click: the joiner is in a later view that every member installs', () => {
    const next = groupEdit({ op: 'join', node: 'P3', at: 2 })(closed);
    const after = views(next).filter((v) => Array.isArray(v.members) && v.members.includes('P3'));
    // P0, P1, P2 and the joiner itself each install the view that adds P3.
    expect(new Set(after.map((v) => v.node))).toEqual(new Set(['P0', 'P1', 'P2', 'P3']));
    expect(new Set(after.map((v) => v.id)).size).toBe(1);
  });

  it('leave by click: a later view without the leaver, installed by the members that stay', () => {
    const next = groupEdit({ op: 'leave', node: 'P1', at: 1 })(closed);
    const last = views(next).filter((v) => v.id === 2);
    expect(last.length).toBeGreaterThan(0);
    for (const v of last) expect(v.members).toEqual(['P0', 'P2']);
    expect(last.map((v) => v.node)).toEqual(expect.arrayContaining(['P0', 'P2']));
  });

  it('send to a closed group by a non-member: every member refuses it (lecture: only members may send)', () => {
    const next = groupEdit({ op: 'send', node: 'P3', at: 1 })(closed);
    const msg = (next as ProcessScenario).actions.at(-1)!.msg;
    const refused = simulate(next).events.filter((e) => e.type === 'refused' && e.msg === msg);
    expect(refused.map((e) => e.node).sort()).toEqual(['P0', 'P1', 'P2']);
    // Open, the same send is delivered by the members instead.
    const open = groupEdit({ closed: false })(next);
    const delivered = simulate(open).events.filter(
      (e) => e.type === 'deliver' && e.msg === msg && e.node !== 'P3',
    );
    expect(delivered.map((e) => e.node).sort()).toEqual(['P0', 'P1', 'P2']);
  });

  it('query by click: the asker learns the current members', () => {
    const next = groupEdit({ op: 'query', node: 'P2', at: 1 })(closed);
    const answer = simulate(next).events.find((e) => e.type === 'membership' && e.node === 'P2');
    expect(answer?.detail?.members).toEqual(['P0', 'P1', 'P2']);
  });

  it('ids stay unique: a fresh id fills the first gap of its prefix', () => {
    expect(freshId(base, 'm')).toBe('m2');
    expect(freshId(base, 'j')).toBe('j1');
    let s: Scenario = base;
    for (let i = 0; i < 12; i++) s = groupEdit({ op: GROUP_OPS[i % 4]!, node: `P${i % 4}`, at: i })(s);
    expect(validateScenario(s).ok).toBe(true);
    expect((s as ProcessScenario).actions).toHaveLength(13);
  });
});

describe('group settings as switches', () => {
  it('closed and open switch back and forth; switching to the current value is no edit', () => {
    expect(groupEdit({ closed: true })(closed)).toBe(closed);
    expect((groupEdit({ closed: false })(closed) as ProcessScenario).groups?.closed).toBe(false);
  });

  it('hierarchical: a root coordinator and subgroup coordinators that serve every other process once', () => {
    const h = hierarchyFor(['P0', 'P1', 'P2', 'P3', 'P4', 'P5', 'P6'], ['P0', 'P1']);
    expect(h.root).toBe('P0');
    const served = h.subgroups.flatMap((g) => [g.coordinator, ...g.members]);
    expect(served.sort()).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6']);
    const next = apply(closed, { structure: 'hierarchical' }) as ProcessScenario;
    expect(next.groups?.structure).toBe('hierarchical');
    expect(validateScenario(next).ok).toBe(true);
    // Back to peer drops the root and subgroups, which only a hierarchy may have.
    const peer = apply(next, { structure: 'peer' }) as ProcessScenario;
    expect(peer.groups?.root).toBeUndefined();
    expect(peer.groups?.subgroups).toEqual([]);
  });

  it("hierarchical: a member's message reaches the other members through a coordinator", () => {
    const next = apply(closed, { structure: 'hierarchical' }, { op: 'send', node: 'P2', at: 1 });
    const msg = (next as ProcessScenario).actions.at(-1)!.msg;
    const t = simulate(next);
    expect(t.events.some((e) => e.type === 'forward' && e.msg === msg)).toBe(true);
    const got = t.events.filter((e) => e.type === 'deliver' && e.msg === msg).map((e) => e.node);
    expect(new Set(got)).toEqual(new Set(['P0', 'P1', 'P2']));
  });

  it('centralized names a manager; distributed has none', () => {
    const d = apply(closed, { management: 'distributed' }) as ProcessScenario;
    expect(d.groups?.management).toBe('distributed');
    expect(d.groups?.manager).toBeUndefined();
    const c = apply(d, { management: 'centralized' }) as ProcessScenario;
    expect(c.groups?.manager).toBe('P0');
  });

  it('a change the schema rejects is no edit, and the problem names the field', () => {
    const atomic: Scenario = {
      ...closed,
      reliability: {
        scheme: 'atomic',
        timeout: 10,
        tries: 4,
        window: 1,
        cumulative: false,
        ackDelay: 0,
        piggyback: false,
        nack: false,
      },
    };
    const change: GroupChange = { structure: 'hierarchical' };
    expect(groupEdit(change)(atomic)).toBe(atomic);
    expect(groupProblem(atomic, change)).toMatch(/^groups\.structure: .*peer/);
    expect(groupProblem(closed, change)).toBeNull();
  });
});

describe('membersAt', () => {
  it("follows each process's views: the joiner is a member only once it installed its view", () => {
    const s = groupEdit({ op: 'join', node: 'P3', at: 2 })(closed);
    const t = simulate(s);
    const installed = t.events.find((e) => e.type === 'view' && e.node === 'P3')!;
    expect(membersAt(s, t, installed.step).has('P3')).toBe(false);
    expect(membersAt(s, t, installed.step + 1).has('P3')).toBe(true);
    expect(membersAt(s, t, 0)).toEqual(new Set(['P0', 'P1', 'P2']));
  });
});

describe('properties', () => {
  const change: fc.Arbitrary<GroupChange> = fc.oneof(
    fc.record({
      op: fc.constantFrom(...GROUP_OPS),
      node: fc.constantFrom('P0', 'P1', 'P2', 'P3'),
      at: fc.integer({ min: 0, max: 40 }),
    }),
    fc.record({ closed: fc.boolean() }),
    fc.record({ structure: fc.constantFrom('peer' as const, 'hierarchical' as const) }),
    fc.record({ management: fc.constantFrom('centralized' as const, 'distributed' as const) }),
  );

  it('any sequence of group edits keeps the scenario valid and simulable', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 8 }), (changes) => {
        const s = apply(closed, ...changes);
        expect(validateScenario(s).ok).toBe(true);
        expect(simulate(s).truncated).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});
