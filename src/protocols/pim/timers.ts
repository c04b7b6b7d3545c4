/**
 * PIM's timers in seconds as the RFCs give them, and their conversion to ticks with the same
 * classroom time scale IGMP uses (igmp/timers.ts: `ticksPerSecond`, default 8), so every ratio
 * stays the RFC's.
 */

/** RFC 3973 §4.8 (PIM-DM timers) and RFC 7761 §4.11 (PIM-SM timers), seconds. */
export const PIM_DEFAULTS = {
  /** Hello_Period (both RFCs). Neighbours are known from the topology here: no Hello is sent. */
  helloPeriod: 30,
  /** RFC 3973 §4.8 Graft_Retry_Period. */
  graftRetryPeriod: 3,
  /** Override_Interval (RFC 3973 §4.8, RFC 7761 §4.11): the window of t_override. */
  overrideInterval: 2.5,
  /** Propagation_Delay (both): added to Override_Interval to give J/P_Override_Interval. */
  propagationDelay: 0.5,
  /** RFC 3973 §4.8 t_limit: the least time between two Prunes; also the Prune Hold Time sent. */
  tLimit: 210,
  /** Assert_Time (RFC 3973 §4.8, RFC 7761 §4.11). */
  assertTime: 180,
  /** RFC 3973 §4.8 StateRefreshInterval (RefreshInterval). */
  refreshInterval: 60,
  /** RFC 3973 §4.8 SourceLifetime: how long the originator waits for data before giving up. */
  sourceLifetime: 210,
  /** RFC 7761 §4.11 t_periodic: periodic Join/Prune interval. */
  tPeriodic: 60,
  /** RFC 7761 §4.11 J/P_HoldTime = 3.5 × t_periodic. */
  jpHoldTime: 210,
  /** RFC 7761 §4.11 Keepalive_Period. */
  keepalivePeriod: 210,
  /** RFC 7761 §4.11 Register_Suppression_Time. */
  registerSuppressionTime: 60,
  /** RFC 7761 §4.11 Register_Probe_Time. */
  registerProbeTime: 5,
} as const;

export type PimSeconds = { -readonly [K in keyof typeof PIM_DEFAULTS]: number };

/** Every timer in ticks, plus the derived ones. */
export interface PimTicks extends PimSeconds {
  ticksPerSecond: number;
  /** J/P_Override_Interval = Override_Interval + Propagation_Delay (RFC 3973 §4.8, RFC 7761 §4.11). */
  jpOverrideInterval: number;
  /** RFC 7761 §4.11 RP_Keepalive_Period = 3 × Register_Suppression_Time + Register_Probe_Time. */
  rpKeepalivePeriod: number;
}

export function pimTicks(ticksPerSecond: number, s: PimSeconds = { ...PIM_DEFAULTS }): PimTicks {
  const k = (x: number) => Math.max(1, Math.round(x * ticksPerSecond));
  const out = { ticksPerSecond } as PimTicks;
  for (const key of Object.keys(s) as (keyof PimSeconds)[]) out[key] = k(s[key]);
  out.jpOverrideInterval = k(s.overrideInterval + s.propagationDelay);
  out.rpKeepalivePeriod = k(3 * s.registerSuppressionTime + s.registerProbeTime);
  return out;
}
