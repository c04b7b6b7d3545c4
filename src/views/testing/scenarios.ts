import fifoHoldback from '../../scenarios/examples/fifo-holdback.json';
import type { Scenario } from '../../scenarios/schema';
import { simulate } from '../../scenarios/simulate';
import { validateScenario } from '../../scenarios/validate';
import type { Trace } from '../../sim/trace';

/** Scenarios the views' tests run through the real simulator. */
export function load(data: unknown): Scenario {
  const v = validateScenario(data);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.value;
}

export const holdbackScenario = (): Scenario => load(fifoHoldback);

/** The example with a lossy network and one copy dropped by the user: crosses and endless waits. */
export const lossyScenario = (): Scenario =>
  load({
    ...fifoHoldback,
    network: { latency: [2, 6], loss: 0.3 },
    interventions: [...fifoHoldback.interventions, { copy: 'm3@P0', drop: true }],
  });

/** A lecture-size run of about 2,000 events: 8 processes, many multicasts. */
export function largeScenario(multicasts = 128, ordering = 'fifo'): Scenario {
  const processes = Array.from({ length: 8 }, (_, i) => `P${i}`);
  return load({
    version: 1,
    lab: 'process',
    title: 'large',
    seed: 11,
    processes,
    ordering,
    network: { latency: [1, 14], loss: ordering === 'fifo' ? 0.02 : 0 },
    actions: Array.from({ length: multicasts }, (_, i) => ({
      type: 'multicast',
      at: i * 2,
      node: processes[(i * 3) % 8],
      msg: `m${i + 1}`,
    })),
    interventions: [],
  });
}

export const traceOf = (s: Scenario): Trace => simulate(s);
