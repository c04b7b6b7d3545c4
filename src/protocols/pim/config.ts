import type { PimMode } from './state';
import { PIM_DEFAULTS, type PimSeconds, type PimTicks, pimTicks } from './timers';

/** When a last-hop router switches from the RP tree to the source's tree (RFC 7761 §4.2.1 SwitchToSptDesired). */
export type SptPolicy = { kind: 'immediate' } | { kind: 'never' } | { kind: 'packets'; count: number };

/** A scenario's PIM settings, resolved (network-schema.ts `pim`). */
export interface PimConfig {
  mode: PimMode;
  /** Sparse mode: the rendezvous point's router id (one RP for every group). */
  rp: string | null;
  spt: SptPolicy;
  /** Dense mode: the first-hop router originates State Refresh (RFC 3973 §4.5). */
  stateRefresh: boolean;
  timers: PimTicks;
  /** Assert metric preference per router (RFC 3973 §4.6.3: lower is better); default 110. */
  preference: Record<string, number>;
}

/** The preference of routes learned from a link-state protocol such as the lab's routing (OSPF's administrative distance). */
export const DEFAULT_PREFERENCE = 110;

/** The scenario's `pim` section as network-schema.ts validates it. */
export interface PimInput {
  mode: PimMode;
  rp?: string | undefined;
  sptSwitch?: 'immediate' | 'never' | { packets: number } | undefined;
  stateRefresh?: boolean | undefined;
  ticksPerSecond?: number | undefined;
  timers?: Partial<Record<keyof PimSeconds, number | undefined>> | undefined;
  preference?: Record<string, number> | undefined;
}

/** Resolve a scenario's `pim` section; the time scale defaults to IGMP's (igmp/timers.ts), else 8 ticks per second. */
export function pimConfig(p: PimInput, igmpTicksPerSecond?: number): PimConfig {
  const seconds: PimSeconds = { ...PIM_DEFAULTS };
  for (const [k, v] of Object.entries(p.timers ?? {}))
    if (v !== undefined) seconds[k as keyof PimSeconds] = v;
  const sw = p.sptSwitch ?? 'immediate';
  return {
    mode: p.mode,
    rp: p.rp ?? null,
    spt:
      sw === 'immediate'
        ? { kind: 'immediate' }
        : sw === 'never'
          ? { kind: 'never' }
          : { kind: 'packets', count: sw.packets },
    stateRefresh: p.stateRefresh ?? true,
    timers: pimTicks(p.ticksPerSecond ?? igmpTicksPerSecond ?? 8, seconds),
    preference: p.preference ?? {},
  };
}

/** How long a run with PIM goes on after the last action when the scenario sets no end: two refresh periods. */
export function pimTail(c: PimConfig): number {
  return 2 * (c.mode === 'dense' ? c.timers.refreshInterval : c.timers.tPeriodic);
}
