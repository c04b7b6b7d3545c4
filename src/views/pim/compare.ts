import type { PimMode } from '../../protocols/pim/state';
import { dataCopiesPerLink, joinLatencies, stateEntries } from '../../protocols/pim/trace-view';
import type { NetworkScenario } from '../../scenarios/schema';
import { simulate } from '../../scenarios/simulate';
import { networkWorld } from '../../scenarios/simulate-network';
import type { Trace } from '../../sim/trace';

/**
 * Dense vs sparse mode on the same topology, source and receivers (issue 5 §4): the scenario is
 * run again with only its PIM mode switched, and each run is summed up in the numbers the
 * lecture contrasts — flooding costs data copies and state everywhere, joining toward an RP
 * costs control messages and time before a new receiver gets the stream.
 */

export interface NewReceiver {
  host: string;
  group: string;
  joinedAt: number;
  /** Ticks from the join to the host's first packet of the group; null if none came. */
  latency: number | null;
}

export interface ModeFigures {
  mode: PimMode;
  /** Data transmissions onto links and LANs by the source and the routers (a LAN's relaying is the same frame). */
  dataCopies: number;
  /** PIM messages put on a link or LAN by a router, every hop of a Register counted. */
  controlMessages: number;
  controlByKind: Record<string, number>;
  /** (*,G), (S,G) and (S,G,rpt) entries each router holds at the end of the run, and their sum. */
  statePerRouter: Record<string, number>;
  stateTotal: number;
  /** Hosts that join while the run goes on (the scenario's `join` actions). */
  receivers: NewReceiver[];
  /** Group packets delivered to hosts. */
  delivered: number;
}

export interface ModeComparison {
  dense: ModeFigures;
  sparse: ModeFigures;
  /** The RP the sparse run uses, and whether this comparison had to choose it (the scenario runs dense mode). */
  rp: string | null;
  rpChosen: boolean;
}

/** The router closest, in summed unicast cost, to every other router (ties: the lowest id): a fair RP for a comparison. */
export function centralRouter(s: NetworkScenario): string | null {
  const w = networkWorld(s);
  const routers = [...w.net.routers.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  let best: { id: string; cut: number; sum: number } | null = null;
  for (const r of routers) {
    let cut = 0;
    let sum = 0;
    for (const o of routers) {
      const d = w.routing.distance(r, o);
      if (Number.isFinite(d)) sum += d;
      else cut++;
    }
    if (!best || cut < best.cut || (cut === best.cut && sum < best.sum)) best = { id: r, cut, sum };
  }
  return best?.id ?? null;
}

/** The scenario with its PIM mode switched; settings the other mode does not have are left out. */
export function switchMode(s: NetworkScenario, mode: PimMode, rp: string | null): NetworkScenario {
  const { rp: _rp, sptSwitch, stateRefresh, ...common } = s.pim ?? { mode };
  const pim =
    mode === 'sparse'
      ? { ...common, mode, ...(rp ? { rp } : {}), ...(sptSwitch !== undefined ? { sptSwitch } : {}) }
      : { ...common, mode, ...(stateRefresh !== undefined ? { stateRefresh } : {}) };
  return { ...s, pim };
}

export function modeFigures(scenario: NetworkScenario, trace: Trace, mode: PimMode): ModeFigures {
  const dataCopies = Object.values(dataCopiesPerLink(trace)).reduce((n, x) => n + x, 0);
  const controlByKind: Record<string, number> = {};
  let controlMessages = 0;
  let delivered = 0;
  for (const e of trace.events) {
    if (e.type === 'deliver' && (e.detail as { group?: string } | undefined)?.group) delivered++;
    if (e.type !== 'send' || !e.kind?.startsWith('pim-')) continue;
    if ((e.detail as { role?: string } | undefined)?.role === 'medium') continue;
    controlMessages++;
    controlByKind[e.kind] = (controlByKind[e.kind] ?? 0) + 1;
  }
  const last = trace.events.length - 1;
  const entries = last >= 0 ? stateEntries(trace, last) : {};
  const statePerRouter: Record<string, number> = {};
  for (const [r, c] of Object.entries(entries)) statePerRouter[r] = c.total;
  const joins = new Set(
    scenario.actions.flatMap((a) => (a.type === 'join' ? [`${a.host}|${a.group}|${a.at}`] : [])),
  );
  const receivers = joinLatencies(trace)
    .filter((j) => joins.has(`${j.host}|${j.group}|${j.joinedAt}`))
    .map((j) => ({ host: j.host, group: j.group, joinedAt: j.joinedAt, latency: j.latency }));
  return {
    mode,
    dataCopies,
    controlMessages,
    controlByKind,
    statePerRouter,
    stateTotal: Object.values(statePerRouter).reduce((n, x) => n + x, 0),
    receivers,
    delivered,
  };
}

/** Both modes' figures: the scenario's own trace for its mode, one more run for the other. */
export function compareModes(scenario: NetworkScenario, trace: Trace): ModeComparison | null {
  if (!scenario.pim) return null;
  const own = scenario.pim.mode;
  const rp = own === 'sparse' ? (scenario.pim.rp ?? null) : centralRouter(scenario);
  const other: PimMode = own === 'dense' ? 'sparse' : 'dense';
  const otherScenario = switchMode(scenario, other, rp);
  const otherTrace = simulate(otherScenario);
  const mine = modeFigures(scenario, trace, own);
  const theirs = modeFigures(otherScenario, otherTrace, other);
  return {
    dense: own === 'dense' ? mine : theirs,
    sparse: own === 'sparse' ? mine : theirs,
    rp,
    rpChosen: own === 'dense' && rp !== null,
  };
}
