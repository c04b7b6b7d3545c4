import { type ReliabilityInput, ReliabilitySchema } from '../../scenarios/process-ext';
import type { ProcessScenario } from '../../scenarios/schema';
import { simulate } from '../../scenarios/simulate';

/**
 * Feedback implosion (lecture, "Reliable multicast … subject to feedback implosion"): the ACKs
 * one multicast brings back to its sender, against the size of the group. Each point is a run of
 * its own: the scenario's network, seed and reliability setting, a group of `size` processes and
 * one multicast from the first of them, so only the group size differs.
 */

export interface ImplosionPoint {
  size: number;
  /** ACKs arriving at the sender (retransmissions' ACKs included). */
  acks: number;
  /** The most that arrive in one time unit. */
  peak: number;
}

export const IMPLOSION_SIZES = [2, 3, 4, 5, 6, 8, 10, 12, 16] as const;

/** The group of `size`: the scenario's processes first, then fresh ids. */
export function groupOf(processes: readonly string[], size: number): string[] {
  const out = processes.slice(0, size);
  for (let i = 0; out.length < size; i++) if (!processes.includes(`P${i}`)) out.push(`P${i}`);
  return out;
}

/** The setting the chart runs: the scenario's, or reliable multicast's when it has none that ACKs. */
function settingOf(s: ProcessScenario): ReliabilityInput {
  const r = s.reliability;
  return r && r.scheme !== 'unreliable' ? r : ReliabilitySchema.parse({ scheme: 'reliable' });
}

export function implosionPoint(s: ProcessScenario, size: number): ImplosionPoint {
  const processes = groupOf(s.processes, size);
  const sender = processes[0]!;
  const trace = simulate({
    version: s.version,
    lab: 'process',
    seed: s.seed,
    processes,
    ordering: 'unordered',
    network: s.network,
    actions: [{ type: 'multicast', at: 0, node: sender, msg: 'm1' }],
    interventions: [],
    reliability: settingOf(s),
  });
  const perTime = new Map<number, number>();
  let acks = 0;
  for (const e of trace.events)
    if (e.type === 'ack' && e.node === sender) {
      acks++;
      perTime.set(e.time, (perTime.get(e.time) ?? 0) + 1);
    }
  return { size, acks, peak: Math.max(0, ...perTime.values()) };
}

/** The chart's points, the scenario's own group size among them. */
export function implosionSeries(s: ProcessScenario): ImplosionPoint[] {
  const sizes = [...new Set([...IMPLOSION_SIZES, s.processes.length])].sort((a, b) => a - b);
  return sizes.map((n) => implosionPoint(s, n));
}

const cache = new Map<string, ImplosionPoint[]>();
const CACHE_SIZE = 8;

/** Only what the runs read is in the key: a new action or fault does not re-run the chart. */
export function implosionSeriesMemo(s: ProcessScenario): ImplosionPoint[] {
  const key = JSON.stringify([s.seed, s.network, s.processes, settingOf(s)]);
  const hit = cache.get(key);
  if (hit) return hit;
  const series = implosionSeries(s);
  cache.set(key, series);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return series;
}
