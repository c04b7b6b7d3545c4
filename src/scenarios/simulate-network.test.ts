import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channelChange, leaveLatencies, modeStats, streamOnLan } from '../protocols/net/stats';
import { arbTopology, floydWarshall } from '../protocols/net/testnet';
import type { TopologyInput } from '../protocols/net/topology';
import type { Mode } from '../protocols/net/vocabulary';
import invalid from './examples/igmp-invalid-packets.json';
import election from './examples/igmp-querier-election.json';
import v1 from './examples/igmp-v1-timeout.json';
import iptv from './examples/iptv-channel-change.json';
import collision from './examples/network-mac-collision.json';
import mechanisms from './examples/network-mechanisms.json';
import modes from './examples/network-modes.json';
import type { NetworkScenario } from './schema';
import { simulate } from './simulate';
import { validateScenario } from './validate';

function load(data: unknown): NetworkScenario {
  const v = validateScenario(data);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  if (v.value.lab !== 'network') throw new Error('not a network scenario');
  return v.value;
}
const statsOf = (data: unknown) => new Map(modeStats(simulate(load(data))).map((s) => [s.msg, s]));

describe('communication modes on one network (network-modes example)', () => {
  const s = statsOf(modes);

  it('unicast S → H4 crosses L1, R1–R3 and L3 once each', () => {
    expect(s.get('uni')).toMatchObject({
      sentBySource: 1,
      linkTraversals: 3,
      received: ['H4'],
      discarded: [],
    });
    expect(s.get('uni')?.perLink).toEqual({ L1: 1, 'R1-R3': 1, L3: 1 });
  });

  it('anycast reaches one replica, the nearest (H3 and H5 tie at 5: lower id)', () => {
    expect(s.get('any')).toMatchObject({ sentBySource: 1, received: ['H3'] });
  });

  it('netcast sends one unicast per member: 3 packets, L1 carries all 3', () => {
    expect(s.get('net')).toMatchObject({ sentBySource: 3, received: ['H2', 'H3', 'H4'] });
    expect(s.get('net')?.perLink).toEqual({ L1: 3, 'R1-R2': 2, 'R1-R3': 1, L2: 2, L3: 1 });
  });

  it('multicast sends one packet, copied only where paths part: one copy per link of the tree', () => {
    expect(s.get('multi')).toMatchObject({
      sentBySource: 1,
      linkTraversals: 5,
      received: ['H2', 'H3', 'H4'],
    });
    expect(s.get('multi')?.perLink).toEqual({ L1: 1, 'R1-R2': 1, 'R1-R3': 1, L2: 1, L3: 1 });
    expect(s.get('multi')?.filteredByCard).toEqual(['H1', 'H5']);
  });

  it("limited broadcast stays on the sender's LAN; directed broadcast is routed to L3 and broadcast there", () => {
    expect(s.get('bcast')).toMatchObject({ linkTraversals: 1, received: ['H1'] });
    expect(s.get('dbcast')).toMatchObject({ linkTraversals: 3, received: ['H4', 'H5'] });
  });

  it('is deterministic: the same scenario gives the same trace, byte for byte', () => {
    expect(JSON.stringify(simulate(load(modes)))).toBe(JSON.stringify(simulate(load(modes))));
  });
});

describe('delivery mechanisms for a group on one LAN (network-mechanisms example)', () => {
  const s = statsOf(mechanisms);
  const members = ['A1', 'A2', 'B1', 'B2'];

  it("hardware multicast: members' cards listen on the group MAC, the others' cards drop the frame", () => {
    expect(s.get('hw')).toMatchObject({
      sentBySource: 1,
      linkTraversals: 1,
      received: members,
      discarded: [],
    });
    expect(s.get('hw')?.filteredByCard).toEqual(['C', 'N1', 'N2']);
  });

  it('broadcast with software filtering: every host receives, non-members discard by group id', () => {
    expect(s.get('diffuse')).toMatchObject({
      linkTraversals: 1,
      received: members,
      discarded: ['C', 'N1', 'N2'],
    });
  });

  it('multiple unicasts: the sender sends one per member', () => {
    expect(s.get('unicasts')).toMatchObject({ sentBySource: 4, linkTraversals: 4, received: members });
  });

  it('via a coordinator: one packet to C, which iterates through the members', () => {
    expect(s.get('coord')).toMatchObject({ sentBySource: 1, linkTraversals: 5, received: members });
  });

  it('via a hierarchy: S → C → A1, B1 → A2, B2', () => {
    expect(s.get('tree')).toMatchObject({ sentBySource: 1, linkTraversals: 5, received: members });
  });
});

describe('Ethernet filtering (network-mac-collision example)', () => {
  const t = simulate(load(collision));
  const at = (node: string, msg: string) =>
    t.events
      .filter((e) => e.node === node && e.msg === msg)
      .map(
        (e) =>
          `${e.type}:${(e.detail as { reason?: string; by?: string }).reason ?? (e.detail as { by?: string }).by ?? ''}`,
      );

  it("224.1.1.1 and 225.1.1.1 share a MAC: H2's card and driver pass the frame, IP discards it", () => {
    expect(at('H1', 'toA')).toEqual(['receive:exact', 'deliver:']);
    expect(at('H2', 'toA')).toEqual(['receive:exact', 'discard:group-not-joined']);
    expect(at('H1', 'toB')).toEqual(['receive:exact', 'discard:group-not-joined']);
  });

  it('a multicast-promiscuous card passes every group; its driver drops what it did not ask for', () => {
    expect(at('H3', 'toA')).toEqual(['receive:promiscuous', 'discard:mac-not-wanted']);
  });

  it('a card that listens on neither drops both frames (hash filter miss)', () => {
    expect(at('H4', 'toA')).toEqual(['filter:hash-miss']);
  });
});

describe('IGMPv2 on a LAN with two routers (igmp-querier-election example)', () => {
  const t = simulate(load(election));
  const transitions = (node: string, machine: string) =>
    t.events.filter(
      (e) =>
        e.type === 'transition' && e.node === node && (e.detail as { machine: string }).machine === machine,
    );

  it('elects the router with the lower address (RA, 10.0.1.1) as Querier on L1', () => {
    const rb = transitions('RB', 'querier').filter((e) => (e.detail as { lan: string }).lan === 'L1');
    expect(rb.map((e) => (e.detail as { to: string }).to)).toContain('Non-Querier');
    expect(transitions('RA', 'querier').every((e) => (e.detail as { to: string }).to === 'Querier')).toBe(
      true,
    );
    const gsq = t.events.filter(
      (e) => e.type === 'send' && e.kind === 'query' && (e.detail as { group?: string }).group,
    );
    expect(new Set(gsq.map((e) => e.node))).toEqual(new Set(['RA']));
  });

  it("suppresses reports: a member hearing another's report stops its timer and clears its flag", () => {
    const suppressed = transitions('H2', 'host').filter(
      (e) => (e.detail as { event: string }).event === 'report received',
    );
    expect(suppressed.length).toBeGreaterThan(0);
  });

  it('only the last host to report sends a Leave; the Querier asks twice and drops the group after 2 × 1 s', () => {
    const leaves = t.events.filter(
      (e) => e.type === 'send' && e.kind === 'leave' && (e.detail as { role: string }).role === 'originate',
    );
    expect(leaves.map((e) => e.node)).toEqual(['H3']);
    const gsq = t.events.filter(
      (e) =>
        e.type === 'send' && e.kind === 'query' && e.node === 'RA' && (e.detail as { group?: string }).group,
    );
    expect(gsq).toHaveLength(2); // Last Member Query Count = Robustness = 2 (RFC 2236 §8.9)
    // Last Member Query Interval 1 s × Count 2 = 2 s = 16 ticks at 8 ticks per second.
    expect(leaveLatencies(t).filter((l) => l.router === 'RA')).toEqual([
      expect.objectContaining({ lan: 'L1', group: 'G', latency: 16 }),
    ]);
    expect(
      t.events.some(
        (e) =>
          e.type === 'discard' &&
          e.node === 'RB' &&
          (e.detail as { reason: string }).reason === 'non-querier-ignores-leave',
      ),
    ).toBe(true);
  });
});

describe('IGMPv1 (igmp-v1-timeout example)', () => {
  const t = simulate(load(v1));

  it('sends no Leave: the router drops the group a Group Membership Interval after the last report', () => {
    expect(t.events.some((e) => e.type === 'send' && e.kind === 'leave')).toBe(false);
    const reports = t.events.filter(
      (e) =>
        e.type === 'transition' &&
        e.node === 'R1' &&
        (e.detail as { event: string }).event === 'v1 report received',
    );
    const gone = t.events.find((e) => e.type === 'notify' && (e.detail as { change: string }).change === '-');
    // GMI = 2 × 60 s + 10 s = 130 s, at 2 ticks per second = 260 ticks.
    expect(gone!.time - reports[reports.length - 1]!.time).toBe(260);
  });

  it('the IGMPv1 router ignores the v2 report the v2 host sent before it heard a v1 query', () => {
    expect(
      t.events.some(
        (e) => e.type === 'ignored' && e.node === 'R1' && (e.detail as { reason: string }).reason === 'type',
      ),
    ).toBe(true);
  });
});

describe('invalid IGMP packets (igmp-invalid-packets example)', () => {
  const t = simulate(load(invalid));

  it('are ignored, with the reason in the trace; the valid report is acted on', () => {
    const ignored = t.events.filter((e) => e.type === 'ignored' && e.node === 'R1');
    expect(ignored.map((e) => [e.msg, (e.detail as { reason: string }).reason])).toEqual([
      ['bad-sum', 'checksum'],
      ['short', 'short'],
    ]);
    // Sent at 30; one tick onto the LAN and one more to R1 (both links have latency 1).
    const joined = t.events.find((e) => e.type === 'notify' && e.node === 'R1');
    expect(joined?.time).toBe(32);
  });
});

describe('IPTV channel change (iptv-channel-change example)', () => {
  const t = simulate(load(iptv));

  it('the old channel stops on the LAN after the last-member queries; the new one starts after the report', () => {
    const c = channelChange(t, { host: 'STB1', lan: 'L1', from: 'ch1', to: 'ch2' })!;
    expect(c.at).toBe(200);
    // The leave reaches R2 after 2 ticks; R2 drops ch1 16 ticks later (Last Member Query Count × Interval).
    const [l] = leaveLatencies(t);
    expect(l).toMatchObject({ router: 'R2', group: 'ch1', leaveAt: 202, goneAt: 218, latency: 16 });
    expect(c.lastOldOnLan).not.toBeNull();
    expect(c.lastOldOnLan!).toBeLessThanOrEqual(218);
    expect(streamOnLan(t, 'L1', 'ch1').filter((x) => x > 218)).toEqual([]);
    expect(c.joinLatency).not.toBeNull();
    expect(c.joinLatency!).toBeLessThan(16);
  });

  it('a viewer leaving while another still watches keeps the channel on the LAN', () => {
    // STB3 joined ch2 at 260; STB1 leaves at 320. Whether or not STB1 was the last to report (and so
    // sent a Leave, answered by STB3 after the Group-Specific Query), R2 keeps ch2 on L1.
    expect(
      t.events.some(
        (e) =>
          e.type === 'notify' &&
          (e.detail as { group: string; change: string }).group === 'ch2' &&
          (e.detail as { change: string }).change === '-',
      ),
    ).toBe(false);
    expect(streamOnLan(t, 'L1', 'ch2').some((x) => x > 340)).toBe(true);
    for (const l of leaveLatencies(t).filter((x) => x.group === 'ch2')) expect(l.goneAt).toBeNull();
  });
});

// ─── Properties on random connected topologies ────────────────────────────────────────────

interface Plan {
  topo: TopologyInput;
  source: string;
  to: string;
  members: string[];
  replicas: string[];
  lan: string;
}

const arbPlan = arbTopology
  .filter((t) => t.hosts.length >= 2)
  .chain((topo) => {
    const hosts = topo.hosts.map((h) => h.id);
    return fc
      .record({
        source: fc.constantFrom(...hosts),
        picks: fc.array(fc.boolean(), { minLength: hosts.length, maxLength: hosts.length }),
        anyPicks: fc.array(fc.boolean(), { minLength: hosts.length, maxLength: hosts.length }),
        lan: fc.constantFrom(...topo.lans.map((l) => l.id)),
        to: fc.constantFrom(...hosts),
      })
      .map(({ source, picks, anyPicks, lan, to }): Plan => {
        const others = hosts.filter((h) => h !== source);
        const members = others.filter((_, i) => picks[i]);
        const replicas = others.filter((_, i) => anyPicks[i]);
        return {
          topo,
          source,
          to: to === source ? others[0]! : to,
          members: members.length > 0 ? members : [others[0]!],
          replicas: replicas.length > 0 ? replicas : [others[others.length - 1]!],
          lan,
        };
      });
  });

function scenarioOf(p: Plan): NetworkScenario {
  const send = (msg: string, mode: Mode, extra: Record<string, string>) => ({
    type: 'send',
    at: 0,
    from: p.source,
    msg,
    mode,
    ...extra,
  });
  return load({
    version: 1,
    lab: 'network',
    seed: 1,
    topology: p.topo,
    groups: [{ id: 'G', address: '239.1.2.3', members: p.members, coordinator: p.members[0] }],
    anycast: [{ id: 'A', address: '192.0.2.1', replicas: p.replicas }],
    actions: [
      send('uni', 'unicast', { to: p.to }),
      send('any', 'anycast', { anycast: 'A' }),
      send('net', 'netcast', { group: 'G' }),
      send('multi', 'multicast', { group: 'G' }),
      send('bcast', 'broadcast', {}),
      send('dbcast', 'directed-broadcast', { lan: p.lan }),
      send('filtered', 'broadcast-filter', { group: 'G' }),
      send('coord', 'coordinator', { group: 'G' }),
    ],
  });
}

/** What each mode should reach, from its definition and an independent Floyd–Warshall. */
function intended(p: Plan): Record<string, string[]> {
  const fw = floydWarshall(p.topo);
  const lanOf = (h: string) => p.topo.links.find((l) => l.a === h || l.b === h)!;
  const lanId = (h: string) => {
    const l = lanOf(h);
    return l.a === h ? l.b : l.a;
  };
  const onLan = (lan: string) =>
    p.topo.hosts.map((h) => h.id).filter((h) => lanId(h) === lan && h !== p.source);
  const nearest = [...p.replicas]
    .sort()
    .reduce((best, r) => (fw(p.source, r) < fw(p.source, best) ? r : best));
  const sorted = (a: string[]) => [...a].sort();
  return {
    uni: [p.to],
    any: [nearest],
    net: sorted(p.members),
    multi: sorted(p.members),
    bcast: sorted(onLan(lanId(p.source))),
    dbcast: sorted(onLan(p.lan)),
    filtered: sorted(p.members.filter((m) => lanId(m) === lanId(p.source))),
    coord: sorted(p.members),
  };
}

describe('properties of the modes on random connected topologies', () => {
  it('property: each mode reaches exactly its intended receivers, each exactly once', () => {
    fc.assert(
      fc.property(arbPlan, (p) => {
        const got = new Map(modeStats(simulate(scenarioOf(p))).map((s) => [s.msg, s]));
        for (const [msg, want] of Object.entries(intended(p))) {
          const s = got.get(msg);
          if (!s || s.duplicates.length > 0 || JSON.stringify(s.received) !== JSON.stringify(want))
            return false;
        }
        return true;
      }),
      { numRuns: 120 },
    );
  });

  it('property: multicast never sends more copies over a link than netcast', () => {
    fc.assert(
      fc.property(arbPlan, (p) => {
        const got = new Map(modeStats(simulate(scenarioOf(p))).map((s) => [s.msg, s]));
        const mc = got.get('multi')!.perLink;
        const nc = got.get('net')!.perLink;
        return Object.entries(mc).every(([link, n]) => n <= (nc[link] ?? 0));
      }),
      { numRuns: 120 },
    );
  });
});
