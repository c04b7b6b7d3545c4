import { describe, expect, it } from 'vitest';
import macJson from '../../scenarios/examples/network-mac-collision.json';
import assertJson from '../../scenarios/examples/pim-dense-assert-lan.json';
import floodPruneJson from '../../scenarios/examples/pim-dense-flood-prune.json';
import refreshJson from '../../scenarios/examples/pim-dense-state-refresh.json';
import sptJson from '../../scenarios/examples/pim-sparse-spt-switch.json';
import type { NetworkScenario } from '../../scenarios/schema';
import { simulate } from '../../scenarios/simulate';
import { validateScenario } from '../../scenarios/validate';
import type { EditOutcome } from '../network/edits';
import { load } from '../testing/scenarios';
import {
  DEFAULT_PREFERENCE,
  preferenceOf,
  setPimMode,
  setPreference,
  setRp,
  setSptSwitch,
  setStateRefresh,
} from './settings';

const net = (data: unknown) => load(data) as NetworkScenario;

/** An accepted edit's scenario, after checking it still passes the scenario validator. */
function ok(r: EditOutcome): NetworkScenario {
  if (!r.ok) throw new Error(`refused: ${r.problem.en}`);
  const v = validateScenario(r.scenario);
  expect(v.ok, JSON.stringify(v.ok ? null : v.errors)).toBe(true);
  return r.scenario;
}

/** A refused edit's reason, which must be given in both languages. */
function refused(r: EditOutcome): { en: string; zh: string } {
  if (r.ok) throw new Error('the edit was accepted');
  expect(r.problem.en.length).toBeGreaterThan(0);
  expect(r.problem.zh).toMatch(/[\u4e00-\u9fff]/);
  return r.problem;
}

interface Sent {
  time: number;
  node: string;
  kind: string;
  label: string;
  to: string[];
}

/** The PIM messages a run puts on the wire, in order: those routers originate, or also those they relay. */
function pimSends(s: NetworkScenario, relayed = false): Sent[] {
  return simulate(s)
    .events.filter((e) => e.type === 'send' && String(e.kind).startsWith('pim'))
    .map((e) => {
      const d = (e.detail ?? {}) as { label?: string; to?: string[]; role?: string };
      return {
        time: e.time,
        node: e.node,
        kind: String(e.kind),
        label: d.label ?? '',
        to: d.to ?? [],
        role: d.role,
      };
    })
    .filter((m) => m.role === 'originate' || (relayed && m.role === 'forward'))
    .map(({ role: _role, ...m }) => m);
}

describe('PIM mode', () => {
  it('dense → sparse with R3 as the rendezvous point: Join (*,G) and Register go to R3', () => {
    const dense = net(floodPruneJson);
    expect(pimSends(dense).some((m) => m.kind === 'pim-register')).toBe(false);
    const sparse = ok(setPimMode(dense, 'sparse', 'R3'));
    expect(sparse.pim).toEqual({ mode: 'sparse', rp: 'R3' });
    const sent = pimSends(sparse);
    // H1's router R2 joins the RP tree; R1 (the RP's neighbour on R2's path) carries the Join (*,G) on to R3.
    expect(sent).toContainEqual(
      expect.objectContaining({ node: 'R1', kind: 'pim-join', label: 'Join (*,G)', to: ['R3'] }),
    );
    // S's first-hop router R1 registers S's first packet (sent at t=40, at R1 at t=42) with the RP.
    expect(sent).toContainEqual(
      expect.objectContaining({ time: 42, node: 'R1', kind: 'pim-register', to: ['R3'] }),
    );
    // Dense mode's flood and prune is gone: no Graft, no State Refresh.
    expect(sent.some((m) => m.kind === 'pim-graft' || m.kind === 'pim-state-refresh')).toBe(false);
  });

  it('without a router picked, sparse mode takes the first router as the rendezvous point', () => {
    expect(ok(setPimMode(net(floodPruneJson), 'sparse')).pim).toEqual({ mode: 'sparse', rp: 'R1' });
    expect(ok(setPimMode(net(floodPruneJson), 'sparse', 'H1')).pim).toEqual({ mode: 'sparse', rp: 'R1' });
  });

  it('sparse → dense drops the RP and the SPT switch but keeps the settings both modes share', () => {
    const base = net(sptJson);
    const sparse = ok(setPreference(ok(setSptSwitch(base, 'never')), 'R2', 50));
    const dense = ok(setPimMode(sparse, 'dense'));
    expect(dense.pim).toEqual({ mode: 'dense', preference: { R2: 50 } });
    const sent = pimSends(dense);
    expect(sent.some((m) => m.kind === 'pim-register' || m.label === 'Join (*,G)')).toBe(false);
    // Dense mode floods, then the routers with nobody behind them prune.
    expect(sent.some((m) => m.kind === 'pim-prune')).toBe(true);
  });

  it('off removes PIM: no PIM message on the wire, and the stream still reaches H1', () => {
    const off = ok(setPimMode(net(sptJson), 'off'));
    expect(off.pim).toBeUndefined();
    expect(pimSends(off)).toEqual([]);
    // 12 packets streamed to the group G, of which H1 is a member from the start.
    const got = simulate(off).events.filter((e) => e.type === 'deliver' && e.node === 'H1');
    expect(got).toHaveLength(12);
  });

  it('choosing the mode the scenario already has changes nothing', () => {
    const s = net(sptJson);
    expect(setPimMode(s, 'sparse', 'R1')).toEqual({ ok: true, scenario: s });
    const off = ok(setPimMode(s, 'off'));
    expect(setPimMode(off, 'off')).toEqual({ ok: true, scenario: off });
  });

  it('refuses sparse mode on a network with no router, in both languages', () => {
    const p = refused(setPimMode(net(macJson), 'sparse'));
    expect(p.en).toContain('rendezvous point');
  });
});

describe('rendezvous point', () => {
  it('moving the RP from R3 to R2: the Registers stop at R2 and R3 passes the Join (*,G) on to R2', () => {
    const s = net(sptJson);
    const registersTo = (x: NetworkScenario, rp: string) =>
      pimSends(x, true).filter((m) => m.kind === 'pim-register' && m.to.includes(rp));
    const joinsTo = (x: NetworkScenario, rp: string) =>
      pimSends(x).filter((m) => m.label === 'Join (*,G)' && m.to.includes(rp));
    // As drawn: R1's Registers are relayed by R2 to R3, and R5 joins toward R3.
    expect(registersTo(s, 'R3').length).toBeGreaterThan(0);
    expect(joinsTo(s, 'R2')).toEqual([]);
    const moved = ok(setRp(s, 'R2'));
    expect(moved.pim?.rp).toBe('R2');
    expect(registersTo(moved, 'R2').length).toBeGreaterThan(0);
    expect(registersTo(moved, 'R3')).toEqual([]);
    // R5's shortest way to R2 is through R3 (R5–R3–R2), so R3 joins the RP tree toward R2.
    expect(joinsTo(moved, 'R2')).toContainEqual(expect.objectContaining({ node: 'R3' }));
  });

  it('refuses an RP in dense mode and a router that does not exist', () => {
    expect(refused(setRp(net(floodPruneJson), 'R2')).en).toContain('sparse');
    expect(refused(setRp(net(sptJson), 'R9')).en).toContain('R9');
  });
});

describe('SPT switch', () => {
  // pim-sparse-spt-switch: S streams d.1, d.2, … every 20 ticks from t=40; each reaches H1's
  // router R5 down the RP tree 8 ticks later (S→L0→R1 2, R1→R2→R3 4, R3→R5 2).
  const joinsFromR5 = (s: NetworkScenario) =>
    pimSends(s).filter((m) => m.node === 'R5' && m.label === 'Join (S,G)');

  it('immediate (the default): R5 joins the source tree on the first packet, at t=48', () => {
    expect(joinsFromR5(net(sptJson)).map((m) => m.time)).toEqual([48]);
    expect(joinsFromR5(ok(setSptSwitch(net(sptJson), 'immediate'))).map((m) => m.time)).toEqual([48]);
  });

  it('never: the last-hop router R5 sends no (S,G) Join and prunes nothing off the RP tree', () => {
    const never = ok(setSptSwitch(net(sptJson), 'never'));
    expect(never.pim?.sptSwitch).toBe('never');
    expect(joinsFromR5(never)).toEqual([]);
    expect(pimSends(never).some((m) => m.node === 'R5' && m.label === 'Prune (S,G,rpt)')).toBe(false);
  });

  it('after 3 packets: R5 joins when the third packet (sent at t=80) arrives, at t=88', () => {
    const three = ok(setSptSwitch(net(sptJson), { packets: 3 }));
    expect(joinsFromR5(three).map((m) => m.time)).toEqual([88]);
  });

  it('refuses the switch in dense mode and a packet count that is not a whole number from 1 to 10000', () => {
    expect(refused(setSptSwitch(net(floodPruneJson), 'never')).en).toContain('sparse');
    for (const packets of [0, -1, 2.5, Number.NaN, 10_001])
      expect(refused(setSptSwitch(net(sptJson), { packets })).zh).toContain('10000');
  });
});

describe('State Refresh', () => {
  it('off: the first-hop router sends no State Refresh; on again, it does', () => {
    const s = net(refreshJson);
    const refreshes = (x: NetworkScenario) => pimSends(x).filter((m) => m.kind === 'pim-state-refresh');
    expect(refreshes(s).length).toBeGreaterThan(0);
    const off = ok(setStateRefresh(s, false));
    expect(off.pim?.stateRefresh).toBe(false);
    expect(refreshes(off)).toEqual([]);
    expect(refreshes(ok(setStateRefresh(off, true))).length).toBeGreaterThan(0);
  });

  it('refuses State Refresh in sparse mode', () => {
    expect(refused(setStateRefresh(net(sptJson), false)).en).toContain('dense');
  });
});

describe('Assert preference', () => {
  // pim-dense-assert-lan: R2 and R3 both forward S's stream onto L1 and Assert with equal metrics;
  // the tie goes to R3 (higher address). Copies of data put on L1 after the Assert show the winner.
  const forwarderOnL1 = (s: NetworkScenario) => {
    const srcs = simulate(s)
      .copies.filter((c) => c.kind === 'data' && c.to === 'L1' && c.sentAt > 60)
      .map((c) => c.src);
    return [...new Set(srcs)];
  };

  it('a lower preference on R2 makes R2 win the Assert: it alone forwards onto L1 afterwards', () => {
    const s = net(assertJson);
    expect(forwarderOnL1(s)).toEqual(['R3']);
    expect(preferenceOf(s, 'R2')).toBe(DEFAULT_PREFERENCE);
    const r2 = ok(setPreference(s, 'R2', 50));
    expect(r2.pim?.preference).toEqual({ R2: 50 });
    expect(preferenceOf(r2, 'R2')).toBe(50);
    expect(pimSends(r2)).toContainEqual(
      expect.objectContaining({ node: 'R2', kind: 'pim-assert', label: expect.stringContaining('[50,') }),
    );
    expect(forwarderOnL1(r2)).toEqual(['R2']);
  });

  it('null returns the router to the default, and the preference map goes when it is empty', () => {
    const back = ok(setPreference(ok(setPreference(net(assertJson), 'R2', 50)), 'R2', null));
    expect(back.pim).toEqual({ mode: 'dense' });
    expect(forwarderOnL1(back)).toEqual(['R3']);
  });

  it('refuses a preference out of 0..255, an unknown router, and a network without PIM', () => {
    for (const v of [-1, 256, 1.5, Number.NaN])
      expect(refused(setPreference(net(assertJson), 'R2', v)).en).toContain('255');
    expect(refused(setPreference(net(assertJson), 'R9', 10)).en).toContain('R9');
    const noPim = ok(setPimMode(net(assertJson), 'off'));
    expect(refused(setPreference(noPim, 'R2', 10)).en).toContain('PIM');
  });
});
