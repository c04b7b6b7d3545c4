import type { NetworkScenario } from '../../schema';

/**
 * The network lessons' scenarios. Each is small enough for a projector and fully determined by
 * its seed; the lessons' narration is checked against their runs in network.test.ts.
 */

type Draft = Omit<NetworkScenario, 'version' | 'lab' | 'groups' | 'anycast' | 'interventions'> &
  Partial<Pick<NetworkScenario, 'groups' | 'anycast' | 'interventions'>>;

function net(d: Draft): NetworkScenario {
  return { version: 1, lab: 'network', groups: [], anycast: [], interventions: [], ...d };
}

type Link = NetworkScenario['topology']['links'][number];
const link = (a: string, b: string, latency: number, extra: Partial<Link> = {}): Link => ({
  a,
  b,
  latency,
  ...extra,
});

/**
 * Lecture, "Modes of communication": one source S and the same three routed LANs for every mode.
 * The anycast replicas H3 and H5 are at different routing distances (R1–R2 costs 3, R1–R3 costs
 * 5), so "the nearest" is a single host.
 */
export const modesScenario = net({
  title: { en: 'Modes of communication on one network', zh: '同一网络上的各种通信模式' },
  seed: 1,
  topology: {
    lans: [
      { id: 'L1', subnet: '10.0.1.0/24', x: 80, y: 200 },
      { id: 'L2', subnet: '10.0.2.0/24', x: 520, y: 80 },
      { id: 'L3', subnet: '10.0.3.0/24', x: 520, y: 320 },
    ],
    routers: [
      { id: 'R1', x: 220, y: 200 },
      { id: 'R2', x: 380, y: 80 },
      { id: 'R3', x: 380, y: 320 },
    ],
    hosts: [
      { id: 'S', x: 20, y: 140 },
      { id: 'H1', x: 20, y: 260 },
      { id: 'H2', x: 600, y: 30 },
      { id: 'H3', x: 600, y: 130 },
      { id: 'H4', x: 600, y: 270 },
      { id: 'H5', x: 600, y: 370 },
    ],
    links: [
      link('S', 'L1', 1),
      link('H1', 'L1', 1),
      link('R1', 'L1', 1),
      link('R1', 'R2', 3),
      link('R1', 'R3', 5),
      link('R2', 'R3', 4),
      link('R2', 'L2', 1),
      link('R3', 'L3', 1),
      link('H2', 'L2', 1),
      link('H3', 'L2', 1),
      link('H4', 'L3', 1),
      link('H5', 'L3', 1),
    ],
  },
  groups: [{ id: 'G', address: '239.1.1.1', members: ['H2', 'H3', 'H4'] }],
  anycast: [{ id: 'DNS', address: '10.9.9.9', replicas: ['H3', 'H5'] }],
  actions: [
    { type: 'send', at: 0, from: 'S', msg: 'uni', mode: 'unicast', to: 'H4' },
    { type: 'send', at: 20, from: 'S', msg: 'any', mode: 'anycast', anycast: 'DNS' },
    { type: 'send', at: 40, from: 'S', msg: 'net', mode: 'netcast', group: 'G' },
    { type: 'send', at: 60, from: 'S', msg: 'multi', mode: 'multicast', group: 'G' },
    { type: 'send', at: 80, from: 'S', msg: 'bcast', mode: 'broadcast' },
    { type: 'send', at: 100, from: 'S', msg: 'dbcast', mode: 'directed-broadcast', lan: 'L3' },
  ],
});

/**
 * Lecture, "Implementing Group Communication Mechanisms": group m (A1, A2, B1, B2) on one
 * Ethernet, a coordinator C, two hosts outside the group, and the same message sent five ways.
 */
export const mechanismsScenario = net({
  title: { en: 'Delivering to a group on one LAN: five mechanisms', zh: '在一个局域网上向组投递：五种机制' },
  seed: 4,
  topology: {
    lans: [{ id: 'LAN', subnet: '192.168.0.0/24', x: 320, y: 200 }],
    routers: [],
    hosts: [
      { id: 'S', x: 40, y: 200 },
      { id: 'C', x: 160, y: 80 },
      { id: 'A1', x: 280, y: 80 },
      { id: 'A2', x: 400, y: 80 },
      { id: 'B1', x: 520, y: 80 },
      { id: 'B2', x: 160, y: 320 },
      { id: 'N1', x: 400, y: 320 },
      { id: 'N2', x: 520, y: 320 },
    ],
    links: ['S', 'C', 'A1', 'A2', 'B1', 'B2', 'N1', 'N2'].map((h) => link(h, 'LAN', 1)),
  },
  groups: [
    {
      id: 'm',
      address: '239.0.0.7',
      members: ['A1', 'A2', 'B1', 'B2'],
      coordinator: 'C',
      subgroups: [
        { coordinator: 'A1', members: ['A2'] },
        { coordinator: 'B1', members: ['B2'] },
      ],
    },
  ],
  actions: [
    { type: 'send', at: 0, from: 'S', msg: 'hw', mode: 'multicast', group: 'm' },
    { type: 'send', at: 10, from: 'S', msg: 'diffuse', mode: 'broadcast-filter', group: 'm' },
    { type: 'send', at: 20, from: 'S', msg: 'unicasts', mode: 'netcast', group: 'm' },
    { type: 'send', at: 30, from: 'S', msg: 'coord', mode: 'coordinator', group: 'm' },
    { type: 'send', at: 40, from: 'S', msg: 'tree', mode: 'hierarchy', group: 'm' },
  ],
});

/**
 * Lecture, "IP multicast on a LAN" and "LAN (Ethernet) multicasting": S sends to three groups on
 * one Ethernet. A = 224.10.8.5 and B = 225.10.8.5 differ only in lost bits, so they share the MAC
 * 01:00:5e:0a:08:05; H3's card keeps its group in the hash filter (its exact table holds only its
 * own address and 224.0.0.1's), and C = 239.3.3.154 sets the same hash bit as H3's 239.2.2.2;
 * H4's card is in promiscuous multicast mode.
 */
export const addressingScenario = net({
  title: {
    en: 'IP multicast addresses on an Ethernet: mapping, shared MACs, card filters',
    zh: '以太网上的 IP 多播地址：映射、共享的 MAC 地址、网卡过滤',
  },
  seed: 7,
  topology: {
    lans: [{ id: 'LAN', subnet: '10.0.5.0/24', x: 300, y: 200 }],
    routers: [],
    hosts: [
      { id: 'S', x: 60, y: 200 },
      { id: 'H1', x: 200, y: 70 },
      { id: 'H2', x: 400, y: 70 },
      { id: 'H3', x: 540, y: 200, nic: { exactEntries: 2 } },
      { id: 'H4', x: 300, y: 330, nic: { promiscuous: 'multicast' } },
    ],
    links: ['S', 'H1', 'H2', 'H3', 'H4'].map((h) => link(h, 'LAN', 1)),
  },
  groups: [
    { id: 'A', address: '224.10.8.5', members: ['H1'] },
    { id: 'B', address: '225.10.8.5', members: ['H2'] },
    { id: 'C', address: '239.3.3.154', members: [] },
    { id: 'D', address: '239.2.2.2', members: ['H3'] },
  ],
  actions: [
    { type: 'send', at: 0, from: 'S', msg: 'toA', mode: 'multicast', group: 'A' },
    { type: 'send', at: 10, from: 'S', msg: 'toB', mode: 'multicast', group: 'B' },
    { type: 'send', at: 20, from: 'S', msg: 'toC', mode: 'multicast', group: 'C' },
  ],
});

/** Two IGMPv2 routers and three hosts on one LAN (RFC 2236), in classroom time: 8 ticks = 1 s. */
const igmpLan = {
  lans: [{ id: 'L1', subnet: '10.0.1.0/24', x: 300, y: 220 }],
  routers: [
    { id: 'RA', x: 180, y: 80 },
    { id: 'RB', x: 420, y: 80 },
  ],
  hosts: [
    { id: 'H1', x: 160, y: 360 },
    { id: 'H2', x: 300, y: 380 },
    { id: 'H3', x: 440, y: 360 },
  ],
  links: [
    link('RA', 'L1', 1, { ip: '10.0.1.1' }),
    link('RB', 'L1', 1, { ip: '10.0.1.2' }),
    link('H1', 'L1', 1),
    link('H2', 'L1', 1),
    link('H3', 'L1', 1),
  ],
};

/**
 * RFC 2236 on one LAN: the querier election, two joins, a General Query answered by one report,
 * a Leave while another member remains, and the last member's Leave.
 */
export const igmpScenario = net({
  title: {
    en: 'IGMPv2: querier, reports and suppression, leaving',
    zh: 'IGMPv2：查询者、报告与报告抑制、离开',
  },
  seed: 11,
  topology: igmpLan,
  groups: [{ id: 'G', address: '239.2.2.2', members: [] }],
  igmp: { ticksPerSecond: 8 },
  actions: [
    { type: 'join', at: 40, host: 'H1', group: 'G' },
    { type: 'join', at: 140, host: 'H2', group: 'G' },
    { type: 'leave', at: 400, host: 'H1', group: 'G' },
    { type: 'leave', at: 600, host: 'H2', group: 'G' },
  ],
  maxTime: 700,
});

/** IGMPv1 (RFC 1112): the same LAN with one v1 router and v1 hosts, which have no Leave message. */
export const igmpV1Scenario = net({
  title: {
    en: 'IGMPv1: no Leave, the router times the group out',
    zh: 'IGMPv1：没有离开消息，路由器超时删除组',
  },
  seed: 11,
  topology: {
    lans: igmpLan.lans,
    routers: [{ id: 'RA', x: 180, y: 80, igmp: 1 }],
    hosts: igmpLan.hosts.map((h) => ({ ...h, igmp: 1 as const })),
    links: igmpLan.links.filter((l) => l.a !== 'RB'),
  },
  groups: [{ id: 'G', address: '239.2.2.2', members: [] }],
  igmp: { ticksPerSecond: 8 },
  actions: [
    { type: 'join', at: 40, host: 'H1', group: 'G' },
    { type: 'join', at: 140, host: 'H2', group: 'G' },
    { type: 'leave', at: 400, host: 'H1', group: 'G' },
    { type: 'leave', at: 600, host: 'H2', group: 'G' },
  ],
  maxTime: 2900,
});

/**
 * RFC 2236 §2 and §6: H1 sends three raw IGMPv2 Membership Reports for 239.1.1.1 — one with a
 * wrong checksum, one cut short to 6 octets, and a correct one. Only the last counts.
 */
export const igmpInvalidScenario = net({
  title: {
    en: 'IGMP: a bad checksum and a short message are ignored',
    zh: 'IGMP：校验和错误的消息和过短的消息被忽略',
  },
  seed: 2,
  topology: {
    lans: igmpLan.lans,
    routers: [{ id: 'RA', x: 180, y: 80 }],
    hosts: igmpLan.hosts.slice(0, 2),
    links: igmpLan.links.filter((l) => l.a === 'RA' || l.a === 'H1' || l.a === 'H2'),
  },
  groups: [{ id: 'G', address: '239.1.1.1', members: [] }],
  igmp: { ticksPerSecond: 8 },
  actions: [
    {
      type: 'igmp-raw',
      at: 40,
      node: 'H1',
      msg: 'bad-sum',
      dst: '239.1.1.1',
      bytes: [22, 0, 249, 3, 239, 1, 1, 1],
    },
    {
      type: 'igmp-raw',
      at: 60,
      node: 'H1',
      msg: 'short',
      dst: '239.1.1.1',
      bytes: [22, 0, 249, 252, 239, 1],
    },
    {
      type: 'igmp-raw',
      at: 80,
      node: 'H1',
      msg: 'good',
      dst: '239.1.1.1',
      bytes: [22, 0, 249, 252, 239, 1, 1, 1],
    },
  ],
  maxTime: 120,
});

/**
 * Lecture, "IP Multicast in use: IPTV": a head end HE streams two channels (one packet every
 * second of classroom time, 8 ticks); set-top box STB1 watches channel 1, then switches to 2.
 */
export const iptvScenario = net({
  title: { en: 'IPTV: a set-top box changes channel', zh: 'IPTV：机顶盒换台' },
  seed: 3,
  topology: {
    lans: [
      { id: 'L0', subnet: '10.0.0.0/24', x: 60, y: 200 },
      { id: 'L1', subnet: '10.0.1.0/24', x: 520, y: 200 },
    ],
    routers: [
      { id: 'R1', x: 200, y: 200 },
      { id: 'R2', x: 380, y: 200 },
    ],
    hosts: [
      { id: 'HE', x: 20, y: 110 },
      { id: 'STB1', x: 620, y: 110 },
      { id: 'STB2', x: 620, y: 290 },
    ],
    links: [
      link('HE', 'L0', 1),
      link('R1', 'L0', 1),
      link('R1', 'R2', 2),
      link('R2', 'L1', 1),
      link('STB1', 'L1', 1),
      link('STB2', 'L1', 1),
    ],
  },
  groups: [
    { id: 'ch1', address: '239.10.0.1', members: ['STB1'] },
    { id: 'ch2', address: '239.10.0.2', members: [] },
  ],
  igmp: { ticksPerSecond: 8 },
  actions: [
    { type: 'stream', at: 40, from: 'HE', group: 'ch1', id: 'tv1', every: 8, count: 20 },
    { type: 'stream', at: 44, from: 'HE', group: 'ch2', id: 'tv2', every: 8, count: 20 },
    { type: 'leave', at: 100, host: 'STB1', group: 'ch1' },
    { type: 'join', at: 100, host: 'STB1', group: 'ch2' },
    { type: 'join', at: 150, host: 'STB2', group: 'ch2' },
  ],
  maxTime: 220,
});
