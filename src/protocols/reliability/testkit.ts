import type { ProcessScenario } from '../../scenarios/schema';
import { simulate } from '../../scenarios/simulate';
import { validateScenario } from '../../scenarios/validate';
import type { NodeId } from '../../sim/ids';
import type { Trace, TraceEvent } from '../../sim/trace';

/** Small helpers the reliability, membership and fault tests share. */

/** Validate a test scenario against the one schema (tests never run invalid input). */
export function scenario(data: Record<string, unknown>): ProcessScenario {
  const v = validateScenario({ version: 1, lab: 'process', interventions: [], ...data });
  if (!v.ok) throw new Error(`invalid test scenario: ${JSON.stringify(v.errors)}`);
  return v.value as ProcessScenario;
}

export function run(data: Record<string, unknown>): { s: ProcessScenario; t: Trace } {
  const s = scenario(data);
  return { s, t: simulate(s) };
}

export const events = (t: Trace, type: string, node?: string, msg?: string): TraceEvent[] =>
  t.events.filter(
    (e) => e.type === type && (node === undefined || e.node === node) && (msg === undefined || e.msg === msg),
  );

/** How many times each process delivered each application message: `P1:m1` → n. */
export function deliveryCounts(t: Trace): Map<string, number> {
  const n = new Map<string, number>();
  for (const e of events(t, 'deliver')) n.set(`${e.node}:${e.msg}`, (n.get(`${e.node}:${e.msg}`) ?? 0) + 1);
  return n;
}

/** Every process in `who` delivered every multicast message of the scenario exactly once. */
export function allDeliverOnce(
  s: ProcessScenario,
  t: Trace,
  who: readonly NodeId[] | readonly string[] = s.processes,
): string | null {
  const n = deliveryCounts(t);
  for (const p of who)
    for (const a of s.actions) {
      if (a.type !== 'multicast' && a.type !== 'send_to_group' && a.type !== 'sync') continue;
      const k = n.get(`${p}:${a.msg}`) ?? 0;
      if (k !== 1) return `${p} delivered ${a.msg} ${k} times`;
    }
  return null;
}
