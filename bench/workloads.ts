import type { z } from 'zod';
import type { ReliabilitySchema } from '../src/scenarios/process-ext';
import type { ProcessScenario } from '../src/scenarios/schema';
import { validateScenario } from '../src/scenarios/validate';
import { Random } from '../src/sim/random';

/**
 * Benchmark workloads: random multicasts from random members, spread so that many are in
 * flight at once (the case where ordering layers hold messages back). Seeded, so every run of
 * the benchmark measures the same scenarios.
 */
export interface Workload {
  processes: number;
  multicasts: number;
  ordering: ProcessScenario['ordering'];
  seed: number;
  /** Mean virtual time between two multicasts anywhere in the group. */
  spacing?: number;
  latency?: [number, number];
  /** Probability that the network loses a copy (default 0). */
  loss?: number;
  /** The scenario's reliability layer, as written in a scenario, defaults left out (default: none). */
  reliability?: z.input<typeof ReliabilitySchema>;
}

export function randomMulticasts(w: Workload): ProcessScenario {
  const rnd = new Random(w.seed);
  const processes = Array.from({ length: w.processes }, (_, i) => `P${i}`);
  const span = Math.max(1, Math.round(w.multicasts * (w.spacing ?? 2)));
  const actions = Array.from({ length: w.multicasts }, (_, i) => ({
    type: 'multicast' as const,
    at: rnd.int(`at:${i}`, 0, span),
    node: processes[rnd.int(`node:${i}`, 0, w.processes - 1)]!,
    msg: `m${i + 1}`,
  })).sort((a, b) => a.at - b.at);
  const v = validateScenario({
    version: 1,
    lab: 'process',
    title: `${w.multicasts} random multicasts among ${w.processes} processes`,
    seed: w.seed,
    processes,
    ordering: w.ordering,
    network: { latency: w.latency ?? [1, 20], loss: w.loss ?? 0 },
    actions,
    interventions: [],
    ...(w.reliability ? { reliability: w.reliability } : {}),
  });
  if (!v.ok || v.value.lab !== 'process') throw new Error(`bad workload: ${JSON.stringify(v)}`);
  return v.value;
}
