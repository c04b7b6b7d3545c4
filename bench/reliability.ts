import type { z } from 'zod';
import type { ReliabilitySchema } from '../src/scenarios/process-ext';
import type { ProcessScenario } from '../src/scenarios/schema';
import { simulate } from '../src/scenarios/simulate';
import type { Trace } from '../src/sim/trace';
import { collectGarbage, mib, rates, thousands, timeRuns } from './measure';
import { randomMulticasts } from './workloads';

/**
 * Issue 3's benchmark: the reliability layer at 32 processes with 10% loss. Every setting runs
 * the same schedule (100 random multicasts, FIFO ordering, latency 1–20 ticks), so the rows
 * compare like with like, as the lecture's ACK optimizations are compared in the metrics panel.
 * Throughput is measured as in (a); the memory of logs and buffers is read from the trace's
 * per-step states (what the process panels show) and, for the whole run, from V8's heap.
 */

export const PROCESSES = 32;
export const LOSS = 0.1;
const MULTICASTS = 100;
const LATENCY: [number, number] = [1, 20];
/** Longer than a round trip (2 × 20 ticks) plus the ACK delay, so a timeout means a lost copy or ACK. */
const TIMEOUT = 48;

export const RELIABILITY_SETTINGS: { name: string; reliability: z.input<typeof ReliabilitySchema> }[] = [
  { name: 'unreliable (best effort, baseline)', reliability: { scheme: 'unreliable' } },
  { name: 'reliable (per-member ACKs)', reliability: { scheme: 'reliable', timeout: TIMEOUT, tries: 4 } },
  {
    name: 'reliable + cumulative ACKs (window 4, ackDelay 4)',
    reliability: {
      scheme: 'reliable',
      timeout: TIMEOUT,
      tries: 4,
      window: 4,
      cumulative: true,
      ackDelay: 4,
    },
  },
  { name: 'reliable + NACKs', reliability: { scheme: 'reliable', timeout: TIMEOUT, tries: 4, nack: true } },
  { name: 'atomic, example 1 (logs, ACKs, "go")', reliability: { scheme: 'atomic', timeout: TIMEOUT } },
  {
    name: 'atomic, example 2 (virtual synchrony)',
    reliability: { scheme: 'vsync', timeout: TIMEOUT, tries: 4 },
  },
];

export function reliabilityWorkload(reliability: z.input<typeof ReliabilitySchema>): ProcessScenario {
  return randomMulticasts({
    processes: PROCESSES,
    multicasts: MULTICASTS,
    ordering: 'fifo',
    seed: PROCESSES,
    latency: LATENCY,
    loss: LOSS,
    reliability,
  });
}

/** What a process panel shows of its reliability and membership layers (reliability/index.ts, membership). */
interface ProcessView {
  reliability?: {
    buffer?: unknown[];
    queued?: unknown[];
    pending?: { waiting: unknown[] }[];
    log?: unknown[];
    held?: unknown[];
  };
  membership?: { held?: unknown[] };
}

/** The kept structures the benchmark sizes, by the name the lecture gives them. */
const STRUCTURES = {
  'retransmission buffer': (v: ProcessView) => v.reliability?.buffer,
  // One entry per (buffered message, member) whose ACK has not come: the sender's ACK bookkeeping.
  'ACKs awaited': (v: ProcessView) => v.reliability?.pending?.flatMap((p) => p.waiting),
  'pipelining queue': (v: ProcessView) => v.reliability?.queued,
  'persistent log': (v: ProcessView) => v.reliability?.log,
  'held until "go"': (v: ProcessView) => v.reliability?.held,
  'held until stable (vsync)': (v: ProcessView) => v.membership?.held,
} as const;
export type Structure = keyof typeof STRUCTURES;

export interface Footprint {
  structure: Structure;
  /** The largest the structure got at one process: entries, and bytes of its JSON as the trace records it. */
  maxEntries: number;
  maxBytes: number;
  /** The largest sum over all processes at one step. */
  peakEntries: number;
  peakBytes: number;
}

const size = (xs: unknown[] | undefined) =>
  xs ? { entries: xs.length, bytes: Buffer.byteLength(JSON.stringify(xs)) } : { entries: 0, bytes: 0 };

/**
 * Sizes of each process's retransmission buffer, log and held messages over the run, from the
 * trace's states (a node's state is recorded after every step that touched it, so the largest
 * recorded size is the largest it ever was). Structures no process ever used are left out.
 */
export function reliabilityFootprint(trace: Trace): Footprint[] {
  const out: Footprint[] = [];
  for (const [name, read] of Object.entries(STRUCTURES) as [Structure, (v: ProcessView) => unknown[]][]) {
    const current = new Map<string, { entries: number; bytes: number }>();
    let entries = 0;
    let bytes = 0;
    const f: Footprint = { structure: name, maxEntries: 0, maxBytes: 0, peakEntries: 0, peakBytes: 0 };
    const see = (node: string, view: unknown) => {
      const s = size(read((view ?? {}) as ProcessView));
      const before = current.get(node) ?? { entries: 0, bytes: 0 };
      current.set(node, s);
      entries += s.entries - before.entries;
      bytes += s.bytes - before.bytes;
      f.maxEntries = Math.max(f.maxEntries, s.entries);
      f.maxBytes = Math.max(f.maxBytes, s.bytes);
      f.peakEntries = Math.max(f.peakEntries, entries);
      f.peakBytes = Math.max(f.peakBytes, bytes);
    };
    for (const [node, view] of Object.entries(trace.initial)) see(node, view);
    for (const s of trace.states) see(s.node, s.state);
    if (f.maxEntries > 0) out.push(f);
  }
  return out;
}

/** Heap before a run, right after it (garbage included) and after a collection with the trace still held. */
function heapOf(s: ProcessScenario): { before: number; after: number; retained: number; traceJson: number } {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const trace = simulate(s);
  const after = process.memoryUsage().heapUsed;
  collectGarbage();
  const retained = process.memoryUsage().heapUsed;
  return { before, after, retained, traceJson: Buffer.byteLength(JSON.stringify(trace)) };
}

/**
 * Print one throughput row and return the run's footprint. A function of its own so the trace
 * dies with its frame (V8 keeps a loop's last value alive until the enclosing function returns,
 * which the heap figures would count).
 */
function throughput(name: string, scenario: ProcessScenario): Footprint[] {
  const trace = simulate(scenario);
  const runs = timeRuns(() => simulate(scenario), 5);
  const r = rates(trace.events.length, runs);
  const lost = trace.copies.filter((c) => c.lost !== null).length;
  console.log(
    `| ${name} | ${thousands(trace.events.length)}${trace.truncated ? ' (truncated)' : ''} | ${thousands(lost)} | ${runs.length} | ${thousands(r.wall)} | ${thousands(r.cpu)} |`,
  );
  return reliabilityFootprint(trace);
}

export function benchReliability(): void {
  const workloads = RELIABILITY_SETTINGS.map((r) => ({ ...r, scenario: reliabilityWorkload(r.reliability) }));
  console.log(
    `\n## Reliability layer (issue 3): ${PROCESSES} processes, ${MULTICASTS} random multicasts, FIFO, latency ${LATENCY.join('–')}, loss ${LOSS * 100}%\n`,
  );
  console.log('| setting | events/run | copies lost | runs | events/s (wall) | events/s (CPU) |');
  console.log('|---|---:|---:|---:|---:|---:|');
  const footprints = workloads.map(({ name, scenario }) => throughput(name, scenario));

  console.log('\n### Logs and buffers, from the trace states (entries; bytes of their JSON as recorded)\n');
  console.log(
    '| setting | structure | largest at one process: entries | bytes | peak over all processes at one step: entries | bytes |',
  );
  console.log('|---|---|---:|---:|---:|---:|');
  workloads.forEach(({ name }, i) => {
    for (const f of footprints[i]!)
      console.log(
        `| ${name} | ${f.structure} | ${thousands(f.maxEntries)} | ${thousands(f.maxBytes)} | ${thousands(f.peakEntries)} | ${thousands(f.peakBytes)} |`,
      );
  });

  console.log('\n### Process heap around one run (V8 heapUsed, MiB; gc() before and after)\n');
  console.log('| setting | before | right after the run | after GC, trace held | trace as JSON |');
  console.log('|---|---:|---:|---:|---:|');
  for (const { name, scenario } of workloads) {
    const h = heapOf(scenario);
    console.log(
      `| ${name} | ${mib(h.before)} | ${mib(h.after)} (+${mib(h.after - h.before)}) | ${mib(h.retained)} (+${mib(h.retained - h.before)}) | ${mib(h.traceJson)} |`,
    );
  }
}
