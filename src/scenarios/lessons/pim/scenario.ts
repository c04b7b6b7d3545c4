import type { NetworkScenario, Title } from '../../schema';

type Topology = NetworkScenario['topology'];
type Link = Topology['links'][number];
type Action = NetworkScenario['actions'][number];

/** What a routing lesson's scenario needs to say; the rest (format version, lab, defaults) is fixed. */
export interface RoutedDraft {
  title: Title;
  seed?: number;
  topology: Topology;
  groups: { id: string; address: string; members?: string[] }[];
  pim: NonNullable<NetworkScenario['pim']>;
  /** Classroom time: ticks per RFC second, for IGMP and PIM alike. */
  ticksPerSecond: number;
  actions: Action[];
  interventions?: NetworkScenario['interventions'];
  maxTime: number;
}

/**
 * A network-lab scenario for a routing lesson: IGMP runs (so hosts join and leave as the
 * lecture's "IGMP from the client" says) and every router runs PIM in the lesson's mode. Each
 * lesson sets its own end time, so a run stops soon after what it teaches.
 */
export function routedScenario(d: RoutedDraft): NetworkScenario {
  return {
    version: 1,
    lab: 'network',
    title: d.title,
    seed: d.seed ?? 1,
    topology: d.topology,
    groups: d.groups.map((g) => ({ id: g.id, address: g.address, members: g.members ?? [] })),
    anycast: [],
    igmp: { ticksPerSecond: d.ticksPerSecond },
    pim: d.pim,
    actions: d.actions,
    interventions: d.interventions ?? [],
    maxTime: d.maxTime,
  };
}

export const link = (a: string, b: string, latency: number, extra: Partial<Link> = {}): Link => ({
  a,
  b,
  latency,
  ...extra,
});

export const stream = (
  at: number,
  from: string,
  group: string,
  id: string,
  every: number,
  count: number,
): Action => ({
  type: 'stream',
  at,
  from,
  group,
  id,
  every,
  count,
});

export const join = (at: number, host: string, group: string): Action => ({ type: 'join', at, host, group });
export const leave = (at: number, host: string, group: string): Action => ({
  type: 'leave',
  at,
  host,
  group,
});

/** The group every single-group lesson uses (an administratively scoped address, RFC 2365). */
export const GROUP = { id: 'G', address: '239.1.1.1' };

/**
 * The dense-mode lessons' network: a source S on L0 behind R1 and a tree of routers below it,
 * each with one LAN of hosts (H1 on L1 behind R2, H2 on L2 behind R3, H3 on L3 behind R4, which
 * hangs below R3). A tree has no loops, so what happens is flooding, pruning and grafting alone.
 */
export const DENSE_TREE: Topology = {
  lans: [
    { id: 'L0', subnet: '10.0.0.0/24', x: 60, y: 220 },
    { id: 'L1', subnet: '10.0.1.0/24', x: 560, y: 80 },
    { id: 'L2', subnet: '10.0.2.0/24', x: 420, y: 420 },
    { id: 'L3', subnet: '10.0.3.0/24', x: 680, y: 300 },
  ],
  routers: [
    { id: 'R1', x: 180, y: 220 },
    { id: 'R2', x: 400, y: 80 },
    { id: 'R3', x: 340, y: 300 },
    { id: 'R4', x: 540, y: 300 },
  ],
  hosts: [
    { id: 'S', x: 20, y: 140 },
    { id: 'H1', x: 680, y: 40 },
    { id: 'H2', x: 520, y: 460 },
    { id: 'H3', x: 780, y: 340 },
  ],
  links: [
    link('S', 'L0', 1),
    link('R1', 'L0', 1),
    link('R1', 'R2', 2),
    link('R1', 'R3', 2),
    link('R3', 'R4', 2),
    link('R2', 'L1', 1),
    link('R3', 'L2', 1),
    link('R4', 'L3', 1),
    link('H1', 'L1', 1),
    link('H2', 'L2', 1),
    link('H3', 'L3', 1),
  ],
};

/**
 * The sparse-mode lessons' network: the source's DR R1, the rendezvous point R3 two hops away
 * (R1–R2–R3), and receivers' DRs further on (R5 behind R4, and R6). A shorter way from R1 to R5
 * (R1–R7–R5) bypasses the RP: the shortest-path tree the SPT switch lesson moves to.
 */
export const SPARSE_NET: Topology = {
  lans: [
    { id: 'L0', subnet: '10.0.0.0/24', x: 50, y: 240 },
    { id: 'L1', subnet: '10.0.1.0/24', x: 820, y: 160 },
    { id: 'L2', subnet: '10.0.2.0/24', x: 820, y: 380 },
  ],
  routers: [
    { id: 'R1', x: 160, y: 240 },
    { id: 'R2', x: 300, y: 100 },
    { id: 'R3', x: 460, y: 100 },
    { id: 'R4', x: 600, y: 160 },
    { id: 'R5', x: 720, y: 160 },
    { id: 'R6', x: 720, y: 380 },
    { id: 'R7', x: 440, y: 300 },
  ],
  hosts: [
    { id: 'S', x: 20, y: 160 },
    { id: 'H1', x: 900, y: 120 },
    { id: 'H2', x: 900, y: 420 },
  ],
  links: [
    link('S', 'L0', 1),
    link('R1', 'L0', 1),
    link('R1', 'R2', 2),
    link('R2', 'R3', 2),
    link('R3', 'R4', 2),
    link('R4', 'R5', 2),
    link('R4', 'R6', 2),
    link('R1', 'R7', 3),
    link('R7', 'R5', 2),
    link('R5', 'L1', 1),
    link('R6', 'L2', 1),
    link('H1', 'L1', 1),
    link('H2', 'L2', 1),
  ],
};
