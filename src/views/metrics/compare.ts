import { type ReliabilityMetrics, reliabilityMetrics } from '../../protocols/reliability/metrics';
import { type ReliabilityInput, ReliabilitySchema } from '../../scenarios/process-ext';
import type { ProcessScenario } from '../../scenarios/schema';
import { simulate } from '../../scenarios/simulate';
import { validateScenario } from '../../scenarios/validate';

/**
 * The same scenario run under each reliability setting the lecture names (issue 3 §3: "a metrics
 * panel comparing settings on the same schedule"): unreliable; reliable, waiting for each ACK
 * before the next message; then the ACK optimizations of "Optimizing Acknowledgements" added one
 * at a time as TCP stacks them (pipelining, cumulative ACKs, piggybacked ACKs); and negative ACKs,
 * which replace ACKs. Same seed, actions, faults and interventions: only the setting differs.
 */

export const SETTINGS = ['unreliable', 'reliable', 'pipelining', 'cumulative', 'piggyback', 'nack'] as const;
export type SettingId = (typeof SETTINGS)[number];

/** Pipelining's window when the scenario does not choose one. */
export const DEFAULT_WINDOW = 4;
/** The ACK delay cumulative and piggybacked ACKs wait, when the scenario does not choose one. */
export const DEFAULT_ACK_DELAY = 2;

export interface SettingRow {
  /** One of SETTINGS, or `current` for a setting of the scenario's own that none of them is. */
  id: SettingId | 'current';
  reliability: ReliabilityInput;
  /** Why the scenario cannot run under this setting (the schema's message), or null. */
  problem: string | null;
  metrics: ReliabilityMetrics | null;
  /** The setting the scenario runs now. */
  current: boolean;
}

/** The settings compared, built on the scenario's own timeout, tries, window and ACK delay where it has them. */
export function comparisonSettings(base: ReliabilityInput | undefined): Record<SettingId, ReliabilityInput> {
  const b = ReliabilitySchema.parse({ scheme: 'reliable', timeout: base?.timeout, tries: base?.tries });
  const window = base && base.window > 1 ? base.window : DEFAULT_WINDOW;
  const ackDelay = base && base.ackDelay > 0 ? base.ackDelay : DEFAULT_ACK_DELAY;
  const reliable: ReliabilityInput = {
    ...b,
    window: 1,
    cumulative: false,
    piggyback: false,
    nack: false,
    ackDelay: 0,
  };
  const pipelining = { ...reliable, window };
  const cumulative = { ...pipelining, cumulative: true, ackDelay };
  return {
    unreliable: { ...reliable, scheme: 'unreliable' },
    reliable,
    pipelining,
    cumulative,
    piggyback: { ...cumulative, piggyback: true },
    nack: { ...reliable, nack: true },
  };
}

const KEYS = ['scheme', 'timeout', 'tries', 'window', 'cumulative', 'ackDelay', 'piggyback', 'nack'] as const;

/** Whether two settings run the same (the optional stable timeout aside, which only virtual synchrony reads). */
export function sameSetting(a: ReliabilityInput, b: ReliabilityInput): boolean {
  // An ACK delay without cumulative or piggybacked ACKs has nothing to delay.
  const delay = (r: ReliabilityInput) => (r.cumulative || r.piggyback ? r.ackDelay : 0);
  return KEYS.every((k) => (k === 'ackDelay' ? delay(a) === delay(b) : a[k] === b[k]));
}

function row(s: ProcessScenario, id: SettingRow['id'], reliability: ReliabilityInput): SettingRow {
  const current = s.reliability !== undefined && sameSetting(s.reliability, reliability);
  const v = validateScenario({ ...s, reliability });
  if (!v.ok) {
    const e = v.errors[0];
    return { id, reliability, problem: e ? `${e.path}: ${e.message}` : 'invalid', metrics: null, current };
  }
  return { id, reliability, problem: null, metrics: reliabilityMetrics(simulate(v.value)), current };
}

/** Every setting's metrics on this scenario's schedule, and the scenario's own setting if it is none of them. */
export function compareSettings(s: ProcessScenario): SettingRow[] {
  const settings = comparisonSettings(s.reliability);
  const rows = SETTINGS.map((id) => row(s, id, settings[id]));
  if (s.reliability && !rows.some((r) => r.current)) rows.push(row(s, 'current', s.reliability));
  return rows;
}

/** Recent comparisons by scenario: moving the cursor or toggling back to a setting re-simulates nothing. */
const cache = new Map<string, SettingRow[]>();
const CACHE_SIZE = 8;

export function compareSettingsMemo(s: ProcessScenario): SettingRow[] {
  const key = JSON.stringify(s);
  const hit = cache.get(key);
  if (hit) return hit;
  const rows = compareSettings(s);
  cache.set(key, rows);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return rows;
}
