import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildNet, components, topologyProblems } from '../src/protocols/net/topology';
import type { NetworkScenario } from '../src/scenarios/schema';
import { simulate } from '../src/scenarios/simulate';
import { validateScenario } from '../src/scenarios/validate';
import type { Trace } from '../src/sim/trace';
import {
  ISSUE4,
  ISSUE5,
  issue4Scenario,
  pimScenario,
  RP,
  randomTopology,
  SOURCE,
  spreadHosts,
} from './network-workloads';
import { convergence, stateTotals } from './pim';
import {
  LOSS,
  PROCESSES,
  RELIABILITY_SETTINGS,
  reliabilityFootprint,
  reliabilityWorkload,
} from './reliability';

/** The benchmark's workloads are what the benchmark says they are; no timing here. */

describe('network workloads', () => {
  it('property: every generated topology is valid, connected, and has the routers, LANs and hosts asked for', () => {
    fc.assert(
      fc.property(
        fc.record({
          routers: fc.integer({ min: 1, max: 40 }),
          extraLinks: fc.integer({ min: 0, max: 20 }),
          lans: fc.integer({ min: 1, max: 20 }),
          secondRouter: fc.double({ min: 0, max: 1, noNaN: true }),
          hostsOn: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 20 }),
          seed: fc.nat(),
        }),
        (spec) => {
          const t = randomTopology(spec);
          expect(topologyProblems(t)).toEqual([]);
          expect(components(buildNet(t))).toHaveLength(1);
          expect(t.routers).toHaveLength(spec.routers);
          expect(t.lans).toHaveLength(spec.lans);
          const hosts = spec.hostsOn.slice(0, spec.lans).reduce((a, b) => a + b, 0);
          expect(t.hosts).toHaveLength(hosts);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('spreads exactly the hosts asked for over the LANs allowed', () => {
    const on = spreadHosts({ lans: 10, from: 3, count: 25, seed: 1 });
    expect(on.reduce((a, b) => a + b, 0)).toBe(25);
    expect(on.slice(0, 3)).toEqual([0, 0, 0]);
  });

  it("issue 4's network has 200 nodes, and its receivers join before some of them leave", () => {
    const s = issue4Scenario();
    const t = s.topology;
    expect(t.routers.length + t.lans.length + t.hosts.length).toBe(200);
    expect(components(buildNet(t))).toHaveLength(1);
    const joins = s.actions.filter((a) => a.type === 'join');
    const leaves = s.actions.filter((a) => a.type === 'leave');
    expect(new Set(joins.map((a) => a.host)).size).toBe(ISSUE4.receivers);
    expect(leaves).toHaveLength(ISSUE4.leavers);
    for (const l of leaves) {
      const j = joins.find((a) => a.host === l.host)!;
      expect(j.at).toBeLessThan(l.at);
    }
    const stream = s.actions.find((a) => a.type === 'stream')!;
    expect(joins.some((a) => a.host === (stream as { from: string }).from)).toBe(false);
  });

  it.each(['dense', 'sparse'] as const)(
    "issue 5's %s-mode run: 200 routers, connected, 50 receivers, the source alone on its LAN",
    (mode) => {
      const s = pimScenario(mode);
      const net = buildNet(s.topology);
      expect(s.topology.routers).toHaveLength(ISSUE5.routers);
      expect(components(net)).toHaveLength(1);
      const members = s.groups[0]!.members;
      expect(new Set(members).size).toBe(50);
      expect(members).not.toContain(SOURCE);
      expect(net.hosts.get(SOURCE)!.lan).toBe('L0');
      expect(members.every((m) => net.hosts.get(m)!.lan !== 'L0')).toBe(true);
      expect(s.pim).toEqual(mode === 'dense' ? { mode } : { mode, rp: RP });
    },
  );
});

describe('reliability workloads', () => {
  it.each(RELIABILITY_SETTINGS.map((r) => [r.name, r.reliability] as const))(
    '%s: a valid scenario of 32 processes with 10%% loss',
    (_, reliability) => {
      const s = reliabilityWorkload(reliability);
      expect(s.processes).toHaveLength(PROCESSES);
      expect(s.network.loss).toBe(LOSS);
      expect(s.reliability?.scheme).toBe(reliability.scheme);
    },
  );
});

/** A trace with only what the footprint reads: each node's recorded reliability view. */
function viewsTrace(initial: Record<string, unknown>, states: [string, unknown][]): Trace {
  return {
    format: 1,
    nodes: Object.keys(initial) as never,
    events: states.map((_, step) => ({ step, time: step, type: 'x', node: 'P0' as never })),
    copies: [],
    states: states.map(([node, state], step) => ({ step, node: node as never, state })),
    initial,
    endTime: states.length,
    truncated: false,
  };
}

describe('reliabilityFootprint', () => {
  it('counts awaited ACKs as (message, member) pairs', () => {
    const pend = (...p: [string, string[]][]) => ({
      reliability: { pending: p.map(([msg, waiting]) => ({ msg, waiting })) },
    });
    const t = viewsTrace({ P0: pend() }, [
      ['P0', pend(['m1', ['P1', 'P2', 'P3']])],
      ['P0', pend(['m1', ['P3']], ['m2', ['P1', 'P2']])],
    ]);
    const [f] = reliabilityFootprint(t);
    expect(f).toMatchObject({ structure: 'ACKs awaited', maxEntries: 3, peakEntries: 3 });
  });

  it('finds the largest buffer at one process and the largest sum over processes at one step', () => {
    const buf = (...ids: string[]) => ({ reliability: { buffer: ids } });
    const t = viewsTrace({ P0: buf(), P1: buf() }, [
      ['P0', buf('m1')],
      ['P1', buf('m1', 'm2')],
      ['P0', buf()],
      ['P1', buf('m1', 'm2', 'm3')],
    ]);
    // By hand: P1 reaches 3 entries; the sum peaks at 3 twice (1 + 2, then 0 + 3).
    expect(reliabilityFootprint(t)).toEqual([
      {
        structure: 'retransmission buffer',
        maxEntries: 3,
        maxBytes: '["m1","m2","m3"]'.length,
        peakEntries: 3,
        peakBytes: Math.max('["m1"]'.length + '["m1","m2"]'.length, '[]'.length + '["m1","m2","m3"]'.length),
      },
    ]);
  });
});

describe('PIM convergence', () => {
  const dense = (): NetworkScenario => {
    const v = validateScenario(
      JSON.parse(
        readFileSync(
          new URL('../src/scenarios/examples/pim-dense-flood-prune.json', import.meta.url),
          'utf8',
        ),
      ),
    );
    if (!v.ok || v.value.lab !== 'network') throw new Error('example is invalid');
    return v.value;
  };

  // RFC 3973 §3 (overview): the first packets are flooded to every router, and a pruned router keeps (S,G) state to remember its prune.
  it('dense mode leaves one (S,G) entry, and nothing else, at every router of a connected network', () => {
    const s = dense();
    const trace = simulate(s);
    const totals = stateTotals(trace, trace.endTime);
    expect(totals).toMatchObject({ starG: 0, sgRpt: 0, sg: s.topology.routers.length });
    expect(totals.routers).toBe(s.topology.routers.length);
  });

  it('converges no earlier than the first packet that takes the final tree, and every member gets the stream', () => {
    const s = dense();
    const trace = simulate(s);
    const c = convergence(trace, 'S', s.groups[0]!.members);
    expect(c.finalTreeFrom).not.toBeNull();
    expect(c.convergedAt).toBeGreaterThanOrEqual(c.finalTreeFrom!.at);
    expect(c.convergedAt).toBeGreaterThanOrEqual(c.stateSettledAt);
    expect(c.allReceiversAt).not.toBeNull();
    // Flood and prune: the first packet goes further than the pruned tree the last one takes.
    const sendsOf = (msg: string) =>
      trace.events.filter(
        (e) =>
          e.type === 'send' &&
          e.kind === 'data' &&
          e.msg === msg &&
          (e.detail as { role?: string }).role !== 'medium',
      ).length;
    expect(sendsOf('d.1')).toBeGreaterThan(c.copiesPerPacket);
    expect(c.finalTreeFrom!.msg).not.toBe('d.1');
  });
});
