import type { FaultInput, GroupsInput, ReliabilityInput } from '../../process-ext';
import type { ProcessActionInput, ProcessScenario } from '../../schema';

/**
 * The scenarios of the groups and failures lessons: four processes (a projector's worth), a
 * loss-free network, and interventions where the narration depends on an arrival order, so the
 * story holds whatever the seed draws (docs/lessons.md, "Scenarios").
 */

const P = ['P0', 'P1', 'P2', 'P3'];

interface Draft {
  seed?: number;
  ordering?: ProcessScenario['ordering'];
  latency?: [number, number];
  groups?: Partial<GroupsInput>;
  reliability?: Partial<ReliabilityInput> & Pick<ReliabilityInput, 'scheme'>;
  faults?: FaultInput[];
  actions: ProcessActionInput[];
  interventions?: ProcessScenario['interventions'];
}

function scenario(d: Draft): ProcessScenario {
  return {
    version: 1,
    lab: 'process',
    seed: d.seed ?? 3,
    processes: P,
    ordering: d.ordering ?? 'unordered',
    network: { latency: d.latency ?? [2, 3], loss: 0 },
    actions: d.actions,
    interventions: d.interventions ?? [],
    ...(d.groups
      ? {
          groups: {
            id: 'G',
            closed: false,
            structure: 'peer',
            subgroups: [],
            management: 'centralized',
            ...d.groups,
          } as GroupsInput,
        }
      : {}),
    ...(d.reliability
      ? {
          reliability: {
            timeout: 10,
            tries: 4,
            window: 1,
            cumulative: false,
            ackDelay: 0,
            piggyback: false,
            nack: false,
            ...d.reliability,
          },
        }
      : {}),
    ...(d.faults ? { faults: d.faults } : {}),
  };
}

const toGroup =
  (type: 'send_to_group' | 'join_group' | 'leave_group' | 'query_membership') =>
  (at: number, node: string, msg: string): ProcessActionInput => ({ type, at, node, group: 'G', msg });
export const send = toGroup('send_to_group');
export const join = toGroup('join_group');
export const leave = toGroup('leave_group');
export const query = toGroup('query_membership');
const multicast = (at: number, node: string, msg: string): ProcessActionInput => ({
  type: 'multicast',
  at,
  node,
  msg,
});

/** P0, P1, P2 are the group and P0 its manager; P3 joins, P1 leaves, P3 asks who the members are. */
export const membershipRun = scenario({
  groups: { members: ['P0', 'P1', 'P2'], manager: 'P0' },
  actions: [
    send(0, 'P1', 'm1'),
    join(5, 'P3', 'j1'),
    send(9, 'P2', 'm2'),
    send(26, 'P3', 'm3'),
    leave(32, 'P1', 'l1'),
    query(48, 'P3', 'q1'),
  ],
  // m2 (sent in view 1) reaches P1 after the new view does: P1 must still deliver it first.
  interventions: [{ copy: 'm2@P1', deliverAt: 17 }],
});

/** P3 is outside the group P0, P1, P2 and sends to it: refused when closed, taken when open. */
export const closedRun = scenario({
  groups: { members: ['P0', 'P1', 'P2'], closed: true },
  actions: [send(0, 'P0', 'm1'), send(6, 'P3', 'm2')],
});
export const openRun: ProcessScenario = { ...closedRun, groups: { ...closedRun.groups!, closed: false } };

/** The same two messages to the group of four, peer and then hierarchical. */
const structureActions = [send(0, 'P3', 'm1'), send(12, 'P0', 'm2')];
export const peerRun = scenario({ groups: {}, actions: structureActions });
export const hierarchicalRun = scenario({
  groups: {
    structure: 'hierarchical',
    root: 'P0',
    subgroups: [{ coordinator: 'P1', members: ['P2', 'P3'] }],
  },
  actions: structureActions,
});

/** P3 joins the group P0, P1, P2: a manager decides, or the members decide together. */
export const centralizedRun = scenario({
  groups: { members: ['P0', 'P1', 'P2'], manager: 'P0' },
  actions: [join(1, 'P3', 'j1')],
});
export const distributedRun = scenario({
  groups: { members: ['P0', 'P1', 'P2'], management: 'distributed' },
  actions: [join(1, 'P3', 'j1')],
});

/** Crash failures: P1 crashes and restarts with its log, P2 crashes for good; ACKs show who is silent. */
export const crashRun = scenario({
  seed: 9,
  ordering: 'fifo',
  latency: [2, 4],
  reliability: { scheme: 'reliable', timeout: 10, tries: 3 },
  actions: [
    multicast(0, 'P0', 'm1'),
    multicast(10, 'P0', 'm2'),
    multicast(12, 'P1', 'm3'),
    multicast(40, 'P3', 'm4'),
  ],
  faults: [
    { type: 'crash', at: 5, node: 'P1', restart: { at: 25, log: true } },
    { type: 'crash', at: 8, node: 'P2' },
  ],
});

/** Omission failures: P0 fails to send for a while, P2 fails to receive for a while. */
export const omissionRun = scenario({
  seed: 9,
  latency: [2, 4],
  actions: [multicast(0, 'P0', 'm1'), multicast(8, 'P0', 'm2'), multicast(10, 'P1', 'm3')],
  faults: [
    { type: 'send-omission', at: 0, node: 'P0', until: 5 },
    { type: 'receive-omission', at: 9, node: 'P2', until: 16 },
  ],
});

/** Byzantine failures: P1 garbles m2 (a checksum catches it); P2 tells P1 something different. */
export const byzantineRun = scenario({
  seed: 9,
  latency: [2, 4],
  reliability: { scheme: 'reliable', timeout: 10, tries: 3 },
  actions: [multicast(0, 'P0', 'm1'), multicast(2, 'P1', 'm2'), multicast(4, 'P2', 'm3')],
  faults: [
    { type: 'byzantine', at: 0, node: 'P1', mode: 'corrupt', msg: 'm2', until: 12 },
    { type: 'byzantine', at: 0, node: 'P2', mode: 'equivocate', msg: 'm3' },
  ],
});

/** A partition into {P0, P1} and {P2, P3} from 5 to 30; reliable multicast retries across it. */
export const partitionRun = scenario({
  seed: 9,
  ordering: 'fifo',
  latency: [2, 4],
  reliability: { scheme: 'reliable', timeout: 8, tries: 6 },
  actions: [multicast(0, 'P0', 'm1'), multicast(6, 'P0', 'm2'), multicast(8, 'P3', 'm3')],
  faults: [
    {
      type: 'partition',
      at: 5,
      groups: [
        ['P0', 'P1'],
        ['P2', 'P3'],
      ],
    },
    { type: 'heal', at: 30 },
  ],
});
