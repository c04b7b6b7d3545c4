import type { Bilingual } from '../../protocols/address/text';
import { MACHINES, type MachineKind } from '../../protocols/pim/machines';
import type { Trace } from '../../sim/trace';

/**
 * A router's PIM state machines at a cursor, for the state-machine view: each machine the router
 * runs (per entry, and per interface where the RFC has one), its states as the RFC names them,
 * the one it is in, and the last transition it took. Read from the trace's `pim-state` events
 * (router.ts records one per transition), so it is exactly what the router decided with.
 */

export interface MachineEdge {
  from: string;
  to: string;
  /** The RFC's event names that take this transition. */
  events: string[];
}

export interface MachineGraph {
  states: string[];
  edges: MachineEdge[];
}

interface StateConfig {
  on?: Record<string, { target?: string } | { target?: string }[] | undefined>;
}

/** SPTbit(S,G) is a flag, not an RFC state machine, but sparse.ts records its flips the same way (RFC 7761 §4.2.2). */
const SPTBIT: MachineGraph = {
  states: ['FALSE', 'TRUE'],
  edges: [{ from: 'FALSE', to: 'TRUE', events: ['Update_SPTbit'] }],
};

const graphs = new Map<string, MachineGraph>();

/** The states and the state-changing transitions of a machine kind, from its xstate definition. */
export function machineGraph(kind: string): MachineGraph | null {
  if (kind === 'sm-sptbit') return SPTBIT;
  const info = MACHINES[kind as MachineKind];
  if (!info) return null;
  const have = graphs.get(kind);
  if (have) return have;
  const config = info.machine.config as { initial?: string; states?: Record<string, StateConfig> };
  const states = Object.keys(config.states ?? {});
  const edges = new Map<string, MachineEdge>();
  for (const from of states)
    for (const [event, raw] of Object.entries(config.states?.[from]?.on ?? {}))
      for (const t of Array.isArray(raw) ? raw : raw ? [raw] : []) {
        const to = t.target?.replace(/^\./, '');
        if (!to || to === from) continue;
        const key = `${from}|${to}`;
        const e = edges.get(key) ?? { from, to, events: [] };
        if (!e.events.includes(event)) e.events.push(event);
        edges.set(key, e);
      }
  // The initial state first, so every diagram reads from where a machine starts.
  const initial = config.initial;
  const ordered = initial ? [initial, ...states.filter((s) => s !== initial)] : states;
  const g = { states: ordered, edges: [...edges.values()] };
  graphs.set(kind, g);
  return g;
}

export interface MachineTransition {
  from: string;
  to: string;
  event: string;
  actions: string[];
  step: number;
  time: number;
}

export interface MachineInstance {
  /** `machine|entry|iface`: stable across the cursor. */
  key: string;
  machine: string;
  name: Bilingual | null;
  rfc: string | null;
  /** `(S,G)`, `(*,G)`, `(S,G,rpt)` with the names filled in. */
  entry: string;
  iface: string | null;
  current: string;
  /** The last transition taken by the cursor (a self-transition too: it names what happened). */
  last: MachineTransition;
  graph: MachineGraph;
}

interface StateDetail {
  machine?: string;
  entry?: string;
  iface?: string;
  from?: string;
  to?: string;
  event?: string;
  actions?: string[];
}

/** Every machine of `router` that has moved by the cursor, grouped by entry in the order they appeared. */
export function machinesAt(trace: Trace, router: string, cursor: number): MachineInstance[] {
  const out = new Map<string, MachineInstance>();
  const end = Math.min(cursor, trace.events.length);
  for (let i = 0; i < end; i++) {
    const e = trace.events[i]!;
    if (e.type !== 'pim-state' || e.node !== router) continue;
    const d = (e.detail ?? {}) as StateDetail;
    if (!d.machine || !d.entry || d.to === undefined) continue;
    const key = `${d.machine}|${d.entry}|${d.iface ?? ''}`;
    const last: MachineTransition = {
      from: d.from ?? d.to,
      to: d.to,
      event: d.event ?? '',
      actions: d.actions ?? [],
      step: e.step,
      time: e.time,
    };
    const have = out.get(key);
    if (have) {
      have.current = d.to;
      have.last = last;
      continue;
    }
    const info = MACHINES[d.machine as MachineKind];
    out.set(key, {
      key,
      machine: d.machine,
      name: info?.name ?? null,
      rfc: info?.rfc ?? (d.machine === 'sm-sptbit' ? 'RFC 7761 §4.2.2' : null),
      entry: d.entry,
      iface: d.iface ?? null,
      current: d.to,
      last,
      graph: machineGraph(d.machine) ?? { states: [...new Set([last.from, last.to])], edges: [] },
    });
  }
  const entryOrder = [...new Set([...out.values()].map((m) => m.entry))];
  return [...out.values()].sort(
    (a, b) =>
      entryOrder.indexOf(a.entry) - entryOrder.indexOf(b.entry) ||
      machineRank(a.machine) - machineRank(b.machine) ||
      (a.iface ?? '').localeCompare(b.iface ?? '', 'en', { numeric: true }),
  );
}

/** Upstream before downstream before the rest, as the RFC's sections run. */
const RANK: readonly string[] = [
  'dm-upstream',
  'dm-originator',
  'dm-downstream',
  'dm-assert',
  'sm-upstream-star',
  'sm-downstream-star',
  'sm-upstream-sg',
  'sm-sptbit',
  'sm-downstream-sg',
  'sm-rpt-upstream',
  'sm-rpt-downstream',
  'sm-register',
];
const machineRank = (m: string) => {
  const i = RANK.indexOf(m);
  return i < 0 ? RANK.length : i;
};

/** The entries with machines, the one whose machine moved last first (what a student just watched change). */
export function entriesByRecency(machines: readonly MachineInstance[]): string[] {
  const latest = new Map<string, number>();
  for (const m of machines) latest.set(m.entry, Math.max(latest.get(m.entry) ?? -1, m.last.step));
  return [...latest.entries()].sort((a, b) => b[1] - a[1]).map(([e]) => e);
}
