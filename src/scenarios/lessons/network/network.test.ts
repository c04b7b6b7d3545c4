import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { WELL_KNOWN } from '../../../protocols/address/wellknown';
import type { Trace, TraceEvent } from '../../../sim/trace';
import type { NetworkScenario } from '../../schema';
import { simulate } from '../../simulate';
import { lessonById, resolveCursor, resolveStepScenario } from '../index';
import type { Lesson } from '../types';

/**
 * What the network lessons' narration claims, checked in their runs. Expected values come from
 * the lecture and the RFCs (RFC 1112 §6.4, RFC 2236 §8 defaults) or from an independent
 * computation over the scenario (shortest paths, CRC-32 from node:zlib), never from the code
 * under test.
 */

function lesson(id: string): Lesson {
  const l = lessonById(id);
  if (!l) throw new Error(`no lesson ${id}`);
  return l;
}

const traces = new Map<unknown, Trace>();
function traceOf(sc: NetworkScenario): Trace {
  let t = traces.get(sc);
  if (!t) {
    t = simulate(sc);
    traces.set(sc, t);
  }
  return t;
}

/** Step `i` of a lesson: its scenario, its trace, its cursor, and the event just before the cursor. */
function step(id: string, i: number) {
  const l = lesson(id);
  const sc = resolveStepScenario(l, i) as NetworkScenario;
  const t = traceOf(sc);
  const cursor = resolveCursor(t, l.steps[i]!.cursor);
  return { sc, t, cursor, last: t.events[cursor - 1] };
}

type Detail = Record<string, unknown> & {
  role?: string;
  on?: string;
  dst?: string;
  reason?: string;
  stage?: string;
  by?: string;
  machine?: string;
  group?: string;
  from?: string;
  to?: string;
  event?: string;
  actions?: string[];
  change?: string;
  bytes?: number[];
};
const det = (e: TraceEvent): Detail => (e.detail ?? {}) as Detail;

const where = (t: Trace, f: (e: TraceEvent, d: Detail) => boolean) => t.events.filter((e) => f(e, det(e)));
/** Transmissions onto a LAN or a point-to-point link (the LAN's own fan-out is not one). */
const transmissions = (t: Trace, msg: string) =>
  where(t, (e, d) => e.type === 'send' && e.msg === msg && d.role !== 'medium' && d.on !== undefined);
const nodesOf = (es: TraceEvent[]) => [...new Set(es.map((e) => e.node as string))].sort();
const delivered = (t: Trace, msg: string) => nodesOf(where(t, (e) => e.type === 'deliver' && e.msg === msg));
const transitions = (t: Trace, node: string, machine: string) =>
  where(t, (e, d) => e.type === 'transition' && e.node === node && d.machine === machine);

// ─── Shortest paths over the scenario's topology, computed here independently ─────────────────

/** Dijkstra from `src` over hosts, LANs and routers; link cost = cost or latency (the schema's default). */
function paths(sc: NetworkScenario, src: string): { dist: Map<string, number>; prev: Map<string, string> } {
  const adj = new Map<string, { to: string; cost: number }[]>();
  for (const l of sc.topology.links) {
    const c = l.cost ?? l.latency;
    adj.set(l.a, [...(adj.get(l.a) ?? []), { to: l.b, cost: c }]);
    adj.set(l.b, [...(adj.get(l.b) ?? []), { to: l.a, cost: c }]);
  }
  const dist = new Map([[src, 0]]);
  const prev = new Map<string, string>();
  const done = new Set<string>();
  for (;;) {
    const open = [...dist].filter(([n]) => !done.has(n)).sort((a, b) => a[1] - b[1]);
    if (open.length === 0) break;
    const [n, d] = open[0]!;
    done.add(n);
    for (const { to, cost } of adj.get(n) ?? [])
      if (d + cost < (dist.get(to) ?? Number.POSITIVE_INFINITY)) {
        dist.set(to, d + cost);
        prev.set(to, n);
      }
  }
  return { dist, prev };
}

/** The media a packet crosses from `src` to `dst`: each LAN once, and each router–router link. */
function segments(sc: NetworkScenario, src: string, dst: string): string[] {
  const { prev } = paths(sc, src);
  const route = [dst];
  while (route[0] !== src) route.unshift(prev.get(route[0]!)!);
  const lans = new Set(sc.topology.lans.map((l) => l.id));
  const routers = new Set(sc.topology.routers.map((r) => r.id));
  const out: string[] = [];
  route.forEach((n, k) => {
    const next = route[k + 1];
    if (lans.has(n)) out.push(n);
    else if (next && routers.has(n) && routers.has(next)) {
      const l = sc.topology.links.find((x) => (x.a === n && x.b === next) || (x.a === next && x.b === n))!;
      out.push(l.id ?? `${l.a}-${l.b}`);
    }
  });
  return out;
}

function count(xs: string[]): Record<string, number> {
  const m: Record<string, number> = {};
  for (const x of xs) m[x] = (m[x] ?? 0) + 1;
  return m;
}

describe('modes lesson: each mode sends what the lecture says', () => {
  const { sc, t } = step('modes.compare', 0);
  const members = sc.groups.find((g) => g.id === 'G')!.members;
  const perLink = (msg: string) => count(transmissions(t, msg).map((e) => det(e).on!));

  it('unicast: one packet S → H4 over the shortest path (3 links); H1 and H5 ignore the frame', () => {
    const path = segments(sc, 'S', 'H4');
    expect(path).toEqual(['L1', 'R1-R3', 'L3']);
    expect(perLink('uni')).toEqual(count(path));
    expect(delivered(t, 'uni')).toEqual(['H4']);
    const ignored = where(
      t,
      (e, d) => e.type === 'filter' && e.msg === 'uni' && d.reason === 'not-for-this-card',
    );
    expect(nodesOf(ignored)).toEqual(['H1', 'H5']);
  });

  it('anycast: the nearer replica by routing distance (H3, via R1–R2 at cost 3 against 5) gets the only copy', () => {
    const { dist } = paths(sc, 'S');
    const replicas = sc.anycast[0]!.replicas;
    const nearest = [...replicas].sort((a, b) => dist.get(a)! - dist.get(b)!)[0]!;
    expect(nearest).toBe('H3');
    expect(dist.get('H5')! - dist.get('H3')!).toBe(5 - 3);
    expect(delivered(t, 'any')).toEqual([nearest]);
    expect(perLink('any')).toEqual(count(segments(sc, 'S', nearest)));
    expect(where(t, (e) => e.node === 'H5' && e.msg === 'any')).toEqual([]);
  });

  it('netcast: one unicast per member — 3 packets from S, 9 traversals, L1 ×3, R1–R2 ×2', () => {
    const expected = count(members.flatMap((m) => segments(sc, 'S', m)));
    expect(perLink('net')).toEqual(expected);
    expect(Object.values(expected).reduce((a, b) => a + b)).toBe(9);
    expect(expected).toMatchObject({ L1: 3, 'R1-R2': 2, L2: 2, 'R1-R3': 1, L3: 1 });
    expect(
      where(t, (e, d) => e.type === 'send' && e.msg === 'net' && e.node === 'S' && d.role === 'originate'),
    ).toHaveLength(3);
    expect(delivered(t, 'net')).toEqual([...members].sort());
  });

  it('multicast: 1 packet, each link of the union of paths once (5), the same members; H1 and H5 cards drop it', () => {
    const union = [...new Set(members.flatMap((m) => segments(sc, 'S', m)))];
    expect(perLink('multi')).toEqual(count(union));
    expect(union).toHaveLength(5);
    expect(transmissions(t, 'multi').filter((e) => e.node === 'S')).toHaveLength(1);
    expect(delivered(t, 'multi')).toEqual([...members].sort());
    expect(nodesOf(where(t, (e) => e.type === 'filter' && e.msg === 'multi'))).toEqual(['H1', 'H5']);
  });

  it('multicast never puts more copies on a link than netcast', () => {
    const m = perLink('multi');
    const n = perLink('net');
    // The union of the members' paths: 5 links (see the multicast test above), so the loop checks something.
    expect(Object.keys(m)).toHaveLength(5);
    for (const [link, k] of Object.entries(m)) expect(k, link).toBeLessThanOrEqual(n[link] ?? 0);
  });

  it("limited broadcast: only S's LAN; H1 delivers, R1 receives and discards it", () => {
    expect(perLink('bcast')).toEqual({ L1: 1 });
    expect(delivered(t, 'bcast')).toEqual(['H1']);
    const d = where(t, (e) => e.type === 'discard' && e.msg === 'bcast');
    expect(d.map((e) => [e.node, det(e).reason])).toEqual([['R1', 'limited-broadcast']]);
  });

  it('directed broadcast to 10.0.3.255 (L3 with host bits all 1): routed to R3, then to every host on L3', () => {
    const send = transmissions(t, 'dbcast').find((e) => e.node === 'S')!;
    expect(det(send).dst).toBe('10.0.3.255');
    expect(sc.topology.lans.find((l) => l.id === 'L3')!.subnet).toBe('10.0.3.0/24');
    expect(perLink('dbcast')).toEqual(count(segments(sc, 'S', 'L3')));
    const onL3 = sc.topology.links.filter((l) => l.b === 'L3' && l.a.startsWith('H')).map((l) => l.a);
    expect(delivered(t, 'dbcast')).toEqual(onL3.sort());
  });

  it("each mode's step shows its whole run: every transmission of the message is before the cursor", () => {
    const msgs = ['uni', 'any', 'net', 'multi', 'bcast', 'dbcast'];
    msgs.forEach((msg, i) => {
      const { cursor, last } = step('modes.compare', i);
      expect(last?.msg, msg).toBe(msg);
      for (const e of t.events.filter((x) => x.msg === msg)) expect(e.step, msg).toBeLessThan(cursor);
    });
  });
});

describe('implementing lesson: five mechanisms for group m', () => {
  const { sc, t } = step('implementing.mechanisms', 0);
  const g = sc.groups[0]!;
  const hosts = sc.topology.hosts.map((h) => h.id);
  const outsiders = hosts.filter((h) => h !== 'S' && !g.members.includes(h)).sort();
  const framesBy = (msg: string) => count(transmissions(t, msg).map((e) => e.node as string));

  it('every mechanism reaches exactly the members', () => {
    for (const msg of ['hw', 'diffuse', 'unicasts', 'coord', 'tree'])
      expect(delivered(t, msg), msg).toEqual([...g.members].sort());
  });

  it("hardware multicast: one frame; the outsiders' cards drop it and their hosts never receive it", () => {
    expect(framesBy('hw')).toEqual({ S: 1 });
    expect(outsiders).toEqual(['C', 'N1', 'N2']);
    expect(nodesOf(where(t, (e) => e.type === 'filter' && e.msg === 'hw'))).toEqual(outsiders);
    expect(where(t, (e) => e.type === 'receive' && e.msg === 'hw' && outsiders.includes(e.node))).toEqual([]);
  });

  it('broadcast with software filtering: one frame, every host receives it, the outsiders discard it in software', () => {
    expect(framesBy('diffuse')).toEqual({ S: 1 });
    expect(nodesOf(where(t, (e) => e.type === 'receive' && e.msg === 'diffuse'))).toEqual(
      hosts.filter((h) => h !== 'S').sort(),
    );
    const d = where(t, (e) => e.type === 'discard' && e.msg === 'diffuse');
    expect(nodesOf(d)).toEqual(outsiders);
    for (const e of d) expect(det(e).reason).toBe('not-in-group');
  });

  it('multiple unicasts: S sends one frame per member', () => {
    expect(framesBy('unicasts')).toEqual({ S: g.members.length });
  });

  it('coordinator: S sends 1, the coordinator iterates through the members: 5 frames', () => {
    expect(framesBy('coord')).toEqual({ S: 1, [g.coordinator!]: g.members.length });
  });

  it('hierarchy: root → each subgroup coordinator → its members; the root sends 2 frames instead of 4', () => {
    const subs = g.subgroups!;
    const expected: Record<string, number> = { S: 1, [g.coordinator!]: subs.length };
    for (const s of subs) expected[s.coordinator] = s.members.length;
    expect(framesBy('tree')).toEqual(expected);
    expect(expected).toEqual({ S: 1, C: 2, A1: 1, B1: 1 });
  });
});

describe('addressing lesson: class D, RFC 1112 §6.4 and the card filters', () => {
  const { t } = step('addressing.class-d', 0);
  const l = lesson('addressing.class-d');
  const octets = (ip: string) => ip.split('.').map(Number);
  // RFC 1112 §6.4, written from the RFC: 01-00-5E-00-00-00 with the group's low-order 23 bits.
  const rfcMac = (ip: string) => {
    const [, b, c, d] = octets(ip);
    return ['01', '00', '5e', ((b! & 0x7f) >>> 0).toString(16), c!.toString(16), d!.toString(16)]
      .map((x) => x.padStart(2, '0'))
      .join(':');
  };
  const dstMac = (msg: string) => det(transmissions(t, msg)[0]!).dstMac;

  it('every IPv4 address the lesson shows starts with 1110; the IPv6 one with eight 1 bits (FF)', () => {
    const shown = l.steps.flatMap((s) => (s.highlight?.address ? [s.highlight.address] : []));
    // Without this the loop below could check nothing: the lesson must show both kinds.
    expect(shown.some((a) => a.includes(':'))).toBe(true);
    expect(shown.some((a) => !a.includes(':'))).toBe(true);
    for (const a of shown) {
      if (a.includes(':')) expect(a.slice(0, 2).toUpperCase()).toBe('FF');
      else expect(ipNum(a) >>> 28, a).toBe(0b1110);
    }
    expect(ipNum('224.0.0.0').toString(2).slice(0, 4)).toBe('1110');
    expect(ipNum('239.255.255.255') >>> 28).toBe(0b1110);
  });

  it("224.10.8.5 → 01:00:5e:0a:08:05, the lecture's example, and S's frame for group A carries it", () => {
    expect(rfcMac('224.10.8.5')).toBe('01:00:5e:0a:08:05');
    expect(dstMac('toA')).toBe('01:00:5e:0a:08:05');
    expect(delivered(t, 'toA')).toEqual(['H1']);
  });

  it('225.10.8.5 differs only in the 5 lost bits, shares the MAC, and IP (not the card) discards it at H1', () => {
    const diff = ipNum('224.10.8.5') ^ ipNum('225.10.8.5');
    expect(diff & ~(0x1f << 23)).toBe(0);
    expect(dstMac('toB')).toBe(rfcMac('225.10.8.5'));
    expect(dstMac('toB')).toBe(dstMac('toA'));
    // 4 free bits of the first octet and the top bit of the second: 2^5 groups per MAC.
    expect(2 ** (28 - 23)).toBe(32);
    const h1 = where(t, (e) => e.node === 'H1' && e.msg === 'toB');
    expect(h1.map((e) => [e.type, det(e).by ?? det(e).stage])).toEqual([
      ['receive', 'exact'],
      ['discard', 'ip'],
    ]);
    const h2 = where(t, (e) => e.node === 'H2' && e.msg === 'toA' && e.type === 'discard');
    expect(h2.map((e) => det(e).reason)).toEqual(['group-not-joined']);
  });

  it("239.3.3.154 sets H3's hash bit 3415 (CRC-32 of the MAC, low 12 bits): the card passes it, the driver discards it", () => {
    const bit = (ip: string) =>
      crc32(
        Buffer.from(
          rfcMac(ip)
            .split(':')
            .map((h) => Number.parseInt(h, 16)),
        ),
      ) & 4095;
    expect(bit('239.2.2.2')).toBe(3415);
    expect(bit('239.3.3.154')).toBe(3415);
    expect(rfcMac('239.3.3.154')).not.toBe(rfcMac('239.2.2.2'));
    const h3 = where(t, (e) => e.node === 'H3' && e.msg === 'toC');
    expect(h3.map((e) => [e.type, det(e).by ?? det(e).stage])).toEqual([
      ['receive', 'hash'],
      ['discard', 'driver'],
    ]);
    expect(nodesOf(where(t, (e) => e.type === 'filter' && e.msg === 'toC'))).toEqual(['H1', 'H2']);
  });

  it('frames through the card but not wanted: H1 1, H2 1, H3 1, H4 (promiscuous) 3', () => {
    const unwanted: Record<string, number> = {};
    for (const e of where(t, (x) => x.type === 'discard')) {
      const passed = where(t, (x) => x.type === 'receive' && x.node === e.node && x.msg === e.msg).length > 0;
      if (passed) unwanted[e.node] = (unwanted[e.node] ?? 0) + 1;
    }
    expect(unwanted).toEqual({ H1: 1, H2: 1, H3: 1, H4: 3 });
    const h4 = where(t, (e) => e.node === 'H4' && e.type === 'receive');
    expect(h4.map((e) => det(e).by)).toEqual(['promiscuous', 'promiscuous', 'promiscuous']);
  });

  it('the well-known addresses the narration names are the ones the address panel knows', () => {
    const known = new Set(WELL_KNOWN.map((w) => w.address));
    for (const a of ['224.0.0.1', '224.0.0.2', '224.0.0.13', '224.0.0.22']) {
      // The narration does name it, in both languages, and the panel knows it.
      for (const lang of ['en', 'zh'] as const)
        expect(
          l.steps.some((s) => s.body[lang].includes(a)),
          `${a} in ${lang}`,
        ).toBe(true);
      expect(known.has(a), a).toBe(true);
    }
  });

  it("the sandbox's 239.138.8.5 shares A's MAC too", () => {
    expect(rfcMac('239.138.8.5')).toBe('01:00:5e:0a:08:05');
  });
});

describe('IGMP lesson: RFC 2236 as the run shows it', () => {
  const TICKS = 8;
  const { sc, t } = step('igmp.v2', 0);
  const ipOn = (r: string) => sc.topology.links.find((l) => l.a === r && l.b === 'L1')!.ip!;
  const sendsOf = (node: string, prefix: string) =>
    where(
      t,
      (e) =>
        e.type === 'send' && e.node === node && (e.msg ?? '').startsWith(prefix) && det(e).role !== 'medium',
    );
  const isGeneral = (e: TraceEvent) =>
    det(e)
      .bytes!.slice(4)
      .every((b) => b === 0);

  it('querier election: RB (10.0.1.2) hears RA (10.0.1.1) and becomes Non-Querier; RA stays Querier', () => {
    expect(ipNum(ipOn('RA'))).toBeLessThan(ipNum(ipOn('RB')));
    const { last, cursor } = step('igmp.v2', 0);
    expect(last).toMatchObject({ type: 'transition', node: 'RB' });
    expect([det(last!).from, det(last!).to, det(last!).event]).toEqual([
      'Querier',
      'Non-Querier',
      'query received',
    ]);
    const heard = t.events.slice(0, cursor).filter((e) => e.type === 'receive' && e.node === 'RB');
    expect(heard.at(-1)?.from).toBe('RA');
    expect(transitions(t, 'RA', 'querier').every((e) => det(e).to === 'Querier')).toBe(true);
    for (const q of sendsOf('RA', 'query.').filter(isGeneral)) expect(det(q).dst).toBe('224.0.0.1');
  });

  it("joining: H1 Non-Member → Delaying Member, reports to the group's own address; RA No Members Present → Members Present", () => {
    const { last, cursor } = step('igmp.v2', 1);
    expect(last).toMatchObject({ type: 'notify', node: 'RA' });
    expect(det(last!).change).toBe('+');
    const before = t.events.slice(0, cursor);
    const join = before.find((e) => e.type === 'transition' && e.node === 'H1')!;
    expect([det(join).from, det(join).to]).toEqual(['Non-Member', 'Delaying Member']);
    expect(det(join).actions).toEqual(expect.arrayContaining(['send report', 'set flag', 'start timer']));
    const report = before.find((e) => e.type === 'send' && e.node === 'H1')!;
    expect(det(report).dst).toBe(sc.groups[0]!.address);
    const ra = before.filter((e) => e.type === 'transition' && e.node === 'RA' && det(e).machine === 'group');
    expect(ra.map((e) => [det(e).from, det(e).to])).toEqual([['No Members Present', 'Members Present']]);
    expect(
      where(t, (e) => e.node === 'H3' && e.type === 'receive' && (e.msg ?? '').startsWith('report.')),
    ).toEqual([]);
  });

  it('suppression: after the General Query (Max Resp Time 10 s) H1 reports, H2 hears it and sends no report', () => {
    const { last, cursor } = step('igmp.v2', 2);
    expect(last).toMatchObject({ type: 'transition', node: 'H2' });
    expect([det(last!).from, det(last!).to, det(last!).event]).toEqual([
      'Delaying Member',
      'Idle Member',
      'report received',
    ]);
    expect(det(last!).actions).toEqual(['stop timer', 'clear flag']);
    const query = sendsOf('RA', 'query.')
      .filter((e) => isGeneral(e) && e.step < cursor)
      .at(-1)!;
    expect(det(query).bytes![1]).toBe(100); // tenths of a second: RFC 2236 §8.3, 10 s
    const h1Report = sendsOf('H1', 'report.').find((e) => e.step > query.step)!;
    expect(h1Report.step).toBeLessThan(cursor);
    for (const h of ['H1', 'H2']) {
      const toDelaying = transitions(t, h, 'host').find((e) => e.step > query.step)!;
      expect([det(toDelaying).from, det(toDelaying).to], h).toEqual(['Idle Member', 'Delaying Member']);
    }
    // No report from H2 between the query and H1's leave.
    const h1Leave = t.events.find((e) => e.type === 'leave' && e.node === 'H1')!;
    expect(sendsOf('H2', 'report.').filter((e) => e.step > query.step && e.step < h1Leave.step)).toEqual([]);
  });

  it('leave with a member left: Leave to 224.0.0.2, Checking Membership, a 1 s Group-Specific Query, RB ignores it, H2 answers', () => {
    const { last, cursor } = step('igmp.v2', 3);
    expect(last).toMatchObject({ type: 'transition', node: 'RA' });
    expect([det(last!).from, det(last!).to]).toEqual(['Checking Membership', 'Members Present']);
    const leaveAt = t.events.find((e) => e.type === 'leave' && e.node === 'H1')!.step;
    const flagBefore = transitions(t, 'H1', 'host')
      .filter((e) => e.step < leaveAt)
      .at(-1)!;
    expect(det(flagBefore).actions).toContain('set flag');
    const leave = sendsOf('H1', 'leave.')[0]!;
    expect(det(leave).dst).toBe('224.0.0.2');
    const between = t.events.slice(leave.step, cursor);
    const check = between.find((e) => e.node === 'RA' && e.type === 'transition')!;
    expect([det(check).from, det(check).to, det(check).event]).toEqual([
      'Members Present',
      'Checking Membership',
      'leave received',
    ]);
    const gsq = between.find((e) => e.type === 'send' && e.node === 'RA' && !isGeneral(e))!;
    expect(det(gsq).dst).toBe(sc.groups[0]!.address);
    expect(det(gsq).bytes![1]).toBe(10); // RFC 2236 §8.8: Last Member Query Interval 1 s
    expect(between.filter((e) => e.node === 'RB' && e.type === 'discard').map((e) => det(e).reason)).toEqual([
      'non-querier-ignores-leave',
    ]);
    expect(
      between.some((e) => e.type === 'send' && e.node === 'H2' && (e.msg ?? '').startsWith('report.')),
    ).toBe(true);
  });

  it('the last member leaves: two Group-Specific Queries 1 s apart, then No Members Present 2 s after the Leave', () => {
    const { last, cursor } = step('igmp.v2', 4);
    expect(last).toMatchObject({ type: 'notify', node: 'RA' });
    expect(det(last!).change).toBe('-');
    const leaveRx = transitions(t, 'RA', 'group')
      .filter((e) => det(e).event === 'leave received')
      .at(-1)!;
    const after = t.events.slice(leaveRx.step, cursor);
    const gsqs = after.filter((e) => e.type === 'send' && e.node === 'RA');
    expect(gsqs).toHaveLength(2); // RFC 2236 §8.9: Last Member Query Count = Robustness = 2
    expect(gsqs[1]!.time - gsqs[0]!.time).toBe(1 * TICKS);
    expect(last!.time - leaveRx.time).toBe(2 * 1 * TICKS);
    expect(after.some((e) => e.type === 'send' && (e.msg ?? '').startsWith('report.'))).toBe(false);
  });

  it('IGMPv1: version 1 messages, no Leave; the group times out a Group Membership Interval (260 s) after the last report', () => {
    const { sc: v1, t: t1, last } = step('igmp.v2', 5);
    expect(v1.topology.routers.every((r) => r.igmp === 1)).toBe(true);
    expect(where(t1, (e) => e.type === 'send' && (e.msg ?? '').startsWith('leave.'))).toEqual([]);
    const reports = where(
      t1,
      (e, d) => e.type === 'send' && (e.msg ?? '').startsWith('report.') && d.role !== 'medium',
    );
    // Version 1 in the high nibble, type 2 (report) in the low one (RFC 1112 Appendix I).
    for (const r of reports) expect(det(r).bytes![0]).toBe(0x12);
    expect(last).toMatchObject({ type: 'notify', node: 'RA' });
    expect(det(last!).change).toBe('-');
    const heard = where(
      t1,
      (e) => e.type === 'receive' && e.node === 'RA' && (e.msg ?? '').startsWith('report.'),
    ).at(-1)!;
    expect(last!.time - heard.time).toBe((2 * 125 + 10) * TICKS);
    const lastLeave = where(t1, (e) => e.type === 'leave').at(-1)!;
    expect(last!.time).toBeGreaterThan(lastLeave.time);
  });

  it('invalid messages: a wrong checksum and a 6-octet message are ignored; only the correct report adds the group', () => {
    const { sc: bad, t: tb, last } = step('igmp.v2', 6);
    // RFC 1071: a correct message sums (one's complement, 16-bit words) to 0xffff.
    const sum = (bytes: number[]) => {
      let s = 0;
      for (let i = 0; i < bytes.length; i += 2) s += (bytes[i]! << 8) | (bytes[i + 1] ?? 0);
      while (s > 0xffff) s = (s & 0xffff) + (s >>> 16);
      return s;
    };
    const raw = new Map(
      bad.actions.flatMap((a) => (a.type === 'igmp-raw' ? [[a.msg, a.bytes] as const] : [])),
    );
    expect(sum([...raw.get('bad-sum')!])).not.toBe(0xffff);
    expect(raw.get('short')).toHaveLength(6);
    expect(sum([...raw.get('good')!])).toBe(0xffff);
    const ignored = where(tb, (e) => e.type === 'ignored' && e.node === 'RA');
    expect(ignored.map((e) => [e.msg, det(e).reason])).toEqual([
      ['bad-sum', 'checksum'],
      ['short', 'short'],
    ]);
    expect(last).toMatchObject({ type: 'notify', node: 'RA' });
    const good = tb.events.find((e) => e.type === 'receive' && e.node === 'RA' && e.msg === 'good')!;
    const groupChanges = transitions(tb, 'RA', 'group');
    expect(groupChanges).toHaveLength(1);
    expect(groupChanges[0]!.step).toBeGreaterThan(good.step);
  });

  it('sandbox: without RA, RB stays Querier and sends the Group-Specific Queries after each Leave', () => {
    const noRa: NetworkScenario = {
      ...sc,
      topology: {
        ...sc.topology,
        routers: sc.topology.routers.filter((r) => r.id !== 'RA'),
        links: sc.topology.links.filter((l) => l.a !== 'RA'),
      },
    };
    const t2 = simulate(noRa);
    expect(transitions(t2, 'RB', 'querier').every((e) => det(e).to === 'Querier')).toBe(true);
    const gsq = where(
      t2,
      (e) => e.type === 'send' && e.node === 'RB' && det(e).dst === sc.groups[0]!.address,
    );
    expect(gsq.length).toBeGreaterThanOrEqual(2);
  });
});

describe('IPTV lesson: a channel change', () => {
  const TICKS = 8;
  const { t } = step('iptv.channel-change', 0);
  const ch = { ch1: '239.10.0.1', ch2: '239.10.0.2' };
  const onL1 = (group: string) =>
    where(
      t,
      (e, d) =>
        e.type === 'send' && e.node === 'R2' && d.on === 'L1' && d.group === group && e.kind === 'data',
    );
  const change = t.events.find((e) => e.type === 'leave' && e.node === 'STB1')!;

  it('before the change: ch1 flows onto L1, ch2 stops at R2 for want of members', () => {
    const { cursor } = step('iptv.channel-change', 0);
    expect(onL1('ch2').filter((e) => e.step < cursor)).toEqual([]);
    expect(onL1('ch1').some((e) => e.step < cursor)).toBe(true);
    const stopped = where(
      t,
      (e) => e.type === 'discard' && e.node === 'R2' && (e.msg ?? '').startsWith('tv2.') && e.step < cursor,
    );
    expect(stopped.length).toBeGreaterThan(0);
    for (const e of stopped) expect(det(e).reason).toBe('no-members-downstream');
  });

  it('the change: a Leave for ch1 to 224.0.0.2 and a Report for ch2 to its group address, at the same moment', () => {
    const sends = where(
      t,
      (e, d) => e.type === 'send' && e.node === 'STB1' && e.time === change.time && d.role !== 'medium',
    );
    expect(sends.map((e) => [e.msg!.split('.')[0], det(e).dst])).toEqual([
      ['leave', '224.0.0.2'],
      ['report', ch.ch2],
    ]);
  });

  it('join latency: the first ch2 packet reaches STB1 less than a second after the change', () => {
    const { last } = step('iptv.channel-change', 2);
    const first = t.events.find(
      (e) => e.type === 'deliver' && e.node === 'STB1' && (e.msg ?? '').startsWith('tv2.'),
    )!;
    expect(last).toBe(first);
    expect(first.time - change.time).toBeLessThan(1 * TICKS);
  });

  it('leave latency: two Group-Specific Queries for ch1, 1 s apart; ch1 leaves L1 2 s after the Leave; 3 packets crossed for nobody', () => {
    const leaveRx = transitions(t, 'R2', 'group').find((e) => det(e).event === 'leave received')!;
    const gone = where(t, (e, d) => e.type === 'notify' && e.node === 'R2' && d.change === '-')[0]!;
    expect(det(gone).group).toBe('ch1');
    expect(gone.time - leaveRx.time).toBe(2 * 1 * TICKS);
    const gsq = where(
      t,
      (e, d) => e.type === 'send' && e.node === 'R2' && d.dst === ch.ch1 && e.kind !== 'data',
    );
    expect(gsq).toHaveLength(2);
    expect(gsq[1]!.time - gsq[0]!.time).toBe(1 * TICKS);
    const { last: step4 } = step('iptv.channel-change', 3);
    expect(step4).toBe(gsq[1]);
    const lingering = onL1('ch1').filter((e) => e.time >= change.time);
    expect(lingering).toHaveLength(3);
    for (const e of lingering) expect(e.step).toBeLessThan(gone.step);
    for (const e of lingering)
      expect(where(t, (x) => x.node === 'STB1' && x.msg === e.msg).map((x) => x.type)).toEqual(['filter']);
    const { last } = step('iptv.channel-change', 4);
    const firstStopped = where(
      t,
      (e) => e.type === 'discard' && e.node === 'R2' && (e.msg ?? '').startsWith('tv1.'),
    )[0]!;
    expect(last).toBe(firstStopped);
    expect(firstStopped.step).toBeGreaterThan(gone.step);
  });

  it('a second viewer: STB2 joins ch2 with no new state at R2, and each ch2 packet is still one frame on L1', () => {
    const stb2 = t.events.find((e) => e.type === 'join' && e.node === 'STB2')!;
    const r2 = transitions(t, 'R2', 'group').filter((e) => e.step > stb2.step && det(e).group === 'ch2');
    expect(r2.every((e) => det(e).from === 'Members Present' && det(e).to === 'Members Present')).toBe(true);
    const frames = count(onL1('ch2').map((e) => e.msg as string));
    for (const [msg, n] of Object.entries(frames)) expect(n, msg).toBe(1);
    const { last } = step('iptv.channel-change', 5);
    expect(last).toMatchObject({ type: 'deliver', node: 'STB2' });
    expect(delivered(t, last!.msg as string)).toEqual(['STB1', 'STB2']);
  });
});

function ipNum(ip: string): number {
  return ip.split('.').reduce((a, b) => a * 256 + Number(b), 0);
}
