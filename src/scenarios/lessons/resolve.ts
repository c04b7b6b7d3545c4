import type { Trace } from '../../sim/trace';
import type { Scenario } from '../schema';
import type { CursorSpec, Lesson } from './types';

/**
 * Where a step's cursor lands in its trace (the store's cursor counts events shown, so
 * `events.length` is the end of the run). Pure, so the player and the tests agree.
 * - a number: clamped to [0, events.length];
 * - `'end'`: events.length;
 * - `{ after }`: just after the `nth` (1-based, default 1) event matching type, node and msg;
 *   when nothing matches, the end of the run, so a lesson never points past its trace.
 */
export function resolveCursor(trace: Trace, spec: CursorSpec): number {
  const n = trace.events.length;
  if (spec === 'end') return n;
  if (typeof spec === 'number') return Number.isFinite(spec) ? Math.max(0, Math.min(n, Math.round(spec))) : n;
  const match = findAfter(trace, spec);
  return match === null ? n : match + 1;
}

/** The step of the event an `{ after }` spec names, or null if no event matches. */
export function findAfter(trace: Trace, spec: Extract<CursorSpec, { after: unknown }>): number | null {
  const { type, node, msg } = spec.after;
  let left = Math.max(1, Math.floor(spec.after.nth ?? 1));
  for (const e of trace.events) {
    if (e.type !== type || (node !== undefined && e.node !== node) || (msg !== undefined && e.msg !== msg))
      continue;
    left -= 1;
    if (left === 0) return e.step;
  }
  return null;
}

/**
 * The scenario step `i` shows: its own, or else the nearest earlier step's (a step without a
 * scenario continues the previous one). `i` is clamped to the lesson's steps.
 */
export function resolveStepScenario(lesson: Lesson, i: number): Scenario {
  const last = lesson.steps.length - 1;
  for (let k = Math.max(0, Math.min(last, Math.floor(i))); k >= 0; k--) {
    const s = lesson.steps[k]?.scenario;
    if (s) return s;
  }
  throw new Error(`lesson "${lesson.id}": its first step must give a scenario`);
}
