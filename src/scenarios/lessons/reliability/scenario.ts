import type { z } from 'zod';
import { ReliabilitySchema } from '../../process-ext';
import type { ProcessActionInput, ProcessScenario } from '../../schema';

/** What a reliability lesson's scenario needs to say; the rest (format version, lab, no loss) is fixed. */
export interface ReliabilityDraft {
  seed: number;
  processes: string[];
  ordering: ProcessScenario['ordering'];
  latency: [number, number];
  /** The reliability setting as written in a scenario file: omitted options take the schema's defaults. */
  reliability: z.input<typeof ReliabilitySchema>;
  actions: ProcessActionInput[];
  interventions?: ProcessScenario['interventions'];
  faults?: ProcessScenario['faults'];
}

/**
 * A process-lab scenario for a reliability lesson. Like the ordering lessons it runs on a
 * loss-free network: every lost copy the narration talks about is pinned by an intervention or
 * a fault, so the story holds whatever the seed draws. The reliability setting goes through the
 * schema, so its defaults are the ones a scenario file gets.
 */
export function reliabilityScenario(d: ReliabilityDraft): ProcessScenario {
  return {
    version: 1,
    lab: 'process',
    seed: d.seed,
    processes: d.processes,
    ordering: d.ordering,
    network: { latency: d.latency, loss: 0 },
    actions: d.actions,
    interventions: d.interventions ?? [],
    reliability: ReliabilitySchema.parse(d.reliability),
    ...(d.faults ? { faults: d.faults } : {}),
  };
}

export { multicast } from '../ordering/scenario';

/** The network loses this copy (`m1@P2`, or `m1@P2#2` for the second copy of m1 sent to P2). */
export const drop = (copy: string) => ({ copy, drop: true as const });
