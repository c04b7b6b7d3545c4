import { pimConfig } from '../../protocols/pim/config';
import { type Diagnostic, pimDiagnostics } from '../../protocols/pim/diagnostics';
import type { NetworkScenario } from '../../scenarios/schema';
import { networkWorld } from '../../scenarios/simulate-network';

/**
 * What is wrong with a PIM scenario's network before a single packet moves (issue 5 §7): a
 * source cut off from its receivers, a rendezvous point missing or out of reach, equal-cost
 * paths that RPF must choose between. Worst first, so the view can lead with what breaks the tree.
 */

/** The hosts that send to a group: every RPF check the routers make is toward one of them. */
export function multicastSources(s: NetworkScenario): string[] {
  const out = new Set<string>();
  for (const a of s.actions)
    if (a.type === 'stream' || (a.type === 'send' && a.mode === 'multicast')) out.add(a.from);
  return [...out].sort();
}

const SEVERITY = { error: 0, warning: 1, info: 2 } as const;

export function scenarioDiagnostics(s: NetworkScenario): Diagnostic[] {
  if (!s.pim) return [];
  const w = networkWorld(s);
  const cfg = w.pim ?? pimConfig(s.pim, s.igmp?.ticksPerSecond);
  return pimDiagnostics(w, cfg, multicastSources(s))
    .map((d, i) => ({ d, i }))
    .sort((a, b) => SEVERITY[a.d.severity] - SEVERITY[b.d.severity] || a.i - b.i)
    .map(({ d }) => d);
}
