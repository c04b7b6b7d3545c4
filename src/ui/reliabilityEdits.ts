import { type ReliabilityInput, ReliabilitySchema, type ReliabilityScheme } from '../scenarios/process-ext';
import type { Scenario } from '../scenarios/schema';

/**
 * Edits of a scenario's reliability setting and faults (issue 3), pure `scenario → scenario`
 * functions for `store.edit`, so each is undoable and goes into the URL.
 */

type Rel = ReliabilityInput;
export const DEFAULT_REL: Rel = ReliabilitySchema.parse({ scheme: 'unreliable' });

/** The setting as the schema would read it (defaults filled in). */
export function relOf(s: Scenario): Rel | null {
  return s.lab === 'process' && s.reliability ? s.reliability : null;
}

/** The schema's first complaint about a setting, or null if it is valid. */
export function relProblem(r: Rel): string | null {
  const v = ReliabilitySchema.safeParse(r);
  return v.success ? null : (v.error.issues[0]?.message ?? 'invalid');
}

/** Switch the scheme; the ACK optimizations a scheme cannot have are turned off with it. */
export function setScheme(scheme: ReliabilityScheme | 'none') {
  return (s: Scenario): Scenario => {
    if (s.lab !== 'process') return s;
    if (scheme === 'none') {
      const { reliability: _r, ...rest } = s;
      return rest as Scenario;
    }
    const old = s.reliability ?? DEFAULT_REL;
    const tunable = scheme === 'reliable' || scheme === 'vsync';
    const next: Rel = tunable
      ? { ...old, scheme, ...(scheme === 'vsync' ? { window: 1, nack: false } : {}) }
      : { ...old, scheme, window: 1, cumulative: false, piggyback: false, nack: false };
    return { ...s, reliability: next };
  };
}

/** Change one ACK optimization, keeping what the schema requires (an ACK delay for cumulative/piggyback). */
export function setOption(
  patch: Partial<Pick<Rel, 'window' | 'cumulative' | 'piggyback' | 'nack' | 'ackDelay'>>,
) {
  return (s: Scenario): Scenario => {
    if (s.lab !== 'process' || !s.reliability) return s;
    const next: Rel = { ...s.reliability, ...patch };
    if ((next.cumulative || next.piggyback) && next.ackDelay === 0) next.ackDelay = 2;
    return relProblem(next) === null ? { ...s, reliability: next } : s;
  };
}

export type FaultChoice =
  | 'crash'
  | 'crash-restart'
  | 'crash-restart-nolog'
  | 'send-omission'
  | 'receive-omission'
  | 'byzantine';

/** A fault at `node` from virtual time `at` (a restart or the end of a window `gap` ticks later). */
export function addFault(node: string, at: number, choice: FaultChoice, gap = 20) {
  return (s: Scenario): Scenario => {
    if (s.lab !== 'process') return s;
    const f =
      choice === 'crash'
        ? { type: 'crash' as const, at, node }
        : choice === 'crash-restart' || choice === 'crash-restart-nolog'
          ? { type: 'crash' as const, at, node, restart: { at: at + gap, log: choice === 'crash-restart' } }
          : choice === 'byzantine'
            ? { type: 'byzantine' as const, at, node, mode: 'corrupt' as const, until: at + gap }
            : { type: choice, at, node, until: at + gap };
    return { ...s, faults: [...(s.faults ?? []), f] };
  };
}

/** Split the processes into `groups` at `at`. */
export function addPartition(groups: string[][], at: number) {
  return (s: Scenario): Scenario =>
    s.lab !== 'process' || groups.filter((g) => g.length > 0).length < 2
      ? s
      : {
          ...s,
          faults: [
            ...(s.faults ?? []),
            { type: 'partition', at, groups: groups.filter((g) => g.length > 0) },
          ],
        };
}

export function addHeal(at: number) {
  return (s: Scenario): Scenario =>
    s.lab !== 'process' ? s : { ...s, faults: [...(s.faults ?? []), { type: 'heal', at }] };
}
