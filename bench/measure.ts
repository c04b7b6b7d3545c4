import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Timing and printing helpers every benchmark part shares (bench/run.ts and the parts it calls). */

export const MIN_SECONDS = 0.5;

export const quantile = (xs: readonly number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
};
export const fmt = (n: number, digits = 2) => n.toFixed(digits);
export const thousands = (n: number) => Math.round(n).toLocaleString('en-US');
export const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES target');

/**
 * Wall-clock and CPU time of one call, in ms. On a shared machine other processes stretch the
 * wall clock but not this process's CPU time, so both are reported; on an idle machine they agree.
 */
export interface Timing {
  wall: number;
  cpu: number;
}

export function timed(f: () => unknown): Timing {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  f();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

export const medians = (ts: readonly Timing[]) => ({
  wall: quantile(
    ts.map((t) => t.wall),
    0.5,
  ),
  cpu: quantile(
    ts.map((t) => t.cpu),
    0.5,
  ),
});

/** Run `f` until at least MIN_SECONDS of it and `minRuns` runs were timed (after one warm-up run). */
export function timeRuns(f: () => unknown, minRuns = 1): Timing[] {
  f();
  const runs: Timing[] = [];
  let total = 0;
  while (total < MIN_SECONDS * 1000 || runs.length < minRuns) {
    const t = timed(f);
    runs.push(t);
    total += t.wall;
  }
  return runs;
}

/** `events` per second of a median run, wall clock and CPU. */
export function rates(events: number, runs: readonly Timing[]): { wall: number; cpu: number } {
  const m = medians(runs);
  return { wall: events / (m.wall / 1000), cpu: events / (m.cpu / 1000) };
}

export function machine(): string[] {
  const cpu = cpus();
  return [
    `CPU: ${cpu[0]?.model ?? 'unknown'} × ${cpu.length} logical cores`,
    `Memory: ${fmt(totalmem() / 2 ** 30, 1)} GiB`,
    `OS: ${platform()} ${release()}`,
    `Node: ${process.version}`,
    // Other work on the machine skews every figure: say how busy it was.
    `Load average at start (1/5/15 min): ${loadavg()
      .map((l) => fmt(l))
      .join(' / ')}`,
  ];
}

/**
 * V8's garbage collector, so heap figures count live objects only. `--expose-gc` is set at run
 * time (the documented V8 flag), which makes `gc` visible in contexts created afterwards.
 */
export const collectGarbage: () => void = (() => {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

export const mib = (bytes: number) => fmt(bytes / 2 ** 20, 1);
