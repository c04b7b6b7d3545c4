import { describe, expect, it } from 'vitest';
import { formatIpv4 } from '../address/ipv4';
import { buildNet, components, type TopologyInput, topologyProblems } from './topology';

const base = (): TopologyInput => ({
  lans: [
    { id: 'L1', subnet: '10.0.1.0/24', x: 0, y: 0 },
    { id: 'L2', subnet: '10.0.2.0/24', x: 0, y: 0 },
  ],
  routers: [
    { id: 'R1', x: 0, y: 0 },
    { id: 'R2', x: 0, y: 0 },
  ],
  hosts: [
    { id: 'H1', x: 0, y: 0 },
    { id: 'H2', x: 0, y: 0 },
  ],
  links: [
    { a: 'H1', b: 'L1', latency: 1 },
    { a: 'R1', b: 'L1', latency: 1 },
    { a: 'R1', b: 'R2', latency: 2 },
    { a: 'R2', b: 'L2', latency: 1 },
    { a: 'H2', b: 'L2', latency: 1 },
  ],
});

const problems = (t: TopologyInput) => topologyProblems(t).map((p) => `${p.path.join('.')}: ${p.message}`);

describe('topology validation', () => {
  it('accepts a well-formed topology', () => {
    expect(topologyProblems(base())).toEqual([]);
  });

  it.each<[string, (t: TopologyInput) => void, string]>([
    [
      'an unknown node in a link',
      (t) => t.links.push({ a: 'R1', b: 'R9', latency: 1 }),
      'topology.links.5.b: "R9" is not a host, router or LAN',
    ],
    [
      'a duplicate id',
      (t) => t.hosts.push({ id: 'R1', x: 0, y: 0 }),
      'topology.hosts.2.id: duplicate id "R1" (also routers[0])',
    ],
    [
      'a host on two LANs',
      (t) => t.links.push({ a: 'H1', b: 'L2', latency: 1 }),
      'host "H1" is already on LAN "L1"',
    ],
    [
      'a host on a router',
      (t) => t.links.push({ a: 'R2', b: 'H1', latency: 1 }),
      'topology.links.5.a: host "H1" attaches to a LAN',
    ],
    [
      'two LANs joined directly',
      (t) => t.links.push({ a: 'L1', b: 'L2', latency: 1 }),
      'a link cannot join two LANs',
    ],
    [
      'a link to itself',
      (t) => t.links.push({ a: 'R1', b: 'R1', latency: 1 }),
      'a link joins "R1" to itself',
    ],
    [
      'the same pair twice',
      (t) => t.links.push({ a: 'R2', b: 'R1', latency: 1 }),
      '"R2" and "R1" are already joined by links[2]',
    ],
    [
      'a host on no LAN',
      (t) => t.hosts.push({ id: 'H3', x: 0, y: 0 }),
      'topology.hosts.2: host "H3" is not attached to any LAN',
    ],
    [
      'overlapping subnets',
      (t) => (t.lans[1]!.subnet = '10.0.0.0/16'),
      "10.0.0.0/16 overlaps L1's 10.0.1.0/24",
    ],
    ['a bad subnet', (t) => (t.lans[0]!.subnet = '10.0.1.5/24'), 'the network is 10.0.1.0/24'],
    [
      'an address outside the LAN',
      (t) => (t.links[0]!.ip = '10.0.2.7'),
      "10.0.2.7 is not in L1's 10.0.1.0/24",
    ],
    [
      'an address used twice',
      (t) => {
        t.links[0]!.ip = '10.0.1.1';
        t.links[1]!.ip = '10.0.1.1';
      },
      '10.0.1.1 is already used on L1',
    ],
    [
      'the broadcast address for a station',
      (t) => (t.links[0]!.ip = '10.0.1.255'),
      'network or broadcast address',
    ],
    [
      'a full subnet',
      (t) => {
        t.lans[0]!.subnet = '10.0.1.0/30';
        t.hosts.push({ id: 'H3', x: 0, y: 0 });
        t.links.push({ a: 'H3', b: 'L1', latency: 1 });
      },
      'has no free address left for "H3"',
    ],
    [
      'a subnet on a LAN attachment',
      (t) => (t.links[0]!.subnet = '10.9.9.0/30'),
      'only a point-to-point link has a `subnet`',
    ],
  ])('rejects %s, naming the field', (_, edit, message) => {
    const t = base();
    edit(t);
    expect(problems(t).join('\n')).toContain(message);
  });
});

describe('addresses and parts', () => {
  it('gives routers the first addresses of a LAN, hosts .10 on, and p2p links a /30 from 172.16.0.0/12', () => {
    const net = buildNet(base());
    expect(formatIpv4(net.routers.get('R1')!.ifaces.find((i) => i.peer === 'L1')!.ip)).toBe('10.0.1.1');
    expect(formatIpv4(net.hosts.get('H1')!.iface.ip)).toBe('10.0.1.10');
    const p2p = net.routers.get('R1')!.ifaces.find((i) => i.peer === 'R2')!;
    expect(formatIpv4(p2p.ip)).toBe('172.16.0.1');
    expect(formatIpv4(net.routers.get('R2')!.ifaces.find((i) => i.peer === 'R1')!.ip)).toBe('172.16.0.2');
  });

  it('keeps given addresses and reports disconnected parts', () => {
    const t = base();
    t.links[0]!.ip = '10.0.1.77';
    t.links.splice(2, 1); // cut R1–R2
    const net = buildNet(t);
    expect(formatIpv4(net.hosts.get('H1')!.iface.ip)).toBe('10.0.1.77');
    expect(components(net)).toEqual([
      ['H1', 'L1', 'R1'],
      ['H2', 'L2', 'R2'],
    ]);
  });
});
