import type { ProcessActionInput, ProcessScenario } from '../../schema';

/** What a lesson's scenario needs to say; the rest (format version, lab, no loss) is fixed. */
export interface GroupDraft {
  seed: number;
  processes: string[];
  ordering: ProcessScenario['ordering'];
  latency: [number, number];
  actions: ProcessActionInput[];
  interventions?: ProcessScenario['interventions'];
  sequencer?: string;
  clocks?: ProcessScenario['clocks'];
}

/**
 * A process-lab scenario for a lesson. Lessons run on a loss-free network and pin the copies
 * whose order they teach with interventions, so the narration holds whatever the seed draws.
 */
export function groupScenario(d: GroupDraft): ProcessScenario {
  return {
    version: 1,
    lab: 'process',
    seed: d.seed,
    processes: d.processes,
    ordering: d.ordering,
    network: { latency: d.latency, loss: 0 },
    actions: d.actions,
    interventions: d.interventions ?? [],
    ...(d.sequencer ? { sequencer: d.sequencer } : {}),
    ...(d.clocks ? { clocks: d.clocks } : {}),
  };
}

export const multicast = (at: number, node: string, msg: string): ProcessActionInput => ({
  type: 'multicast',
  at,
  node,
  msg,
});

export const syncMessage = (at: number, node: string, msg: string): ProcessActionInput => ({
  type: 'sync',
  at,
  node,
  msg,
});
