import { describe, expect, it } from 'vitest';
import {
  checkExactlyOnce,
  checkNoDataLoops,
  checkOneForwarderPerLan,
  checkOnlyTowardMembers,
} from '../../checks/tree';
import assertLan from '../../scenarios/examples/pim-dense-assert-lan.json';
import flood from '../../scenarios/examples/pim-dense-flood-prune.json';
import graft from '../../scenarios/examples/pim-dense-graft.json';
import expiry from '../../scenarios/examples/pim-dense-prune-expiry.json';
import refresh from '../../scenarios/examples/pim-dense-state-refresh.json';
import iptv from '../../scenarios/examples/pim-iptv.json';
import register from '../../scenarios/examples/pim-sparse-register.json';
import rpTree from '../../scenarios/examples/pim-sparse-rp-tree.json';
import spt from '../../scenarios/examples/pim-sparse-spt-switch.json';
import type { NetworkScenario } from '../../scenarios/schema';
import { simulate } from '../../scenarios/simulate';
import { networkWorld } from '../../scenarios/simulate-network';
import { validateScenario } from '../../scenarios/validate';
import type { Trace, TraceEvent } from '../../sim/trace';
import { pimConfig } from './config';
import { pimDiagnostics } from './diagnostics';
import { pimTable } from './tables';
import { dataCopiesPerLink, distributionTrees, joinLatencies, pimStateAt, stateEntries } from './trace-view';

function load(data: unknown): NetworkScenario {
  const v = validateScenario(data);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  if (v.value.lab !== 'network') throw new Error('not a network scenario');
  return v.value;
}
const run = (data: unknown) => simulate(load(data));
const d = (e: TraceEvent) => (e.detail ?? {}) as Record<string, unknown>;
const states = (t: Trace, node: string, machine: string) =>
  t.events
    .filter((e) => e.type === 'pim-state' && e.node === node && d(e).machine === machine)
    .map((e) => `${d(e).iface ?? ''}:${d(e).to}`);
const sent = (t: Trace, kind: string, msg?: string) =>
  t.events.filter(
    (e) =>
      e.type === 'send' && e.kind === kind && d(e).role !== 'medium' && (msg === undefined || e.msg === msg),
  );
const delivered = (t: Trace, host: string) =>
  t.events.filter((e) => e.type === 'deliver' && e.node === host).map((e) => e.msg);

describe('dense mode: flood and prune (pim-dense-flood-prune)', () => {
  const t = run(flood);

  it('floods the first packet to every router along RPF: R1 copies it onto both of its links', () => {
    expect(
      sent(t, 'data', 'd.1')
        .filter((e) => e.node === 'R1')
        .map((e) => d(e).on),
    ).toEqual(['R1-R2', 'R1-R3']);
  });

  it('drops a packet that fails the RPF check: R4 hears d.1 from R3, but its shortest path to S is via R2', () => {
    const f = t.events.find((e) => e.type === 'rpf-fail' && e.node === 'R4');
    expect(d(f!)).toMatchObject({ iface: 'R3-R4', expected: 'R2-R4', toward: 'S' });
  });

  it('prunes the branches without members: R3 and R4 go Pruned, R1 stops sending on R1–R3', () => {
    expect(states(t, 'R3', 'dm-upstream')).toContain(':Pruned');
    expect(states(t, 'R4', 'dm-upstream')).toContain(':Pruned');
    expect(states(t, 'R1', 'dm-downstream')).toContain('R1-R3:Pruned');
    // After the prunes, each packet crosses only L0, R1–R2 and L1 (the path to the one member H1).
    expect(sent(t, 'data', 'd.5').map((e) => d(e).on)).toEqual(['L0', 'R1-R2', 'L1']);
  });

  it('Assert on the R3–R4 link: R3 is nearer to S (metric 4 < 6) and wins; R4 loses and stops', () => {
    expect(states(t, 'R3', 'dm-assert')).toContain('R3-R4:I am Assert Winner');
    expect(states(t, 'R4', 'dm-assert')).toContain('R3-R4:I am Assert Loser');
  });

  it('H1 gets every packet; nobody else does; the tree checks hold after convergence', () => {
    expect(delivered(t, 'H1')).toEqual(['d.1', 'd.2', 'd.3', 'd.4', 'd.5', 'd.6', 'd.7', 'd.8']);
    expect(delivered(t, 'H2')).toEqual([]);
    expect(checkNoDataLoops(t).holds).toBe(true);
    expect(checkOnlyTowardMembers(t, { from: 80 }).holds).toBe(true);
    expect(checkOnlyTowardMembers(t).holds).toBe(false);
  });

  it('the router table shows (S,G) with its RPF interface and outgoing list', () => {
    const rows = pimTable(pimStateAt(t, 'R1', t.events.length)!);
    expect(rows).toEqual([
      expect.objectContaining({
        entry: '(S,G)',
        source: 'S',
        group: 'G',
        iif: 'R1-L0',
        oil: ['R1-R2'],
        upstream: 'Forwarding',
      }),
    ]);
    const r4 = pimTable(pimStateAt(t, 'R4', t.events.length)!)[0]!;
    expect(r4).toMatchObject({ iif: 'R2-R4', rpfNeighbour: 'R2', oil: [], upstream: 'Pruned' });
  });

  it('the distribution tree at the end is the path to H1, a source tree; copies per link are counted', () => {
    const [tree] = distributionTrees(t, t.events.length);
    expect(tree).toMatchObject({ source: 'S', group: 'G', msg: 'd.8' });
    expect(tree!.edges).toEqual([
      { on: 'L0', from: 'S', tree: 'source' },
      { on: 'R1-R2', from: 'R1', tree: 'source' },
      { on: 'L1', from: 'R2', tree: 'source' },
    ]);
    const counts = dataCopiesPerLink(t);
    // The flood put d.1 on every link once (R3–R4 twice, both ways); the other 7 packets only on the path.
    expect(counts).toMatchObject({ L0: 8, 'R1-R2': 8, L1: 8, 'R1-R3': 1, 'R2-R4': 1, 'R3-R4': 2 });
  });
});

describe('dense mode: graft (pim-dense-graft)', () => {
  const t = run(graft);
  it('H3 joins under the pruned R4: R4 sends a Graft to R2, which answers with a Graft-Ack', () => {
    expect(states(t, 'R4', 'dm-upstream')).toEqual([':Pruned', ':AckPending', ':Forwarding']);
    expect(sent(t, 'pim-graft').map((e) => e.node)).toEqual(['R4']);
    expect(sent(t, 'pim-graft-ack').map((e) => e.node)).toEqual(['R2']);
    expect(states(t, 'R2', 'dm-downstream')).toContain('R2-R4:NoInfo');
  });
  it('H3 gets the stream from the next packet on; the join latency is measured', () => {
    expect(delivered(t, 'H3')).toEqual(['d.6', 'd.7', 'd.8']);
    const l = joinLatencies(t).find((x) => x.host === 'H3')!;
    expect(l.joinedAt).toBe(200);
    expect(l.latency).toBe(l.firstAt! - 200);
  });
});

describe('dense mode: State Refresh (pim-dense-state-refresh vs pim-dense-prune-expiry)', () => {
  const withSr = run(refresh);
  const without = run(expiry);
  it('R1 originates State Refresh every RefreshInterval (60 s = 120 ticks at 2 ticks/s)', () => {
    const times = sent(withSr, 'pim-state-refresh')
      .filter((e) => e.node === 'R1')
      .map((e) => e.time);
    const distinct = [...new Set(times)];
    expect(distinct.slice(1).map((x, i) => x - distinct[i]!)).toEqual(distinct.slice(1).map(() => 120));
  });
  it('with State Refresh the pruned link R1–R3 never carries data again; without it the prune expires and the data floods again', () => {
    const onR1R3 = (t: Trace) => sent(t, 'data').filter((e) => d(e).on === 'R1-R3').length;
    expect(onR1R3(withSr)).toBe(1);
    expect(onR1R3(without)).toBeGreaterThan(1);
    expect(states(without, 'R1', 'dm-downstream')).toContain('R1-R3:NoInfo');
  });
});

describe('dense mode: Assert and prune override on a LAN (pim-dense-assert-lan)', () => {
  const t = run(assertLan);
  it('R2 and R3 both forward onto L1; equal metrics, so the higher address (R3, 10.0.1.2) wins', () => {
    expect(states(t, 'R3', 'dm-assert')).toContain('R3-L1:I am Assert Winner');
    expect(states(t, 'R2', 'dm-assert')).toContain('R2-L1:I am Assert Loser');
    expect(checkOneForwarderPerLan(t, { from: 80 }).holds).toBe(true);
    expect(checkOneForwarderPerLan(t).holds).toBe(false);
  });
  it("R4 follows the winner: RPF'(S) changes from R2 to R3, and it grafts to R3", () => {
    const g = sent(t, 'pim-graft').find((e) => e.node === 'R4');
    expect(g?.detail?.label).toBe('Graft (S,G)');
    const rows = pimTable(pimStateAt(t, 'R4', t.events.length)!);
    expect(rows[0]).toMatchObject({ iif: 'R4-L1', rpfNeighbour: 'R3', upstream: 'Forwarding' });
  });
  it("R4 overrides the Prune it sees sent to its RPF'(S) with a Join, and keeps H2's stream", () => {
    expect(
      t.events.some((e) => e.type === 'pim-state' && e.node === 'R4' && d(e).event === 'OT(S,G) expires'),
    ).toBe(true);
    expect(sent(t, 'pim-join').map((e) => e.node)).toContain('R4');
    expect(delivered(t, 'H2')).toHaveLength(8);
    expect(checkExactlyOnce(t, { from: 80 }).holds).toBe(true);
  });
});

describe('sparse mode (pim-sparse-spt-switch): RP tree, Register, Register-Stop, SPT switch', () => {
  const t = run(spt);
  it("H1's DR R5 joins (*,G) toward the RP R3", () => {
    expect(sent(t, 'pim-join')[0]).toMatchObject({
      node: 'R5',
      detail: expect.objectContaining({ on: 'R3-R5', label: 'Join (*,G)' }),
    });
    expect(states(t, 'R3', 'sm-downstream-star')[0]).toBe('R3-R5:Join');
  });
  it("S's DR R1 registers the first packet to the RP, which forwards it down the shared tree", () => {
    expect(states(t, 'R1', 'sm-register')[0]).toBe(':Join');
    expect(sent(t, 'pim-register', 'pim.R1.1').map((e) => e.node)).toEqual(['R1', 'R2']);
    expect(sent(t, 'data', 'd.1').find((e) => e.node === 'R3')?.detail).toMatchObject({
      on: 'R3-R5',
      tree: 'shared',
    });
  });
  it('R5 switches to the shortest-path tree via R4 and prunes S off the RP tree with Prune(S,G,rpt)', () => {
    expect(
      sent(t, 'pim-join').some((e) => e.node === 'R5' && d(e).label === 'Join (S,G)' && d(e).on === 'R4-R5'),
    ).toBe(true);
    expect(sent(t, 'pim-prune').some((e) => e.node === 'R5' && d(e).label === 'Prune (S,G,rpt)')).toBe(true);
    expect(states(t, 'R3', 'sm-rpt-downstream')).toContain('R3-R5:Prune');
  });
  it('the RP sends Register-Stop once native packets arrive, and R1 stops registering', () => {
    expect(sent(t, 'pim-register-stop')[0]?.node).toBe('R3');
    expect(states(t, 'R1', 'sm-register')).toContain(':Prune');
    // R1 did register at first (else the maximum below is -Infinity and the bound holds vacuously).
    const originated = sent(t, 'pim-register').filter((e) => d(e).role === 'originate');
    expect(originated.length).toBeGreaterThan(0);
    expect(originated.every((e) => e.node === 'R1')).toBe(true);
    const lastRegister = Math.max(...sent(t, 'pim-register').map((e) => e.time));
    expect(lastRegister).toBeLessThan(100);
  });
  it('H1 and the late joiner H2 each get every packet once after convergence; no loops', () => {
    expect(checkNoDataLoops(t).holds).toBe(true);
    expect(checkExactlyOnce(t, { from: 100 }).holds).toBe(true);
    expect(delivered(t, 'H1')).toHaveLength(12);
  });
  it('the final tree is the source tree R1→R4→R5 for H1 and R1→R2 for H2', () => {
    const [tree] = distributionTrees(t, t.events.length);
    expect(tree!.edges.map((e) => `${e.from}>${e.on}:${e.tree}`).sort()).toEqual(
      [
        'S>L0:source',
        'R1>R1-R2:source',
        'R1>R1-R4:source',
        'R2>L2:source',
        'R4>R4-R5:source',
        'R5>L1:source',
      ].sort(),
    );
  });
});

describe('sparse mode without the SPT switch (pim-sparse-rp-tree)', () => {
  const t = run(rpTree);
  it('data reaches receivers down the shared tree only; the RP joins toward S', () => {
    const last = sent(t, 'data', 'd.7').filter((e) => e.node !== 'S');
    expect(last.some((e) => d(e).tree === 'shared')).toBe(true);
    expect(sent(t, 'pim-join').some((e) => e.node === 'R3' && d(e).label === 'Join (S,G)')).toBe(true);
  });
  it('the RP tree grows when H2 joins (R2 joins (*,G)) and shrinks when H1 leaves (R5 prunes (*,G))', () => {
    // R2 already gets S natively (it is on the RP's path to S), so its (*,G) Join carries Prune(S,G,rpt).
    expect(
      sent(t, 'pim-join-prune').some((e) => e.node === 'R2' && d(e).label === 'Join (*,G) Prune (S,G,rpt)'),
    ).toBe(true);
    expect(sent(t, 'pim-prune').some((e) => e.node === 'R5' && d(e).label === 'Prune (*,G)')).toBe(true);
  });
  it('routers hold (*,G) state only on the RP tree', () => {
    const n = stateEntries(t, t.events.length);
    expect(n.R4?.starG ?? 0).toBe(0);
    expect(n.R3?.starG).toBe(1);
  });
});

describe('sparse mode: Register-Stop without receivers (pim-sparse-register)', () => {
  const t = run(register);
  it('with no receiver, the RP answers the first Register with Register-Stop at once', () => {
    expect(sent(t, 'pim-register-stop')[0]?.time).toBeLessThan(30);
    expect(states(t, 'R1', 'sm-register').slice(0, 2)).toEqual([':Join', ':Prune']);
  });
  it('when H1 joins, the RP (its Keepalive Timer still running) joins toward S and H1 gets the stream', () => {
    const l = joinLatencies(t).find((x) => x.host === 'H1')!;
    expect(l.latency).not.toBeNull();
    expect(states(t, 'R1', 'sm-register')).toContain(':Join-Pending');
  });
});

describe('IPTV over a routed network (pim-iptv)', () => {
  const t = run(iptv);
  it('every set-top box gets each channel it watches; channel changes move the stream', () => {
    expect(delivered(t, 'STB1').some((m) => m?.startsWith('tv2.'))).toBe(true);
    expect(delivered(t, 'STB5').every((m) => m?.startsWith('tv3.'))).toBe(true);
    expect(checkNoDataLoops(t).holds).toBe(true);
    expect(checkExactlyOnce(t, { from: 100, settle: 80 }).holds).toBe(true);
  });
});

describe('bad topologies and diagnostics', () => {
  it('"no RP configured" is a validation error naming pim.rp', () => {
    const bad = { ...spt, pim: { mode: 'sparse' } };
    const v = validateScenario(bad);
    expect(v.ok).toBe(false);
    expect(JSON.stringify(v)).toContain('no rendezvous point configured');
  });

  it('an unknown RP router is rejected', () => {
    expect(validateScenario({ ...spt, pim: { mode: 'sparse', rp: 'R9' } }).ok).toBe(false);
  });

  it('diagnostics: "no-rp" as an error in both languages', () => {
    const s = load(spt);
    const w = networkWorld(s);
    const diag = pimDiagnostics(w, { ...pimConfig({ mode: 'sparse' }), rp: null }, ['S']);
    expect(diag[0]).toMatchObject({ code: 'no-rp', severity: 'error' });
    expect(diag[0]!.text.zh.length).toBeGreaterThan(0);
  });

  it('diagnostics: equal-cost paths explain the single RPF neighbour (lowest id wins)', () => {
    const s = load(flood);
    const w = networkWorld(s);
    const diag = pimDiagnostics(w, pimConfig({ mode: 'dense' }), ['S']);
    const tie = diag.find((x) => x.code === 'equal-cost-rpf' && x.router === 'R4');
    // R4 → S: via R2 (2+2+1+1) = via R3 (2+2+1+1): equal, R2 has the lower id.
    expect(tie).toMatchObject({ chosen: 'R2', others: ['R3'] });
    expect(tie!.text.en).toContain('R2');
  });

  it('diagnostics: a disconnected source', () => {
    const s = load(flood);
    const cut = {
      ...s,
      topology: { ...s.topology, links: s.topology.links.filter((l) => !(l.a === 'R1' && l.b === 'L0')) },
    };
    const w = networkWorld(cut);
    const diag = pimDiagnostics(w, pimConfig({ mode: 'dense' }), ['S']);
    expect(diag.find((x) => x.code === 'source-disconnected')?.target).toBe('S');
  });

  it('is deterministic: the same scenario gives the same trace, byte for byte', () => {
    expect(JSON.stringify(run(spt))).toBe(JSON.stringify(run(spt)));
  });
});
