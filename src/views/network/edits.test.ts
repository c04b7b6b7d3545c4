import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import iptvJson from '../../scenarios/examples/iptv-channel-change.json';
import modesJson from '../../scenarios/examples/network-modes.json';
import sptJson from '../../scenarios/examples/pim-sparse-spt-switch.json';
import type { NetworkScenario } from '../../scenarios/schema';
import { simulate } from '../../scenarios/simulate';
import { validateScenario } from '../../scenarios/validate';
import { load } from '../testing/scenarios';
import {
  addLink,
  addNode,
  delayCopy,
  dropCopy,
  type EditOutcome,
  freshId,
  MAX_DELAY,
  moveNode,
  nodeIds,
  removeLink,
  removeNode,
  setLatency,
} from './edits';
import { linkId } from './layout';

const net = (data: unknown) => load(data) as NetworkScenario;
const modes = () => net(modesJson);

function ok(r: EditOutcome): NetworkScenario {
  if (!r.ok) throw new Error(`refused: ${r.problem.en}`);
  return r.scenario;
}
function refused(r: EditOutcome): { en: string; zh: string } {
  if (r.ok) throw new Error('the edit was accepted');
  expect(r.problem.zh.length).toBeGreaterThan(0);
  return r.problem;
}

describe('adding to the topology', () => {
  it('adds a host on a LAN with a fresh id and a link of the given latency, and the run still simulates', () => {
    const s = modes();
    const taken = new Set(nodeIds(s.topology).map((n) => n.id));
    const id = freshId(s, 'host');
    expect(taken.has(id)).toBe(false);
    expect(id).toMatch(/^H\d+$/);
    const next = ok(addNode(s, { kind: 'host', attachTo: 'L2', latency: 3 }));
    expect(next.topology.hosts.map((h) => h.id)).toContain(id);
    expect(next.topology.links).toContainEqual({ a: id, b: 'L2', latency: 3 });
    // The new host is a station of L2: a broadcast directed to L2 now reaches it too.
    expect(simulate(next).nodes).toContain(id);
    // The original is untouched (edits are pure).
    expect(s.topology.hosts.map((h) => h.id)).not.toContain(id);
  });

  it('adds a router linked to another router, and a LAN with a subnet no other LAN uses', () => {
    const s = modes();
    const withRouter = ok(addNode(s, { kind: 'router', id: 'R9', attachTo: 'R1', latency: 5 }));
    expect(withRouter.topology.routers.some((r) => r.id === 'R9')).toBe(true);
    expect(withRouter.topology.links).toContainEqual({ a: 'R9', b: 'R1', latency: 5 });
    const withLan = ok(addNode(withRouter, { kind: 'lan', id: 'L9', attachTo: 'R9' }));
    const subnets = withLan.topology.lans.map((l) => l.subnet);
    expect(new Set(subnets).size).toBe(subnets.length);
  });

  it('places a new node away from every existing one', () => {
    const s = modes();
    const next = ok(addNode(s, { kind: 'host', id: 'H9', attachTo: 'L1' }));
    const h = next.topology.hosts.find((n) => n.id === 'H9')!;
    for (const n of [...s.topology.lans, ...s.topology.routers, ...s.topology.hosts])
      expect(Math.hypot(n.x - h.x, n.y - h.y)).toBeGreaterThan(0);
  });

  it('refuses a host without a LAN, a duplicate id, a bad id, and a host linked to a router', () => {
    const s = modes();
    expect(refused(addNode(s, { kind: 'host' })).en).toContain('needs a LAN');
    expect(refused(addNode(s, { kind: 'router', id: 'R1' })).en).toContain('already something called R1');
    expect(refused(addNode(s, { kind: 'router', id: '9lives' })).en).toContain('is not an id');
    expect(refused(addNode(s, { kind: 'host', id: 'H9', attachTo: 'R1' })).en).toContain('attaches to a LAN');
    expect(refused(addNode(s, { kind: 'host', id: 'H9', attachTo: 'nowhere' })).en).toContain(
      'no node called',
    );
  });
});

describe('links', () => {
  it('refuses a link to a missing node, a LAN–LAN link, a second LAN for a host, a duplicate and a bad latency', () => {
    const s = modes();
    expect(refused(addLink(s, 'R1', 'R7', 2)).en).toContain('no node called R7');
    expect(refused(addLink(s, 'L1', 'L2', 2)).en).toContain('through a router');
    // H1 sits on L1 (network-modes.json); a host sits on exactly one LAN.
    expect(refused(addLink(s, 'H1', 'L2', 2)).en).toContain('H1 is already on LAN L1');
    expect(refused(addLink(s, 'R2', 'R1', 2)).en).toContain('already joined');
    expect(refused(addLink(s, 'R1', 'R1', 2)).en).toContain('itself');
    expect(refused(addLink(s, 'R2', 'L3', 0)).en).toContain('whole number of ticks');
    expect(refused(addLink(s, 'R2', 'L3', 2.5)).en).toContain('whole number of ticks');
  });

  it('adds a router–LAN link, changes its latency and removes it again', () => {
    const s = modes();
    const added = ok(addLink(s, 'R2', 'L3', 7));
    const id = 'R2-L3';
    expect(added.topology.links.find((l) => linkId(l) === id)?.latency).toBe(7);
    const slower = ok(setLatency(added, id, 20));
    expect(slower.topology.links.find((l) => linkId(l) === id)?.latency).toBe(20);
    const removed = ok(removeLink(slower, id));
    expect(removed.topology.links.map(linkId)).not.toContain(id);
    expect(refused(setLatency(s, 'nope', 3)).en).toContain('no link called');
  });

  it("refuses to remove a host's only link: the host would be on no LAN", () => {
    const s = modes();
    const link = s.topology.links.find((l) => l.a === 'H1' || l.b === 'H1')!;
    expect(refused(removeLink(s, linkId(link))).en).toContain('Remove H1 instead');
  });

  it('lets a link removal split the network: a disconnected network is allowed and still simulates', () => {
    const s = net(iptvJson);
    // R1–R2 is the only way between the head end's LAN and the set-top boxes' LAN.
    const split = ok(removeLink(s, 'R1-R2'));
    const trace = simulate(split);
    const delivered = trace.events.filter((e) => e.type === 'deliver' && e.node.startsWith('STB'));
    expect(delivered).toEqual([]);
  });
});

describe('removing nodes', () => {
  it('removes a host with its link, its actions and its memberships, and says so', () => {
    const s = modes();
    const uses = s.actions.filter((a) => a.type === 'send' && (a.from === 'H4' || a.to === 'H4')).length;
    const r = removeNode(s, 'H4');
    const next = ok(r);
    expect(next.topology.hosts.map((h) => h.id)).not.toContain('H4');
    expect(next.topology.links.some((l) => l.a === 'H4' || l.b === 'H4')).toBe(false);
    expect(next.groups.every((g) => !g.members.includes('H4'))).toBe(true);
    expect(next.actions.length).toBe(s.actions.length - uses);
    expect(r.ok && r.note?.en).toContain('Undo');
  });

  it('refuses to remove a LAN that hosts sit on, and the rendezvous point', () => {
    expect(refused(removeNode(modes(), 'L2')).en).toMatch(/H2, H3 sit on L2/);
    const spt = net(sptJson);
    expect(refused(removeNode(spt, spt.pim!.rp!)).en).toContain('rendezvous point');
    expect(refused(removeNode(modes(), 'Z1')).en).toContain('no node called');
  });

  it('removes an empty LAN with the router links that reached it', () => {
    const s = ok(addNode(modes(), { kind: 'lan', id: 'L9', attachTo: 'R3' }));
    const next = ok(removeNode(s, 'L9'));
    expect(next.topology.lans.map((l) => l.id)).not.toContain('L9');
    expect(next.topology.links.some((l) => l.b === 'L9' || l.a === 'L9')).toBe(false);
  });
});

describe('moving nodes', () => {
  it('moves a node to a position, rounded to a tenth, and refuses a position off the map', () => {
    const next = ok(moveNode(modes(), 'R2', 123.456, -7.04));
    expect(next.topology.routers.find((r) => r.id === 'R2')).toMatchObject({ x: 123.5, y: -7 });
    expect(refused(moveNode(modes(), 'R2', 20_000, 0)).en).toContain('position');
    expect(refused(moveNode(modes(), 'R2', Number.NaN, 0)).en).toContain('position');
  });

  it('property: any sequence of edits either is refused or yields a scenario that validates and simulates', () => {
    const kinds = ['host', 'router', 'lan'] as const;
    const ids = ['L1', 'L2', 'L3', 'R1', 'R2', 'R3', 'H1', 'H2', 'H4', 'S', 'X1'];
    const step = fc.oneof(
      fc.record({
        op: fc.constant('add' as const),
        kind: fc.constantFrom(...kinds),
        attach: fc.constantFrom(...ids),
      }),
      fc.record({
        op: fc.constant('link' as const),
        a: fc.constantFrom(...ids),
        b: fc.constantFrom(...ids),
        latency: fc.integer({ min: -1, max: 12 }),
      }),
      fc.record({ op: fc.constant('remove' as const), id: fc.constantFrom(...ids) }),
      fc.record({
        op: fc.constant('move' as const),
        id: fc.constantFrom(...ids),
        x: fc.double({ min: -12_000, max: 12_000, noNaN: true }),
        y: fc.double({ min: -500, max: 500, noNaN: true }),
      }),
    );
    // The property must see accepted edits, not only refusals, or it holds vacuously.
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(step, { maxLength: 6 }), (steps) => {
        let s = modes();
        for (const st of steps) {
          const r =
            st.op === 'add'
              ? addNode(s, { kind: st.kind, attachTo: st.attach, latency: 2 })
              : st.op === 'link'
                ? addLink(s, st.a, st.b, st.latency)
                : st.op === 'remove'
                  ? removeNode(s, st.id)
                  : moveNode(s, st.id, st.x, st.y);
          if (!r.ok) continue;
          accepted++;
          s = r.scenario;
          // Validates as a shared link would (a JSON round trip), then simulates.
          const v = validateScenario(JSON.parse(JSON.stringify(s)));
          expect(v.ok ? [] : v.errors).toEqual([]);
          expect(() => simulate(s)).not.toThrow();
        }
      }),
      { numRuns: 40 },
    );
    expect(accepted).toBeGreaterThan(10);
  });
});

describe('dropping and delaying a packet on the wire', () => {
  // pim-sparse-spt-switch: S streams d.1 at t=40; it reaches H1 down the RP tree, R3→R5 (46→48),
  // R5 onto L1 (48→49, copy d.1@L1) and L1 to H1 (49→50): H1 delivers d.1 at t=50.
  const spt = () => net(sptJson);
  const delivered = (s: NetworkScenario, host: string, msg: string) =>
    simulate(s).events.filter((e) => e.type === 'deliver' && e.node === host && e.msg === msg);

  it('the run as drawn: H1 gets d.1 at t=50 through the copy d.1@L1, due at t=49', () => {
    const trace = simulate(spt());
    const copy = trace.copies.find((c) => c.id === 'd.1@L1');
    expect(copy).toMatchObject({ src: 'R5', to: 'L1', sentAt: 48, arriveAt: 49, lost: null });
    expect(delivered(spt(), 'H1', 'd.1').map((e) => e.time)).toEqual([50]);
  });

  it('a dropped copy is lost in the trace and the receiver behind it never gets the packet', () => {
    const next = ok(dropCopy(spt(), 'd.1@L1'));
    expect(next.interventions).toEqual([{ copy: 'd.1@L1', drop: true }]);
    const trace = simulate(next);
    expect(trace.copies.find((c) => c.id === 'd.1@L1')?.lost).toBe('dropped');
    // Nothing crosses L1 to H1 for d.1, and H1 delivers d.1 no more; the next packet still arrives.
    expect(trace.copies.some((c) => c.id === 'd.1@H1')).toBe(false);
    expect(delivered(next, 'H1', 'd.1')).toEqual([]);
    expect(delivered(next, 'H1', 'd.2')).toHaveLength(1);
    // Pure: the scenario handed in is untouched.
    expect(spt().interventions).toEqual([]);
  });

  it('a delayed copy arrives `ticks` after it was due, and the packet reaches H1 that much later', () => {
    const next = ok(delayCopy(spt(), 'd.1@L1', 49, 5));
    expect(next.interventions).toEqual([{ copy: 'd.1@L1', deliverAt: 54 }]);
    const copy = simulate(next).copies.find((c) => c.id === 'd.1@L1');
    expect(copy).toMatchObject({ arriveAt: 54, lost: null });
    expect(delivered(next, 'H1', 'd.1').map((e) => e.time)).toEqual([55]);
  });

  it('a second edit of the same copy replaces the first: one intervention per copy', () => {
    const delayed = ok(delayCopy(spt(), 'd.1@L1', 49, 5));
    const again = ok(delayCopy(delayed, 'd.1@L1', 54, 2));
    expect(again.interventions).toEqual([{ copy: 'd.1@L1', deliverAt: 56 }]);
    const dropped = ok(dropCopy(again, 'd.1@L1'));
    expect(dropped.interventions).toEqual([{ copy: 'd.1@L1', drop: true }]);
  });

  it('refuses a delay that is not a whole number of ticks from 1 to MAX_DELAY, in both languages', () => {
    expect(MAX_DELAY).toBe(1000);
    for (const ticks of [0, -3, 2.5, Number.NaN, 1001]) {
      const p = refused(delayCopy(spt(), 'd.1@L1', 49, ticks));
      expect(p.en).toContain('1 to 1000');
      expect(p.zh).toContain('1 到 1000');
    }
    expect(ok(delayCopy(spt(), 'd.1@L1', 49, 1000)).interventions).toEqual([
      { copy: 'd.1@L1', deliverAt: 1049 },
    ]);
  });

  it("refuses a copy id that is not one (the validator names the field, in each language's words)", () => {
    const p = refused(dropCopy(spt(), 'not a copy'));
    expect(p.en).toBe(
      'This change would make the scenario invalid: interventions[0].copy: a copy id: msg@node or msg@node#n.',
    );
    expect(p.zh).toBe('此修改会使场景无效：interventions[0].copy：应为一个副本 id：msg@node 或 msg@node#n。');
  });
});
