import fc from 'fast-check';
import type { Checker } from '../../checks/types';
import type { ProcessScenario } from '../../scenarios/schema';
import { simulate } from '../../scenarios/simulate';
import { validateScenario } from '../../scenarios/validate';
import type { Trace } from '../../sim/trace';
import { flushMsgId } from './sync';
import { orderMsgId } from './total';

/**
 * Random process scenarios for the ordering property tests: 2–8 processes, multicasts (and
 * syncs) at random times from random members, a random latency range and seed, and random
 * interventions on the copies a run puts on the wire (deliver at another time, or drop).
 */
export interface GenOptions {
  ordering: ProcessScenario['ordering'];
  /** May the network lose copies (random loss and `drop` interventions)? */
  losses: boolean;
  /** Mix `sync` actions in with the multicasts. */
  syncs?: boolean;
  /** Give the processes skewed, drifting physical clocks. */
  clocks?: boolean;
  /** Total ordering: sometimes make a member the sequencer instead of a process of its own. */
  sequencer?: boolean;
  maxProcesses?: number;
  maxActions?: number;
}

/** Build a scenario and check it against the one schema (tests must not run invalid input). */
export function scenario(data: unknown): ProcessScenario {
  const v = validateScenario(data);
  if (!v.ok) throw new Error(`invalid test scenario: ${JSON.stringify(v.errors)}`);
  return v.value as ProcessScenario;
}

export function scenarioArb(o: GenOptions): fc.Arbitrary<ProcessScenario> {
  const action = fc.record({
    at: fc.integer({ min: 0, max: 50 }),
    node: fc.nat(),
    // One action in four is a sync, so most syncs have multicasts around them.
    sync: o.syncs ? fc.nat(3).map((x) => x === 0) : fc.constant(false),
  });
  const edit = fc.record({ pick: fc.nat(), at: fc.integer({ min: 0, max: 80 }), drop: fc.boolean() });
  const clock = fc.record({
    offset: fc.integer({ min: -20, max: 20 }),
    drift: fc.constantFrom(-0.3, -0.1, 0, 0.1, 0.3),
  });
  return fc
    .record({
      n: fc.integer({ min: 2, max: o.maxProcesses ?? 8 }),
      seed: fc.nat({ max: 1_000_000 }),
      latMin: fc.integer({ min: 1, max: 6 }),
      latSpan: fc.integer({ min: 0, max: 14 }),
      loss: o.losses ? fc.constantFrom(0, 0, 0.1, 0.3) : fc.constant(0),
      actions: fc.array(action, { minLength: 1, maxLength: o.maxActions ?? 10 }),
      edits: fc.array(edit, { maxLength: 4 }),
      clocks: fc.array(clock, { minLength: 8, maxLength: 8 }),
      sequencer: o.sequencer ? fc.integer({ min: -1, max: 7 }) : fc.constant(-1),
    })
    .map((g) => {
      const processes = Array.from({ length: g.n }, (_, i) => `P${i}`);
      const base = scenario({
        version: 1,
        lab: 'process',
        seed: g.seed,
        processes,
        ordering: o.ordering,
        ...(g.sequencer >= 0 ? { sequencer: processes[g.sequencer % g.n] } : {}),
        network: { latency: [g.latMin, g.latMin + g.latSpan], loss: g.loss },
        ...(o.clocks ? { clocks: Object.fromEntries(processes.map((p, i) => [p, g.clocks[i]])) } : {}),
        actions: g.actions.map((a, i) => ({
          type: a.sync ? 'sync' : 'multicast',
          // A sync in the middle of the run has messages before and after it to keep apart.
          at: a.sync ? 5 + (a.at % 20) : a.at,
          node: processes[a.node % g.n],
          msg: a.sync ? `y${i}` : `m${i}`,
        })),
      });
      if (g.edits.length === 0) return base;
      // Interventions name copies the run sends, protocol messages (order, flush) included.
      const copies = copyIds(base);
      const interventions = g.edits.map((e) => {
        const copy = copies[e.pick % copies.length]!;
        return o.losses && e.drop ? { copy, drop: true as const } : { copy, deliverAt: e.at };
      });
      return scenario({ ...base, interventions });
    });
}

/**
 * The copies a run of `s` may put on the wire: every message (and the total ordering's `order`
 * messages, the sync ordering's `flush` reports) to every process and the sequencer.
 */
function copyIds(s: ProcessScenario): string[] {
  const total = s.ordering === 'total';
  const nodes = total ? [...s.processes, s.sequencer ?? 'S'] : s.processes;
  const msgs = s.actions.flatMap((a) => (total ? [a.msg, orderMsgId(a.msg)] : [a.msg]));
  const syncs = s.ordering === 'sync' ? s.actions.filter((a) => a.type === 'sync').length : 0;
  for (const p of s.processes) for (let k = 0; k < syncs; k++) msgs.push(flushMsgId(p, k));
  return msgs.flatMap((m) => nodes.map((n) => `${m}@${n}`));
}

/** Nothing lost in this run: no random loss, no drop interventions. */
export const lossless = (s: ProcessScenario) => s.network.loss === 0 && s.interventions.every((i) => !i.drop);

/** Every member delivered every message of the scenario exactly once. */
export function everyoneDeliversOnce(s: ProcessScenario, t: Trace): string | null {
  for (const p of s.processes)
    for (const a of s.actions) {
      const n = t.events.filter((e) => e.type === 'deliver' && e.node === p && e.msg === a.msg).length;
      if (n !== 1) return `${p} delivered ${a.msg} ${n} times`;
    }
  return null;
}

/** No process delivered any message twice. */
export function noDuplicates(t: Trace): string | null {
  const seen = new Set<string>();
  for (const e of t.events) {
    if (e.type !== 'deliver') continue;
    const key = `${e.node} ${e.msg}`;
    if (seen.has(key)) return `${e.node} delivered ${e.msg} twice`;
    seen.add(key);
  }
  return null;
}

/**
 * The property every ordering test states: in `runs` random scenarios the checkers find each
 * promised guarantee kept, nothing is delivered twice, and when nothing is lost every member
 * delivers every message exactly once. Returns how many runs really tested each guarantee (not
 * vacuous), and as `lossless` how many runs lost nothing (those tested "everyone delivers every
 * message once"), so a test can make sure the random scenarios exercised them.
 */
export function keepsPromises(
  o: GenOptions,
  guarantees: readonly Checker[],
  runs: number,
): number[] & { lossless: number } {
  const exercised = Object.assign(
    guarantees.map(() => 0),
    { lossless: 0 },
  );
  fc.assert(
    fc.property(scenarioArb(o), (s) => {
      const t = simulate(s);
      if (t.truncated) return false;
      for (const [i, check] of guarantees.entries()) {
        const r = check(t);
        if (!r.holds) throw new Error(`${r.guarantee} violated: ${JSON.stringify(r.violation)}`);
        if (!r.vacuous) exercised[i]!++;
      }
      const dup = noDuplicates(t);
      if (dup) throw new Error(dup);
      if (lossless(s)) exercised.lossless++;
      const missing = lossless(s) ? everyoneDeliversOnce(s, t) : null;
      if (missing) throw new Error(missing);
      return true;
    }),
    { numRuns: runs },
  );
  return exercised;
}

/** Search random scenarios for a run where `check` fails; the failing scenario, or null if none was found. */
export function findViolation(o: GenOptions, check: Checker, runs: number): ProcessScenario | null {
  const r = fc.check(
    fc.property(scenarioArb(o), (s) => check(simulate(s)).holds),
    { numRuns: runs, endOnFailure: true },
  );
  return r.failed ? (r.counterexample?.[0] ?? null) : null;
}
